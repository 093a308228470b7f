#include "wheelguard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QWidget>

namespace roofline {

void WheelGuard::guardInputsUnder(QWidget *root)
{
    auto *guard = new WheelGuard(root);
    const auto guarded = [guard](QWidget *input) {
        // A wheel turn alone no longer gives focus (Qt::WheelFocus would), so it never starts taking the wheel.
        input->setFocusPolicy(Qt::StrongFocus);
        input->installEventFilter(guard);
    };
    for (QComboBox *box : root->findChildren<QComboBox *>())
        guarded(box);
    for (QAbstractSpinBox *box : root->findChildren<QAbstractSpinBox *>())
        guarded(box);
    for (QAbstractSlider *slider : root->findChildren<QAbstractSlider *>())
        guarded(slider);
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Wheel) {
        const auto *input = qobject_cast<QWidget *>(watched);
        if (input && !input->hasFocus()) {
            // Not taken, so it goes on to the parents: the scroll area scrolls.
            event->ignore();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace roofline
