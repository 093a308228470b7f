#include "testutil.h"

#include "bufferedplot.h"

#include "qcp.h"

using namespace roofline;

// The canvas's paint buffers. BufferedPlot is a QCustomPlot, and what is tested here is how it hands QCustomPlot its
// buffers: so this test, unlike those of the roofline chart, works through QCustomPlot's own interface.
class TestBufferedPlot : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void canvasTakesOnlyALayoutItCanServe()
    {
        BufferedPlot canvas;
        QVERIFY(canvas.useRecordedTopLayer()); // QCustomPlot's own layers: the overlay on top is buffered
        canvas.layer(QStringLiteral("main"))->setMode(QCPLayer::lmBuffered);
        QVERIFY(!canvas.useRecordedTopLayer()); // a buffered layer in the middle needs QCustomPlot's buffers
        canvas.layer(QStringLiteral("main"))->setMode(QCPLayer::lmLogical);
        canvas.layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);
        QVERIFY(!canvas.useRecordedTopLayer()); // no buffered layer at all
        // Back on QCustomPlot's own buffers, the plot still draws.
        canvas.resize(200, 150);
        canvas.setBackground(Qt::red);
        canvas.replot();
        QCOMPARE(canvas.grab().toImage().pixelColor(100, 75), QColor(Qt::red));
    }

    // New buffers (as on a move to a screen of another pixel ratio) hold nothing yet: the next replot draws every
    // layer, even one asked of the top layer alone, which would otherwise leave the frame's image blank.
    void newBuffersAreRedrawnWhole()
    {
        BufferedPlot canvas;
        canvas.resize(200, 150);
        // The roofline chart's arrangement: every layer logical but one buffered on top.
        canvas.layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);
        canvas.addLayer(QStringLiteral("top"), canvas.layer(QStringLiteral("overlay")), QCustomPlot::limAbove);
        QCPLayer *top = canvas.layer(QStringLiteral("top"));
        top->setMode(QCPLayer::lmBuffered);
        QVERIFY(canvas.useRecordedTopLayer());
        // The frame: a blue rectangle over the whole canvas, on the main layer (in the frame's image).
        auto *frame = new QCPItemRect(&canvas);
        frame->setClipToAxisRect(false);
        frame->topLeft->setType(QCPItemPosition::ptAbsolute);
        frame->bottomRight->setType(QCPItemPosition::ptAbsolute);
        frame->topLeft->setCoords(0, 0);
        frame->bottomRight->setCoords(200, 150);
        frame->setPen(Qt::NoPen);
        frame->setBrush(Qt::blue);
        canvas.replot();
        QCOMPARE(canvas.grab().toImage().pixelColor(100, 75), QColor(Qt::blue));
        canvas.setBufferDevicePixelRatio(2); // new images
        top->replot(); // a step that alone would redraw only the top layer
        QCOMPARE(canvas.grab().toImage().pixelColor(100, 75), QColor(Qt::blue)); // the frame is there
    }

    // A resize makes new images, shown until the queued replot draws them: in the chart's own background, not
    // in white (a dark chart flashed white while the window was resized).
    void aResizedCanvasShowsItsBackgroundBeforeItsReplot()
    {
        BufferedPlot canvas;
        canvas.resize(200, 150);
        canvas.layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);
        canvas.addLayer(QStringLiteral("top"), canvas.layer(QStringLiteral("overlay")), QCustomPlot::limAbove);
        canvas.layer(QStringLiteral("top"))->setMode(QCPLayer::lmBuffered);
        QVERIFY(canvas.useRecordedTopLayer());
        const QColor dark(0x20, 0x22, 0x28);
        canvas.setUnpaintedColor(dark);
        canvas.replot();
        canvas.resize(300, 200); // new images; the replot is only queued
        QCOMPARE(canvas.grab().toImage().pixelColor(250, 180), dark);
    }
};

QTEST_MAIN(TestBufferedPlot)
#include "tst_bufferedplot.moc"
