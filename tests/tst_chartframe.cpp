#include "testutil.h"

#include "chartframe.h"
#include "inputlimits.h"

#include <limits>

using namespace roofline;

namespace {
ChartPoint point(Series series, double intensity, double flopsPerSecond)
{
    ChartPoint p;
    p.series = series;
    p.intensity = intensity;
    p.attainableFlopsPerSecond = flopsPerSecond;
    return p;
}

ChartData::MeasuredPoint kernel(Series series, double intensity, double flopsPerSecond)
{
    ChartData::MeasuredPoint m;
    m.series = series;
    m.intensity = intensity;
    m.achievedFlopsPerSecond = flopsPerSecond;
    return m;
}

void compareFrames(const ViewRange &actual, const ViewRange &expected)
{
    ROOFLINE_COMPARE_REL(actual.xMin, expected.xMin, 1e-12);
    ROOFLINE_COMPARE_REL(actual.xMax, expected.xMax, 1e-12);
    ROOFLINE_COMPARE_REL(actual.yMin, expected.yMin, 1e-12);
    ROOFLINE_COMPARE_REL(actual.yMax, expected.yMax, 1e-12);
}
} // namespace

class TestChartFrame : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void whatIsShownAndWhatCanBeDrawn()
    {
        SeriesMask mask = AllSeries;
        mask[std::size_t(Series::UpGateDownInit)] = false;
        QVERIFY(isShown(mask, Series::QkvMlpInit));
        QVERIFY(!isShown(mask, Series::UpGateDownInit));
        QVERIFY(!isShown(AllSeries, Series::None)); // kernels of no known series have no entry of their own
        // A kernel follows its series; one of no known series is always drawn.
        QVERIFY(isKernelShown(mask, Series::QkvMlpInit));
        QVERIFY(!isKernelShown(mask, Series::UpGateDownInit));
        QVERIFY(isKernelShown(SeriesMask {}, Series::None));
        // A roof is drawn where its corner (bandwidth, peak) is a point of the log axes.
        QVERIFY(usableRoof(Roofline { 181e12, 768e9 }));
        QVERIFY(!usableRoof(Roofline { 181e12, 0.0 }));
        QVERIFY(!usableRoof(Roofline { -1.0, 768e9 }));
        QVERIFY(!usableRoof(Roofline { std::numeric_limits<double>::infinity(), 768e9 }));
        QVERIFY(!usableRoof(Roofline { 181e12, std::numeric_limits<double>::quiet_NaN() }));
    }

    void aNewLabelGoesBesideItsPointOffOtherMarkers()
    {
        // A 100 x 40 box for a point at (500, 500), markers of radius 5, 10 pixels clear: the box's centre is
        // 50 + 5 + 10 = 65 across and 20 + 5 + 10 = 35 up or down from the point.
        using P = std::pair<double, double>;
        const auto offset = [&](P point, const std::vector<P> &markers, const PixelBox &box = PixelBox { 0, 0, 1000, 1000 }) {
            return labelOffset(point, 100, 40, markers, 5, 10, box);
        };
        // Nothing near: up and to the right. The point's own marker never counts.
        QCOMPARE(offset({ 500, 500 }, { { 500, 500 } }), P(65, -35));
        // A marker inside that box (its centre, (565, 465)): up and to the left, whose box spans x 385..485.
        QCOMPARE(offset({ 500, 500 }, { { 565, 465 } }), P(-65, -35));
        // The up-right box spans x 515..615, y 445..485: a marker at (619, 470) is 4 < 5 px from its right edge,
        // covered; at (621, 470), 6 px away, not.
        QCOMPARE(offset({ 500, 500 }, { { 619, 470 } }), P(-65, -35));
        QCOMPARE(offset({ 500, 500 }, { { 621, 470 } }), P(65, -35));
        // In the chart's top-left corner: up-right would cross the top (its box from y -25), up-left too; down and
        // to the right fits.
        QCOMPARE(offset({ 60, 30 }, {}), P(65, 35));
        // Every place of the first ring covered (a marker at each centre): the second ring, twice as far, up and
        // to the right: its box (580..680, 410..450) is 21 px from the nearest marker, (565, 465), which its arrow
        // crosses (a marker under an arrow counts half what one under the box does).
        const std::vector<P> ring { { 565, 465 }, { 435, 465 }, { 565, 535 }, { 435, 535 }, { 565, 500 }, { 435, 500 }, { 500, 465 }, { 500, 535 } };
        QCOMPARE(offset({ 500, 500 }, ring), P(130, -70));
        // Where every place covers some marker, the one that covers fewest: axes of x 385..615, y 420..580 hold
        // the first ring's boxes and none of the second's; a second marker in the up-right box (covering 2) leaves
        // up-left the first of those covering 1.
        std::vector<P> crowded = ring;
        crowded.emplace_back(560, 470);
        const PixelBox narrow { 385, 420, 615, 580 };
        const P chosen = offset({ 500, 500 }, crowded, narrow);
        QCOMPARE(chosen, P(-65, -35));
        // A label already up-right of the point (its box 520..620 x 440..490) is avoided like a marker: up-left.
        QCOMPARE(labelOffset({ 500, 500 }, 100, 40, {}, 5, 10, PixelBox { 0, 0, 1000, 1000 }, { PixelBox { 520, 440, 620, 490 } }),
                 P(-65, -35));
        // A marker 11 px up and to the right of the point, as a dodged neighbour sits, is outside the up-right box
        // but on its arrow (from (565, 465) to the point, through (509.6, 494.8)): the arrow would seem to end on
        // it, so up-left. The point's own marker, where every arrow ends, never counts.
        QCOMPARE(offset({ 500, 500 }, { { 500, 500 }, { 509.6, 494.8 } }), P(-65, -35));
        // 7 px off that arrow (radius 5): up-right again.
        QCOMPARE(offset({ 500, 500 }, { { 500, 500 }, { 509.6 - 3.5, 494.8 - 6.1 } }), P(65, -35));
        // Nothing fits inside the axes: up and to the right, as without any placement.
        QCOMPARE(offset({ 500, 500 }, {}, PixelBox { 480, 480, 520, 520 }), P(65, -35));
    }

    // H100-like: the roof fp16 989.4 (active), fp8 and int8 both 1978.9, fp32 67, and a type at the roof's height.
    void ceilingsOfTheirOwnLine()
    {
        const std::vector<ChartData::Ceiling> ceilings { { "fp16", 989.4e12, 295.3, true },
                                                         { "fp8, int8", 1978.9e12, 590.7, false },
                                                         { "fp8, int8", 1978.9e12, 590.7, false },
                                                         { "fp32", 67e12, 20.0, false },
                                                         { "tf32", 989.4e12, 295.3, false } };
        QCOMPARE(ceilingsOfTheirOwn(ceilings, 989.4e12), (std::vector<bool> { false, true, false, true, false }));
        QCOMPARE(ceilingsOfTheirOwn({}, 989.4e12), std::vector<bool>());
    }

    // Measured kernels' links: one per kernel up to the limit, beyond it one per op and phase from the
    // geometric mean of its kernels. q_proj decode at (1, 1e12) and (4, 4e12) meet at (2, 2e12).
    void measuredLinksStartWhereTheKernelsAre()
    {
        const auto kernel = [](double x, double y, std::optional<ChartData::MeasuredPoint::Modelled> modelled) {
            ChartData::MeasuredPoint m;
            m.intensity = x;
            m.achievedFlopsPerSecond = y;
            m.series = modelled ? seriesOf(modelled->op, modelled->phase) : Series::None;
            m.modelled = modelled;
            return m;
        };
        using Modelled = ChartData::MeasuredPoint::Modelled;
        const SharedList<ChartData::MeasuredPoint> measured(std::vector {
            kernel(1.0, 1e12, Modelled { OpKind::QProj, Phase::Decode }), kernel(4.0, 4e12, Modelled { OpKind::QProj, Phase::Decode }),
            kernel(100.0, 1e14, Modelled { OpKind::GateProj, Phase::Prefill }),
            kernel(5.0, 5e12, std::nullopt), // no modelled point: no link
            kernel(0.0, 1e12, Modelled { OpKind::QProj, Phase::Decode }) }); // not on log axes: no link
        std::vector<LinkSource> each = measuredLinkSources(measured, 3);
        QCOMPARE(each.size(), std::size_t(3));
        QCOMPARE(each[1].x, 4.0);
        QCOMPARE(each[1].y, 4e12);
        QCOMPARE(each[2].series, Series::UpGateDownInit);
        std::vector<LinkSource> grouped = measuredLinkSources(measured, 2);
        QCOMPARE(grouped.size(), std::size_t(2));
        const auto q = std::find_if(grouped.begin(), grouped.end(), [](const LinkSource &l) { return l.modelled.op == OpKind::QProj; });
        QVERIFY(q != grouped.end());
        ROOFLINE_COMPARE_REL(q->x, 2.0, 1e-12);
        ROOFLINE_COMPARE_REL(q->y, 2e12, 1e-12);
        QCOMPARE(q->modelled.phase, Phase::Decode);
        QCOMPARE(q->series, Series::QkvMlpAr);
    }

    void frameCentreIsGeometric()
    {
        QCOMPARE(frameCentre(ViewRange { 1.0, 100.0, 1e10, 1e14 }), std::pair(10.0, 1e12));
    }

    // Points of different series that would cover one another are drawn side by side along their roofs.
    // A frame of 1 to 100 on both axes over 200 x 200 px: 0.01 decade a pixel each way. Along the slope a
    // pixel is 1 / hypot(100, 100) = 0.0070711 decade on both axes, so 5.5 px (half the 11 px spacing) is
    // 0.038891 decade: a factor 10^0.038891 = 1.09368.
    void coveringMarkersAreDrawnSideBySide()
    {
        const auto point = [](Series series, double x, double y, Bound bound) {
            ChartPoint p;
            p.series = series;
            p.intensity = x;
            p.attainableFlopsPerSecond = y;
            p.bound = bound;
            return p;
        };
        const ViewRange frame { 1.0, 100.0, 1.0, 100.0 };
        std::vector<ChartPoint> points { point(Series::QkvMlpAr, 10.0, 10.0, Bound::Memory),
                                         point(Series::UpGateDownAr, 10.0, 10.0, Bound::Memory),
                                         point(Series::QkvMlpAr, 10.05, 10.05, Bound::Memory), // the same series: its slot
                                         point(Series::QkPvAr, 50.0, 50.0, Bound::Memory), // alone
                                         point(Series::QkvMlpInit, 60.0, 80.0, Bound::Compute),
                                         point(Series::QkPvInit, 60.0, 80.0, Bound::Compute) };
        SeriesMask shown = AllSeries;
        auto drawn = dodgedPositions(points, shown, frame, 200.0, 200.0, 11.0);
        QCOMPARE(drawn.size(), points.size());
        const double f = std::pow(10.0, 5.5 / std::hypot(100.0, 100.0));
        ROOFLINE_COMPARE_REL(f, 1.09368, 1e-5);
        // Slots follow the values: up/gate/down ar (at 10) before qkv mlp ar (mean of 10 and 10.05), although
        // qkv mlp ar comes first in series order.
        ROOFLINE_COMPARE_REL(drawn[1].first, 10.0 / f, 1e-12); // first slot: down the slope
        ROOFLINE_COMPARE_REL(drawn[1].second, 10.0 / f, 1e-12);
        ROOFLINE_COMPARE_REL(drawn[0].first, 10.0 * f, 1e-12); // second slot: up it
        ROOFLINE_COMPARE_REL(drawn[0].second, 10.0 * f, 1e-12);
        ROOFLINE_COMPARE_REL(drawn[2].first, 10.05 * f, 1e-12);
        QCOMPARE(drawn[3], std::pair(50.0, 50.0));
        // Compute-bound: along the flat roof, 5.5 px = 0.055 decade of x, y unchanged.
        const double g = std::pow(10.0, 0.055);
        ROOFLINE_COMPARE_REL(drawn[4].first, 60.0 / g, 1e-12);
        QCOMPARE(drawn[4].second, 80.0);
        ROOFLINE_COMPARE_REL(drawn[5].first, 60.0 * g, 1e-12);
        QCOMPARE(drawn[5].second, 80.0);
        // Three series: slots -11, 0, +11 px; qk/pv ar and up/gate/down ar both at 10 go in series order
        // (up/gate/down ar first), qkv mlp ar (higher) last; a hidden series takes none.
        points.push_back(point(Series::QkPvAr, 10.0, 10.0, Bound::Memory));
        drawn = dodgedPositions(points, shown, frame, 200.0, 200.0, 11.0);
        ROOFLINE_COMPARE_REL(drawn[1].first, 10.0 / (f * f), 1e-12);
        QCOMPARE(drawn[6], std::pair(10.0, 10.0));
        ROOFLINE_COMPARE_REL(drawn[0].first, 10.0 * f * f, 1e-12);
        shown[std::size_t(Series::UpGateDownAr)] = false;
        drawn = dodgedPositions(points, shown, frame, 200.0, 200.0, 11.0);
        ROOFLINE_COMPARE_REL(drawn[6].first, 10.0 / f, 1e-12);
        QCOMPARE(drawn[1], std::pair(10.0, 10.0)); // hidden: not drawn, not moved
        ROOFLINE_COMPARE_REL(drawn[0].first, 10.0 * f, 1e-12);
        // Markers 6 px apart (more than half the spacing) are not a cluster; 5 px apart are.
        const double sixPixels = std::pow(10.0, 0.06);
        points = { point(Series::QkvMlpAr, 10.0, 10.0, Bound::Compute), point(Series::UpGateDownAr, 10.0 * sixPixels, 10.0, Bound::Compute) };
        drawn = dodgedPositions(points, AllSeries, frame, 200.0, 200.0, 11.0);
        QCOMPARE(drawn[0], std::pair(10.0, 10.0));
        points[1].intensity = 10.0 * std::pow(10.0, 0.05);
        drawn = dodgedPositions(points, AllSeries, frame, 200.0, 200.0, 11.0);
        QVERIFY(drawn[0].first < 10.0);
        // No frame to measure in: nothing moves.
        QCOMPARE(dodgedPositions(points, AllSeries, frame, 0.0, 200.0, 11.0)[0], std::pair(10.0, 10.0));
    }

    void seedFrameWhenEverythingFitsInIt()
    {
        // The seed GPU (768 GB/s, 181 TFLOP/s): its corner (235.7 FLOP/B, 181 TFLOP/s) with the x1.5 margin is
        // 353.5 FLOP/B and 271.5 TFLOP/s, inside the seed frame (0.6..10k, 10G..300T): the frame is the seed's.
        ChartData data;
        data.roof = Roofline { 181e12, 768e9 };
        data.current = { point(Series::QkvMlpAr, 1.0, 768e9) };
        compareFrames(fittedFrame(data, AllSeries, measuredExtents(data)), SeedFrame);
    }

    void frameWidensByHalfAgainBeyondEachPoint()
    {
        // H100 SXM: 989.4 TFLOP/s over 3350 GB/s, ridge 295.34 FLOP/B; its corner widens y to 989.4T x 1.5 =
        // 1484.1 TFLOP/s. A point at (0.1 FLOP/B, 1 GFLOP/s) widens x down to 0.1 / 1.5 and y down to 1G / 1.5.
        ChartData data;
        data.roof = Roofline { 989.4e12, 3350e9 };
        data.current = { point(Series::QkvMlpAr, 0.1, 1e9) };
        compareFrames(fittedFrame(data, AllSeries, measuredExtents(data)), ViewRange { 0.1 / 1.5, 1e4, 1e9 / 1.5, 1484.1e12 });
    }

    void everyCeilingShownIsInTheFrame()
    {
        // H100 SXM: fp16 989.4 TFLOP/s is the roof; fp8 1978.9 TFLOP/s meets 3350 GB/s at 590.72 FLOP/B. With every
        // ceiling drawn, the frame reaches 1978.9T x 1.5 = 2968.35 TFLOP/s (the roof alone: 1484.1); x stays at 10k
        // (590.72 x 1.5 = 886).
        ChartData data;
        data.roof = Roofline { 989.4e12, 3350e9 };
        data.ceilings = { ChartData::Ceiling { "fp16", 989.4e12, 989.4e12 / 3350e9, true },
                          ChartData::Ceiling { "fp8", 1978.9e12, 1978.9e12 / 3350e9, false } };
        compareFrames(fittedFrame(data, AllSeries, measuredExtents(data), true), ViewRange { 0.6, 1e4, 1e10, 2968.35e12 });
        compareFrames(fittedFrame(data, AllSeries, measuredExtents(data), false), ViewRange { 0.6, 1e4, 1e10, 1484.1e12 });
    }

    void hiddenSeriesDoNotWidenTheFrameButUnknownKernelsDo()
    {
        ChartData data;
        data.roof = Roofline { 181e12, 768e9 };
        data.sweep = { point(Series::QkPvAr, 1e5, 1e12) }; // would widen x to 1.5e5
        std::vector<ChartData::MeasuredPoint> kernels { kernel(Series::UpGateDownInit, 0.01, 1e11), kernel(Series::None, 2e4, 1e12) };
        data.measured = SharedList<ChartData::MeasuredPoint>(std::move(kernels));
        SeriesMask shown = AllSeries;
        shown[std::size_t(Series::QkPvAr)] = false;
        shown[std::size_t(Series::UpGateDownInit)] = false;
        // Only the kernel of no known series counts: 2e4 x 1.5 = 3e4 FLOP/B.
        compareFrames(fittedFrame(data, shown, measuredExtents(data)), ViewRange { 0.6, 3e4, 1e10, 3e14 });
        // All shown: 1e5 x 1.5 on the right, 0.01 / 1.5 on the left.
        compareFrames(fittedFrame(data, AllSeries, measuredExtents(data)), ViewRange { 0.01 / 1.5, 1.5e5, 1e10, 3e14 });
    }

    void measuredExtentsBySeries()
    {
        ChartData data;
        std::vector<ChartData::MeasuredPoint> kernels { kernel(Series::QkvMlpAr, 2.0, 5e11), kernel(Series::QkvMlpAr, 0.5, 9e11),
                                                        kernel(Series::QkvMlpAr, -1.0, 1e12), kernel(Series::None, 3.0, 1e9) };
        data.measured = SharedList<ChartData::MeasuredPoint>(std::move(kernels));
        const MeasuredExtents extents = measuredExtents(data);
        // The kernel at intensity -1 cannot sit on a log axis and is left out.
        QCOMPARE(extents[std::size_t(Series::QkvMlpAr)], (Extent { 0.5, 2.0, 5e11, 9e11, false }));
        QCOMPARE(extents[SeriesCount], (Extent { 3.0, 3.0, 1e9, 1e9, false }));
        QVERIFY(extents[std::size_t(Series::QkvMlpInit)].empty);
    }

    void frameStaysWithinTheLimits()
    {
        ChartData data;
        data.current = { point(Series::QkvMlpAr, 1e-20, 1e30) };
        compareFrames(fittedFrame(data, AllSeries, measuredExtents(data)),
                      ViewRange { ChartIntensityRange.min, 1e4, 1e10, ChartFlopsRange.max });
    }

    void clampKeepsADecadeAndTheLimits()
    {
        // 10..20 FLOP/B is less than a decade: centred on sqrt(200) = 14.142, it becomes 14.142 / sqrt(10) = 4.472
        // to 44.72. y is untouched.
        compareFrames(clampedFrame(ViewRange { 10, 20, 1e10, 1e14 }), ViewRange { std::sqrt(20.0), std::sqrt(2000.0), 1e10, 1e14 });
        // Beyond the limits on both sides: cut to them.
        compareFrames(clampedFrame(ViewRange { 1e-12, 1e15, 1e-9, 1e25 }),
                      ViewRange { ChartIntensityRange.min, ChartIntensityRange.max, ChartFlopsRange.min, ChartFlopsRange.max });
        // Upside down: the geometric centre of the two, a decade wide (sqrt(100 * 1) = 10 -> 3.162 .. 31.62).
        compareFrames(clampedFrame(ViewRange { 100, 1, 1e10, 1e14 }), ViewRange { std::sqrt(10.0), std::sqrt(1000.0), 1e10, 1e14 });
        // Exactly a decade stays.
        compareFrames(clampedFrame(ViewRange { 1, 10, 1e10, 1e11 }), ViewRange { 1, 10, 1e10, 1e11 });
    }

    void roofsCutToTheFrame()
    {
        const ViewRange seed = SeedFrame;
        // 768 GB/s from x = 0.6 (y 460.8G, above the frame's 10G floor) to where it leaves the top: 3e14 / 768e9
        // = 390.625 FLOP/B.
        QCOMPARE(memoryRoofIn(768e9, seed, seed.xMax), (Segment { 0.6, 0.6 * 768e9, 390.625, 3e14 }));
        // Up to the ridge (235.68 FLOP/B) only.
        const double ridge = 181e12 / 768e9;
        QCOMPARE(memoryRoofIn(768e9, seed, ridge), (Segment { 0.6, 0.6 * 768e9, ridge, 181e12 }));
        // 1 GB/s enters at the floor: 1e10 / 1e9 = 10 FLOP/B, and leaves at the right edge (10 TFLOP/s).
        QCOMPARE(memoryRoofIn(1e9, seed, seed.xMax), (Segment { 10, 1e10, 1e4, 1e13 }));
        // 1 TB/s with the frame from 1k FLOP/B: y would start at 1e15, above the frame.
        QVERIFY(!memoryRoofIn(1e12, ViewRange { 1e3, 1e4, 1e10, 3e14 }, 1e4));
        // The compute roof from the ridge to the right edge; from the left edge when the ridge is left of it.
        QCOMPARE(computeRoofIn(181e12, seed, ridge), (Segment { ridge, 181e12, 1e4, 181e12 }));
        QCOMPARE(computeRoofIn(181e12, seed, 0.01), (Segment { 0.6, 181e12, 1e4, 181e12 }));
        QVERIFY(!computeRoofIn(500e12, seed, 0.6)); // above the frame
        QVERIFY(!computeRoofIn(181e12, seed, 2e4)); // starts right of it
    }

    void bandwidthLabelAThirdAlongTheVisibleRoof()
    {
        // Seed roofs in the seed frame: the visible memory roof runs from 0.6 to the ridge 235.68 FLOP/B; a third of
        // the way on the log axis is 0.6 x (235.68 / 0.6)^(1/3) = 0.6 x 7.3235 = 4.394 FLOP/B.
        const auto at = bandwidthLabelIntensity(Roofline { 181e12, 768e9 }, SeedFrame);
        QVERIFY(at);
        ROOFLINE_COMPARE_REL(*at, 0.6 * std::cbrt((181e12 / 768e9) / 0.6), 1e-12);
        ROOFLINE_COMPARE_REL(*at, 4.3941, 1e-4);
        QVERIFY(!bandwidthLabelIntensity(Roofline { 181e12, 768e9 }, ViewRange { 1e3, 1e4, 1e10, 3e14 }));
        // Markers on the roof move it: log10(0.6) = -0.2218, the roof spans 2.5942 decades to the ridge
        // (log10 235.68 = 2.3723). A third along is 0.6429 (4.394); with a marker at 4 FLOP/B (0.6021, within
        // 0.1 decade) it goes a fifth along, -0.2218 + 2.5942 / 5 = 0.2970 (1.9815 FLOP/B).
        const auto moved = bandwidthLabelIntensity(Roofline { 181e12, 768e9 }, SeedFrame, { 4.0, 1000.0 }, 0.1);
        QVERIFY(moved);
        ROOFLINE_COMPARE_REL(*moved, 0.6 * std::pow((181e12 / 768e9) / 0.6, 0.2), 1e-12);
        ROOFLINE_COMPARE_REL(*moved, 1.98146, 1e-5);
        // A marker a fifth along too: half way, 0.6 x (392.8)^(1/2) = 11.89 FLOP/B.
        const auto half = bandwidthLabelIntensity(Roofline { 181e12, 768e9 }, SeedFrame, { 4.0, 2.0 }, 0.1);
        ROOFLINE_COMPARE_REL(*half, 0.6 * std::sqrt((181e12 / 768e9) / 0.6), 1e-12);
        // Markers everywhere: a third along after all.
        std::vector<double> everywhere;
        for (double x = 0.5; x < 300.0; x *= 1.1)
            everywhere.push_back(x);
        ROOFLINE_COMPARE_REL(*bandwidthLabelIntensity(Roofline { 181e12, 768e9 }, SeedFrame, everywhere, 0.1), *at, 1e-12);
    }

    void usableAndContained()
    {
        QVERIFY(usablePoint(1, 1));
        QVERIFY(!usablePoint(0, 1));
        QVERIFY(!usablePoint(1, -1));
        QVERIFY(!usablePoint(std::nan(""), 1));
        QVERIFY(!usablePoint(1, std::numeric_limits<double>::infinity()));
        QVERIFY(frameContains(SeedFrame, 0.6, 1e10)); // edges count
        QVERIFY(frameContains(SeedFrame, 1e4, 3e14));
        QVERIFY(!frameContains(SeedFrame, 0.59, 1e12));
        QVERIFY(!frameContains(SeedFrame, 1, 3.1e14));
    }
};

QTEST_GUILESS_MAIN(TestChartFrame)
#include "tst_chartframe.moc"
