#include "testutil.h"

#include "canvas.h"
#include "chartdata.h"
#include "chartstyle.h"
#include "modelfixtures.h"
#include "rooflineplot.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QHelpEvent>
#include <QSignalSpy>
#include <QToolTip>
#include <QWheelEvent>

using namespace roofline;

namespace {
Scenario seedScenario()
{
    Scenario s;
    s.model = llama2_13b();
    s.gpu = seedA6000();
    return s;
}

QPointF pixelOf(const RooflinePlot &plot, double x, double y)
{
    return QPointF(plot.customPlot()->xAxis->coordToPixel(x), plot.customPlot()->yAxis->coordToPixel(y));
}

// What the canvas shows on screen, once its queued replot has run: its paint event draws the canvas's
// own paint buffers (unlike toPixmap(), which redraws every layer).
QImage screen(const RooflinePlot &plot)
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
    return plot.customPlot()->grab().toImage();
}

// Whether some pixel within `radius` of `at` is within `tolerance` (per channel) of `colour`.
bool colourNear(const QImage &image, QPointF at, const QColor &colour, int radius = 2, int tolerance = 40)
{
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p = at.toPoint() + QPoint(dx, dy);
            if (!image.rect().contains(p))
                continue;
            const QColor c = image.pixelColor(p);
            if (std::abs(c.red() - colour.red()) <= tolerance && std::abs(c.green() - colour.green()) <= tolerance
                && std::abs(c.blue() - colour.blue()) <= tolerance)
                return true;
        }
    return false;
}

const ChartPoint &currentPoint(const ChartData &chart, Series series)
{
    return *std::find_if(chart.current.begin(), chart.current.end(), [&](const ChartPoint &p) { return p.series == series; });
}

// How many of 200 samples along a memory roof of `bandwidth` (intensity 1.5 to 6) show `colour`.
int roofPixels(const QImage &image, const RooflinePlot &plot, double bandwidth, const QColor &colour)
{
    int count = 0;
    for (int i = 0; i < 200; ++i) {
        const double intensity = 1.5 * std::pow(4.0, i / 199.0);
        count += colourNear(image, pixelOf(plot, intensity, bandwidth * intensity), colour, 0) ? 1 : 0;
    }
    return count;
}
}

class TestRooflinePlot : public QObject
{
    Q_OBJECT
private:
    ScenarioResults m_results;
    std::unique_ptr<RooflinePlot> m_plot;

private Q_SLOTS:
    void init()
    {
        m_results.recompute(seedScenario());
        m_plot = std::make_unique<RooflinePlot>();
        m_plot->resize(1200, 800);
        m_plot->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_plot.get()));
        m_plot->setData(m_results.chart);
        m_plot->customPlot()->replot(); // lay out now, so pixel positions are real
        QCOMPARE(m_plot->customPlot()->width(), 1200);
    }

    void seriesGraphsHoldTheModelsPoints()
    {
        for (int i = 0; i < SeriesCount; ++i) {
            const Series series = static_cast<Series>(i);
            QCPGraph *graph = m_plot->currentGraph(series);
            QCOMPARE(graph->name(), QString::fromUtf8(seriesName(series).data()));
            QCOMPARE(graph->scatterStyle().pen().color(), seriesColor(series));
            int expected = 0;
            for (const ChartPoint &p : m_results.chart.current)
                expected += p.series == series ? 1 : 0;
            QCOMPARE(graph->dataCount(), expected);
            QVERIFY(m_plot->sweepGraph(series)->dataCount() > graph->dataCount());
        }
        // The prefill qk point: intensity 113.78 FLOP/B on the memory roof, 768e9 * 113.78 FLOP/s.
        QCPGraph *qkpv = m_plot->currentGraph(Series::QkPvInit);
        bool found = false;
        for (auto it = qkpv->data()->constBegin(); it != qkpv->data()->constEnd(); ++it)
            found = found || (std::fabs(it->key - 113.7778) < 1e-3 && std::fabs(it->value / (768e9 * it->key) - 1) < 1e-9);
        QVERIFY(found);
    }

    void roofsAndRidge()
    {
        QCOMPARE(m_plot->memoryRoof()->name(), QStringLiteral("768GB/s"));
        QCOMPARE(m_plot->computeRoof()->name(), QStringLiteral("181 TFLOP/s"));
        QCOMPARE(m_plot->computeRoof()->data()->constBegin()->value, 181e12);
        const auto first = m_plot->memoryRoof()->data()->constBegin();
        ROOFLINE_COMPARE_REL(first->value / first->key, 768e9, 1e-12);
        ROOFLINE_COMPARE_REL(m_plot->ridgeLine()->start->coords().x(), 235.677, 1e-5);
    }

    void resetViewIsTheSeedFrame()
    {
        const QCPRange x = m_plot->customPlot()->xAxis->range();
        const QCPRange y = m_plot->customPlot()->yAxis->range();
        QCOMPARE(x.lower, 0.6);
        QCOMPARE(x.upper, 1e4);
        QCOMPARE(y.lower, 1e10);
        QCOMPARE(y.upper, 3e14);
        QCOMPARE(m_plot->customPlot()->xAxis->scaleType(), QCPAxis::stLogarithmic);
        // A roof above the frame widens it.
        Scenario fast = seedScenario();
        fast.gpu.setPeak(ComputeType::Fp16, 2000e12);
        ScenarioResults results;
        results.recompute(fast);
        m_plot->setData(results.chart);
        QVERIFY2(m_plot->customPlot()->yAxis->range().upper >= 2000e12,
                 qPrintable(QString::number(m_plot->customPlot()->yAxis->range().upper)));
    }

    void zoomIsBounded()
    {
        m_plot->customPlot()->xAxis->setRange(5, 6); // inside one decade
        const QCPRange x = m_plot->customPlot()->xAxis->range();
        QVERIFY(x.upper / x.lower >= 10.0 - 1e-9);
        m_plot->customPlot()->yAxis->setRange(-5, 1e30); // non-positive and absurd
        QVERIFY(m_plot->customPlot()->yAxis->range().lower > 0);
        QVERIFY(m_plot->customPlot()->yAxis->range().upper <= 1e21);
        // A wheel turn is the user's own zoom: new data no longer re-fits the frame.
        QVERIFY(!m_plot->isViewCustomised());
        QWheelEvent wheel(QPointF(600, 400), m_plot->customPlot()->mapToGlobal(QPointF(600, 400)), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(m_plot->customPlot(), &wheel);
        QVERIFY(m_plot->isViewCustomised());
        const QCPRange zoomed = m_plot->customPlot()->xAxis->range();
        m_plot->setData(m_results.chart);
        QCOMPARE(m_plot->customPlot()->xAxis->range(), zoomed);
        m_plot->resetView();
        QVERIFY(!m_plot->isViewCustomised());
        QCOMPARE(m_plot->customPlot()->xAxis->range().lower, 0.6);
    }

    void hoverFindsThePoint()
    {
        const ChartPoint &target = m_results.chart.current.front(); // prefill q_proj
        const QPointF pixel = pixelOf(*m_plot, target.intensity, target.attainableFlopsPerSecond);
        const ChartPoint *hit = m_plot->pointAt(pixel + QPointF(2, -2));
        QVERIFY(hit);
        QCOMPARE(hit->intensity, target.intensity);
        QVERIFY(!m_plot->pointAt(QPointF(5, 5)));
        const QString tip = RooflinePlot::tooltipText(*hit);
        for (const char *part : { "q_proj", "qkv mlp init", "prefill", "batch 1", "sequence 2048", "FLOP/B", "compute-bound" })
            QVERIFY2(tip.contains(QLatin1String(part)), qPrintable(tip));
        // Decode projections of several series share intensity ~1: all are named.
        const ChartPoint *decode = nullptr;
        for (const ChartPoint &p : m_results.chart.current)
            if (p.series == Series::QkvMlpAr)
                decode = &p;
        QVERIFY(m_plot->pointsAt(pixelOf(*m_plot, decode->intensity, decode->attainableFlopsPerSecond)).size() >= 3);
    }

    void legendClickHidesASeries()
    {
        QSignalSpy spy(m_plot.get(), &RooflinePlot::seriesVisibilityChanged);
        QCPPlottableLegendItem *item = m_plot->customPlot()->legend->itemWithPlottable(m_plot->currentGraph(Series::QkPvAr));
        QVERIFY(item);
        QTest::mouseClick(m_plot->customPlot(), Qt::LeftButton, {}, item->rect().center());
        QCOMPARE(spy.count(), 1);
        QVERIFY(!m_plot->isSeriesVisible(Series::QkPvAr));
        QVERIFY(!m_plot->currentGraph(Series::QkPvAr)->visible());
        QVERIFY(!m_plot->sweepGraph(Series::QkPvAr)->visible());
        // A hidden series is not hovered.
        const ChartPoint &last = *std::find_if(m_results.chart.current.begin(), m_results.chart.current.end(),
                                               [](const ChartPoint &p) { return p.series == Series::QkPvAr; });
        for (const ChartPoint *p : m_plot->pointsAt(pixelOf(*m_plot, last.intensity, last.attainableFlopsPerSecond)))
            QVERIFY(p->series != Series::QkPvAr);
        QTest::mouseClick(m_plot->customPlot(), Qt::LeftButton, {}, item->rect().center());
        QVERIFY(m_plot->isSeriesVisible(Series::QkPvAr));
    }

    void theScreenFollowsABatchStep()
    {
        // One series alone and no sweep, so that no other marker shares its pixels (the sweep's faint
        // crosses at batch 1 overlap one another until they are as strong as the current marker).
        for (int i = 0; i < SeriesCount; ++i)
            m_plot->setSeriesVisible(static_cast<Series>(i), static_cast<Series>(i) == Series::QkvMlpAr);
        m_results.chart.sweep.clear();
        m_plot->setData(m_results.chart);
        const QColor orange = seriesColor(Series::QkvMlpAr);
        const ChartPoint before = currentPoint(m_results.chart, Series::QkvMlpAr); // decode at batch 1: ~1 FLOP/B
        const QPointF oldPixel = pixelOf(*m_plot, before.intensity, before.attainableFlopsPerSecond);
        QVERIFY(colourNear(screen(*m_plot), oldPixel, orange));

        QSignalSpy replots(m_plot.get(), &RooflinePlot::replotted);
        Scenario s = seedScenario();
        s.workload.batch = 64;
        ScenarioResults results;
        results.recompute(s);
        results.chart.sweep.clear();
        m_plot->setData(results.chart);
        const QImage after = screen(*m_plot);
        QCOMPARE(replots.count(), 1);
        QCOMPARE(replots.front().front().toBool(), false); // the points' layer alone was redrawn
        const ChartPoint moved = currentPoint(results.chart, Series::QkvMlpAr); // ~63 FLOP/B
        QVERIFY(moved.intensity > 30 * before.intensity);
        QVERIFY(colourNear(after, pixelOf(*m_plot, moved.intensity, moved.attainableFlopsPerSecond), orange));
        QVERIFY2(!colourNear(after, oldPixel, orange), "the marker of the last step is still on screen");
    }

    void aRoofChangeRedrawsTheFrame()
    {
        const QColor blue(0x1f, 0x77, 0xb4); // the memory roof's colour
        QVERIFY(roofPixels(screen(*m_plot), *m_plot, 768e9, blue) > 40); // dashed: not every sample is on a dash
        QSignalSpy replots(m_plot.get(), &RooflinePlot::replotted);
        Scenario s = seedScenario();
        s.gpu.bandwidthBytesPerSecond = 2 * 768e9;
        ScenarioResults results;
        results.recompute(s);
        m_plot->setData(results.chart);
        const QImage after = screen(*m_plot);
        QCOMPARE(replots.count(), 1);
        QCOMPARE(replots.front().front().toBool(), true);
        QVERIFY(roofPixels(after, *m_plot, 2 * 768e9, blue) > 40);
        QCOMPARE(roofPixels(after, *m_plot, 768e9, blue), 0);

        // A step too small to change the roof's label still moves the roof.
        s.gpu.bandwidthBytesPerSecond = 2 * 768e9 + 1e6;
        ScenarioResults nudged;
        nudged.recompute(s);
        QCOMPARE(nudged.chart.bandwidthLabel, results.chart.bandwidthLabel);
        m_plot->setData(nudged.chart);
        screen(*m_plot);
        QCOMPARE(replots.count(), 2);
        QCOMPARE(replots.back().front().toBool(), true);
    }

    void aSweepThatMovesRedrawsTheFrame()
    {
        // A batch sweep at the current sequence length: a batch step leaves it, a sequence step moves it.
        Scenario s = seedScenario();
        s.sweep.batches = { 1, 2, 4, 8, 16, 32 };
        s.sweep.seqs = { s.workload.seq };
        ScenarioResults results;
        results.recompute(s);
        m_plot->setData(results.chart);
        screen(*m_plot);
        QSignalSpy replots(m_plot.get(), &RooflinePlot::replotted);
        s.workload.batch = 3;
        results.recompute(s);
        m_plot->setData(results.chart);
        screen(*m_plot);
        QCOMPARE(replots.count(), 1);
        QCOMPARE(replots.back().front().toBool(), false);
        s.workload.seq = 512;
        s.sweep.seqs = { s.workload.seq };
        results.recompute(s);
        m_plot->setData(results.chart);
        screen(*m_plot);
        QCOMPARE(replots.count(), 2);
        QCOMPARE(replots.back().front().toBool(), true);
    }

    void newBuffersAreRedrawnWhole()
    {
        screen(*m_plot);
        m_plot->customPlot()->setBufferDevicePixelRatio(2); // as on a move to a high-DPI screen: new images
        Scenario s = seedScenario();
        s.workload.batch = 64; // a step that alone would redraw only the points
        ScenarioResults results;
        results.recompute(s);
        m_plot->setData(results.chart);
        QVERIFY(roofPixels(screen(*m_plot), *m_plot, 768e9, QColor(0x1f, 0x77, 0xb4)) > 40); // the frame is there
    }

    void pinsKeepTheirNamesAcrossStyles()
    {
        ChartData data = m_results.chart;
        data.pins = std::vector { ChartData::PinnedPoints { "pinned: batch 1, RTX A6000", m_results.chart.current } };
        m_plot->setData(data);
        QCOMPARE(m_plot->pinLegendGraph(0)->name(), QStringLiteral("pinned: batch 1, RTX A6000"));
        m_plot->setPresentation(true); // restyles the pins' graphs at presentation size
        QCOMPARE(m_plot->pinLegendGraph(0)->name(), QStringLiteral("pinned: batch 1, RTX A6000"));
        m_plot->setPresentation(false);
        QCOMPARE(m_plot->pinLegendGraph(0)->name(), QStringLiteral("pinned: batch 1, RTX A6000"));
    }

    void aLabelIsDraggedByItsInsideAndDrawnWhereItIs()
    {
        m_plot->setAnnotations(std::vector { Annotation { Annotation::Kind::Note, "drag me\nby the middle", 10, 1e12, 0, 0 } });
        QImage image = screen(*m_plot);
        const QPointF centre = m_plot->annotationText(0)->position->coords();
        QCOMPARE(m_plot->annotationAt(centre), 0);
        QCOMPARE(m_plot->annotationAt(centre + QPointF(0, 200)), -1);
        const QColor note(0xff, 0xf8, 0xd0);
        QVERIFY(colourNear(image, centre + QPointF(0, 12), note, 1, 4)); // the box, from its image
        QSignalSpy moved(m_plot.get(), &RooflinePlot::annotationMoved);
        QWidget *canvas = m_plot->canvasWidget();
        const QPoint from = centre.toPoint();
        const QPoint to = from + QPoint(60, -40);
        QTest::mousePress(canvas, Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas, to);
        // While dragged it is drawn where the pointer took it, and no longer where it was.
        image = screen(*m_plot);
        QVERIFY(colourNear(image, centre + QPointF(60, -40 + 12), note, 1, 4));
        QVERIFY(!colourNear(image, centre + QPointF(-40, 14), note, 1, 4));
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(moved.at(0).at(0).toInt(), 0);
        QCOMPARE(moved.at(0).at(1).toDouble(), 60.0);
        QCOMPARE(moved.at(0).at(2).toDouble(), -40.0);
    }

    void aNoteUnderOthersIsNotDrawn()
    {
        // Three notes on one anchor: the last is drawn over the others, which are wholly under it.
        std::vector<Annotation> notes(3, Annotation { Annotation::Kind::Note, "the same place", 10, 1e12, 0, 0 });
        notes[2].text = "the same place, longer";
        m_plot->setAnnotations(notes);
        QVERIFY(!m_plot->annotationText(0)->visible());
        QVERIFY(!m_plot->annotationText(1)->visible());
        QVERIFY(m_plot->annotationText(2)->visible());
        QCOMPARE(m_plot->annotationAt(m_plot->annotationText(2)->position->coords()), 2);
        // Moved apart, all three show.
        notes[1].dx = 300;
        notes[2].dy = 150;
        m_plot->setAnnotations(notes);
        for (int i = 0; i < 3; ++i)
            QVERIFY(m_plot->annotationText(i)->visible());
    }

    void tooltipsShowTextFromFilesAsText()
    {
        // A note too long for the chart shows more of itself in its tooltip, escaped.
        std::string text = "<img src=x><h1>X</h1>";
        for (int i = 0; i < RooflinePlot::MaxNoteLines; ++i)
            text += "\nline";
        m_plot->setAnnotations(std::vector { Annotation { Annotation::Kind::Note, text, 10, 1e12, 0, 0 } });
        screen(*m_plot);
        const QPoint at = m_plot->annotationText(0)->position->coords().toPoint();
        QHelpEvent help(QEvent::ToolTip, at, m_plot->canvasWidget()->mapToGlobal(at));
        QApplication::sendEvent(m_plot->canvasWidget(), &help);
        QCOMPARE(QToolTip::text(), QStringLiteral("<p style='white-space:pre-wrap'>&lt;img src=x&gt;&lt;h1&gt;X&lt;/h1&gt;")
                     + QStringLiteral("\nline").repeated(RooflinePlot::MaxNoteLines) + QStringLiteral("</p>"));
        QToolTip::hideText();
        // A measured kernel's name too.
        ChartData::MeasuredPoint kernel;
        kernel.name = "<img src=x>";
        QVERIFY(RooflinePlot::measuredTooltip(kernel, nullptr).startsWith(QStringLiteral("<b>measured: &lt;img src=x&gt;</b>")));
    }

    void theBackgroundReachesEveryEdge()
    {
        for (const bool dark : { false, true }) {
            m_plot->setDark(dark);
            const QImage image = screen(*m_plot);
            const QColor background = image.pixelColor(2, image.height() / 2); // left of the axis labels
            for (const QPoint corner : { QPoint(0, 0), QPoint(image.width() - 1, 0), QPoint(0, image.height() - 1),
                                         QPoint(image.width() - 1, image.height() - 1) })
                QCOMPARE(image.pixelColor(corner), background);
        }
        QVERIFY(screen(*m_plot).pixelColor(2, 400).lightness() < 80); // dark indeed
    }

    void canvasTakesOnlyALayoutItCanServe()
    {
        Canvas canvas;
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

    void nonPositiveValuesNeverReachTheAxes()
    {
        ChartData data = m_results.chart;
        data.current.front().intensity = 0.0;
        data.current.back().attainableFlopsPerSecond = std::numeric_limits<double>::quiet_NaN();
        data.roof.bandwidthBytesPerSecond = std::numeric_limits<double>::infinity();
        m_plot->setData(data);
        m_plot->customPlot()->replot();
        int total = 0;
        for (int i = 0; i < SeriesCount; ++i) {
            const QCPGraph *graph = m_plot->currentGraph(static_cast<Series>(i));
            for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
                QVERIFY(it->key > 0 && std::isfinite(it->key));
                QVERIFY(it->value > 0 && std::isfinite(it->value));
                ++total;
            }
        }
        QCOMPARE(total, int(data.current.size()) - 2);
        QCOMPARE(m_plot->memoryRoof()->dataCount(), 0);
        QVERIFY(!m_plot->ridgeLine()->visible());
    }
};

QTEST_MAIN(TestRooflinePlot)
#include "tst_rooflineplot.moc"
