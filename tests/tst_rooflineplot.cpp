#include "testutil.h"
#include "widgettestutil.h"

#include "chartdata.h"
#include "scenarioresults.h"
#include "charttheme.h"
#include "inputlimits.h"
#include "charttext.h"
#include "chartcolors.h"
#include "modelfixtures.h"
#include "rooflineplot.h"

#include <QApplication>
#include <QHelpEvent>
#include <QMenu>
#include <QSignalSpy>
#include <QTransform>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <map>
#include <array>

using namespace roofline;

namespace {
// The colour a mark of `colour` drawn with `alpha` shows on the light canvas.
QColor onWhite(const QColor &colour, int alpha)
{
    const auto mix = [alpha](int c) { return (c * alpha + 255 * (255 - alpha) + 127) / 255; };
    return QColor(mix(colour.red()), mix(colour.green()), mix(colour.blue()));
}

// How many of `samples` pixels evenly spaced from `from` to `to` have a pixel of `colour` within a pixel. A
// straight line between two chart points is straight in pixels too: the axes are logarithmic.
int hitsAlong(const QImage &image, QPointF from, QPointF to, const QColor &colour, int samples = 100, int tolerance = 40)
{
    int hits = 0;
    for (int i = 0; i < samples; ++i)
        hits += colourNear(image, from + (to - from) * (i / double(samples - 1)), colour, 1, tolerance) ? 1 : 0;
    return hits;
}

// The same along the line between two chart points.
int hitsBetween(const QImage &image, const RooflinePlot &plot, QPointF from, QPointF to, const QColor &colour, int samples = 100,
                int tolerance = 40)
{
    return hitsAlong(image, plot.pixelOf(from.x(), from.y()), plot.pixelOf(to.x(), to.y()), colour, samples, tolerance);
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
        count += colourNear(image, plot.pixelOf(intensity, bandwidth * intensity), colour, 0, 40) ? 1 : 0;
    }
    return count;
}

// How many rows of the ridge's colour a column shows between two heights, in pixels (one pixel either side
// counts: the dashed line is 1.6 pixels wide, and split between two columns when it falls between them).
int ridgeRows(const QImage &image, double x, double top, double bottom)
{
    int rows = 0;
    for (double y = top; y <= bottom; y += 1.0)
        rows += colourNear(image, QPointF(x, y), ridgeColor(), 1, 30) ? 1 : 0; // not the red roof's blend with white
    return rows;
}

// Whether `points` holds one of the expected point's series at its (x, y).
bool holds(const std::vector<const ChartPoint *> &points, const ChartPoint &expected)
{
    return ::holds(points, expected.series, expected.intensity, expected.attainableFlopsPerSecond);
}

// The seed chart's workload on the H100 SXM with four compute ceilings: fp16 989.4 TFLOP/s (the roof), fp8
// and int8 1978.9 TFLOP/s, fp32 67 TFLOP/s.
Scenario h100WithCeilings()
{
    Scenario s = seedScenario();
    s.gpu = h100Sxm();
    s.gpu.setPeak(ComputeType::Int8, 1978.9e12);
    s.gpu.setPeak(ComputeType::Fp32, 67e12);
    return s;
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
    Session session = seedSession();
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

// The roofs of offRoofChart with one mark of each kind, each far below the roof and far from the others, in a
// colour no roof is drawn in: a current point of "qkv mlp ar" (orange) at (2 FLOP/B, 100 GFLOP/s), a sweep
// point of "up/gate/down init" (green) at (20, 500 G), a pin's point of "qk/pv init" (purple) at (60, 3 T),
// and a measured kernel of "qk/pv ar" (brown) at (6, 20 G), linked to the current point, whose op it measures.
// On the roof each would be 1.2 to 2.4 decades higher: 140 pixels and more on a 1200 x 800 canvas.
ChartData sparseChart(const ChartData &roofs)
{
    ChartData chart = roofs;
    const auto point = [](Series series, OpKind op, double x, double y) {
        ChartPoint p;
        p.series = series;
        p.op = op;
        p.phase = Phase::Decode;
        p.batch = 1;
        p.seq = 2048;
        p.intensity = x;
        p.attainableFlopsPerSecond = y;
        return p;
    };
    chart.current = { point(Series::QkvMlpAr, OpKind::QProj, 2, 1e11) };
    chart.sweep = { point(Series::UpGateDownInit, OpKind::GateProj, 20, 5e11) };
    chart.pins = std::vector { ChartData::PinnedPoints { "pinned", { point(Series::QkPvInit, OpKind::Qk, 60, 3e12) } } };
    ChartData::MeasuredPoint kernel;
    kernel.name = "kernel";
    kernel.series = Series::QkPvAr;
    kernel.intensity = 6;
    kernel.achievedFlopsPerSecond = 2e10;
    kernel.modelled = ChartData::MeasuredPoint::Modelled { OpKind::QProj, Phase::Decode };
    chart.measured = std::vector { kernel };
    return chart;
}
}

class TestRooflinePlot : public QObject
{
    Q_OBJECT
private:
    ScenarioResults m_results;
    std::unique_ptr<RooflinePlot> m_plot;

    // The pixel rows the ridge at `ridge` FLOP/B spans clear of its label: from the top of the axes to 30 pixels
    // above its foot (the bottom of the axes, or the legend's top where the legend is under it), and its column.
    struct RidgeSpan {
        double x, top, bottom;
    };
    RidgeSpan ridgeSpan(double ridge) const
    {
        const ViewRange frame = m_plot->viewRange();
        const QRectF axes = axesRectF(*m_plot);
        const QRect legend = legendRect(*m_plot);
        const double x = m_plot->pixelOf(ridge, frame.yMin).x();
        const double foot = x >= legend.left() - 12 && x <= legend.right() + 12 ? legend.top() - 12 : axes.bottom();
        return RidgeSpan { x, axes.top() + 2, foot - 30 };
    }

private Q_SLOTS:
    void init()
    {
        m_results.recompute(seedScenario());
        m_plot = std::make_unique<RooflinePlot>();
        m_plot->resize(1200, 800);
        m_plot->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_plot.get()));
        m_plot->setData(m_results.chart);
        settle(); // lay out now, so pixel positions are real
        QCOMPARE(m_plot->canvasWidget()->width(), 1200);
    }

    // The default chart shows every series: at batch 1 the decode
    // points of three series share intensity ~1 and would cover one another; they are drawn side by side along
    // the memory roof, about a marker spacing (11 px) apart, each still on the roof.
    void everySeriesIsSeenInTheDefaultChart()
    {
        const ChartData &chart = m_plot->data();
        settle(); // the layout as drawn
        const std::vector<QPointF> markers = RooflinePlotProbe(*m_plot).currentMarkers();
        QCOMPARE(markers.size(), chart.current.size());
        {
            const QImage image = screen(*m_plot);
            std::array<int, SeriesCount> seen {};
            // Sampled on the cross's arms, off its centre, where a roof line under it shows no blend.
            const auto crossAt = [&](QPointF centre, const QColor &colour) {
                int arms = 0;
                for (const QPointF d : { QPointF(3, 3), QPointF(-3, -3), QPointF(3, -3), QPointF(-3, 3) })
                    arms += colourNear(image, centre + d, colour, 1, 40) ? 1 : 0;
                return arms >= 3;
            };
            for (std::size_t i = 0; i < chart.current.size(); ++i)
                seen[std::size_t(chart.current[i].series)] += crossAt(markers[i], seriesColor(chart.current[i].series)) ? 1 : 0;
            for (int s = 0; s < SeriesCount; ++s)
                QVERIFY2(seen[std::size_t(s)] >= 1, seriesName(static_cast<Series>(s)).data());
        }
        // The decode cluster at ~1 FLOP/B: one marker position per series, 11 px apart in the order of the series'
        // mean intensity there (so the markers keep the order of their values), each on the memory roof (within a
        // pixel of the line through the roof's ends).
        std::map<Series, QPointF> decode;
        std::map<Series, std::pair<double, int>> logIntensity;
        for (std::size_t i = 0; i < chart.current.size(); ++i)
            if (chart.current[i].phase == Phase::Decode && chart.current[i].intensity < 1.2) {
                decode[chart.current[i].series] = markers[i];
                logIntensity[chart.current[i].series].first += std::log10(chart.current[i].intensity);
                ++logIntensity[chart.current[i].series].second;
            }
        QCOMPARE(decode.size(), std::size_t(3)); // qkv mlp ar, up/gate/down ar, qk/pv ar
        std::vector<Series> byValue { Series::QkvMlpAr, Series::UpGateDownAr, Series::QkPvAr };
        std::stable_sort(byValue.begin(), byValue.end(), [&](Series l, Series r) {
            return logIntensity[l].first / logIntensity[l].second < logIntensity[r].first / logIntensity[r].second;
        });
        const QPointF a = decode[byValue[0]], b = decode[byValue[1]], c = decode[byValue[2]];
        // (Each moves from its own value: qk and pv sit a pixel from the projections, so not exactly 11.)
        QVERIFY2(std::fabs(QLineF(a, b).length() - 11.0) < 1.5 && std::fabs(QLineF(b, c).length() - 11.0) < 1.5,
                 qPrintable(QStringLiteral("%1 %2").arg(QLineF(a, b).length()).arg(QLineF(b, c).length())));
        QVERIFY(a.x() < b.x() && b.x() < c.x());
        const QLineF roof(m_plot->pixelOf(1.0, 768e9), m_plot->pixelOf(100.0, 768e11));
        for (const QPointF &p : { a, b, c }) {
            const double distance = std::fabs((roof.dx()) * (roof.y1() - p.y()) - (roof.x1() - p.x()) * roof.dy()) / roof.length();
            QVERIFY2(distance < 1.0, qPrintable(QString::number(distance)));
        }
    }

    // The six series are named in the legend in the seed chart's order (after the two roofs), and each current point is drawn in its
    // series' colour where its value maps, and found there. Each series is shown alone: at batch 1 the decode
    // points of three series share one pixel.
    void eachSeriesIsNamedAndDrawnInItsColour()
    {
        const std::vector<RooflinePlotProbe::LegendEntry> legend = RooflinePlotProbe(*m_plot).legendEntries();
        QVERIFY(legend.size() >= std::size_t(2 + SeriesCount));
        for (int i = 0; i < SeriesCount; ++i)
            QCOMPARE(legend[std::size_t(2 + i)].name, QString::fromUtf8(seriesName(static_cast<Series>(i)).data()));
        const ChartData &chart = m_plot->data();
        for (int i = 0; i < SeriesCount; ++i) {
            const auto series = static_cast<Series>(i);
            showOnly(*m_plot, series);
            const QImage image = screen(*m_plot);
            int points = 0;
            for (const ChartPoint &p : chart.current) {
                if (p.series != series)
                    continue;
                ++points;
                const QPointF at = m_plot->pixelOf(p.intensity, p.attainableFlopsPerSecond);
                QVERIFY(holds(m_plot->pointsAt(at), p));
                QVERIFY2(colourNear(image, at, seriesColor(series), 1, 40),
                         qPrintable(QStringLiteral("%1 at %2 FLOP/B").arg(QString::fromUtf8(seriesName(series).data())).arg(p.intensity)));
            }
            QCOMPARE(points, PointsPerSeries[std::size_t(i)]);
        }
        // The prefill qk point: intensity 113.78 FLOP/B on the memory roof, 768e9 * 113.78 FLOP/s, drawn in the
        // purple of "qk/pv init" (the only series shown now).
        showOnly(*m_plot, Series::QkPvInit);
        const auto qk = std::find_if(chart.current.begin(), chart.current.end(),
                                     [](const ChartPoint &p) { return p.op == OpKind::Qk && p.phase == Phase::Prefill; });
        QVERIFY(qk != chart.current.end());
        QVERIFY(std::fabs(qk->intensity - 113.7778) < 1e-3);
        ROOFLINE_COMPARE_REL(qk->attainableFlopsPerSecond, 768e9 * qk->intensity, 1e-9);
        const QPointF at = m_plot->pixelOf(113.7778, 768e9 * 113.7778);
        QVERIFY(colourNear(screen(*m_plot), at, seriesColor(Series::QkPvInit), 1, 40));
        QVERIFY(m_plot->pointAt(at) && m_plot->pointAt(at)->op == OpKind::Qk);
    }

    // Each kind of mark is drawn at the value it is given, not at the roof, which is where every modelled point
    // of the chart's own GPU sits: so only marks off the roof tell the two apart. One mark of each kind, far
    // apart, on the roofs of offRoofChart, in a frame of x 0.5 to 20k FLOP/B, y 10G to 2P FLOP/s.
    void eachMarkIsDrawnAtItsValueNotAtTheRoof()
    {
        ScenarioResults results;
        const ChartData chart = sparseChart(offRoofChart(results));
        m_plot->setData(chart);
        setFrame(*m_plot, ViewRange { 0.5, 2e4, 1e10, 2e15 });
        const QImage image = screen(*m_plot);
        const auto at = [&](double x, double y) { return m_plot->pixelOf(x, y); };
        const auto onRoof = [&](double x) { return m_plot->pixelOf(x, chart.roof.attainable(x)); };

        // The current point: a cross in its series' full colour, centred on its value.
        const QColor orange = seriesColor(Series::QkvMlpAr);
        QVERIFY(colourNear(image, at(2, 1e11), orange, 1, 30));
        QVERIFY(!colourNear(image, onRoof(2), orange, 6, 30));
        QVERIFY(m_plot->pointAt(at(2, 1e11)) && m_plot->pointAt(at(2, 1e11))->series == Series::QkvMlpAr);
        QVERIFY(!m_plot->pointAt(onRoof(2)));
        // The sweep's point: a small faint cross (alpha 115).
        const QColor sweep = onWhite(seriesColor(Series::UpGateDownInit), 115);
        QVERIFY(colourNear(image, at(20, 5e11), sweep, 2, 30));
        QVERIFY(!colourNear(image, onRoof(20), sweep, 6, 30));
        QVERIFY(m_plot->pointAt(at(20, 5e11)) && m_plot->pointAt(at(20, 5e11))->series == Series::UpGateDownInit);
        // The pin's point: a hollow circle 9 pixels across (alpha 130), sampled on its ring at the four compass
        // points.
        const QColor pin = onWhite(seriesColor(Series::QkPvInit), 130);
        const auto ring = [&](QPointF centre) {
            int hits = 0;
            for (const QPointF d : { QPointF(4.5, 0), QPointF(-4.5, 0), QPointF(0, 4.5), QPointF(0, -4.5) })
                hits += colourNear(image, centre + d, pin, 1, 30) ? 1 : 0;
            return hits;
        };
        QVERIFY2(ring(at(60, 3e12)) >= 3, qPrintable(QString::number(ring(at(60, 3e12)))));
        QVERIFY2(ring(onRoof(60)) < 3, qPrintable(QString::number(ring(onRoof(60)))));
        // The measured kernel: a disc of its series' colour, centred on what it achieved.
        const QColor brown = seriesColor(Series::QkPvAr);
        QVERIFY(colourNear(image, at(6, 2e10), brown, 1, 30));
        QVERIFY(!colourNear(image, onRoof(6), brown, 6, 30));
        QVERIFY(m_plot->measuredAt(at(6, 2e10)) && m_plot->measuredAt(at(6, 2e10))->name == "kernel");
        // Its link: a thin line (alpha 170) from the kernel to the point of the op it measures, drawn between them.
        const std::vector<QLineF> links = RooflinePlotProbe(*m_plot).measuredLinks();
        QCOMPARE(links.size(), std::size_t(1));
        QVERIFY(QLineF(links[0].p1(), at(6, 2e10)).length() < 0.5);
        QVERIFY(QLineF(links[0].p2(), at(2, 1e11)).length() < 0.5);
        const QPointF from = at(6, 2e10), to = at(2, 1e11);
        const int linked = hitsAlong(image, from + (to - from) * 0.3, from + (to - from) * 0.7, onWhite(brown, 170), 20, 40);
        QVERIFY2(linked >= 16, qPrintable(QString::number(linked)));

        // The roofs, over the whole frame. The memory roof y = 768e9 x (dashed, but a dash or its edge is within a
        // pixel of nearly every sample), on past the ridge to the top, at I = 2e15 / 768e9 = 2604 FLOP/B; the compute
        // roof across (its label over its right end).
        const QColor blue = seriesColor(Series::QkvMlpInit), red(0xd6, 0x27, 0x28);
        QVERIFY(hitsBetween(image, *m_plot, { 0.6, 768e9 * 0.6 }, { 150, 768e9 * 150 }, blue) > 90);
        QVERIFY(hitsBetween(image, *m_plot, { 300, 768e9 * 300 }, { 2500, 768e9 * 2500 }, blue) > 90);
        QVERIFY(hitsBetween(image, *m_plot, { 0.6, 181e12 }, { 1.5e4, 181e12 }, red) > 80);
        // The ridge at 181e12 / 768e9 = 235.677 FLOP/B: a dashed line (dashes of 4, gaps of 2 pen widths) in the
        // ridge's colour down the column, and none of its colour 15 pixels to either side.
        const RidgeSpan ridge = ridgeSpan(181e12 / 768e9);
        const int rows = int(ridge.bottom - ridge.top) + 1;
        QVERIFY(rows > 200);
        QVERIFY2(ridgeRows(image, ridge.x, ridge.top, ridge.bottom) > rows * 3 / 4,
                 qPrintable(QStringLiteral("%1 of %2 rows").arg(ridgeRows(image, ridge.x, ridge.top, ridge.bottom)).arg(rows)));
        QCOMPARE(ridgeRows(image, ridge.x - 15, ridge.top, ridge.bottom), 0);
        QCOMPARE(ridgeRows(image, ridge.x + 15, ridge.top, ridge.bottom), 0);
        // The practical roofs (lighter: alpha 110, solid) stop and start at their own ridge, 0.70 x 181e12 /
        // (0.85 x 768e9) = 194.087 FLOP/B: the memory one is drawn up to it and not on, the compute one from it.
        const double bandwidth = 0.85 * 768e9, peak = 0.7 * 181e12, practicalRidge = peak / bandwidth;
        const QColor lightBlue = onWhite(blue, 110), lightRed = onWhite(red, 110);
        QVERIFY(hitsBetween(image, *m_plot, { 0.6, bandwidth * 0.6 }, { 0.8 * practicalRidge, peak * 0.8 }, lightBlue, 100, 30) > 90);
        QCOMPARE(hitsBetween(image, *m_plot, { 1.3 * practicalRidge, peak * 1.3 }, { 2500, bandwidth * 2500 }, lightBlue, 100, 30), 0);
        QVERIFY(hitsBetween(image, *m_plot, { 1.3 * practicalRidge, peak }, { 1.5e4, peak }, lightRed, 100, 30) > 90);
        QCOMPARE(hitsBetween(image, *m_plot, { 0.6, peak }, { 0.8 * practicalRidge, peak }, lightRed, 100, 30), 0);
        // The H100's roofs, dark grey and dotted: 3350e9 x I up to the top, and 989.4 TFLOP/s across.
        const QColor grey(0x44, 0x44, 0x44);
        QVERIFY(hitsBetween(image, *m_plot, { 0.6, 3350e9 * 0.6 }, { 500, 3350e9 * 500 }, grey, 100, 50) > 80);
        QVERIFY(hitsBetween(image, *m_plot, { 0.6, 989.4e12 }, { 1.5e4, 989.4e12 }, grey, 100, 50) > 80);
        QCOMPARE(hitsBetween(image, *m_plot, { 0.6, 2000e12 }, { 1.5e4, 2000e12 }, grey, 100, 50), 0);
        // The seed A6000 publishes one compute type, the roof itself: asked for every ceiling, it shows nothing more.
        setAllCeilings(*m_plot, true);
        QCOMPARE(screen(*m_plot), image);
    }

    // Every point of a full chart is found at the pixel its value maps to, and each measured kernel where what it
    // achieved maps, with its disc drawn there: the chart of offRoofChart, whose points and kernels are not all on
    // the roofs drawn.
    void everyPointIsFoundWhereItsValueIsDrawn()
    {
        ScenarioResults results;
        const ChartData chart = offRoofChart(results);
        m_plot->setData(chart);
        setFrame(*m_plot, ViewRange { 0.5, 2e4, 1e10, 2e15 }); // holds every point of the chart
        const QImage image = screen(*m_plot);
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
        const ChartData &shown = m_plot->data();
        for (int i = 0; i < SeriesCount; ++i) {
            const auto series = static_cast<Series>(i);
            const auto ofSeries = [&](const ChartPoint &p) { return p.series == series; };
            QCOMPARE(int(std::count_if(shown.current.begin(), shown.current.end(), ofSeries)), PointsPerSeries[std::size_t(i)]);
            QCOMPARE(int(std::count_if(shown.sweep.begin(), shown.sweep.end(), ofSeries)), 18 * PointsPerSeries[std::size_t(i)]);
            QCOMPARE(int(std::count_if(shown.pins[0].points.begin(), shown.pins[0].points.end(),
                                       [&](const ChartPoint &p) { return p.series == series; })),
                     PointsPerSeries[std::size_t(i)]);
        }
        // A current or sweep point is found where its marker is drawn (beside others it would cover).
        const std::vector<QPointF> markers = RooflinePlotProbe(*m_plot).currentMarkers();
        QCOMPARE(markers.size(), shown.current.size());
        for (std::size_t i = 0; i < shown.current.size(); ++i)
            QVERIFY2(holds(m_plot->pointsAt(markers[i]), shown.current[i]),
                     qPrintable(QStringLiteral("(%1, %2)").arg(shown.current[i].intensity).arg(shown.current[i].attainableFlopsPerSecond)));
        const std::vector<QPointF> sweepMarkers = RooflinePlotProbe(*m_plot).sweepMarkers();
        QCOMPARE(sweepMarkers.size(), shown.sweep.size());
        for (std::size_t i = 0; i < shown.sweep.size(); ++i)
            QVERIFY2(holds(m_plot->pointsAt(sweepMarkers[i]), shown.sweep[i]),
                     qPrintable(QStringLiteral("(%1, %2)").arg(shown.sweep[i].intensity).arg(shown.sweep[i].attainableFlopsPerSecond)));
        // The sweep's decode projections coincide at every workload (qkv mlp ar and up/gate/down ar at the same
        // intensity and height): their markers are drawn apart, at least 8 px (the spacing is 11).
        int coinciding = 0;
        for (std::size_t a = 0; a < shown.sweep.size(); ++a)
            for (std::size_t b = a + 1; b < shown.sweep.size(); ++b) {
                const ChartPoint &p = shown.sweep[a], &q = shown.sweep[b];
                if (p.series == q.series || std::abs(std::log10(p.intensity / q.intensity)) > 1e-3
                    || std::abs(std::log10(p.attainableFlopsPerSecond / q.attainableFlopsPerSecond)) > 1e-3)
                    continue;
                ++coinciding;
                const QPointF d = sweepMarkers[a] - sweepMarkers[b];
                QVERIFY2(std::hypot(d.x(), d.y()) >= 8.0, qPrintable(QStringLiteral("series %1 and %2 at (%3, %4)")
                                                                          .arg(int(p.series))
                                                                          .arg(int(q.series))
                                                                          .arg(p.intensity)
                                                                          .arg(p.attainableFlopsPerSecond)));
            }
        QVERIFY(coinciding > 18);

        // The kernels, at what they achieved (hand-worked from kernels.csv), one disc each in their series' colour:
        // q_proj decode in "qkv mlp ar", gate_proj prefill in "up/gate/down init", the unknown kernel in dark grey.
        const double qIntensity = 52428800.0 / 52449280.0; // 0.99961 FLOP/B
        const double qAchieved = 52428800.0 / 85e-6; // 616.8 GFLOP/s
        const double gateIntensity = 1159641169920.0 / 451936256.0; // 2565.9 FLOP/B
        const double gateAchieved = 1159641169920.0 / 0.009; // 128.8 TFLOP/s
        struct Kernel {
            const char *name;
            double x, y;
            QColor colour;
        };
        const std::array<Kernel, 3> kernels { { { "q_proj", qIntensity, qAchieved, seriesColor(Series::QkvMlpAr) },
                                                { "gate_proj", gateIntensity, gateAchieved, seriesColor(Series::UpGateDownInit) },
                                                { "flash_fwd_kernel", 1024.0, 85899345920.0 / 0.00075, QColor(0x55, 0x55, 0x55) } } };
        QCOMPARE(shown.measured.size(), kernels.size());
        for (const Kernel &k : kernels) {
            const QPointF at = m_plot->pixelOf(k.x, k.y);
            const ChartData::MeasuredPoint *hit = m_plot->measuredAt(at);
            QVERIFY2(hit && QString::fromStdString(hit->name).contains(QLatin1String(k.name)), k.name);
            ROOFLINE_COMPARE_REL(hit->intensity, k.x, 1e-9);
            ROOFLINE_COMPARE_REL(hit->achievedFlopsPerSecond, k.y, 1e-9);
            QVERIFY2(colourNear(image, at, k.colour, 1, 30), k.name);
        }
        // A hidden series' kernel is neither drawn nor found; one of no known series stays.
        setShown(*m_plot, Series::UpGateDownInit, false);
        QVERIFY(!m_plot->measuredAt(m_plot->pixelOf(kernels[1].x, kernels[1].y)));
        QVERIFY(m_plot->measuredAt(m_plot->pixelOf(kernels[2].x, kernels[2].y)));
        setShown(*m_plot, Series::UpGateDownInit, true);
        QVERIFY(m_plot->measuredAt(m_plot->pixelOf(kernels[1].x, kernels[1].y)));
        // 18 and 23 pixels under the roof, where nothing else of their colour is drawn, the kernels past the ridge
        // are not drawn at it (q_proj's is 11 pixels under the current points of its own series).
        for (const Kernel &k : { kernels[1], kernels[2] })
            QVERIFY2(!colourNear(image, m_plot->pixelOf(k.x, roof.attainable(k.x)), k.colour, 2, 30), k.name);
        // Two links, from each kernel that measures an op to the op's modelled point (the third measures none):
        // q_proj decode at batch 1 moves 5120 x 5120 x 2 weight bytes and 2 x 5120 x 2 activation bytes for
        // 2 x 5120 x 5120 FLOPs, the kernel's own intensity, on the memory roof: 768e9 x I. gate_proj prefill of
        // 2048 tokens: 2 x 2048 x 5120 x 13824 FLOPs over 5120 x 13824 x 2 + 2048 x (5120 + 13824) x 2 bytes =
        // 1322.87 FLOP/B, past the ridge: on the compute roof, 181 TFLOP/s.
        const std::vector<QLineF> links = RooflinePlotProbe(*m_plot).measuredLinks();
        QCOMPARE(links.size(), std::size_t(2));
        const std::array<QLineF, 2> expected { QLineF(m_plot->pixelOf(qIntensity, qAchieved), m_plot->pixelOf(qIntensity, 768e9 * qIntensity)),
                                               QLineF(m_plot->pixelOf(gateIntensity, gateAchieved),
                                                      m_plot->pixelOf(289910292480.0 / 219152384.0, 181e12)) };
        for (std::size_t i = 0; i < links.size(); ++i) {
            QVERIFY(QLineF(links[i].p1(), expected[i].p1()).length() < 0.01);
            QVERIFY(QLineF(links[i].p2(), expected[i].p2()).length() < 0.01);
        }
    }

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
            const QString shown = RooflinePlotProbe(*m_plot).titleShown();
            QVERIFY2(shown.contains(QChar(0x2026)) && shown.startsWith(QString::fromStdString(start).left(8))
                         && shown.endsWith(QString::fromStdString(end)),
                     qPrintable(shown));
            QVERIFY(shown.size() < int(chart.title.size()));
        }
        chart.title = "Roofline Model (Llama-2-13B, RTX A6000)";
        m_plot->setData(chart);
        m_plot->renderImage(QSize(1280, 720));
        QCOMPARE(RooflinePlotProbe(*m_plot).titleShown(), QStringLiteral("Roofline Model (Llama-2-13B, RTX A6000)"));
    }

    // The default frame takes in every measured kernel, as it does modelled points and pins: a kernel at 1e6 FLOP/B
    // running at 100 TFLOP/s (1e12 FLOPs, 1e6 B, 10 ms) and one at 1e-6 FLOP/B at 100 MFLOP/s (1e6 FLOPs, 1e12 B,
    // 10 ms) were left off the chart. Each widens the frame by a factor 1.5 beyond it (the margin points get).
    // A subtitle wider than the chart breaks into lines at its separators, each line within the canvas, and its
    // row grows so the axes start below it; one that fits stays one line.
    void aLongSubtitleWraps()
    {
        settle();
        QVERIFY(!RooflinePlotProbe(*m_plot).subtitleShown().contains(QLatin1Char('\n')));
        const double top = m_plot->pixelOf(1, m_plot->viewRange().yMax).y();
        ChartData chart = m_results.chart;
        chart.subtitle += "  \u00b7  8 tokens/step, 3 accepted  \u00b7  times at 70% / 100% efficiency  \u00b7  causal mask, scores "
                          "fp32, fused QKV, matrix multiplies only  \u00b7  and a part to make it longer still";
        m_plot->setData(chart);
        settle();
        const QString shown = RooflinePlotProbe(*m_plot).subtitleShown();
        const QStringList lines = shown.split(QLatin1Char('\n'));
        QVERIFY2(lines.size() >= 2, qPrintable(shown));
        QCOMPARE(lines.join(QStringLiteral("  \u00b7  ")), QString::fromStdString(chart.subtitle)); // nothing lost
        const QFontMetricsF metrics(m_plot->font());
        for (const QString &line : lines) {
            QVERIFY2(!line.startsWith(QLatin1Char(' ')) && !line.endsWith(QLatin1Char(' ')), qPrintable(line));
            QVERIFY2(metrics.horizontalAdvance(line) < 1200, qPrintable(line));
        }
        QVERIFY(m_plot->pixelOf(1, m_plot->viewRange().yMax).y() > top + 8); // the axes moved down for the lines
        // A part wider than the chart (a GPU named with 2,000 characters) is shortened in its middle, its end kept.
        chart.subtitle = std::string(2000, 'G') + "END: 768 GB/s  \u00b7  batch 1";
        m_plot->setData(chart);
        settle();
        const QStringList cut = RooflinePlotProbe(*m_plot).subtitleShown().split(QLatin1Char('\n'));
        QVERIFY2(cut.first().contains(QChar(0x2026)) && cut.first().endsWith(QLatin1String("END: 768 GB/s")), qPrintable(cut.first()));
        // On screen, no text reaches the canvas's edges above the axes (a line cut by the edges would).
        const QImage image = screen(*m_plot);
        const int axesTop = int(m_plot->pixelOf(1, m_plot->viewRange().yMax).y());
        int atEdges = 0;
        for (int y = 0; y < axesTop - 2; ++y)
            for (const int x : { 0, 1, 2, image.width() - 3, image.width() - 2, image.width() - 1 })
                atEdges += qGray(image.pixel(x, y)) < 200 ? 1 : 0;
        QCOMPARE(atEdges, 0);
        m_plot->setData(m_results.chart);
        settle();
        QVERIFY(!RooflinePlotProbe(*m_plot).subtitleShown().contains(QLatin1Char('\n')));
        QCOMPARE(m_plot->pixelOf(1, m_plot->viewRange().yMax).y(), top);
    }

    void theFrameTakesInMeasuredKernels()
    {
        Session session = seedSession();
        session.measured = { MeasuredKernel { "far", Phase::Decode, std::nullopt, std::nullopt, 1e12, 1e6, 0.01 },
                             MeasuredKernel { "low", Phase::Decode, std::nullopt, std::nullopt, 1e6, 1e12, 0.01 } };
        ScenarioResults results;
        results.recompute(session);
        m_plot->setData(results.chart);
        const ViewRange frame = m_plot->viewRange();
        ROOFLINE_COMPARE_REL(frame.xMin, 1e-6 / 1.5, 1e-9);
        ROOFLINE_COMPARE_REL(frame.xMax, 1e6 * 1.5, 1e-9);
        ROOFLINE_COMPARE_REL(frame.yMin, 1e8 / 1.5, 1e-9);
        QCOMPARE(frame.yMax, 3e14); // the seed frame's top is above 1e14 * 1.5
        // Both are drawn, as the dark grey discs of kernels of no series, inside the frame's edges.
        const QImage image = screen(*m_plot);
        for (const QPointF kernel : { QPointF(1e6, 1e14), QPointF(1e-6, 1e8) }) {
            const QPointF at = m_plot->pixelOf(kernel.x(), kernel.y());
            QVERIFY(colourNear(image, at, QColor(0x55, 0x55, 0x55), 1, 30));
            QVERIFY(m_plot->measuredAt(at));
        }
        // A kernel of a hidden series does not widen the frame: q_proj in decode at 1e8 FLOP/B (1e14 FLOPs, 1e6 B, 1 s).
        session.measured = { MeasuredKernel { "far", Phase::Decode, std::nullopt, std::nullopt, 1e12, 1e6, 0.01 },
                             MeasuredKernel { "q_proj", Phase::Decode, Series::QkvMlpAr, OpKind::QProj, 1e14, 1e6, 1.0 } };
        results.recompute(session);
        m_plot->setData(results.chart);
        ROOFLINE_COMPARE_REL(m_plot->viewRange().xMax, 1e8 * 1.5, 1e-9);
        setShown(*m_plot, Series::QkvMlpAr, false);
        setFrame(*m_plot, std::nullopt);
        ROOFLINE_COMPARE_REL(m_plot->viewRange().xMax, 1e6 * 1.5, 1e-9);
        setShown(*m_plot, Series::QkvMlpAr, true);
    }

    // Every other compute ceiling the GPU publishes starts where it meets the memory roof, I = peak / bandwidth,
    // and shows only while it lies inside the frame.
    void ceilingsStartAtTheirRidges()
    {
        ScenarioResults results;
        results.recompute(h100WithCeilings());
        // No sweep: its crosses on the memory roof, overlapping at 20 FLOP/B, would darken to the ceilings' grey.
        results.chart.sweep.clear();
        m_plot->setData(results.chart);
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
        QCOMPARE(chart.ceilings[1].label, std::string("fp8, int8 1979 TFLOP/s"));
        QCOMPARE(chart.ceilings[2].label, std::string("fp8, int8 1979 TFLOP/s"));

        // A ceiling's line is grey and dotted: how many of the pixels from 4 to 60 right of where it meets the memory
        // roof show it, and how many from 60 to 8 left of there (none: it starts at its ridge).
        // A line between two rows of pixels shows in both at half strength: a tolerance of 50 takes those in (the
        // grid's 0xcc grey stays out).
        const QColor grey(0x80, 0x80, 0x80);
        struct Sides {
            int right, left;
        };
        const auto ceiling = [&](const QImage &image, double ridge, double flops) {
            const QPointF start = m_plot->pixelOf(ridge, flops);
            return Sides { hitsAlong(image, start + QPointF(4, 0), start + QPointF(60, 0), grey, 57, 50),
                           hitsAlong(image, start - QPointF(60, 0), start - QPointF(8, 0), grey, 53, 50) };
        };
        // Off until asked for.
        QImage image = screen(*m_plot);
        QCOMPARE(ceiling(image, 20.0, 67e12).right, 0);
        QCOMPARE(ceiling(image, 20.0, 67e12).left, 0);
        setAllCeilings(*m_plot, true);
        // Every ceiling asked for is in the fitted frame: it reaches 1.5 x 1978.9 = 2968.35 TFLOP/s (the roof alone:
        // 1484). fp8 and int8 (both 1978.9) are one line from 590.716 FLOP/B, named for both; fp32 (67) from
        // 20 FLOP/B; the active fp16 is the roof, not a ceiling: no grey along it.
        ROOFLINE_COMPARE_REL(m_plot->viewRange().yMax, 1.5 * 1978.9e12, 1e-12);
        const auto bothStartAtTheirRidges = [&](const QImage &image) {
            for (const auto &[ridge, flops] : { std::pair(ridges[1], 1978.9e12), std::pair(20.0, 67e12) }) {
                const Sides sides = ceiling(image, ridge, flops);
                QVERIFY2(sides.right > 45 && sides.left == 0,
                         qPrintable(QStringLiteral("at %1 FLOP/s: %2 right, %3 left").arg(flops).arg(sides.right).arg(sides.left)));
            }
            // (Between the prefill crosses at 1.1k to 1.3k FLOP/B and the roof's label.)
            QCOMPARE(hitsBetween(image, *m_plot, { 1600, 989.4e12 }, { 4000, 989.4e12 }, grey, 100, 50), 0);
        };
        image = screen(*m_plot);
        bothStartAtTheirRidges(image);
        if (QTest::currentTestFailed())
            return;

        // A frame of the user's own is cut to: the same lines from the same ridges.
        setFrame(*m_plot, ViewRange { 0.5, 2e4, 1e10, 3e15 });
        image = screen(*m_plot);
        bothStartAtTheirRidges(image);
        if (QTest::currentTestFailed())
            return;
        setAllCeilings(*m_plot, false);
        image = screen(*m_plot);
        QCOMPARE(ceiling(image, ridges[1], 1978.9e12).right, 0);
        QCOMPARE(ceiling(image, 20.0, 67e12).right, 0);
    }

    // The roofs as the seed chart draws them: named first in the legend, the memory roof at
    // 768 GB/s (not at twice it), the compute roof at 181 TFLOP/s (not at 150), and the ridge between them at
    // 181e12 / 768e9 = 235.677 FLOP/B.
    void roofsAndRidge()
    {
        const std::vector<RooflinePlotProbe::LegendEntry> legend = RooflinePlotProbe(*m_plot).legendEntries();
        QVERIFY(legend.size() >= 2);
        QCOMPARE(legend[0].name, QStringLiteral("768 GB/s"));
        QCOMPARE(legend[1].name, QStringLiteral("181 TFLOP/s"));
        const QImage image = screen(*m_plot);
        const QColor blue = seriesColor(Series::QkvMlpInit), red(0xd6, 0x27, 0x28);
        QVERIFY(roofPixels(image, *m_plot, 768e9, blue) > 40);
        QCOMPARE(roofPixels(image, *m_plot, 2 * 768e9, blue), 0);
        QVERIFY(hitsBetween(image, *m_plot, { 300, 181e12 }, { 5000, 181e12 }, red) > 30);
        QCOMPARE(hitsBetween(image, *m_plot, { 300, 150e12 }, { 5000, 150e12 }, red), 0);
        const RidgeSpan ridge = ridgeSpan(235.677);
        QVERIFY(ridgeRows(image, ridge.x, ridge.top, ridge.bottom) > int(ridge.bottom - ridge.top) * 3 / 4);
        QCOMPARE(ridgeRows(image, ridge.x - 15, ridge.top, ridge.bottom), 0);
        QCOMPARE(ridgeRows(image, ridge.x + 15, ridge.top, ridge.bottom), 0);
    }

    // The warning goes to the bottom-left corner, under the memory roof, when in the top-left one it would cover
    // a label (the compare session's "q_proj decode" label lost its first line under it, in every export) or a
    // marker; nothing it covers there either.
    void theWarningStaysOffLabelsAndMarkers()
    {
        Session session = seedSession();
        session.workload.batch = 64;
        ScenarioResults results;
        results.recompute(session);
        m_plot->setData(results.chart);
        settle();
        const QRectF topLeft = RooflinePlotProbe(*m_plot).warningBox();
        QVERIFY(!topLeft.isEmpty());
        // A note on the warning's place.
        const QPointF at = topLeft.center();
        m_plot->setAnnotations(SharedList<Annotation> {
            Annotation { Annotation::Kind::Note, "a note where the warning was", m_plot->viewRange().xMin * 1.5,
                         m_plot->viewRange().yMax / 2, at.x() - m_plot->pixelOf(m_plot->viewRange().xMin * 1.5, 1).x(),
                         at.y() - m_plot->pixelOf(1, m_plot->viewRange().yMax / 2).y() } });
        settle();
        const QRect note = RooflinePlotProbe(*m_plot).annotationShown(0).box;
        QVERIFY(note.intersects(topLeft.toAlignedRect()));
        const QRectF box = RooflinePlotProbe(*m_plot).warningBox();
        QVERIFY2(!box.intersects(note), qPrintable(QStringLiteral("warning at (%1, %2)").arg(box.x()).arg(box.y())));
        QVERIFY(box.bottom() > axesRectF(*m_plot).bottom() - 20); // the bottom-left corner
        QVERIFY(axesRectF(*m_plot).contains(box));
        for (const QPointF &marker : RooflinePlotProbe(*m_plot).currentMarkers())
            QVERIFY(!box.adjusted(-6, -6, 6, 6).contains(marker));
        // A second note on the bottom-left corner too: the warning moves right along the bottom edge, off both
        // notes and every marker.
        const QPointF corner = box.center();
        const double nx = m_plot->viewRange().xMin * 1.5, ny = m_plot->viewRange().yMin * 2;
        m_plot->setAnnotations(SharedList<Annotation> {
            Annotation { Annotation::Kind::Note, "a note where the warning was", m_plot->viewRange().xMin * 1.5,
                         m_plot->viewRange().yMax / 2, at.x() - m_plot->pixelOf(m_plot->viewRange().xMin * 1.5, 1).x(),
                         at.y() - m_plot->pixelOf(1, m_plot->viewRange().yMax / 2).y() },
            Annotation { Annotation::Kind::Note, "and one in the bottom-left corner", nx, ny,
                         corner.x() - m_plot->pixelOf(nx, 1).x(), corner.y() - m_plot->pixelOf(1, ny).y() } });
        settle();
        const QRectF moved = RooflinePlotProbe(*m_plot).warningBox();
        for (int i = 0; i < 2; ++i)
            QVERIFY2(!moved.intersects(RooflinePlotProbe(*m_plot).annotationShown(i).box),
                     qPrintable(QStringLiteral("warning at (%1, %2), note %3").arg(moved.x()).arg(moved.y()).arg(i)));
        QVERIFY(moved.left() > box.left());
        QVERIFY(axesRectF(*m_plot).contains(moved));
        for (const QPointF &marker : RooflinePlotProbe(*m_plot).currentMarkers())
            QVERIFY(!moved.adjusted(-6, -6, 6, 6).contains(marker));
    }

    // In a small chart, where the warning in one line covers something wherever it goes, it breaks into two lines
    // and finds a free place: off the roofs' labels and the markers.
    void aSmallChartsWarningBreaksIntoTwoLinesToStayClear()
    {
        const QSize before = m_plot->size();
        m_plot->resize(480, 330);
        Session session = seedSession();
        session.workload.batch = 16; // 26 GB of weights and 26.8 GB of cache on 48 GB
        ScenarioResults results;
        results.recompute(session);
        m_plot->setData(results.chart);
        settle();
        const RooflinePlotProbe probe(*m_plot);
        const QRectF box = probe.warningBox();
        QVERIFY(!box.isEmpty());
        QVERIFY(axesRectF(*m_plot).contains(box));
        for (const RooflinePlotProbe::RoofLabel &label : probe.roofLabels())
            QVERIFY2(!box.intersects(label.box) || label.rotation != 0.0,
                     qPrintable(QStringLiteral("warning over '%1'").arg(label.text)));
        for (const QPointF &marker : probe.currentMarkers())
            QVERIFY(!box.adjusted(-6, -6, 6, 6).contains(marker));
        QCOMPARE(probe.warningShown().replace(QLatin1Char('\n'), QLatin1Char(' ')), QString::fromStdString(results.chart.warning)); // its words, however broken
        m_plot->resize(before);
        settle();
    }

    // A workload that does not fit says so on the chart, in the warning colour, in the axes' top-left corner under
    // the compute roof (where no point can be), and on every export; one that fits shows nothing.
    void aWorkloadThatDoesNotFitIsMarkedOnTheChart()
    {
        QCOMPARE(RooflinePlotProbe(*m_plot).warningShown(), QString());
        Session session = seedSession();
        session.workload.batch = 64; // 26 GB of weights and 107 GB of cache on 48 GB
        ScenarioResults results;
        results.recompute(session);
        m_plot->setData(results.chart);
        const QImage image = screen(*m_plot);
        QCOMPARE(RooflinePlotProbe(*m_plot).warningShown(), QStringLiteral("\u26a0 does not fit: weights + KV cache 133 GB of 48 GB"));
        const QRectF box = RooflinePlotProbe(*m_plot).warningBox();
        const QRectF axes = axesRectF(*m_plot);
        QVERIFY(axes.contains(box));
        QVERIFY(box.top() > m_plot->pixelOf(1, 181e12).y()); // under the compute roof
        QVERIFY(box.left() < axes.left() + 20);
        // Its text and frame are in the warning colour, and the box is clear of every marker.
        int warm = 0;
        for (int y = int(box.top()); y <= int(box.bottom()); ++y)
            for (int x = int(box.left()); x <= int(box.right()); ++x)
                warm += pixelIs(image, QPointF(x, y), warningColor(), 40) ? 1 : 0;
        QVERIFY2(warm > 200, qPrintable(QString::number(warm)));
        for (const QPointF &marker : RooflinePlotProbe(*m_plot).currentMarkers())
            QVERIFY(!box.contains(marker));
        // And in an export: the top-left quarter holds hundreds more pixels of the warning colour than the same
        // export of a workload that fits (where the compute roof is the only red there).
        const auto warmInCorner = [this] {
            const QImage exported = m_plot->renderImage(QSize(1280, 720));
            int count = 0;
            for (int y = 0; y < exported.height() / 4; ++y)
                for (int x = 0; x < exported.width() / 2; ++x)
                    count += pixelIs(exported, QPointF(x, y), warningColor(), 40) ? 1 : 0;
            return count;
        };
        const int warned = warmInCorner();
        m_plot->setData(m_results.chart);
        settle();
        QCOMPARE(RooflinePlotProbe(*m_plot).warningShown(), QString());
        QCOMPARE(RooflinePlotProbe(*m_plot).warningBox(), QRectF());
        const int fits = warmInCorner();
        QVERIFY2(warned > fits + 300, qPrintable(QStringLiteral("%1 against %2").arg(warned).arg(fits)));
    }

    // A legend that would cover much of the plot goes below it, in columns, lined up with the frame: at 560 x
    // 420 (a small window's canvas) and in presentation at 800 x 600 it took a third of the frame; at 1280 x 720
    // it stays in the frame's corner, as on the seed chart. Every entry stays listed and on the canvas.
    void aLegendThatWouldCoverThePlotGoesBelowIt()
    {
        Session session = seedSession();
        session.secondGpu = h100Sxm();
        ScenarioResults results;
        results.recompute(session);
        const QStringList names = [&] {
            m_plot->resize(1280, 720);
            m_plot->setData(results.chart);
            settle();
            return legendNames(*m_plot);
        }();
        QVERIFY(!m_plot->isLegendOutside());
        QVERIFY(axesRect(*m_plot).contains(legendRect(*m_plot)));
        for (const auto &[size, presenting] : { std::pair(QSize(560, 420), false), std::pair(QSize(800, 600), true) }) {
            m_plot->setPresentation(presenting);
            m_plot->resize(size);
            settle();
            const QString at = QStringLiteral("%1 x %2").arg(size.width()).arg(size.height());
            QVERIFY2(m_plot->isLegendOutside(), qPrintable(at));
            const QRect legend = legendRect(*m_plot), axes = axesRect(*m_plot);
            QVERIFY2(legend.top() > axes.bottom(), qPrintable(at)); // below the frame, past the x axis's labels
            QVERIFY2(QRect(QPoint(0, 0), size).contains(legend), qPrintable(at));
            QVERIFY2(legend.left() >= axes.left() - 1 && legend.right() <= axes.right() + 1, qPrintable(at));
            QCOMPARE(legendNames(*m_plot), names);
            // In columns: two thirds of one column of the entries at most.
            QVERIFY2(legend.height() * 3 < int(names.size()) * legendEntry(*m_plot, names.front()).height() * 2, qPrintable(at));
            // And the frame has most of the height.
            QVERIFY2(axes.height() > size.height() / 3, qPrintable(at));
        }
        m_plot->setPresentation(false);
        m_plot->resize(1280, 720);
        settle();
        QVERIFY(!m_plot->isLegendOutside());
        QVERIFY(axesRect(*m_plot).contains(legendRect(*m_plot)));
    }

    // The last x tick's label ("10k" at the right edge of the axes) is drawn whole: the margin right of the axes
    // holds its half, on screen and in presentation's large type.
    void theRightmostTickLabelIsNotCut()
    {
        for (const bool presenting : { false, true }) {
            m_plot->setPresentation(presenting);
            settle();
            const QFont font = ChartTheme::make(m_plot->font(), false, presenting).font;
            const double half = QFontMetricsF(font).horizontalAdvance(QStringLiteral("10k")) / 2;
            const double margin = m_plot->canvasWidget()->width() - axesRectF(*m_plot).right();
            QVERIFY2(margin >= half + 2, qPrintable(QStringLiteral("%1 px for half of %2").arg(margin).arg(half)));
        }
        m_plot->setPresentation(false);
    }

    // The ridges' labels stay off the legend and off each other, and inside the axes, whatever the canvas's size:
    // at the foot of their lines, to the right or, where the legend is, to the left or above it. With the H100 beside the seed
    // A6000 the ridges are 235.7 and 295.3 FLOP/B, a tenth of a decade apart.
    void ridgeLabelsStayOffTheLegendAndEachOther()
    {
        Session session = seedSession();
        session.secondGpu = h100Sxm();
        ScenarioResults results;
        results.recompute(session);
        for (const QSize size : { QSize(470, 400), QSize(560, 420), QSize(800, 600), QSize(1280, 720) }) {
            m_plot->resize(size);
            m_plot->setData(results.chart);
            settle();
            const QRect legend = legendRect(*m_plot);
            QVERIFY(legend.isValid());
            const QRectF axes = axesRectF(*m_plot).adjusted(-1, -1, 1, 1);
            std::vector<QRectF> ridges;
            for (const RooflinePlotProbe::RoofLabel &label : RooflinePlotProbe(*m_plot).roofLabels())
                if (label.text.contains(QLatin1String("ridge"))) {
                    QVERIFY2(!label.box.intersects(legend), qPrintable(label.text));
                    QVERIFY2(axes.contains(label.box), qPrintable(QStringLiteral("%1 at %2 x %3").arg(label.text).arg(size.width()).arg(size.height())));
                    ridges.push_back(label.box);
                }
            QCOMPARE(ridges.size(), std::size_t(2));
            QVERIFY(!ridges[0].intersects(ridges[1]));
        }
        // Both in the look's type: in presentation the second's grows with the first's.
        m_plot->setPresentation(true);
        settle();
        std::vector<double> heights;
        for (const RooflinePlotProbe::RoofLabel &label : RooflinePlotProbe(*m_plot).roofLabels())
            if (label.text.contains(QLatin1String("ridge")))
                heights.push_back(label.box.height());
        QCOMPARE(heights.size(), std::size_t(2));
        QCOMPARE(heights[0], heights[1]);
        m_plot->setPresentation(false);
        m_plot->resize(1200, 800);
        m_plot->setData(m_results.chart);
    }

    // A note put where a ridge's label would go: the label moves off it (a note hid the second GPU's ridge label).
    void ridgeLabelsStayOffNotes()
    {
        Session session = seedSession();
        session.secondGpu = h100Sxm();
        ScenarioResults results;
        results.recompute(session);
        m_plot->resize(800, 600);
        m_plot->setData(results.chart);
        settle();
        QRectF before;
        for (const RooflinePlotProbe::RoofLabel &label : RooflinePlotProbe(*m_plot).roofLabels())
            if (label.text.startsWith(QLatin1String("H100 SXM ridge")))
                before = label.box;
        QVERIFY(!before.isEmpty());
        // A note anchored on the label's middle, its box over it.
        const double x = m_plot->viewRange().xMin * 2, y = m_plot->viewRange().yMax / 3;
        const QPointF anchor = m_plot->pixelOf(x, y);
        m_plot->setAnnotations(SharedList<Annotation> { Annotation { Annotation::Kind::Note, "a note over the ridge's label", x, y,
                                                                     before.left() - anchor.x(), before.top() - anchor.y() } });
        settle();
        const QRect note = RooflinePlotProbe(*m_plot).annotationShown(0).box;
        QVERIFY(note.intersects(before.toAlignedRect()));
        for (const RooflinePlotProbe::RoofLabel &label : RooflinePlotProbe(*m_plot).roofLabels())
            if (label.text.contains(QLatin1String("ridge")))
                QVERIFY2(!label.box.intersects(note), qPrintable(label.text));
        m_plot->setAnnotations({});
        m_plot->resize(1200, 800);
        m_plot->setData(m_results.chart);
    }

    // A second GPU's ridge runs up from the frame's floor to the corner of its own roofs, not to the frame's
    // top: a GPU of 200 GB/s and 20 TFLOP/s beside the seed A6000 has its corner at 20e12 / 200e9 = 100 FLOP/B,
    // 20 TFLOP/s; the frame reaches 300 TFLOP/s.
    void theSecondGpusRidgeStopsAtItsCorner()
    {
        ChartData chart = m_results.chart;
        chart.current.clear(); // no marks in the ridge's column
        chart.sweep.clear();
        chart.secondRoof = ChartData::OtherRoof { "Slow", Roofline { 20e12, 200e9 }, "Slow: 200 GB/s", "Slow: 20 TFLOP/s",
                                                  "Slow ridge 100 FLOP/B" };
        m_plot->setData(chart);
        const QImage image = screen(*m_plot);
        QCOMPARE(m_plot->viewRange().yMax, 3e14);
        // Its label stands at the foot of its line, as the first GPU's does at its own.
        const std::vector<RooflinePlotProbe::RoofLabel> labels = RooflinePlotProbe(*m_plot).roofLabels();
        const auto label = std::find_if(labels.begin(), labels.end(),
                                        [](const RooflinePlotProbe::RoofLabel &l) { return l.text == QLatin1String("Slow ridge 100 FLOP/B"); });
        QVERIFY(label != labels.end());
        QCOMPARE(label->anchor.x(), m_plot->pixelOf(100, 1e12).x());
        QCOMPARE(label->anchor.y(), m_plot->pixelOf(100, 1e10).y());
        const QColor grey(0x44, 0x44, 0x44); // the second GPU's lines
        const double x = m_plot->pixelOf(100, 1e12).x();
        const auto rows = [&](double from, double to) {
            int hits = 0, all = 0;
            for (double y = m_plot->pixelOf(100, to).y(); y <= m_plot->pixelOf(100, from).y(); y += 1.0, ++all)
                hits += colourNear(image, QPointF(x, y), grey, 1, 30) ? 1 : 0;
            return std::pair(hits, all);
        };
        const auto [below, belowRows] = rows(1e11, 14e12);
        QVERIFY2(below > belowRows / 2, qPrintable(QStringLiteral("%1 of %2 rows").arg(below).arg(belowRows)));
        const auto [above, aboveRows] = rows(30e12, 2.5e14);
        QVERIFY(aboveRows > 100);
        QCOMPARE(above, 0);
        // A column 20 pixels aside is clear.
        int aside = 0;
        for (double y = m_plot->pixelOf(100, 14e12).y(); y <= m_plot->pixelOf(100, 1e11).y(); y += 1.0)
            aside += colourNear(image, QPointF(x + 20, y), grey, 1, 30) ? 1 : 0;
        QCOMPARE(aside, 0);
    }

    // Each roof's label sits on what it names: the bandwidth on the memory roof, turned to its angle on screen (up
    // to the right: a negative turn); the peak at the frame's right edge at 181 TFLOP/s; the ridge's at 235.677
    // FLOP/B; with every ceiling shown, each ceiling's at the right edge at its height.
    void roofLabelsSitOnWhatTheyName()
    {
        settle();
        const ChartData &chart = m_plot->data();
        const auto label = [&](const std::string &text) {
            for (const RooflinePlotProbe::RoofLabel &l : RooflinePlotProbe(*m_plot).roofLabels())
                if (l.text == QString::fromStdString(text))
                    return std::optional(l);
            return std::optional<RooflinePlotProbe::RoofLabel>();
        };
        const double right = m_plot->pixelOf(m_plot->viewRange().xMax, 1e12).x();
        const auto bandwidth = label(chart.bandwidthLabel);
        QVERIFY(bandwidth);
        const QPointF p1 = m_plot->pixelOf(1, 768e9), p2 = m_plot->pixelOf(100, 768e11);
        const QPointF along = p2 - p1, off = bandwidth->anchor - p1;
        const double distance = std::fabs(along.x() * off.y() - along.y() * off.x()) / std::hypot(along.x(), along.y());
        QVERIFY2(distance < 1.0, qPrintable(QString::number(distance)));
        const double angle = std::atan2(along.y(), along.x()) * 180.0 / M_PI;
        QVERIFY(angle < -10.0);
        QVERIFY2(std::fabs(bandwidth->rotation - angle) < 0.5, qPrintable(QStringLiteral("%1 vs %2").arg(bandwidth->rotation).arg(angle)));
        const auto peak = label(chart.peakLabel);
        QVERIFY(peak);
        QVERIFY(std::fabs(peak->anchor.y() - m_plot->pixelOf(1, 181e12).y()) < 0.5);
        QVERIFY(std::fabs(peak->anchor.x() - right) < 0.5);
        const auto ridge = label(chart.ridgeLabel);
        QVERIFY(ridge);
        QVERIFY(std::fabs(ridge->anchor.x() - m_plot->pixelOf(235.677, 1e12).x()) < 0.5);

        ScenarioResults results;
        results.recompute(h100WithCeilings());
        m_plot->setData(results.chart);
        setAllCeilings(*m_plot, true);
        settle();
        const double edge = m_plot->pixelOf(m_plot->viewRange().xMax, 1e12).x();
        for (const auto &[text, flops] : { std::pair("fp8, int8 1979 TFLOP/s", 1978.9e12), std::pair("fp32 67 TFLOP/s", 67e12) }) {
            const auto ceiling = label(text);
            QVERIFY2(ceiling, text);
            QVERIFY2(std::fabs(ceiling->anchor.y() - m_plot->pixelOf(1, flops).y()) < 0.5, text);
            QVERIFY2(std::fabs(ceiling->anchor.x() - edge) < 0.5, text);
        }
    }

    // The bandwidth label moves along its roof off the markers drawn there: with 4 tokens verified a step the
    // decode projections sit at ~4 FLOP/B, where the label (a third along, 4.39 FLOP/B) covered them.
    void theBandwidthLabelStaysOffTheMarkersOnItsRoof()
    {
        Session session = seedSession();
        session.workload.tokensPerStep = 4;
        ScenarioResults results;
        results.recompute(session);
        m_plot->setData(results.chart);
        settle();
        std::optional<RooflinePlotProbe::RoofLabel> bandwidth;
        for (const RooflinePlotProbe::RoofLabel &l : RooflinePlotProbe(*m_plot).roofLabels())
            if (l.text == QString::fromStdString(results.chart.bandwidthLabel))
                bandwidth = l;
        QVERIFY(bandwidth);
        // The label's box as drawn (turned about its anchor), against each marker's centre, 5 px around (a cross
        // reaches 6 px from its centre).
        QTransform turn;
        turn.translate(bandwidth->anchor.x(), bandwidth->anchor.y());
        turn.rotate(bandwidth->rotation);
        turn.translate(-bandwidth->anchor.x(), -bandwidth->anchor.y());
        const QTransform back = turn.inverted();
        int onTheRoof = 0;
        for (const QPointF &marker : RooflinePlotProbe(*m_plot).currentMarkers()) {
            onTheRoof += std::fabs(marker.x() - m_plot->pixelOf(4.0, 4.0 * 768e9).x()) < 30 ? 1 : 0;
            QVERIFY2(!bandwidth->box.adjusted(-5, -5, 5, 5).contains(back.map(marker)),
                     qPrintable(QStringLiteral("marker at (%1, %2)").arg(marker.x()).arg(marker.y())));
        }
        QVERIFY(onTheRoof > 0);
    }

    // A label of a current point follows it: made at batch 1, where q_proj decode sits at ~1 FLOP/B, at batch 8 its
    // box is beside that op's marker there (~7.9 FLOP/B) and gives its numbers there. A label of a sweep point
    // (batch 4) stays where it was put; so does one whose op is no longer drawn.
    void aLabelFollowsItsPoint()
    {
        const ChartPoint *q = m_plot->data().currentPoint(OpKind::QProj, Phase::Decode);
        QVERIFY(q);
        const Annotation label = m_plot->labelFor(*q);
        QVERIFY(label.point);
        QCOMPARE(label.point->op, OpKind::QProj);
        const auto sweep = std::find_if(m_plot->data().sweep.begin(), m_plot->data().sweep.end(),
                                        [](const ChartPoint &p) { return p.batch == 4 && p.op == OpKind::GateProj && p.phase == Phase::Decode; });
        QVERIFY(sweep != m_plot->data().sweep.end());
        const Annotation still = m_plot->labelFor(*sweep);
        QVERIFY(!still.point);
        m_plot->setAnnotations(SharedList<Annotation> { label, still });
        settle();
        const auto boxCentre = [&](int i) { return QRectF(RooflinePlotProbe(*m_plot).annotationShown(i).box).center(); };
        const auto near = [](QPointF a, QPointF b) { return QLineF(a, b).length() < 1.5; };
        QVERIFY(near(boxCentre(0), m_plot->pixelOf(label.x, label.y) + QPointF(label.dx, label.dy)));

        Session session = seedSession();
        session.workload.batch = 8;
        ScenarioResults results;
        results.recompute(session);
        m_plot->setData(results.chart);
        settle();
        const ChartPoint *q8 = m_plot->data().currentPoint(OpKind::QProj, Phase::Decode);
        QVERIFY(q8 && q8->intensity > 7.0);
        QCOMPARE(RooflinePlotProbe(*m_plot).annotationShown(0).text, QString::fromStdString(pointLabel(*q8)));
        QVERIFY(RooflinePlotProbe(*m_plot).annotationShown(0).text.startsWith(QLatin1String("q_proj decode, batch 8, seq 2048\n7.9")));
        const QPointF marker = RooflinePlotProbe(*m_plot).currentMarkers()[std::size_t(q8 - m_plot->data().current.data())];
        QVERIFY2(near(boxCentre(0), marker + QPointF(label.dx, label.dy)),
                 qPrintable(QStringLiteral("box at (%1, %2), marker at (%3, %4)").arg(boxCentre(0).x()).arg(boxCentre(0).y()).arg(marker.x()).arg(marker.y())));
        QCOMPARE(RooflinePlotProbe(*m_plot).annotationShown(1).text, QString::fromStdString(still.text));
        QVERIFY(near(boxCentre(1), m_plot->pixelOf(still.x, still.y) + QPointF(still.dx, still.dy)));

        // FlashAttention fuses qk and pv: a label of qk decode stays where it was, with its old numbers.
        const ChartPoint *qk = m_plot->data().currentPoint(OpKind::Qk, Phase::Decode);
        QVERIFY(qk);
        const Annotation qkLabel = m_plot->labelFor(*qk);
        m_plot->setAnnotations(SharedList<Annotation> { qkLabel });
        session.workload.flashAttention = true;
        results.recompute(session);
        m_plot->setData(results.chart);
        settle();
        QVERIFY(!m_plot->data().currentPoint(OpKind::Qk, Phase::Decode));
        QCOMPARE(RooflinePlotProbe(*m_plot).annotationShown(0).text, QString::fromStdString(qkLabel.text));
    }

    // Of two kernels within reach of the pointer, the one under it is found, not the first listed (hovering the
    // second of two kernels 5 px apart named the first).
    void theNearestKernelIsFound()
    {
        ChartData data = m_results.chart;
        ChartData::MeasuredPoint a;
        a.name = "first";
        a.intensity = 100.0;
        a.achievedFlopsPerSecond = 1e12;
        ChartData::MeasuredPoint b = a;
        b.name = "second";
        data.measured = { a, b };
        m_plot->setData(data);
        settle();
        const double perPixel = std::pow(m_plot->viewRange().xMax / m_plot->viewRange().xMin, 1.0 / axesRectF(*m_plot).width());
        b.intensity = 100.0 * std::pow(perPixel, 5.0); // 5 px to the right
        data.measured = { a, b };
        m_plot->setData(data);
        settle();
        const QPointF atA = m_plot->pixelOf(100.0, 1e12);
        const QPointF atB = m_plot->pixelOf(b.intensity, 1e12);
        QVERIFY2(std::abs(atB.x() - atA.x() - 5.0) < 0.5, qPrintable(QString::number(atB.x() - atA.x())));
        QVERIFY(m_plot->measuredAt(atA) && m_plot->measuredAt(atA)->name == "first");
        QVERIFY(m_plot->measuredAt(atB) && m_plot->measuredAt(atB)->name == "second");
        QVERIFY(m_plot->measuredAt(atB + QPointF(2, 0)) && m_plot->measuredAt(atB + QPointF(2, 0))->name == "second");
        QVERIFY(m_plot->measuredAt(atA - QPointF(2, 0)) && m_plot->measuredAt(atA - QPointF(2, 0))->name == "first");
    }

    // A label that follows its point is drawn with the points, on the top layer: a batch step redraws that layer
    // alone (the frame's image, with the grid, the roofs and the notes, stays), and on screen the label has left
    // its old place for one beside the op's new marker. (Every step was a full replot while a label followed a
    // point: 1.3 ms a step became 4 ms.)
    void aFollowedLabelMovesWithThePointsAlone()
    {
        const ChartPoint *q = m_plot->data().currentPoint(OpKind::QProj, Phase::Decode);
        QVERIFY(q);
        const Annotation label = m_plot->labelFor(*q);
        Annotation note;
        note.text = "A note that stays";
        note.x = 3000.0;
        note.y = 1e12;
        m_plot->setAnnotations(SharedList<Annotation> { note, label });
        screen(*m_plot);
        const QRect noteBox = RooflinePlotProbe(*m_plot).annotationShown(0).box;
        const QRect before = RooflinePlotProbe(*m_plot).annotationShown(1).box;
        QVERIFY(!noteBox.isEmpty() && !before.isEmpty());
        // The share of a box's top edge drawn in the border's grey.
        const auto bordered = [](const QImage &image, const QRect &box) {
            int grey = 0;
            for (int x = box.left() + 3; x <= box.right() - 3; ++x)
                grey += colourNear(image, QPointF(x, box.top()), QColor(0x99, 0x99, 0x99), 1, 40) ? 1 : 0;
            return grey / double(box.width() - 6);
        };

        QSignalSpy replots(m_plot.get(), &RooflinePlot::replotted);
        Session session = seedSession();
        session.workload.batch = 64;
        ScenarioResults results;
        results.recompute(session);
        m_plot->setData(results.chart);
        const QImage after = screen(*m_plot);
        QCOMPARE(replots.count(), 1);
        QCOMPARE(replots.front().front().toBool(), false); // the points' layer alone was redrawn
        const QRect moved = RooflinePlotProbe(*m_plot).annotationShown(1).box;
        QVERIFY2(!moved.intersects(before), qPrintable(QStringLiteral("the label stayed at x %1").arg(moved.x())));
        QVERIFY2(bordered(after, moved) > 0.8, qPrintable(QString::number(bordered(after, moved))));
        QVERIFY2(bordered(after, before) < 0.3, qPrintable(QString::number(bordered(after, before))));
        QCOMPARE(RooflinePlotProbe(*m_plot).annotationShown(0).box, noteBox);
        QVERIFY(bordered(after, noteBox) > 0.8);
        QVERIFY(RooflinePlotProbe(*m_plot).annotationShown(1).text.startsWith(QLatin1String("q_proj decode, batch 64")));
    }

    // The peak's label stays inside the axes: where the frame's top would cut it above the roof (a compute roof
    // near the top of a small canvas: "181 TFLOP/s" lost its upper part at 468 x 400, the chart of an 800 x 600
    // window), it goes under the roof.
    // Compute-bound points at the frame's right edge, on the roof (a sweep of long prefills): the peak's label
    // moves off them rather than be drawn over them.
    void thePeakLabelStaysOffTheMarkersOnItsRoof()
    {
        ScenarioResults results;
        results.recompute(seedSession());
        ChartData chart = results.chart;
        const double peak = chart.roof.peakFlopsPerSecond;
        ChartPoint point = chart.current.front();
        point.attainableFlopsPerSecond = peak;
        point.bound = Bound::Compute;
        chart.sweep.clear();
        for (double x = 4000.0; x <= 9800.0; x *= 1.08) {
            point.intensity = x;
            chart.sweep.push_back(point);
        }
        m_plot->setData(chart);
        settle();
        std::optional<RooflinePlotProbe::RoofLabel> label;
        for (const RooflinePlotProbe::RoofLabel &l : RooflinePlotProbe(*m_plot).roofLabels())
            if (l.text == QString::fromStdString(chart.peakLabel))
                label = l;
        QVERIFY(label);
        QVERIFY(axesRectF(*m_plot).adjusted(-1, -1, 1, 1).contains(label->box));
        QCOMPARE(RooflinePlotProbe(*m_plot).sweepMarkers().size(), chart.sweep.size());
        QVERIFY(label->box.left() > m_plot->pixelOf(chart.roof.ridge(), peak).x()); // right of the ridge's line
        for (const QPointF &marker : RooflinePlotProbe(*m_plot).sweepMarkers())
            QVERIFY2(!label->box.adjusted(-5, -5, 5, 5).contains(marker),
                     qPrintable(QStringLiteral("marker at (%1, %2) under the label at %3, %4").arg(marker.x()).arg(marker.y()).arg(label->box.left()).arg(label->box.top())));
        m_plot->setData(results.chart);
    }

    void thePeakLabelIsNotCutByTheFrame()
    {
        for (const QSize size : { QSize(468, 400), QSize(468, 330), QSize(560, 420), QSize(1280, 720) }) {
            m_plot->resize(size);
            settle();
            std::optional<RooflinePlotProbe::RoofLabel> peak;
            for (const RooflinePlotProbe::RoofLabel &l : RooflinePlotProbe(*m_plot).roofLabels())
                if (l.text == QString::fromStdString(m_plot->data().peakLabel))
                    peak = l;
            QVERIFY(peak);
            const QRectF axes = axesRectF(*m_plot).adjusted(-1, -1, 1, 1);
            QVERIFY2(axes.contains(peak->box), qPrintable(QStringLiteral("%1 x %2: label top %3, axes top %4")
                                                              .arg(size.width()).arg(size.height()).arg(peak->box.top()).arg(axes.top())));
        }
    }

    void resetViewIsTheSeedFrame()
    {
        const ViewRange frame = m_plot->viewRange();
        QCOMPARE(frame.xMin, 0.6);
        QCOMPARE(frame.xMax, 1e4);
        QCOMPARE(frame.yMin, 1e10);
        QCOMPARE(frame.yMax, 3e14);
        // Logarithmic: each decade takes as many pixels as the next.
        const double decade = m_plot->pixelOf(10, 1e12).x() - m_plot->pixelOf(1, 1e12).x();
        QVERIFY(decade > 100);
        QVERIFY(std::fabs(m_plot->pixelOf(100, 1e12).x() - m_plot->pixelOf(10, 1e12).x() - decade) < 1e-6);
        QVERIFY(std::fabs(m_plot->pixelOf(1, 1e13).y() - m_plot->pixelOf(1, 1e12).y()
                          - (m_plot->pixelOf(1, 1e12).y() - m_plot->pixelOf(1, 1e11).y()))
                < 1e-6);
        // A roof above the frame widens it.
        Scenario fast = seedScenario();
        fast.gpu.setPeak(ComputeType::Fp16, 2000e12);
        ScenarioResults results;
        results.recompute(fast);
        m_plot->setData(results.chart);
        QVERIFY2(m_plot->viewRange().yMax >= 2000e12, qPrintable(QString::number(m_plot->viewRange().yMax)));
    }

    void zoomIsBounded()
    {
        // A frame narrower than a decade is widened to one; one beyond the axes' limits is cut to them; one that
        // log axes cannot show is refused.
        setFrame(*m_plot, ViewRange { 5, 6, 1e10, 3e14 });
        QVERIFY(m_plot->viewRange().xMax / m_plot->viewRange().xMin >= 10.0 - 1e-9);
        setFrame(*m_plot, ViewRange { 0.6, 1e4, 1e9, 1e30 });
        QVERIFY(m_plot->viewRange().yMax <= 1e21);
        const ViewRange before = m_plot->viewRange();
        setFrame(*m_plot, ViewRange { 0.6, 1e4, -5, 1e12 });
        QCOMPARE(m_plot->viewRange(), before);
        QVERIFY(before.yMin > 0);
        // A wheel turn is reported, and its owner decides: here it fixes the frame, as the window's state does,
        // and new data no longer re-fits it. Until the report is handled the frame does not move either.
        setFrame(*m_plot, std::nullopt);
        QVERIFY(!m_plot->view().frame.has_value());
        QWidget *canvas = m_plot->canvasWidget();
        const auto turn = [&](int delta) {
            QWheelEvent wheel(QPointF(600, 400), canvas->mapToGlobal(QPointF(600, 400)), QPoint(), QPoint(0, delta), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(canvas, &wheel);
        };
        QSignalSpy reported(m_plot.get(), &RooflinePlot::viewChanged);
        turn(120);
        turn(120);
        const ViewRange zoomed = m_plot->viewRange();
        QVERIFY(zoomed.xMax / zoomed.xMin < 1e4 / 0.6);
        QVERIFY(!m_plot->view().frame.has_value()); // not the canvas's to decide
        m_plot->setData(m_results.chart); // before the report: the frame stays under the user's hand
        QCOMPARE(m_plot->viewRange(), zoomed);
        {
            const QMetaObject::Connection owner
                = connect(m_plot.get(), &RooflinePlot::viewChanged, this, [this] { setFrame(*m_plot, m_plot->viewRange()); });
            QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
            disconnect(owner);
        }
        QCOMPARE(reported.count(), 1); // one report for the burst of turns
        QVERIFY(m_plot->view().frame.has_value());
        m_plot->setData(m_results.chart);
        QCOMPARE(m_plot->viewRange(), zoomed);
        setFrame(*m_plot, std::nullopt);
        QVERIFY(!m_plot->view().frame.has_value());
        QCOMPARE(m_plot->viewRange().xMin, 0.6);
        // With no owner to fix it, a zoom is reported and the frame follows the data again afterwards.
        turn(120);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
        QCOMPARE(reported.count(), 2);
        QVERIFY(!m_plot->view().frame.has_value());
        m_plot->setData(m_results.chart);
        QCOMPARE(m_plot->viewRange().xMin, 0.6);
        // However far the wheel zooms in, a decade stays in view.
        for (int i = 0; i < 40; ++i)
            turn(120);
        QVERIFY(m_plot->viewRange().xMax / m_plot->viewRange().xMin >= 10.0 - 1e-9);
    }

    void hoverFindsThePoint()
    {
        const ChartPoint &target = m_results.chart.current.front(); // prefill q_proj
        const QPointF pixel = m_plot->pixelOf(target.intensity, target.attainableFlopsPerSecond);
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
        QVERIFY(m_plot->pointsAt(m_plot->pixelOf(decode->intensity, decode->attainableFlopsPerSecond)).size() >= 3);
        // On a sweep point inside a current cross (decode qk at every length sits at ~1 FLOP/B), the current point
        // is named first: the small point under the cross is not what the pointer is on.
        const auto &current = m_plot->data().current;
        const std::vector<QPointF> crosses = RooflinePlotProbe(*m_plot).currentMarkers();
        int probed = 0;
        for (const QPointF &sweep : RooflinePlotProbe(*m_plot).sweepMarkers()) {
            const bool underACross = std::any_of(crosses.begin(), crosses.end(), [&](const QPointF &c) {
                const double d = QLineF(c, sweep).length();
                return d > 0.5 && d < 6.0;
            });
            if (!underACross)
                continue;
            const auto found = m_plot->pointsAt(sweep);
            QVERIFY(!found.empty());
            QVERIFY(found.front() >= current.data() && found.front() < current.data() + current.size());
            ++probed;
        }
        QVERIFY(probed > 0);
    }

    // A pin of a workload the sweep also has (batch 16, sequence 128): its points sit on the sweep's. Hovered there,
    // the tooltip names the pin (it named the sweep point, and the pin not at all).
    void aPinOnTheSweepSaysWhichPinItIs()
    {
        Session session = seedSession();
        Session pinned = session;
        pinned.workload.batch = 16;
        pinned.workload.seq = 128;
        session.pins = std::vector { Pin { pinLabel(pinned.scenario(), MaxPinLabelChars), pinned.scenario() } };
        ScenarioResults results;
        results.recompute(session);
        const auto &points = results.chart.pins[0].points;
        const auto q = std::find_if(points.begin(), points.end(), [](const ChartPoint &p) { return p.op == OpKind::QProj && p.phase == Phase::Decode; });
        QVERIFY(q != points.end());
        QVERIFY(std::any_of(results.chart.sweep.begin(), results.chart.sweep.end(), [&q](const ChartPoint &p) {
            return p.op == OpKind::QProj && p.phase == Phase::Decode && p.batch == 16 && p.seq == 128 && p.intensity == q->intensity;
        }));
        m_plot->setData(results.chart);
        screen(*m_plot);
        const QPoint at = m_plot->pixelOf(q->intensity, q->attainableFlopsPerSecond).toPoint();
        QVERIFY(!m_plot->pointsAt(at).empty()); // the sweep's point is within reach too
        QHelpEvent help(QEvent::ToolTip, at, m_plot->canvasWidget()->mapToGlobal(at));
        QApplication::sendEvent(m_plot->canvasWidget(), &help);
        const QString tip = QToolTip::text();
        QToolTip::hideText();
        QVERIFY2(tip.startsWith(QLatin1String("<b>pinned: batch 16, seq 128")), qPrintable(tip));
        // Where a current point is, it comes first: batch 1's q_proj decode names no pin.
        const ChartPoint *current = results.chart.currentPoint(OpKind::QProj, Phase::Decode);
        const QPoint atCurrent = RooflinePlotProbe(*m_plot).currentMarkers()[std::size_t(current - results.chart.current.data())].toPoint();
        QHelpEvent there(QEvent::ToolTip, atCurrent, m_plot->canvasWidget()->mapToGlobal(atCurrent));
        QApplication::sendEvent(m_plot->canvasWidget(), &there);
        QVERIFY2(!QToolTip::text().startsWith(QLatin1String("<b>pinned")), qPrintable(QToolTip::text()));
        QToolTip::hideText();
        m_plot->setData(m_results.chart);
    }

    // A tooltip still open when the chart changes under a pointer that did not move (an undo, a key step) says
    // what is there now: the point's new numbers, or nothing once no point is there.
    void anOpenTooltipFollowsTheChart()
    {
        const auto tipAt = [this](OpKind op) {
            const ChartPoint *p = m_plot->data().currentPoint(op, Phase::Decode);
            return RooflinePlotProbe(*m_plot).currentMarkers()[std::size_t(p - m_plot->data().current.data())].toPoint();
        };
        screen(*m_plot);
        const QPoint at = tipAt(OpKind::Qk);
        QHelpEvent help(QEvent::ToolTip, at, m_plot->canvasWidget()->mapToGlobal(at));
        QApplication::sendEvent(m_plot->canvasWidget(), &help);
        QVERIFY2(QToolTip::text().contains(QLatin1String("batch 1, sequence 2048")), qPrintable(QToolTip::text()));
        // The same qk decode point at a longer sequence: its intensity stays ~1 FLOP/B, its time doubles.
        Session longer = seedSession();
        longer.workload.seq = 4096;
        ScenarioResults results;
        results.recompute(longer);
        m_plot->setData(results.chart);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall); // the replot
        const QString now = QToolTip::text();
        QVERIFY2(now.contains(QLatin1String("batch 1, sequence 4096")), qPrintable(now));
        // A tooltip of another widget is left alone.
        QToolTip::showText(m_plot->mapToGlobal(QPoint(5, 5)), QStringLiteral("another widget's"), m_plot.get());
        m_plot->setData(m_results.chart);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
        QCOMPARE(QToolTip::text(), QStringLiteral("another widget's"));
        QToolTip::hideText();
    }

    void aPinnedPointSaysWhichPinItIs()
    {
        // The seed scenario without a sweep, and a pin of it at batch 512: its decode projections sit at
        // ~455 FLOP/B on the compute roof, far from the current points. Hovered, one says which pin it is.
        Session session = seedSession();
        session.sweep.mode = SweepMode::None;
        Session pinned = session;
        pinned.workload.batch = 512;
        session.pins = std::vector { Pin { pinLabel(pinned.scenario(), MaxPinLabelChars), pinned.scenario() } };
        ScenarioResults results;
        results.recompute(session);
        QVERIFY(QString::fromStdString(results.chart.pins[0].label).startsWith(QLatin1String("pinned: batch 512")));
        const auto &points = results.chart.pins[0].points;
        const auto q = std::find_if(points.begin(), points.end(), [](const ChartPoint &p) { return p.op == OpKind::QProj && p.phase == Phase::Decode; });
        QVERIFY(q != points.end());
        m_plot->setData(results.chart);
        screen(*m_plot);
        const QPoint at = (m_plot->pixelOf(q->intensity, q->attainableFlopsPerSecond) + QPointF(2, 2)).toPoint();
        QVERIFY(!m_plot->pointAt(at)); // no current point there
        QHelpEvent help(QEvent::ToolTip, at, m_plot->canvasWidget()->mapToGlobal(at));
        QApplication::sendEvent(m_plot->canvasWidget(), &help);
        const QString tip = QToolTip::text();
        QToolTip::hideText();
        QVERIFY2(tip.startsWith(QLatin1String("<b>pinned: batch 512, seq 2048")), qPrintable(tip));
        QVERIFY2(tip.contains(QLatin1String("batch 512")) && tip.contains(QLatin1String("decode")), qPrintable(tip));

        // Right-clicked, it can be labelled: the label names the pin, gives the point's numbers and stays where the
        // pin's point is (it does not follow the current point of its op).
        QSignalSpy requested(m_plot.get(), &RooflinePlot::labelRequested);
        const QStringList offered = contextMenuAt(m_plot->canvasWidget(), at, QStringLiteral("Label pinned "));
        QVERIFY2(offered.filter(QStringLiteral("Label pinned ")).size() == 1, qPrintable(offered.join(QLatin1String(", "))));
        QCOMPARE(requested.count(), 1);
        const Annotation label = requested.front().front().value<Annotation>();
        QVERIFY2(QString::fromStdString(label.text).startsWith(QLatin1String("pinned: batch 512, seq 2048")), label.text.c_str());
        QVERIFY2(label.text.find("decode, batch 512, seq 2048\n") != std::string::npos, label.text.c_str());
        QVERIFY(!label.point);
        ROOFLINE_COMPARE_REL(label.x, q->intensity, 1e-9);
        ROOFLINE_COMPARE_REL(label.y, q->attainableFlopsPerSecond, 1e-9);
        m_plot->setData(m_results.chart);
    }

    void aLegendEntrySaysWhatItsSeriesIs()
    {
        // The legend keeps the seed chart's names ("init", "ar"); hovering an entry ties them to the table's.
        screen(*m_plot);
        const auto tipAt = [this](const QString &name) {
            const QPoint at = legendEntry(*m_plot, name).center();
            QHelpEvent help(QEvent::ToolTip, at, m_plot->canvasWidget()->mapToGlobal(at));
            QApplication::sendEvent(m_plot->canvasWidget(), &help);
            QString tip = QToolTip::text();
            QToolTip::hideText();
            return tip;
        };
        // The ops are the model's (seriesOf), named as in the table, fused ones included.
        QCOMPARE(tipAt(QStringLiteral("qkv mlp init")),
                 QStringLiteral("<b>qkv mlp init</b>: q_proj, k_proj, v_proj, o_proj, qkv_proj in prefill, the prompt's pass "
                                "(\"init\").<br>Click to hide or show it."));
        QCOMPARE(tipAt(QStringLiteral("qk/pv ar")),
                 QStringLiteral("<b>qk/pv ar</b>: qk, pv, attention in decode, one generated "
                                "token a step (\"ar\", autoregressive).<br>Click to hide or show it."));
        QCOMPARE(tipAt(QStringLiteral("up/gate/down ar")).section(QLatin1String(" in "), 0, 0),
                 QStringLiteral("<b>up/gate/down ar</b>: gate_proj, up_proj, down_proj, gate_up_proj"));
    }

    void legendClickAsksToHideASeries()
    {
        QSignalSpy spy(m_plot.get(), &RooflinePlot::seriesToggleRequested);
        const QRect entry = legendEntry(*m_plot, QStringLiteral("qk/pv ar"));
        QVERIFY(entry.isValid());
        // The brown crosses of "qk/pv ar" (decode qk and pv at ~1 FLOP/B, beside the other series there).
        const auto crossesShown = [&] { return markersShown(*m_plot, Series::QkPvAr); };
        QCOMPARE(crossesShown(), 2);
        QTest::mouseClick(m_plot->canvasWidget(), Qt::LeftButton, {}, entry.center());
        // The click asks; the canvas shows what it is told (the state decides).
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<Series>(), Series::QkPvAr);
        QVERIFY(m_plot->view().shown[std::size_t(Series::QkPvAr)]);
        QCOMPARE(crossesShown(), 2);
        // Its cross in the legend is the series' brown while shown, and greys out with its name when hidden.
        const QColor brown = seriesColor(Series::QkPvAr);
        const QPointF icon(entry.left() + 16, entry.center().y());
        QVERIFY(colourNear(screen(*m_plot), icon, brown, 8, 30));
        setShown(*m_plot, Series::QkPvAr, false);
        QVERIFY(!m_plot->view().shown[std::size_t(Series::QkPvAr)]);
        QCOMPARE(crossesShown(), 0);
        const QImage hidden = screen(*m_plot);
        QVERIFY(!colourNear(hidden, icon, brown, 8, 30));
        QVERIFY(colourNear(hidden, icon, ChartTheme::make(m_plot->font(), false, false).hiddenText, 8, 30));
        // A hidden series is not hovered.
        const ChartPoint &last = currentPoint(m_results.chart, Series::QkPvAr);
        for (const ChartPoint *p : m_plot->pointsAt(m_plot->pixelOf(last.intensity, last.attainableFlopsPerSecond)))
            QVERIFY(p->series != Series::QkPvAr);
        QTest::mouseClick(m_plot->canvasWidget(), Qt::LeftButton, {}, entry.center());
        QCOMPARE(spy.count(), 2);
        QVERIFY(!m_plot->view().shown[std::size_t(Series::QkPvAr)]);
    }
    // A label of a point whose series is hidden hides with it (its arrow pointed at nothing), and cannot be
    // grabbed there; a note stays; shown again, the label is back.
    void aLabelHidesWithItsSeries()
    {
        const ChartPoint &q = currentPoint(m_results.chart, Series::QkvMlpInit);
        Annotation label { Annotation::Kind::PointLabel, pointLabel(q), q.intensity, q.attainableFlopsPerSecond, -80, -60 };
        label.point = Annotation::Point { q.op, q.phase };
        const Annotation note { Annotation::Kind::Note, "a note", 3, 1e11, 0, 0 };
        m_plot->setAnnotations(std::vector { label, note });
        screen(*m_plot);
        const QRect box = RooflinePlotProbe(*m_plot).annotationShown(0).box;
        QVERIFY(!box.isEmpty());
        QCOMPARE(m_plot->annotationAt(box.center()), 0);
        setShown(*m_plot, Series::QkvMlpInit, false);
        screen(*m_plot);
        QVERIFY(RooflinePlotProbe(*m_plot).annotationShown(0).box.isEmpty());
        QCOMPARE(m_plot->annotationAt(box.center()), -1);
        QVERIFY(!RooflinePlotProbe(*m_plot).annotationShown(1).box.isEmpty());
        setShown(*m_plot, Series::QkvMlpInit, true);
        screen(*m_plot);
        QCOMPARE(RooflinePlotProbe(*m_plot).annotationShown(0).box, box);
        m_plot->setAnnotations({});
    }

    void theScreenFollowsABatchStep()
    {
        // One series alone and no sweep, so that no other marker shares its pixels (the sweep's faint
        // crosses at batch 1 overlap one another until they are as strong as the current marker).
        showOnly(*m_plot, Series::QkvMlpAr);
        m_results.chart.sweep.clear();
        m_plot->setData(m_results.chart);
        const QColor orange = seriesColor(Series::QkvMlpAr);
        const ChartPoint before = currentPoint(m_results.chart, Series::QkvMlpAr); // decode at batch 1: ~1 FLOP/B
        const QPointF oldPixel = m_plot->pixelOf(before.intensity, before.attainableFlopsPerSecond);
        QVERIFY(colourNear(screen(*m_plot), oldPixel, orange, 2, 40));

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
        QVERIFY(colourNear(after, m_plot->pixelOf(moved.intensity, moved.attainableFlopsPerSecond), orange, 2, 40));
        QVERIFY2(!colourNear(after, oldPixel, orange, 2, 40), "the marker of the last step is still on screen");
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


    void pinsKeepTheirNamesAcrossStyles()
    {
        ChartData data = m_results.chart;
        data.pins = std::vector { ChartData::PinnedPoints { "pinned: batch 1, RTX A6000", m_results.chart.current } };
        m_plot->setData(data);
        const auto named = [&] {
            settle();
            const std::vector<RooflinePlotProbe::LegendEntry> legend = RooflinePlotProbe(*m_plot).legendEntries();
            return std::any_of(legend.begin(), legend.end(),
                               [](const RooflinePlotProbe::LegendEntry &e) { return e.name == QLatin1String("pinned: batch 1, RTX A6000"); });
        };
        QVERIFY(named());
        m_plot->setPresentation(true); // restyles the pins' graphs at presentation size
        QVERIFY(named());
        m_plot->setPresentation(false);
        QVERIFY(named());
    }

    void aNewLabelSitsBesideItsPointOffTheOtherMarkers()
    {
        // For every current point of the seed chart (the decode cluster at ~1 FLOP/B holds three series side by
        // side): the label has the point's numbers, is anchored where its marker is drawn, and its box, once
        // drawn, covers no marker of the current points (each a cross of radius 6) and stays inside the axes.
        settle();
        const ChartData &chart = m_plot->data();
        const std::vector<QPointF> markers = RooflinePlotProbe(*m_plot).currentMarkers();
        const QRectF axes = axesRectF(*m_plot);
        int beside = 0;
        for (std::size_t i = 0; i < chart.current.size(); ++i) {
            const ChartPoint &point = chart.current[i];
            const Annotation label = m_plot->labelFor(point);
            QCOMPARE(label.kind, Annotation::Kind::PointLabel);
            QCOMPARE(label.text, pointLabel(point));
            const QPointF anchor = m_plot->pixelOf(label.x, label.y);
            QVERIFY(std::hypot(anchor.x() - markers[i].x(), anchor.y() - markers[i].y()) < 0.5);
            m_plot->setAnnotations(std::vector { label });
            settle();
            const QRect box = RooflinePlotProbe(*m_plot).annotationShown(0).box;
            QVERIFY(!box.isEmpty());
            QVERIFY2(axes.contains(QRectF(box)), qPrintable(QString::fromStdString(label.text)));
            // Beside its point: the box does not hold the point itself.
            QVERIFY(!QRectF(box).adjusted(-6, -6, 6, 6).contains(markers[i]));
            bool coversOne = false;
            for (const QPointF &marker : markers)
                coversOne = coversOne || QRectF(box).adjusted(-5, -5, 5, 5).contains(marker);
            beside += coversOne ? 0 : 1;
        }
        // Off every marker, for each point of the chart (22 of them: the chart has room for every label).
        QCOMPARE(beside, int(chart.current.size()));
        // And off the labels already there: two labels for two points of the decode cluster do not overlap.
        std::vector<Annotation> two { m_plot->labelFor(currentPoint(chart, Series::QkvMlpAr)) };
        m_plot->setAnnotations(two);
        settle();
        two.push_back(m_plot->labelFor(currentPoint(chart, Series::QkPvAr)));
        m_plot->setAnnotations(two);
        settle();
        QVERIFY(!RooflinePlotProbe(*m_plot).annotationShown(0).box.intersects(RooflinePlotProbe(*m_plot).annotationShown(1).box));
        m_plot->setAnnotations({});
    }

    // A compact chart (a 800 x 600 window's) with a pin of a long name: the pin's legend entry is cut to 24
    // characters, so the legend's columns fit below the frame rather than cover it (its 50-character name kept
    // the legend in one wide column over the plot).
    // A pin's legend entry, shortened on a small chart, says in its tooltip what it differs by and its whole scenario.
    void aPinsLegendEntryNamesItInFull()
    {
        Session session = seedSession();
        Session pinned = session;
        pinned.workload.batch = 16;
        pinned.workload.flashAttention = true;
        session.pins = std::vector { Pin { pinLabel(pinned.scenario(), MaxPinLabelChars), pinned.scenario() } };
        ScenarioResults results;
        results.recompute(session);
        QCOMPARE(results.chart.pinNames, std::vector<std::string> { "pinned: batch 16, FlashAttention" });
        m_plot->setData(results.chart);
        screen(*m_plot);
        QRect entry;
        for (const RooflinePlotProbe::LegendEntry &e : RooflinePlotProbe(*m_plot).legendEntries())
            if (e.name.startsWith(QLatin1String("pinned")))
                entry = e.rect;
        QVERIFY(!entry.isEmpty());
        const QPoint at = entry.center();
        QHelpEvent help(QEvent::ToolTip, at, m_plot->canvasWidget()->mapToGlobal(at));
        QApplication::sendEvent(m_plot->canvasWidget(), &help);
        QCOMPARE(QToolTip::text(), QStringLiteral("<b>pinned: batch 16, FlashAttention</b><br>pinned: batch 16, seq 2048, RTX A6000, "
                                                  "Llama-2-13B, FlashAttention"));
        QToolTip::hideText();
        m_plot->setData(m_results.chart);
    }

    void aPinsLongNameKeepsTheLegendBelowASmallChart()
    {
        Session session = seedSession();
        Session pinned = session;
        pinned.workload.batch = 16;
        pinned.workload.seq = 4096;
        session.pins = std::vector { Pin { "pinned: batch 16, seq 4096, H100 SXM, Llama-2-13B", pinned.scenario() } };
        ScenarioResults results;
        results.recompute(session);
        const QSize before = m_plot->size();
        m_plot->resize(468, 380);
        m_plot->setData(results.chart);
        settle();
        QVERIFY(m_plot->isCompact());
        QVERIFY(m_plot->isLegendOutside());
        bool found = false;
        for (const RooflinePlotProbe::LegendEntry &entry : RooflinePlotProbe(*m_plot).legendEntries())
            if (entry.name.startsWith(QLatin1String("pinned"))) {
                found = true;
                QCOMPARE(entry.name, QStringLiteral("pinned: batch 16, seq 4") + QChar(0x2026));
            }
        QVERIFY(found);
        // A chart of full size names it whole.
        m_plot->resize(before);
        settle();
        for (const RooflinePlotProbe::LegendEntry &entry : RooflinePlotProbe(*m_plot).legendEntries())
            if (entry.name.startsWith(QLatin1String("pinned")))
                QCOMPARE(entry.name, QStringLiteral("pinned: batch 16, seq 4096, H100 SXM, Llama-2-13B"));
        m_plot->setData(m_results.chart);
    }

    // A note clicked is selected (the Delete key removes it) and says so with a blue border; a click elsewhere
    // clears it. Exports never show it. (A click changed no pixel: the user could not tell what Delete would do.)
    void aSelectedNoteShowsIt()
    {
        m_plot->setAnnotations(std::vector { Annotation { Annotation::Kind::Note, "a note to select", 30, 1e11, 0, 0 } });
        screen(*m_plot);
        const QRect box = RooflinePlotProbe(*m_plot).annotationShown(0).box;
        const QColor blue(0x00, 0x5f, 0xd0), grey(0x99, 0x99, 0x99);
        const auto edge = [&box](const QImage &image, const QColor &colour) {
            int hits = 0;
            for (int x = box.left() + 4; x <= box.right() - 4; ++x)
                hits += colourNear(image, QPointF(x, box.top()), colour, 1, 40) ? 1 : 0;
            return hits / double(box.width() - 8);
        };
        QVERIFY(edge(screen(*m_plot), grey) > 0.8);
        QTest::mouseClick(m_plot->canvasWidget(), Qt::LeftButton, {}, box.center());
        const QImage selected = screen(*m_plot);
        QVERIFY2(edge(selected, blue) > 0.8, qPrintable(QString::number(edge(selected, blue))));
        const QImage exported = m_plot->renderImage(m_plot->canvasWidget()->size());
        int exportedBlue = 0; // anywhere around the box, wherever the export's layout put it
        for (int y = box.top() - 20; y <= box.bottom() + 20; ++y)
            for (int x = box.left() - 20; x <= box.right() + 20; ++x)
                exportedBlue += colourNear(exported, QPointF(x, y), blue, 0, 30) ? 1 : 0;
        QCOMPARE(exportedBlue, 0);
        QVERIFY(edge(screen(*m_plot), blue) > 0.8); // still selected on the screen after the export
        QTest::mouseClick(m_plot->canvasWidget(), Qt::LeftButton, {}, box.bottomRight() + QPoint(60, 60));
        QVERIFY(edge(screen(*m_plot), grey) > 0.8);
        m_plot->setAnnotations({});
    }

    // qk and pv of one phase sit on one point: the menu there offers a label for each (it offered qk alone).
    void everyPointUnderThePointerCanBeLabelled()
    {
        const ChartPoint *qk = m_plot->data().currentPoint(OpKind::Qk, Phase::Decode);
        const ChartPoint *pv = m_plot->data().currentPoint(OpKind::Pv, Phase::Decode);
        QVERIFY(qk && pv && qk->intensity == pv->intensity && qk->attainableFlopsPerSecond == pv->attainableFlopsPerSecond);
        screen(*m_plot);
        const QPoint at = RooflinePlotProbe(*m_plot).currentMarkers()[std::size_t(qk - m_plot->data().current.data())].toPoint();
        const QStringList offered = contextMenuAt(m_plot->canvasWidget(), at);
        QVERIFY2(offered.contains(QStringLiteral("Label qk (qk/pv ar)")) && offered.contains(QStringLiteral("Label pv (qk/pv ar)")),
                 qPrintable(offered.join(QLatin1String(", "))));
        QVERIFY(offered.filter(QStringLiteral("Label ")).size() <= 6);
    }

    // A sweep's point is offered as one, with its workload: its label does not follow the operating point.
    void aSweepPointIsOfferedAsOne()
    {
        ScenarioResults results;
        Session session = seedSession();
        session.sweep.mode = SweepMode::Batch; // batches up to 32 at sequence 2048
        results.recompute(session);
        m_plot->setData(results.chart);
        screen(*m_plot);
        const std::vector<QPointF> sweep = RooflinePlotProbe(*m_plot).sweepMarkers();
        const std::vector<QPointF> current = RooflinePlotProbe(*m_plot).currentMarkers();
        std::size_t far = sweep.size();
        for (std::size_t i = 0; i < sweep.size(); ++i) // a sweep point away from every current one
            if (std::none_of(current.begin(), current.end(), [&](const QPointF &c) { return QLineF(c, sweep[i]).length() < 20; }))
                far = i;
        QVERIFY(far < sweep.size());
        const ChartPoint &point = m_plot->data().sweep[far];
        const QStringList offered = contextMenuAt(m_plot->canvasWidget(), sweep[far].toPoint());
        QVERIFY(point.batch > 1);
        const QString expected = QStringLiteral("Label %1 (%2), sweep point: batch %3, sequence 2048")
                                     .arg(QString::fromUtf8(opName(point.op).data()), QString::fromUtf8(seriesName(point.series).data()))
                                     .arg(point.batch);
        QVERIFY2(offered.contains(expected), qPrintable(offered.join(QLatin1String(", "))));
        m_plot->setData(ScenarioResults {}.chart);
        results.recompute(seedSession());
        m_plot->setData(results.chart);
    }

    void theContextMenuNamesWhatItDeletes()
    {
        // Right-click inside a note: "Delete this note"; inside a point's label: "Delete this label".
        m_plot->setAnnotations(std::vector { Annotation { Annotation::Kind::Note, "a note", 3, 1e11, 0, 0 },
                                             Annotation { Annotation::Kind::PointLabel, "a label", 300, 1e11, 0, 0 } });
        settle();
        for (int i = 0; i < 2; ++i) {
            const QStringList offered = contextMenuAt(m_plot->canvasWidget(), RooflinePlotProbe(*m_plot).annotationShown(i).box.center());
            QVERIFY2(offered.contains(i == 0 ? QStringLiteral("Delete this note") : QStringLiteral("Delete this label")),
                     qPrintable(offered.join(QLatin1String(", "))));
        }
        m_plot->setAnnotations({});
    }

    void presentationGrowsThePaddingsAndReachWithTheText()
    {
        // Presentation multiplies the text by 1.7, and every padding and gap with it (each rounded to a pixel):
        // a label's box 6, 4 -> 10 (10.2), 7 (6.8); the legend's 7, 5, 7, 4 -> 12 (11.9), 9 (8.5), 12, 7 (6.8);
        // the warning's 6, 3 -> 10, 5 (5.1); the legend's inset 12 -> 20 (20.4); the gap to a marker 10 -> 17.
        const ChartTheme screenLook = ChartTheme::make(m_plot->font(), false, false);
        const ChartTheme big = ChartTheme::make(m_plot->font(), false, true);
        QCOMPARE(screenLook.annotationPadding, QMargins(6, 4, 6, 4));
        QCOMPARE(big.annotationPadding, QMargins(10, 7, 10, 7));
        QCOMPARE(big.legendPadding, QMargins(12, 9, 12, 7));
        QCOMPARE(big.warningPadding, QMargins(10, 5, 10, 5));
        QCOMPARE(big.legendInset, QMargins(20, 20, 20, 20));
        QCOMPARE(big.labelGap, 17.0);
        // The roofs' labels: a ceiling's 6, 2 -> 10, 3 (3.4); the peak's 6, 3 -> 10, 5; a ridge's 4, 4 -> 7, 7; the
        // bandwidth's 3 -> 5. A label or note kept 2 -> 3.4 px inside the axes, found from 2 -> 3.4 px outside its
        // box; its arrow stops 6 -> 10.2 px short of the point.
        QCOMPARE(screenLook.ceilingLabelPadding, QMargins(0, 0, 6, 2));
        QCOMPARE(big.ceilingLabelPadding, QMargins(0, 0, 10, 3));
        QCOMPARE(big.peakLabelPadding, QMargins(0, 0, 10, 5));
        QCOMPARE(big.ridgeLabelPadding, QMargins(7, 0, 7, 7));
        QCOMPARE(big.bandwidthLabelPadding, QMargins(0, 0, 0, 5));
        QCOMPARE(screenLook.annotationKeepIn, 2.0);
        QCOMPARE(big.annotationKeepIn, 3.4);
        QCOMPARE(big.annotationReach, 3.4);
        QCOMPARE(screenLook.arrowGap, 6.0);
        QCOMPARE(big.arrowGap, 10.2);
        // A pin's legend swatch is as large as a current marker (12 -> 20.4 px), in the text's colour.
        QCOMPARE(screenLook.pinLegendMarker(0).size(), 12.0);
        QCOMPARE(big.pinLegendMarker(1).size(), 20.4);
        QCOMPARE(screenLook.pinLegendMarker(0).pen().color(), screenLook.text);
        // Measured kernels' discs 10 -> 17 px, their links 1 -> 2 px wide; the pointer finds a point within
        // 8 -> 13.6 px.
        QCOMPARE(screenLook.measuredMarker(Series::QkvMlpAr).size(), 10.0);
        QCOMPARE(big.measuredMarker(Series::QkvMlpAr).size(), 17.0);
        QCOMPARE(big.measuredLink(Series::QkvMlpAr).widthF(), 2.0);
        QCOMPARE(screenLook.hoverRadius(), 8.0);
        QCOMPARE(big.hoverRadius(), 13.6);
        // On the canvas: a note's box is its text's box and the look's padding.
        m_plot->setAnnotations(std::vector { Annotation { Annotation::Kind::Note, "padded", 10, 1e12, 0, 0 } });
        const auto boxOf = [](const ChartTheme &look) {
            return QFontMetrics(look.font).boundingRect(0, 0, 0, 0, Qt::TextDontClip | Qt::AlignLeft, QStringLiteral("padded")).size();
        };
        settle();
        QCOMPARE(RooflinePlotProbe(*m_plot).annotationShown(0).box.size(), boxOf(screenLook) + QSize(12, 8));
        m_plot->setPresentation(true);
        settle();
        QCOMPARE(RooflinePlotProbe(*m_plot).annotationShown(0).box.size(), boxOf(big) + QSize(20, 14));
        // 12 px straight above a marker: found in presentation (13.6), not on the screen (8). Its neighbours,
        // drawn side by side at least 11 px apart, are 16 px or more away.
        const auto above = [this] { return RooflinePlotProbe(*m_plot).currentMarkers().front() + QPointF(0, -12); };
        QVERIFY(m_plot->pointAt(above()));
        m_plot->setPresentation(false);
        settle();
        QVERIFY(!m_plot->pointAt(above()));
        m_plot->setAnnotations({});
    }

    void aLabelIsDraggedByItsInsideAndDrawnWhereItIs()
    {
        m_plot->setAnnotations(std::vector { Annotation { Annotation::Kind::Note, "drag me\nby the middle", 10, 1e12, 0, 0 } });
        QImage image = screen(*m_plot);
        const QRect box = RooflinePlotProbe(*m_plot).annotationShown(0).box;
        QVERIFY(box.height() > 30); // two lines
        const QPointF centre = QRectF(box).center();
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
        QCOMPARE(RooflinePlotProbe(*m_plot).annotationShown(0).box, box.translated(60, -40));
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
        QVERIFY(RooflinePlotProbe(*m_plot).annotationShown(0).box.isEmpty());
        QVERIFY(RooflinePlotProbe(*m_plot).annotationShown(1).box.isEmpty());
        const QRect top = RooflinePlotProbe(*m_plot).annotationShown(2).box;
        QVERIFY(!top.isEmpty());
        QCOMPARE(RooflinePlotProbe(*m_plot).annotationShown(2).text, QStringLiteral("the same place, longer"));
        QCOMPARE(m_plot->annotationAt(QRectF(top).center()), 2);
        // Moved apart, all three show, each where it was moved to (whole pixels from its anchor).
        notes[1].dx = 300;
        notes[2].dy = 150;
        m_plot->setAnnotations(notes);
        for (int i = 0; i < 3; ++i)
            QVERIFY(!RooflinePlotProbe(*m_plot).annotationShown(i).box.isEmpty());
        const QPointF anchor = m_plot->pixelOf(10, 1e12);
        QVERIFY(std::fabs(QRectF(RooflinePlotProbe(*m_plot).annotationShown(1).box).center().x() - anchor.x() - 300) <= 1.0);
        QVERIFY(std::fabs(QRectF(RooflinePlotProbe(*m_plot).annotationShown(2).box).center().y() - anchor.y() - 150) <= 1.0);
    }

    void aLongNoteIsWrappedAtSpaces()
    {
        // The Medusa example's note, 131 characters on one line: it showed its first 79 and "…"; now it breaks at
        // the last space before 80 (after "PCIe", at 78) and shows whole. Nine lines of text show eight, the last
        // with " …"; a word longer than a line breaks where the line ends.
        const std::string medusa = "Medusa: 16 to 112 candidates verified per step, LLaMA-33B on an A100 80GB PCIe (1,935 GB/s, "
                                   "312 TFLOP/s), 1,024 tokens of context";
        bool cut = true;
        QCOMPARE(noteText(medusa, &cut), QStringLiteral("Medusa: 16 to 112 candidates verified per step, LLaMA-33B on an A100 80GB PCIe\n"
                                                        "(1,935 GB/s, 312 TFLOP/s), 1,024 tokens of context"));
        QVERIFY(!cut);
        QCOMPARE(noteText(std::string(170, 'x'), &cut), QString(80, QLatin1Char('x')) + QLatin1Char('\n') + QString(80, QLatin1Char('x'))
                                                          + QLatin1Char('\n') + QString(10, QLatin1Char('x')));
        QVERIFY(!cut);
        std::string nine;
        for (int i = 1; i <= 9; ++i)
            nine += "line " + std::to_string(i) + (i < 9 ? "\n" : "");
        QCOMPARE(noteText(nine, &cut), QStringLiteral("line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8 \u2026"));
        QVERIFY(cut);
        m_plot->setAnnotations(std::vector { Annotation { Annotation::Kind::Note, medusa, 10, 1e12, 0, 0 } });
        settle();
        QCOMPARE(RooflinePlotProbe(*m_plot).annotationShown(0).text.count(QLatin1Char('\n')), 1);
        // On a canvas narrower than the note, its box starts at the axes' left edge, where its text starts (it was
        // centred on its anchor and cut on the left).
        const QSize before = m_plot->size();
        m_plot->resize(420, 320);
        settle();
        const QRect box = RooflinePlotProbe(*m_plot).annotationShown(0).box;
        const QRect axes = axesRect(*m_plot);
        QVERIFY2(box.width() > axes.width(), qPrintable(QStringLiteral("%1 in %2").arg(box.width()).arg(axes.width())));
        QVERIFY2(std::abs(box.left() - axes.left() - 2) <= 1, qPrintable(QStringLiteral("%1 against %2").arg(box.left()).arg(axes.left())));
        // Cut by the axes, it shows itself whole on hover.
        const QPoint inside = box.topLeft() + QPoint(10, 5);
        QHelpEvent help(QEvent::ToolTip, inside, m_plot->canvasWidget()->mapToGlobal(inside));
        QApplication::sendEvent(m_plot->canvasWidget(), &help);
        QVERIFY2(QToolTip::text().contains(QLatin1String("1,024 tokens of context")), qPrintable(QToolTip::text()));
        QToolTip::hideText();
        m_plot->resize(before);
        settle();
        m_plot->setAnnotations({});
    }

    void tooltipsShowTextFromFilesAsText()
    {
        // A note too long for the chart shows more of itself in its tooltip, escaped.
        std::string text = "<img src=x><h1>X</h1>";
        for (int i = 0; i < MaxNoteLines; ++i)
            text += "\nline";
        m_plot->setAnnotations(std::vector { Annotation { Annotation::Kind::Note, text, 10, 1e12, 0, 0 } });
        screen(*m_plot);
        const QPoint at = RooflinePlotProbe(*m_plot).annotationShown(0).box.center();
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

    void aKernelOfAnotherWorkloadSaysSo()
    {
        // A kernel of 419 MFLOP joined to q_proj decode at batch 1 (52.4 MFLOP): 8x, most likely batch 8.
        ChartData::MeasuredPoint kernel;
        kernel.name = "q_proj";
        kernel.flops = 8.0 * 2 * 5120 * 5120;
        ChartPoint modelled;
        modelled.op = OpKind::QProj;
        modelled.phase = Phase::Decode;
        modelled.flops = 2.0 * 5120 * 5120;
        modelled.batch = 1;
        modelled.seq = 2048;
        const QString tip = measuredTooltip(kernel, &modelled);
        QVERIFY2(tip.contains(QStringLiteral("<b>⚠ 419 MFLOP measured, 52.4 MFLOP modelled</b> (8×): measured at another workload "
                                             "than the chart's batch 1, sequence 2048?")),
                 qPrintable(tip));
        kernel.flops = modelled.flops;
        QVERIFY(!measuredTooltip(kernel, &modelled).contains(QLatin1String("another workload")));
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

    // A point that log axes cannot place (zero, NaN) and a roof of infinite bandwidth are left out; the rest is
    // drawn in a frame of finite, positive bounds.
    void nonPositiveValuesNeverReachTheAxes()
    {
        ChartData data = m_results.chart;
        data.current.front().intensity = 0.0;
        data.current.back().attainableFlopsPerSecond = std::numeric_limits<double>::quiet_NaN();
        data.roof.bandwidthBytesPerSecond = std::numeric_limits<double>::infinity();
        m_plot->setData(data);
        const QImage image = screen(*m_plot);
        const ViewRange frame = m_plot->viewRange();
        for (const double bound : { frame.xMin, frame.xMax, frame.yMin, frame.yMax })
            QVERIFY(std::isfinite(bound) && bound > 0);
        int found = 0;
        const std::vector<QPointF> markers = RooflinePlotProbe(*m_plot).currentMarkers();
        for (std::size_t i = 0; i < m_plot->data().current.size(); ++i) {
            const ChartPoint &p = m_plot->data().current[i];
            if (!(p.intensity > 0 && p.attainableFlopsPerSecond > 0))
                continue;
            found += holds(m_plot->pointsAt(markers[i]), p) ? 1 : 0;
        }
        QCOMPARE(found, int(data.current.size()) - 2);
        // No roof and no ridge: the old memory roof's blue is gone, and nothing of the ridge's colour is drawn.
        QCOMPARE(roofPixels(image, *m_plot, 768e9, seriesColor(Series::QkvMlpInit)), 0);
        int ridge = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                ridge += colourNear(image, QPointF(x, y), ridgeColor(), 0, 20) ? 1 : 0;
        QCOMPARE(ridge, 0);
    }
};

QTEST_MAIN(TestRooflinePlot)
#include "tst_rooflineplot.moc"
