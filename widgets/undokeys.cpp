#include "undokeys.h"

#include <QAbstractSpinBox>
#include <QKeyEvent>
#include <QLineEdit>

namespace roofline {

namespace {
class UndoKeysFilter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            auto *key = static_cast<QKeyEvent *>(event);
            const QKeySequence pressed(key->keyCombination());
            const bool undoOrRedo = key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo)
                || pressed == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z) || pressed == QKeySequence(Qt::CTRL | Qt::Key_Y);
            // The window's own keys that a line edit would take as editing keys (on X11 Ctrl+E is "end of line"):
            // Export, Pin, New.
            const bool windowKey = pressed == QKeySequence(Qt::CTRL | Qt::Key_E) || pressed == QKeySequence(Qt::CTRL | Qt::Key_P)
                || pressed == QKeySequence(Qt::CTRL | Qt::Key_N);
            if (undoOrRedo || windowKey) {
                event->ignore(); // not the edit's: the window's shortcut gets the key
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};
} // namespace

void leaveUndoToWindow(QAbstractSpinBox *box)
{
    box->setKeyboardTracking(false);
    auto *filter = new UndoKeysFilter(box);
    box->installEventFilter(filter);
    if (auto *edit = box->findChild<QLineEdit *>())
        edit->installEventFilter(filter);
}

} // namespace roofline
