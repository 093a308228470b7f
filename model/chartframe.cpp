#include "chartframe.h"

#include "inputlimits.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

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

bool isShown(const SeriesMask &shown, Series series)
{
    const auto index = std::size_t(series);
    return index < shown.size() && shown[index];
}

bool isKernelShown(const SeriesMask &shown, Series series)
{
    return std::size_t(series) >= shown.size() || shown[std::size_t(series)];
}

bool usableRoof(const Roofline &roof)
{
    return usablePoint(roof.bandwidthBytesPerSecond, roof.peakFlopsPerSecond);
}

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

ChartView chartView(const Session &session)
{
    return ChartView { session.seriesVisible, session.showAllCeilings, session.view };
}

bool usableFrame(const ViewRange &frame)
{
    return usablePoint(frame.xMin, frame.yMin) && usablePoint(frame.xMax, frame.yMax) && frame.xMax > frame.xMin
        && frame.yMax > frame.yMin;
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

std::optional<double> bandwidthLabelIntensity(const Roofline &roof, const ViewRange &frame, const std::vector<double> &markers,
                                              double halfSpan)
{
    const auto visible = memoryRoofIn(roof.bandwidthBytesPerSecond, frame, roof.ridge());
    if (!visible)
        return std::nullopt;
    const double from = std::log10(visible->x1), length = std::log10(visible->x2) - from;
    const auto free = [&](double at) {
        return std::none_of(markers.begin(), markers.end(), [&](double x) { return x > 0.0 && std::fabs(std::log10(x) - at) < halfSpan; });
    };
    for (const double along : { 1.0 / 3.0, 0.2, 0.5, 0.1, 2.0 / 3.0 })
        if (free(from + length * along))
            return std::pow(10.0, from + length * along);
    return std::pow(10.0, from + length / 3.0);
}

std::pair<double, double> labelOffset(std::pair<double, double> point, double width, double height,
                                      const std::vector<std::pair<double, double>> &markers, double radius, double gap,
                                      const PixelBox &axes, const std::vector<PixelBox> &taken)
{
    const double dx = width / 2 + radius + gap;
    const double dy = height / 2 + radius + gap;
    const std::array<std::pair<double, double>, 8> around { { { dx, -dy }, { -dx, -dy }, { dx, dy }, { -dx, dy },
                                                              { dx, 0 }, { -dx, 0 }, { 0, -dy }, { 0, dy } } };
    std::optional<std::pair<double, double>> best;
    std::size_t fewest = 0;
    for (const double reach : { 1.0, 2.0 }) {
        for (const auto &[ox, oy] : around) {
            const double cx = point.first + ox * reach, cy = point.second + oy * reach;
            const double left = cx - width / 2, right = cx + width / 2, top = cy - height / 2, bottom = cy + height / 2;
            if (left < axes.left || right > axes.right || top < axes.top || bottom > axes.bottom)
                continue;
            std::size_t covered = 0;
            for (const auto &[mx, my] : markers) {
                // The distance from the marker's centre to the box, against the marker's radius.
                const double nx = std::clamp(mx, left, right), ny = std::clamp(my, top, bottom);
                // And to the arrow, from the box's centre to the point: an arrow across another marker seems to
                // point at it. The point's own marker, where the arrow ends, does not count.
                const double sx = point.first - cx, sy = point.second - cy;
                const double along = std::clamp(((mx - cx) * sx + (my - cy) * sy) / (sx * sx + sy * sy), 0.0, 1.0);
                const bool own = std::hypot(mx - point.first, my - point.second) < 1.0;
                const bool onArrow = !own && std::hypot(mx - (cx + along * sx), my - (cy + along * sy)) < radius;
                // A marker under the box hides more than one under the arrow: it counts twice.
                covered += std::hypot(mx - nx, my - ny) < radius ? 2 : onArrow ? 1 : 0;
            }
            for (const PixelBox &t : taken)
                covered += t.left < right && t.right > left && t.top < bottom && t.bottom > top ? 2 : 0;
            if (!best || covered < fewest) {
                best = std::pair { ox * reach, oy * reach };
                fewest = covered;
            }
            if (fewest == 0)
                return *best;
        }
    }
    return best.value_or(around.front());
}

std::vector<std::pair<double, double>> dodgedPositions(const std::vector<ChartPoint> &points, const SeriesMask &shown,
                                                       const ViewRange &frame, double width, double height, double spacing)
{
    std::vector<std::pair<double, double>> drawn;
    drawn.reserve(points.size());
    for (const ChartPoint &p : points)
        drawn.emplace_back(p.intensity, p.attainableFlopsPerSecond);
    const double xDecades = std::log10(frame.xMax / frame.xMin), yDecades = std::log10(frame.yMax / frame.yMin);
    if (!(width > 0.0 && height > 0.0 && spacing > 0.0 && xDecades > 0.0 && yDecades > 0.0))
        return drawn;
    // Decades a pixel on each axis, and every drawable point in pixels.
    const double xPerPixel = xDecades / width, yPerPixel = yDecades / height;
    std::vector<std::size_t> drawable;
    std::vector<std::pair<double, double>> pixel(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        const ChartPoint &p = points[i];
        const auto series = std::size_t(p.series);
        if (series >= shown.size() || !shown[series] || !usablePoint(p.intensity, p.attainableFlopsPerSecond))
            continue;
        drawable.push_back(i);
        pixel[i] = { std::log10(p.intensity / frame.xMin) / xPerPixel, std::log10(p.attainableFlopsPerSecond / frame.yMin) / yPerPixel };
    }
    // Clusters: markers closer than half the spacing, joined transitively (a union-find over a few dozen points).
    std::vector<std::size_t> parent(points.size());
    for (std::size_t i = 0; i < parent.size(); ++i)
        parent[i] = i;
    const auto root = [&](std::size_t i) {
        while (parent[i] != i)
            i = parent[i] = parent[parent[i]];
        return i;
    };
    const double near = spacing / 2.0;
    for (std::size_t a = 0; a < drawable.size(); ++a)
        for (std::size_t b = a + 1; b < drawable.size(); ++b) {
            const auto [ax, ay] = pixel[drawable[a]];
            const auto [bx, by] = pixel[drawable[b]];
            if ((ax - bx) * (ax - bx) + (ay - by) * (ay - by) <= near * near)
                parent[root(drawable[a])] = root(drawable[b]);
        }
    // Each cluster's series and their points' mean log intensity: a slot each, in the order of that mean (so
    // that the markers keep the order of the values they stand for), series order among equals.
    struct SeriesInCluster {
        std::size_t points = 0;
        double logIntensity = 0.0;
    };
    std::vector<std::array<SeriesInCluster, SeriesCount>> seriesIn(points.size());
    for (const std::size_t i : drawable) {
        SeriesInCluster &s = seriesIn[root(i)][std::size_t(points[i].series)];
        ++s.points;
        s.logIntensity += std::log10(points[i].intensity);
    }
    for (auto &cluster : seriesIn)
        for (SeriesInCluster &s : cluster)
            s.logIntensity = s.points > 0 ? s.logIntensity / double(s.points) : 0.0;
    // Along the slope a pixel moves both axes by the same decades: d decades go sqrt((d/xpp)^2 + (d/ypp)^2) px.
    const double slopeDecadesPerPixel = 1.0 / std::hypot(1.0 / xPerPixel, 1.0 / yPerPixel);
    for (const std::size_t i : drawable) {
        const auto &cluster = seriesIn[root(i)];
        const auto own = std::size_t(points[i].series);
        std::ptrdiff_t count = 0, slot = 0;
        for (std::size_t other = 0; other < cluster.size(); ++other) {
            if (cluster[other].points == 0)
                continue;
            ++count;
            const double a = cluster[other].logIntensity, b = cluster[own].logIntensity;
            slot += a < b || (a == b && other < own) ? 1 : 0;
        }
        if (count < 2)
            continue;
        const double offset = (double(slot) - double(count - 1) / 2.0) * spacing;
        const ChartPoint &p = points[i];
        if (p.bound == Bound::Memory) {
            const double factor = std::pow(10.0, offset * slopeDecadesPerPixel);
            drawn[i] = { p.intensity * factor, p.attainableFlopsPerSecond * factor };
        } else {
            drawn[i] = { p.intensity * std::pow(10.0, offset * xPerPixel), p.attainableFlopsPerSecond };
        }
    }
    return drawn;
}

std::pair<double, double> frameCentre(const ViewRange &frame)
{
    return { std::sqrt(frame.xMin * frame.xMax), std::sqrt(frame.yMin * frame.yMax) };
}

std::vector<bool> ceilingsOfTheirOwn(const std::vector<ChartData::Ceiling> &ceilings, double roofPeak)
{
    std::vector<bool> own(ceilings.size(), false);
    for (std::size_t i = 0; i < ceilings.size(); ++i) {
        const double height = ceilings[i].flopsPerSecond;
        const bool drawnBefore = std::any_of(ceilings.begin(), ceilings.begin() + std::ptrdiff_t(i),
                                             [&](const ChartData::Ceiling &earlier) { return earlier.flopsPerSecond == height; });
        own[i] = !ceilings[i].active && height != roofPeak && !drawnBefore;
    }
    return own;
}

std::vector<LinkSource> measuredLinkSources(const SharedList<ChartData::MeasuredPoint> &measured, std::size_t maxLinks)
{
    std::vector<LinkSource> sources;
    const auto linked = [](const ChartData::MeasuredPoint &m) { return m.modelled && usablePoint(m.intensity, m.achievedFlopsPerSecond); };
    if (std::size_t(std::count_if(measured.begin(), measured.end(), linked)) <= maxLinks) {
        for (const ChartData::MeasuredPoint &m : measured)
            if (linked(m))
                sources.push_back(LinkSource { m.intensity, m.achievedFlopsPerSecond, m.series, *m.modelled });
        return sources;
    }
    struct Sum {
        double logX = 0, logY = 0;
        std::size_t count = 0;
        Series series = Series::None;
    };
    std::map<std::pair<OpKind, Phase>, Sum> groups;
    for (const ChartData::MeasuredPoint &m : measured) {
        if (!linked(m))
            continue;
        Sum &sum = groups[{ m.modelled->op, m.modelled->phase }];
        sum.logX += std::log(m.intensity);
        sum.logY += std::log(m.achievedFlopsPerSecond);
        sum.series = m.series;
        ++sum.count;
    }
    for (const auto &[key, sum] : groups)
        sources.push_back(LinkSource { std::exp(sum.logX / double(sum.count)), std::exp(sum.logY / double(sum.count)), sum.series,
                                       ChartData::MeasuredPoint::Modelled { key.first, key.second } });
    return sources;
}

} // namespace roofline
