#include "chartframe.h"

#include "inputlimits.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace roofline {

bool usablePoint(double x, double y)
{
    return std::isfinite(x) && std::isfinite(y) && x > 0.0 && y > 0.0;
}

bool frameContains(const ViewRange &frame, double x, double y)
{
    return usablePoint(x, y) && x >= frame.xMin && x <= frame.xMax && y >= frame.yMin && y <= frame.yMax;
}

void Extent::include(double x, double y)
{
    xMin = empty ? x : std::min(xMin, x);
    xMax = empty ? x : std::max(xMax, x);
    yMin = empty ? y : std::min(yMin, y);
    yMax = empty ? y : std::max(yMax, y);
    empty = false;
}

MeasuredExtents measuredExtents(const ChartData &data)
{
    MeasuredExtents extents {};
    for (const ChartData::MeasuredPoint &m : data.measured)
        if (usablePoint(m.intensity, m.achievedFlopsPerSecond))
            extents[std::min<std::size_t>(std::size_t(m.series), SeriesCount)].include(m.intensity, m.achievedFlopsPerSecond);
    return extents;
}

namespace {
bool isShown(const SeriesMask &shown, Series series)
{
    const auto index = std::size_t(series);
    return index < shown.size() && shown[index];
}

bool usableRoof(const Roofline &roof)
{
    return usablePoint(roof.bandwidthBytesPerSecond, roof.peakFlopsPerSecond);
}
} // namespace

ViewRange fittedFrame(const ChartData &data, const SeriesMask &shown, const MeasuredExtents &measured, bool allCeilings)
{
    ViewRange frame = SeedFrame;
    const auto include = [&](double x, double y) {
        if (!usablePoint(x, y))
            return;
        frame.xMin = std::min(frame.xMin, x / 1.5);
        frame.xMax = std::max(frame.xMax, x * 1.5);
        frame.yMin = std::min(frame.yMin, y / 1.5);
        frame.yMax = std::max(frame.yMax, y * 1.5);
    };
    const auto includePoints = [&](const std::vector<ChartPoint> &points) {
        for (const ChartPoint &point : points)
            if (isShown(shown, point.series))
                include(point.intensity, point.attainableFlopsPerSecond);
    };
    includePoints(data.current);
    includePoints(data.sweep);
    if (usableRoof(data.roof))
        include(data.roof.ridge(), data.roof.peakFlopsPerSecond);
    if (data.secondRoof && usableRoof(data.secondRoof->roof))
        include(data.secondRoof->roof.ridge(), data.secondRoof->roof.peakFlopsPerSecond);
    // Every ceiling asked for is drawn: fp8 on an H100 (1979 TFLOP/s) was above the frame and missing.
    if (allCeilings)
        for (const ChartData::Ceiling &ceiling : data.ceilings)
            include(ceiling.ridge, ceiling.flopsPerSecond);
    for (const auto &pin : data.pins)
        includePoints(pin.points);
    // Measured kernels too: one far from the modelled ops was left off the chart while the legend listed it.
    for (std::size_t i = 0; i < measured.size(); ++i) {
        const Extent &e = measured[i];
        if (!e.empty && (i == std::size_t(SeriesCount) || shown[i])) {
            include(e.xMin, e.yMin);
            include(e.xMax, e.yMax);
        }
    }
    return ViewRange { std::max(frame.xMin, ChartIntensityRange.min), std::min(frame.xMax, ChartIntensityRange.max),
                       std::max(frame.yMin, ChartFlopsRange.min), std::min(frame.yMax, ChartFlopsRange.max) };
}

ViewRange clampedFrame(const ViewRange &frame)
{
    const auto clamp = [](double lo, double hi, double limitMin, double limitMax) {
        lo = std::max(lo, limitMin);
        hi = std::min(hi, limitMax);
        if (!(hi > lo) || hi / lo < 10.0) {
            const double centre = std::sqrt(std::max(lo, limitMin) * std::max(hi, limitMin));
            lo = std::max(centre / std::sqrt(10.0), limitMin);
            hi = std::min(lo * 10.0, limitMax);
        }
        return std::pair(lo, hi);
    };
    const auto [xMin, xMax] = clamp(frame.xMin, frame.xMax, ChartIntensityRange.min, ChartIntensityRange.max);
    const auto [yMin, yMax] = clamp(frame.yMin, frame.yMax, ChartFlopsRange.min, ChartFlopsRange.max);
    return ViewRange { xMin, xMax, yMin, yMax };
}

std::optional<Segment> memoryRoofIn(double bandwidth, const ViewRange &frame, double xEnd)
{
    const double from = std::max(frame.xMin, frame.yMin / bandwidth);
    const double to = std::min({ frame.xMax, frame.yMax / bandwidth, xEnd });
    if (!(to > from))
        return std::nullopt;
    return Segment { from, bandwidth * from, to, bandwidth * to };
}

std::optional<Segment> computeRoofIn(double peak, const ViewRange &frame, double xStart)
{
    const double start = std::max(frame.xMin, xStart);
    if (!(peak >= frame.yMin && peak <= frame.yMax && start < frame.xMax))
        return std::nullopt;
    return Segment { start, peak, frame.xMax, peak };
}

std::optional<double> bandwidthLabelIntensity(const Roofline &roof, const ViewRange &frame)
{
    const auto visible = memoryRoofIn(roof.bandwidthBytesPerSecond, frame, roof.ridge());
    if (!visible)
        return std::nullopt;
    return std::pow(10.0, std::log10(visible->x1) + (std::log10(visible->x2) - std::log10(visible->x1)) / 3.0);
}

} // namespace roofline
