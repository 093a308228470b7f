#include "testutil.h"

#include "logslider.h"

#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QSlider>

using namespace roofline;

class TestLogSlider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sliderTicksAreLogarithmic()
    {
        LogSlider slider(1, 1024, true, QString());
        QSignalSpy spy(&slider, &LogSlider::valueChanged);
        slider.slider()->setValue(500); // half way on a log scale from 1 to 1024: sqrt(1024) = 32
        QCOMPARE(slider.value(), 32.0);
        QCOMPARE(slider.spinBox()->value(), 32.0);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.takeFirst().at(0).toDouble(), 32.0);
        slider.slider()->setValue(1000);
        QCOMPARE(slider.value(), 1024.0);
    }

    void dragStepsOnTheSameIntegerEmitOnce()
    {
        LogSlider slider(1, 1024, true, QString());
        QSignalSpy spy(&slider, &LogSlider::valueChanged);
        slider.slider()->setValue(1); // 1024^(1/1000) = 1.007 -> rounds to 1: no change
        slider.slider()->setValue(2);
        QCOMPARE(spy.count(), 0);
    }

    void spinBoxMovesTheSlider()
    {
        LogSlider slider(10, 10000, false, QStringLiteral(" GB/s"));
        QSignalSpy spy(&slider, &LogSlider::valueChanged);
        slider.spinBox()->setValue(100); // 10 -> 10000 is three decades; 100 is one third
        QCOMPARE(slider.value(), 100.0);
        QCOMPARE(slider.slider()->value(), 333);
        QCOMPARE(spy.count(), 1);
    }

    // A track of real figures lands on three significant figures; the box takes two decimals and shows them as
    // written: the peak's track runs from 1 to 5000 TFLOP/s.
    void realFiguresReadAsWritten()
    {
        LogSlider slider(1, 5000, false, QStringLiteral(" TFLOP/s"));
        // Tick 566: 5000^0.566 = 124.18... -> 124 at three figures.
        slider.slider()->setValue(566);
        QCOMPARE(slider.value(), 124.0);
        QCOMPARE(slider.spinBox()->text(), QStringLiteral("124 TFLOP/s"));
        // Tick 100: 5000^0.1 = 2.3428... -> 2.34.
        slider.slider()->setValue(100);
        QCOMPARE(slider.value(), 2.34);
        slider.spinBox()->setValue(123.45); // typed from a datasheet: kept to the hundredth
        QCOMPARE(slider.value(), 123.45);
        QCOMPARE(slider.spinBox()->text(), QStringLiteral("123.45 TFLOP/s"));
        slider.spinBox()->setValue(989.4);
        QCOMPARE(slider.spinBox()->text(), QStringLiteral("989.4 TFLOP/s"));
    }

    // The arrow keys step to the next value: on the batch slider (1 to 1024 over 1000 ticks, 0.007 of a doubling a
    // tick) each press is the next integer at the low end, and a multiple of one tick further up.
    void arrowKeysStepToTheNextValue()
    {
        LogSlider slider(1, 1024, true, QString());
        QSignalSpy changed(&slider, &LogSlider::valueChanged);
        QTest::keyClick(slider.slider(), Qt::Key_Right);
        QCOMPARE(slider.value(), 2.0);
        QTest::keyClick(slider.slider(), Qt::Key_Right);
        QCOMPARE(slider.value(), 3.0);
        QTest::keyClick(slider.slider(), Qt::Key_Left);
        QCOMPARE(slider.value(), 2.0);
        QTest::keyClick(slider.slider(), Qt::Key_Left);
        QCOMPARE(slider.value(), 1.0);
        QCOMPARE(changed.count(), 4);
        QTest::keyClick(slider.slider(), Qt::Key_Left); // at the start: stays
        QCOMPARE(slider.value(), 1.0);
        // Near the top a tick is 0.7 %: 1024 -> 1017.
        slider.setValue(1024);
        QTest::keyClick(slider.slider(), Qt::Key_Left);
        QCOMPARE(slider.value(), 1017.0);
    }

    void valuesAreClamped()
    {
        LogSlider slider(1, 5000, false, QString());
        slider.setValue(1e9);
        QCOMPARE(slider.value(), 5000.0);
        slider.setValue(-3);
        QCOMPARE(slider.value(), 1.0);
        slider.setValue(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(slider.value(), 1.0);
    }

    // The box takes values beyond the track: a batch of 4096 typed where the track ends at 1024 is 4096, with the
    // slider at its end; the track's first step back from there is its own value again (724, 2^9.5).
    void theBoxTakesMoreThanTheTrack()
    {
        LogSlider slider(1, 1024, true, QString());
        slider.setTypedRange(1, 1e9);
        QSignalSpy changed(&slider, &LogSlider::valueChanged);
        slider.spinBox()->setValue(4096);
        QCOMPARE(slider.value(), 4096.0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.front().front().toDouble(), 4096.0);
        QCOMPARE(slider.slider()->value(), slider.slider()->maximum());
        slider.setValue(2e9);
        QCOMPARE(slider.value(), 1e9);
        QCOMPARE(slider.spinBox()->value(), 1e9);
        slider.slider()->setValue(slider.slider()->maximum() - 50); // 1024^(0.95) = 724.1
        QCOMPARE(slider.value(), 724.0);
        slider.setValue(0);
        QCOMPARE(slider.value(), 1.0);
    }
};

QTEST_MAIN(TestLogSlider)
#include "tst_logslider.moc"
