#include "undokeys.h"

#include <QAbstractSpinBox>
#include <QDoubleSpinBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSpinBox>

namespace roofline {

namespace {
// Puts the box's text back to its value, dropping what was typed and not yet entered. True if there was some.
bool dropTyping(QAbstractSpinBox *box)
{
    auto *edit = box->findChild<QLineEdit *>();
    if (!edit || !edit->isModified())
        return false;
    if (auto *whole = qobject_cast<QSpinBox *>(box))
        whole->setValue(whole->value());
    else if (auto *number = qobject_cast<QDoubleSpinBox *>(box))
        number->setValue(number->value());
    edit->setModified(false);
    return true;
}

class UndoKeysFilter : public QObject
{
public:
    explicit UndoKeysFilter(QAbstractSpinBox *box)
        : QObject(box)
        , m_box(box)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::KeyPress && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Undo))
            return true; // the edit's own history is never used (its typing was dropped at the override)
        if (event->type() == QEvent::ShortcutOverride) {
            auto *key = static_cast<QKeyEvent *>(event);
            const QKeySequence pressed(key->keyCombination());
            // Typing not yet entered is undone first, as one step of its own: the window's last step stays.
            if (key->matches(QKeySequence::Undo) && dropTyping(m_box)) {
                event->accept(); // the box's: the window's Undo does not fire
                return true;
            }
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

private:
    QAbstractSpinBox *m_box;
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
