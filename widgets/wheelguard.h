#pragma once

#include <QObject>

class QWidget;

namespace roofline {

// In a panel that scrolls, the wheel scrolls the panel: the combo boxes, spin boxes and sliders inside it take
// the wheel only once they have the keyboard focus (a click or Tab gives it). Without this, scrolling the
// panel past a combo box changed its value, an undo step each time.
class WheelGuard : public QObject
{
    Q_OBJECT
public:
    // Guards every combo box, spin box and slider under `root`, now (call it once they are made).
    static void guardInputsUnder(QWidget *root);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace roofline
