#pragma once

#include "chartdata.h"
#include "session.h"

#include <array>
#include <optional>

// The frame of the roofline chart as pure functions of what it shows, in chart coordinates (FLOP/B across,
// FLOP/s up): which frame fits the data, how far zoom and pan may go, and which part of each roof lies in a
// frame. No widget and no QCustomPlot: the canvas's parts call these and draw what they return.

namespace roofline {

// The seed chart's frame: x 0.6 to 10k FLOP/B, y 10G to 300T FLOP/s.
inline constexpr ViewRange SeedFrame { 0.6, 1e4, 1e10, 3e14 };

// Which of the chart's compute ceilings are drawn as lines of their own when every ceiling is asked for: not
// the active one (it is the roof), not one at the roof's height or at an earlier ceiling's (that line is
// already drawn, and its label names them all). Lined up with `ceilings`.
std::vector<bool> ceilingsOfTheirOwn(const std::vector<ChartData::Ceiling> &ceilings, double roofPeak);

// Where the lines from measured kernels to their modelled points start: at each kernel that has a modelled
// point and can sit on log axes; beyond `maxLinks` of them, one line per op and phase from the geometric mean
// of its kernels (their middle on log axes), so that thousands of lines into one point do not read as a blot.
struct LinkSource {
    double x = 0, y = 0;
    Series series = Series::None;
    ChartData::MeasuredPoint::Modelled modelled;
};
std::vector<LinkSource> measuredLinkSources(const SharedList<ChartData::MeasuredPoint> &measured, std::size_t maxLinks);

// The middle of a frame on log axes: the geometric mean of each axis's ends.
std::pair<double, double> frameCentre(const ViewRange &frame);

// Whether a point can sit on log axes: finite and positive on both.
bool usablePoint(double x, double y);
// Whether a roof can be drawn on log axes: its bandwidth and peak are such a point.
bool usableRoof(const Roofline &roof);
// Whether `series` is one `shown` shows (Series::None, and anything past the mask, is not).
bool isShown(const SeriesMask &shown, Series series);
// Whether a measured kernel is drawn: its series is shown, or it measures no op of a known series (those are
// always drawn).
bool isKernelShown(const SeriesMask &shown, Series series);
// Whether a usable point lies in `frame`, its edges included.
bool frameContains(const ViewRange &frame, double x, double y);

// The box some points span.
struct Extent {
    double xMin = 0.0, xMax = 0.0, yMin = 0.0, yMax = 0.0;
    bool empty = true;
    void include(double x, double y);
    bool operator==(const Extent &) const = default;
};
// The box the measured kernels of each series span, the last for kernels of no known series; kept by the
// canvas while the kernels do not change, so fitting the frame need not pass over 100,000 kernels.
using MeasuredExtents = std::array<Extent, SeriesCount + 1>;
MeasuredExtents measuredExtents(const ChartData &data);

// The seed frame widened to take in every shown point (current, sweep, pins), each roof's corner, the
// measured kernels and, with `allCeilings`, where every compute ceiling meets the memory roof, each with a
// margin of x1.5, and kept within the limits (ChartIntensityRange, ChartFlopsRange).
ViewRange fittedFrame(const ChartData &data, const SeriesMask &shown, const MeasuredExtents &measured,
                      bool allCeilings = false);

// What the chart shows of its data, as its owner chose: which series, whether every compute ceiling is a line
// of its own, and the frame the user fixed (none: the fitted frame, which follows the data).
struct ChartView {
    SeriesMask shown = AllSeries;
    bool allCeilings = false;
    std::optional<ViewRange> frame;
    bool operator==(const ChartView &) const = default;
};
// A session's choices of what its chart shows.
ChartView chartView(const Session &session);
// Whether a frame can be drawn on log axes: finite and positive corners, each axis's ends in order.
bool usableFrame(const ViewRange &frame);

// `frame` within the limits and at least one decade on each axis (inside one decade the log ticker falls back
// to linear labels): an axis narrower than that keeps its geometric centre and spans exactly one decade.
ViewRange clampedFrame(const ViewRange &frame);

// A straight piece of a roof, from (x1, y1) to (x2, y2).
struct Segment {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    bool operator==(const Segment &) const = default;
};
// The memory roof y = bandwidth * x inside `frame`, ending at x = `xEnd` at the latest (a ridge); nothing
// when none of it shows.
std::optional<Segment> memoryRoofIn(double bandwidth, const ViewRange &frame, double xEnd);
// The compute roof y = peak from x = `xStart` (a ridge, or the frame's left edge) to the frame's right edge;
// nothing when it lies above or below the frame or starts right of it.
std::optional<Segment> computeRoofIn(double peak, const ViewRange &frame, double xStart);
// Where on the visible memory roof (up to the ridge) its bandwidth label goes: a third of the way along it on
// the log axis, unless a marker on the roof (`markers`: their intensities) lies within `halfSpan` decades of x
// of it; then the first place free of them of a fifth, half, a tenth and two thirds along; a third along if
// none is free. Nothing when none of the roof shows.
std::optional<double> bandwidthLabelIntensity(const Roofline &roof, const ViewRange &frame, const std::vector<double> &markers = {},
                                              double halfSpan = 0.0);

// Where a new label goes beside the point it describes: an offset in pixels (y down) from the point to the
// centre of the label's box, `width` x `height`. The candidates are the eight places around the point, `gap`
// pixels clear of its marker (radius `radius`): up-right first, then up-left, down-right, down-left, right, left,
// up, down; then the same twice as far. The first whose box lies inside `axes` and covers the fewest of
// `markers` (pixel centres, each a disc of `radius`, covered by the box or crossed by the arrow from the box's
// centre to the point; the point's own is never covered) and of the boxes already `taken` (other labels and
// notes) wins, a marker or box under the box counting twice what a marker under the arrow does; if none fits
// inside the axes, up-right.
struct PixelBox {
    double left = 0, top = 0, right = 0, bottom = 0;
};
std::pair<double, double> labelOffset(std::pair<double, double> point, double width, double height,
                                      const std::vector<std::pair<double, double>> &markers, double radius, double gap,
                                      const PixelBox &axes, const std::vector<PixelBox> &taken = {});

// Where each point's marker is drawn, so that points of different series that would cover one another are
// all seen. Points of shown series whose markers fall within `spacing` / 2 pixels of each other (joined
// transitively) form a cluster; in a cluster of several series each series takes a slot, `spacing` pixels
// apart along its roof and centred on the cluster's points, in the order of the series' mean intensity in the
// cluster (series order among equals), so that the markers keep the order of their values: a memory-bound point moves along
// the slope (x and y by the same factor), a compute-bound one along the flat roof (x only), so every marker
// stays on the roof it is bound by. Points of one series alone, of hidden series, and points not drawable
// keep their place. The frame spans `width` x `height` pixels; the result lines up with `points`.
std::vector<std::pair<double, double>> dodgedPositions(const std::vector<ChartPoint> &points, const SeriesMask &shown,
                                                       const ViewRange &frame, double width, double height, double spacing);

} // namespace roofline
