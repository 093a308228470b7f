#include "testutil.h"

#include "canvas.h"
#include "chartdata.h"
#include "charttheme.h"
#include "modelfixtures.h"
#include "annotationlayer.h"
#include "charttext.h"
#include "pointslayer.h"
#include "rooflineplot.h"
#include "roofslayer.h"

#include "qcp.h"

#include <QApplication>
#include <QHelpEvent>
#include <QSignalSpy>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <array>

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

using Pairs = std::vector<std::pair<double, double>>;

// What a graph draws: its (key, value) pairs, sorted by key, then value.
Pairs graphPairs(const QCPGraph *graph)
{
    Pairs pairs;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        pairs.emplace_back(it->key, it->value);
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

// The (intensity, FLOP/s) of the points of one series, sorted the same way.
Pairs chartPairs(const std::vector<ChartPoint> &points, Series series)
{
    Pairs pairs;
    for (const ChartPoint &p : points)
        if (p.series == series)
            pairs.emplace_back(p.intensity, p.attainableFlopsPerSecond);
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

// Empty when both hold as many pairs and each pair agrees within a relative 1e-9; else the first difference.
QString differences(const Pairs &drawn, const Pairs &expected)
{
    if (drawn.size() != expected.size())
        return QStringLiteral("%1 pairs drawn, %2 expected").arg(drawn.size()).arg(expected.size());
    const auto near = [](double a, double e) { return std::fabs(a - e) <= 1e-9 * std::fabs(e); };
    for (std::size_t i = 0; i < drawn.size(); ++i)
        if (!near(drawn[i].first, expected[i].first) || !near(drawn[i].second, expected[i].second))
            return QStringLiteral("pair %1: drawn (%2, %3), expected (%4, %5)")
                .arg(i)
                .arg(drawn[i].first, 0, 'g', 12)
                .arg(drawn[i].second, 0, 'g', 12)
                .arg(expected[i].first, 0, 'g', 12)
                .arg(expected[i].second, 0, 'g', 12);
    return {};
}

// How many of the six series' points each phase has: q/k/v/o, gate/up/down, qk/pv.
constexpr std::array<int, SeriesCount> PointsPerSeries { 4, 4, 3, 3, 2, 2 };

// A chart in which the points do not all sit on the roofs drawn: Llama-2-13B at batch 1 on the seed A6000
// (768 GB/s, 181 TFLOP/s) with practical ceilings (70 % / 85 %) and the H100 SXM's roofs beside, a pin
// captured on the H100 SXM (3350 GB/s, 989.4 TFLOP/s: its points lie on the H100's roofs, far above the
// A6000's), the three measured kernels, and the sweep moved by hand to half its roof, where no model puts it
// but where a canvas that drew the values it was given would show it.
ChartData offRoofChart(ScenarioResults &results)
{
    Session session;
    session.model = llama2_13b();
    session.gpu = seedA6000();
    session.efficiency.enabled = true;
    session.secondGpu = h100Sxm();
    Scenario pinned;
    pinned.model = llama2_13b();
    pinned.gpu = h100Sxm();
    pinned.workload.batch = 4;
    session.pins = std::vector { Pin { "pinned: batch 4, H100 SXM", pinned } };
    session.measured = kernelsCsv();
    results.recompute(session);
    ChartData chart = results.chart;
    for (ChartPoint &p : chart.sweep)
        p.attainableFlopsPerSecond /= 2;
    return chart;
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
            QCPGraph *graph = m_plot->points().currentGraph(series);
            QCOMPARE(graph->name(), QString::fromUtf8(seriesName(series).data()));
            QCOMPARE(graph->scatterStyle().pen().color(), seriesColor(series));
            int expected = 0;
            for (const ChartPoint &p : m_results.chart.current)
                expected += p.series == series ? 1 : 0;
            QCOMPARE(graph->dataCount(), expected);
            QVERIFY(m_plot->points().sweepGraph(series)->dataCount() > graph->dataCount());
        }
        // The prefill qk point: intensity 113.78 FLOP/B on the memory roof, 768e9 * 113.78 FLOP/s.
        QCPGraph *qkpv = m_plot->points().currentGraph(Series::QkPvInit);
        bool found = false;
        for (auto it = qkpv->data()->constBegin(); it != qkpv->data()->constEnd(); ++it)
            found = found || (std::fabs(it->key - 113.7778) < 1e-3 && std::fabs(it->value / (768e9 * it->key) - 1) < 1e-9);
        QVERIFY(found);
    }

    // Every graph holds exactly the points of the chart, at the values given: not at the roof, which is where
    // every modelled point of the chart's own GPU sits, so only off-roof points tell the two apart.
    void everyGraphDrawsTheValuesItIsGiven()
    {
        ScenarioResults results;
        const ChartData chart = offRoofChart(results);
        m_plot->setData(chart);
        m_plot->setViewRange(ViewRange { 0.5, 2e4, 1e10, 2e15 }); // holds every point of the chart
        m_plot->customPlot()->replot(); // fits the graphs to the frame now
        const Roofline &roof = chart.roof;

        // The fixture is what it says: pins and kernels lie off the roofs drawn.
        QCOMPARE(chart.pins.size(), std::size_t(1));
        int offRoof = 0;
        for (const ChartPoint &p : chart.pins[0].points)
            offRoof += p.attainableFlopsPerSecond > 1.1 * roof.attainable(p.intensity) ? 1 : 0;
        QVERIFY2(offRoof >= 10, qPrintable(QString::number(offRoof)));
        for (const ChartData::MeasuredPoint &m : chart.measured)
            QVERIFY(m.achievedFlopsPerSecond < 0.85 * roof.attainable(m.intensity));

        // The sweep: the default one, 6 batches x 3 sequence lengths, each with the 18 points of the operating point.
        QCOMPARE(results.sweep.size(), std::size_t(18));
        for (int i = 0; i < SeriesCount; ++i) {
            const auto series = static_cast<Series>(i);
            const QString name = QString::fromUtf8(seriesName(series).data());
            const Pairs current = chartPairs(chart.current, series);
            QCOMPARE(int(current.size()), PointsPerSeries[std::size_t(i)]);
            QVERIFY2(differences(graphPairs(m_plot->points().currentGraph(series)), current).isEmpty(),
                     qPrintable(name + QLatin1String(", current: ") + differences(graphPairs(m_plot->points().currentGraph(series)), current)));
            const Pairs sweep = chartPairs(chart.sweep, series);
            QCOMPARE(int(sweep.size()), 18 * PointsPerSeries[std::size_t(i)]);
            QVERIFY2(differences(graphPairs(m_plot->points().sweepGraph(series)), sweep).isEmpty(),
                     qPrintable(name + QLatin1String(", sweep: ") + differences(graphPairs(m_plot->points().sweepGraph(series)), sweep)));
            const Pairs pin = chartPairs(chart.pins[0].points, series);
            QCOMPARE(int(pin.size()), PointsPerSeries[std::size_t(i)]);
            QVERIFY2(differences(graphPairs(m_plot->points().pinGraph(0, series)), pin).isEmpty(),
                     qPrintable(name + QLatin1String(", pin: ") + differences(graphPairs(m_plot->points().pinGraph(0, series)), pin)));
        }

        // The kernels, at what they achieved (hand-worked from kernels.csv), one marker each, in their series' graph:
        // q_proj decode in "qkv mlp ar", gate_proj prefill in "up/gate/down init", the unknown kernel in its own.
        const double qIntensity = 52428800.0 / 52449280.0; // 0.99961 FLOP/B
        const double qAchieved = 52428800.0 / 85e-6; // 616.8 GFLOP/s
        const double gateIntensity = 1159641169920.0 / 451936256.0; // 2565.9 FLOP/B
        const double gateAchieved = 1159641169920.0 / 0.009; // 128.8 TFLOP/s
        for (int i = 0; i <= SeriesCount; ++i) {
            const auto series = static_cast<Series>(i);
            const Pairs expected = series == Series::QkvMlpAr ? Pairs { { qIntensity, qAchieved } }
                : series == Series::UpGateDownInit            ? Pairs { { gateIntensity, gateAchieved } }
                : series == Series::None                      ? Pairs { { 1024.0, 85899345920.0 / 0.00075 } }
                                                              : Pairs {};
            QVERIFY2(differences(graphPairs(m_plot->points().measuredGraph(series)), expected).isEmpty(),
                     qPrintable(differences(graphPairs(m_plot->points().measuredGraph(series)), expected)));
        }
        // Two links, from each kernel that measures an op to the op's modelled point (the third measures none):
        // q_proj decode at batch 1 moves 5120 x 5120 x 2 weight bytes and 2 x 5120 x 2 activation bytes for
        // 2 x 5120 x 5120 FLOPs, the kernel's own intensity, on the memory roof: 768e9 x I. gate_proj prefill of
        // 2048 tokens: 2 x 2048 x 5120 x 13824 FLOPs over 5120 x 13824 x 2 + 2048 x (5120 + 13824) x 2 bytes =
        // 1322.87 FLOP/B, past the ridge: on the compute roof, 181 TFLOP/s.
        QCOMPARE(m_plot->points().measuredLinkCount(), 2);
        const std::array<std::array<double, 4>, 2> links { { { qIntensity, qAchieved, qIntensity, 768e9 * qIntensity },
                                                             { gateIntensity, gateAchieved, 289910292480.0 / 219152384.0, 181e12 } } };
        for (std::size_t i = 0; i < links.size(); ++i) {
            const QCPItemLine *link = m_plot->points().measuredLink(int(i));
            QVERIFY(link && link->visible());
            ROOFLINE_COMPARE_REL(link->start->coords().x(), links[i][0], 1e-9);
            ROOFLINE_COMPARE_REL(link->start->coords().y(), links[i][1], 1e-9);
            ROOFLINE_COMPARE_REL(link->end->coords().x(), links[i][2], 1e-9);
            ROOFLINE_COMPARE_REL(link->end->coords().y(), links[i][3], 1e-9);
        }

        // The roofs, cut to the frame (x 0.5 to 20k FLOP/B, y 10G to 2P FLOP/s). The memory roof y = 768e9 x I leaves
        // the top at I = 2e15 / 768e9 = 2604.17; the compute roof spans the frame; the ridge stands at
        // 181e12 / 768e9 = 235.677 FLOP/B, from the bottom (the legend is to its right) to the top.
        const auto line = [](double x1, double y1, double x2, double y2) { return Pairs { { x1, y1 }, { x2, y2 } }; };
        QCOMPARE(differences(graphPairs(m_plot->roofs().memoryRoof()), line(0.5, 768e9 * 0.5, 2e15 / 768e9, 2e15)), QString());
        QCOMPARE(differences(graphPairs(m_plot->roofs().computeRoof()), line(0.5, 181e12, 2e4, 181e12)), QString());
        QVERIFY(m_plot->roofs().ridgeLine()->visible());
        ROOFLINE_COMPARE_REL(m_plot->roofs().ridgeLine()->start->coords().x(), 181e12 / 768e9, 1e-12);
        ROOFLINE_COMPARE_REL(m_plot->roofs().ridgeLine()->end->coords().x(), 181e12 / 768e9, 1e-12);
        QCOMPARE(m_plot->roofs().ridgeLine()->start->coords().y(), 1e10);
        QCOMPARE(m_plot->roofs().ridgeLine()->end->coords().y(), 2e15);
        // The practical roofs stop and start at their own ridge: 0.70 x 181e12 / (0.85 x 768e9) = 194.087 FLOP/B.
        const double practicalPeak = 0.7 * 181e12, practicalBandwidth = 0.85 * 768e9;
        const double practicalRidge = practicalPeak / practicalBandwidth;
        QCOMPARE(differences(graphPairs(m_plot->roofs().practicalMemoryRoof()),
                             line(0.5, practicalBandwidth * 0.5, practicalRidge, practicalBandwidth * practicalRidge)),
                 QString());
        QCOMPARE(differences(graphPairs(m_plot->roofs().practicalComputeRoof()), line(practicalRidge, practicalPeak, 2e4, practicalPeak)),
                 QString());
        // The H100's roofs: 3350e9 x I up to 2e15 / 3350e9 = 597.01 FLOP/B, and 989.4 TFLOP/s across.
        QCOMPARE(differences(graphPairs(m_plot->roofs().secondMemoryRoof()), line(0.5, 3350e9 * 0.5, 2e15 / 3350e9, 2e15)), QString());
        QCOMPARE(differences(graphPairs(m_plot->roofs().secondComputeRoof()), line(0.5, 989.4e12, 2e4, 989.4e12)), QString());
        // The seed A6000 publishes one compute type, the roof itself: no ceiling to show.
        m_plot->setShowAllCeilings(true);
        QCOMPARE(m_plot->roofs().visibleCeilingCount(), 0);
    }

    // Every other compute ceiling the GPU publishes starts where it meets the memory roof, I = peak / bandwidth,
    // and shows only while it lies inside the frame.
    // A title wider than the chart (a 256-byte model name) is shortened in the middle with "…" to the chart's
    // width, at every size; it was clipped at both ends. A title that fits is drawn whole.
    void longTitlesAreShortenedNotClipped()
    {
        ChartData chart = m_results.chart;
        const std::string start = "Roofline Model (", end = ", RTX A6000)";
        chart.title = start + std::string(256, 'M') + end;
        m_plot->setData(chart);
        for (const QSize size : { QSize(1280, 720), QSize(1920, 1080), QSize(640, 480) }) {
            const QImage image = m_plot->renderImage(size);
            QVERIFY(!image.isNull());
            const QString shown = m_plot->titleShown();
            QVERIFY2(shown.contains(QChar(0x2026)) && shown.startsWith(QString::fromStdString(start).left(8))
                         && shown.endsWith(QString::fromStdString(end)),
                     qPrintable(shown));
            QVERIFY(shown.size() < int(chart.title.size()));
        }
        chart.title = "Roofline Model (Llama-2-13B, RTX A6000)";
        m_plot->setData(chart);
        m_plot->renderImage(QSize(1280, 720));
        QCOMPARE(m_plot->titleShown(), QStringLiteral("Roofline Model (Llama-2-13B, RTX A6000)"));
    }

    // The default frame takes in every measured kernel, as it does modelled points and pins: a kernel at 1e6 FLOP/B
    // running at 100 TFLOP/s (1e12 FLOPs, 1e6 B, 10 ms) and one at 1e-6 FLOP/B at 100 MFLOP/s (1e6 FLOPs, 1e12 B,
    // 10 ms) were left off the chart. Each widens the frame by a factor 1.5 beyond it (the margin points get).
    void theFrameTakesInMeasuredKernels()
    {
        Session session;
        session.model = llama2_13b();
        session.gpu = seedA6000();
        session.measured = { MeasuredKernel { "far", Phase::Decode, std::nullopt, std::nullopt, 1e12, 1e6, 0.01 },
                             MeasuredKernel { "low", Phase::Decode, std::nullopt, std::nullopt, 1e6, 1e12, 0.01 } };
        ScenarioResults results;
        results.recompute(session);
        m_plot->setData(results.chart);
        const QCPRange x = m_plot->customPlot()->xAxis->range();
        const QCPRange y = m_plot->customPlot()->yAxis->range();
        ROOFLINE_COMPARE_REL(x.lower, 1e-6 / 1.5, 1e-9);
        ROOFLINE_COMPARE_REL(x.upper, 1e6 * 1.5, 1e-9);
        ROOFLINE_COMPARE_REL(y.lower, 1e8 / 1.5, 1e-9);
        QCOMPARE(y.upper, 3e14); // the seed frame's top is above 1e14 * 1.5
        int drawn = 0;
        for (int i = 0; i <= SeriesCount; ++i)
            drawn += m_plot->points().measuredGraph(static_cast<Series>(i))->dataCount();
        QCOMPARE(drawn, 2);
        // A kernel of a hidden series does not widen the frame: q_proj in decode at 1e8 FLOP/B (1e14 FLOPs, 1e6 B, 1 s).
        session.measured = { MeasuredKernel { "far", Phase::Decode, std::nullopt, std::nullopt, 1e12, 1e6, 0.01 },
                             MeasuredKernel { "q_proj", Phase::Decode, Series::QkvMlpAr, OpKind::QProj, 1e14, 1e6, 1.0 } };
        results.recompute(session);
        m_plot->setData(results.chart);
        ROOFLINE_COMPARE_REL(m_plot->customPlot()->xAxis->range().upper, 1e8 * 1.5, 1e-9);
        m_plot->setSeriesVisible(Series::QkvMlpAr, false);
        m_plot->resetView();
        ROOFLINE_COMPARE_REL(m_plot->customPlot()->xAxis->range().upper, 1e6 * 1.5, 1e-9);
        m_plot->setSeriesVisible(Series::QkvMlpAr, true);
    }

    void ceilingsStartAtTheirRidges()
    {
        Scenario s = seedScenario();
        s.gpu = h100Sxm(); // fp16 989.4 (the roof), fp8 1978.9 TFLOP/s
        s.gpu.setPeak(ComputeType::Int8, 1978.9e12);
        s.gpu.setPeak(ComputeType::Fp32, 67e12);
        ScenarioResults results;
        results.recompute(s);
        m_plot->setData(results.chart);
        m_plot->customPlot()->replot();
        // The ceilings come in the order of the compute types: fp16, fp8, int8, fp32.
        const ChartData &chart = m_plot->data();
        QCOMPARE(chart.ceilings.size(), std::size_t(4));
        const std::array<double, 4> ridges { 989.4e12 / 3350e9, 1978.9e12 / 3350e9, 1978.9e12 / 3350e9, 67e12 / 3350e9 };
        ROOFLINE_COMPARE_REL(ridges[0], 295.343, 1e-6);
        ROOFLINE_COMPARE_REL(ridges[1], 590.716, 1e-6);
        ROOFLINE_COMPARE_REL(ridges[3], 20.0, 1e-12);
        for (std::size_t i = 0; i < ridges.size(); ++i)
            ROOFLINE_COMPARE_REL(chart.ceilings[i].ridge, ridges[i], 1e-12);
        QVERIFY(chart.ceilings[0].active);

        QCOMPARE(m_plot->roofs().visibleCeilingCount(), 0); // off until asked for
        m_plot->setShowAllCeilings(true);
        m_plot->customPlot()->replot();
        // Every ceiling asked for is in the fitted frame: it reaches 1.5 x 1978.9 = 2968.35 TFLOP/s (the roof alone:
        // 1484). fp8 and int8 (both 1978.9) are one line from 590.716 FLOP/B, named for both; fp32 (67) from
        // 20 FLOP/B; the active fp16 is the roof, not a ceiling.
        const QCPRange x = m_plot->customPlot()->xAxis->range();
        ROOFLINE_COMPARE_REL(m_plot->customPlot()->yAxis->range().upper, 1.5 * 1978.9e12, 1e-12);
        QCOMPARE(m_plot->roofs().visibleCeilingCount(), 2);
        QVERIFY(!m_plot->roofs().ceilingGraph(0)->visible());
        QVERIFY(!m_plot->roofs().ceilingGraph(2)->visible());
        QCOMPARE(chart.ceilings[1].label, std::string("fp8, int8 1978.9 TFLOP/s"));
        QCOMPARE(chart.ceilings[2].label, std::string("fp8, int8 1978.9 TFLOP/s"));
        QCOMPARE(differences(graphPairs(m_plot->roofs().ceilingGraph(1)), Pairs { { 1978.9e12 / 3350e9, 1978.9e12 }, { x.upper, 1978.9e12 } }),
                 QString());
        QCOMPARE(differences(graphPairs(m_plot->roofs().ceilingGraph(3)), Pairs { { 20.0, 67e12 }, { x.upper, 67e12 } }), QString());

        // A frame of the user's own is cut to: fp8 and int8 from 590.716 FLOP/B to its right edge, one line.
        m_plot->setViewRange(ViewRange { 0.5, 2e4, 1e10, 3e15 });
        m_plot->customPlot()->replot();
        QCOMPARE(m_plot->roofs().visibleCeilingCount(), 2);
        QVERIFY(!m_plot->roofs().ceilingGraph(0)->visible());
        QVERIFY(!m_plot->roofs().ceilingGraph(2)->visible());
        QCOMPARE(differences(graphPairs(m_plot->roofs().ceilingGraph(1)), Pairs { { 1978.9e12 / 3350e9, 1978.9e12 }, { 2e4, 1978.9e12 } }),
                 QString());
        QCOMPARE(differences(graphPairs(m_plot->roofs().ceilingGraph(3)), Pairs { { 20.0, 67e12 }, { 2e4, 67e12 } }), QString());
        m_plot->setShowAllCeilings(false);
        QCOMPARE(m_plot->roofs().visibleCeilingCount(), 0);
    }

    void roofsAndRidge()
    {
        QCOMPARE(m_plot->roofs().memoryRoof()->name(), QStringLiteral("768GB/s"));
        QCOMPARE(m_plot->roofs().computeRoof()->name(), QStringLiteral("181 TFLOP/s"));
        QCOMPARE(m_plot->roofs().computeRoof()->data()->constBegin()->value, 181e12);
        const auto first = m_plot->roofs().memoryRoof()->data()->constBegin();
        ROOFLINE_COMPARE_REL(first->value / first->key, 768e9, 1e-12);
        ROOFLINE_COMPARE_REL(m_plot->roofs().ridgeLine()->start->coords().x(), 235.677, 1e-5);
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
        const QString tip = pointTooltip(*hit);
        for (const char *part : { "q_proj", "qkv mlp init", "prefill", "batch 1", "sequence 2048", "FLOP/B", "compute-bound" })
            QVERIFY2(tip.contains(QLatin1String(part)), qPrintable(tip));
        // Decode projections of several series share intensity ~1: all are named.
        const ChartPoint *decode = nullptr;
        for (const ChartPoint &p : m_results.chart.current)
            if (p.series == Series::QkvMlpAr)
                decode = &p;
        QVERIFY(m_plot->pointsAt(pixelOf(*m_plot, decode->intensity, decode->attainableFlopsPerSecond)).size() >= 3);
    }

    void legendClickAsksToHideASeries()
    {
        QSignalSpy spy(m_plot.get(), &RooflinePlot::seriesToggleRequested);
        QCPPlottableLegendItem *item = m_plot->customPlot()->legend->itemWithPlottable(m_plot->points().currentGraph(Series::QkPvAr));
        QVERIFY(item);
        QTest::mouseClick(m_plot->customPlot(), Qt::LeftButton, {}, item->rect().center());
        // The click asks; the canvas shows what it is told (the state decides).
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Series>(), Series::QkPvAr);
        QVERIFY(m_plot->isSeriesVisible(Series::QkPvAr));
        m_plot->setSeriesVisible(Series::QkPvAr, false);
        QVERIFY(!m_plot->isSeriesVisible(Series::QkPvAr));
        QVERIFY(!m_plot->points().currentGraph(Series::QkPvAr)->visible());
        QVERIFY(!m_plot->points().sweepGraph(Series::QkPvAr)->visible());
        // A hidden series is not hovered.
        const ChartPoint &last = *std::find_if(m_results.chart.current.begin(), m_results.chart.current.end(),
                                               [](const ChartPoint &p) { return p.series == Series::QkPvAr; });
        for (const ChartPoint *p : m_plot->pointsAt(pixelOf(*m_plot, last.intensity, last.attainableFlopsPerSecond)))
            QVERIFY(p->series != Series::QkPvAr);
        QTest::mouseClick(m_plot->customPlot(), Qt::LeftButton, {}, item->rect().center());
        QCOMPARE(spy.count(), 2);
        QVERIFY(!m_plot->isSeriesVisible(Series::QkPvAr));
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
        QCOMPARE(m_plot->points().pinLegendGraph(0)->name(), QStringLiteral("pinned: batch 1, RTX A6000"));
        m_plot->setPresentation(true); // restyles the pins' graphs at presentation size
        QCOMPARE(m_plot->points().pinLegendGraph(0)->name(), QStringLiteral("pinned: batch 1, RTX A6000"));
        m_plot->setPresentation(false);
        QCOMPARE(m_plot->points().pinLegendGraph(0)->name(), QStringLiteral("pinned: batch 1, RTX A6000"));
    }

    void aLabelIsDraggedByItsInsideAndDrawnWhereItIs()
    {
        m_plot->setAnnotations(std::vector { Annotation { Annotation::Kind::Note, "drag me\nby the middle", 10, 1e12, 0, 0 } });
        QImage image = screen(*m_plot);
        const QPointF centre = m_plot->annotations().text(0)->position->coords();
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
        QVERIFY(!m_plot->annotations().text(0)->visible());
        QVERIFY(!m_plot->annotations().text(1)->visible());
        QVERIFY(m_plot->annotations().text(2)->visible());
        QCOMPARE(m_plot->annotationAt(m_plot->annotations().text(2)->position->coords()), 2);
        // Moved apart, all three show.
        notes[1].dx = 300;
        notes[2].dy = 150;
        m_plot->setAnnotations(notes);
        for (int i = 0; i < 3; ++i)
            QVERIFY(m_plot->annotations().text(i)->visible());
    }

    void tooltipsShowTextFromFilesAsText()
    {
        // A note too long for the chart shows more of itself in its tooltip, escaped.
        std::string text = "<img src=x><h1>X</h1>";
        for (int i = 0; i < MaxNoteLines; ++i)
            text += "\nline";
        m_plot->setAnnotations(std::vector { Annotation { Annotation::Kind::Note, text, 10, 1e12, 0, 0 } });
        screen(*m_plot);
        const QPoint at = m_plot->annotations().text(0)->position->coords().toPoint();
        QHelpEvent help(QEvent::ToolTip, at, m_plot->canvasWidget()->mapToGlobal(at));
        QApplication::sendEvent(m_plot->canvasWidget(), &help);
        QCOMPARE(QToolTip::text(), QStringLiteral("<p style='white-space:pre-wrap'>&lt;img src=x&gt;&lt;h1&gt;X&lt;/h1&gt;")
                     + QStringLiteral("\nline").repeated(MaxNoteLines) + QStringLiteral("</p>"));
        QToolTip::hideText();
        // A measured kernel's name too.
        ChartData::MeasuredPoint kernel;
        kernel.name = "<img src=x>";
        QVERIFY(measuredTooltip(kernel, nullptr).startsWith(QStringLiteral("<b>measured: &lt;img src=x&gt;</b>")));
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
            const QCPGraph *graph = m_plot->points().currentGraph(static_cast<Series>(i));
            for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it) {
                QVERIFY(it->key > 0 && std::isfinite(it->key));
                QVERIFY(it->value > 0 && std::isfinite(it->value));
                ++total;
            }
        }
        QCOMPARE(total, int(data.current.size()) - 2);
        QCOMPARE(m_plot->roofs().memoryRoof()->dataCount(), 0);
        QVERIFY(!m_plot->roofs().ridgeLine()->visible());
    }
};

QTEST_MAIN(TestRooflinePlot)
#include "tst_rooflineplot.moc"
