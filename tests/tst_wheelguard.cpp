#include "testutil.h"

#include "wheelguard.h"

#include <QApplication>
#include <QComboBox>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWheelEvent>

using namespace roofline;

// In a panel that scrolls, an input under the pointer takes the wheel only once it has the focus.
class TestWheelGuard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void inputsTakeTheWheelOnlyWithTheFocus()
    {
        QScrollArea area;
        auto *panel = new QWidget;
        auto *layout = new QVBoxLayout(panel);
        auto *combo = new QComboBox;
        combo->addItems({ QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") });
        combo->setCurrentIndex(1);
        auto *spin = new QSpinBox;
        spin->setValue(5);
        auto *slider = new QSlider(Qt::Horizontal);
        slider->setValue(50);
        for (QWidget *input : std::initializer_list<QWidget *> { combo, spin, slider })
            layout->addWidget(input);
        layout->addSpacing(1000); // taller than the area: it scrolls
        area.setWidget(panel);
        area.resize(300, 200);
        WheelGuard::guardInputsUnder(panel);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        for (QWidget *input : std::initializer_list<QWidget *> { combo, spin, slider })
            input->clearFocus(); // the window gave its first input the focus
        const auto wheel = [](QWidget *target) {
            const QPointF at(target->width() / 2.0, target->height() / 2.0);
            QWheelEvent event(at, target->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
                              Qt::NoScrollPhase, false);
            QApplication::sendEvent(target, &event);
            return event.isAccepted();
        };
        // Not focused: the wheel is not taken (a real turn goes on to the area), the values stay.
        QVERIFY(!wheel(combo));
        QVERIFY(!wheel(spin));
        QVERIFY(!wheel(slider));
        QCOMPARE(combo->currentIndex(), 1);
        QCOMPARE(spin->value(), 5);
        QCOMPARE(slider->value(), 50);
        // Focused: each takes it and steps.
        for (QWidget *input : std::initializer_list<QWidget *> { combo, spin, slider }) {
            input->setFocus();
            QVERIFY(wheel(input));
        }
        QCOMPARE(combo->currentIndex(), 2);
        QCOMPARE(spin->value(), 4);
        QVERIFY(slider->value() != 50);
    }
};

QTEST_MAIN(TestWheelGuard)
#include "tst_wheelguard.moc"
