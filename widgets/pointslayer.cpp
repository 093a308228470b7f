#include "pointslayer.h"

#include "charttext.h"
#include "charttheme.h"
#include "markergraph.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <tuple>
#include <unordered_set>

namespace roofline {

namespace {
// Whether two sets of points put the same markers in the same places.
bool samePlaces(const std::vector<ChartPoint> &a, const std::vector<ChartPoint> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const ChartPoint &x, const ChartPoint &y) {
        return x.series == y.series && x.intensity == y.intensity && x.attainableFlopsPerSecond == y.attainableFlopsPerSecond;
    });
}

bool samePins(const SharedList<ChartData::PinnedPoints> &a, const SharedList<ChartData::PinnedPoints> &b)
{
    return a.sharesStorageWith(b)
        || std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const ChartData::PinnedPoints &x, const ChartData::PinnedPoints &y) {
               return x.label == y.label && samePlaces(x.points, y.points);
           });
}

// New roofs make new measured points (their shares of the roof) in the same places: nothing to redraw.
bool sameMeasured(const SharedList<ChartData::MeasuredPoint> &a, const SharedList<ChartData::MeasuredPoint> &b)
{
    const auto samePlace = [](const ChartData::MeasuredPoint &x, const ChartData::MeasuredPoint &y) {
        return x.intensity == y.intensity && x.achievedFlopsPerSecond == y.achievedFlopsPerSecond && x.series == y.series
            && x.modelled.has_value() == y.modelled.has_value()
            && (!x.modelled || (x.modelled->op == y.modelled->op && x.modelled->phase == y.modelled->phase));
    };
    return a.sharesStorageWith(b) || std::equal(a.begin(), a.end(), b.begin(), b.end(), samePlace);
}

QCPGraph *markerGraph(QCPGraph *graph)
{
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setAdaptiveSampling(false);
    graph->removeFromLegend();
    return graph;
}

std::size_t seriesIndex(Series series)
{
    return std::min<std::size_t>(std::size_t(series), SeriesCount);
}
} // namespace

PointsLayer::PointsLayer(QCustomPlot *plot, QCPLayer *topLayer, const ChartData &data, const ChartView &view, const ChartTheme &theme)
    : m_plot(plot)
    , m_topLayer(topLayer)
    , m_data(data)
    , m_view(view)
    , m_theme(theme)
{
    // The sweep is part of the frame: a batch or sequence step leaves it where it is (the default sweep spans
    // fixed ranges); when it does move, the canvas redraws the frame.
    for (QCPGraph *&sweep : m_sweep)
        sweep = markerGraph(plot->addGraph());
    // Pins: one graph per shape and series whatever the number of pins; the legend entries are graphs of their
    // own, with no data.
    for (auto &shape : m_pinGraphs)
        for (QCPGraph *&graph : shape) {
            graph = markerGraph(plot->addGraph());
            graph->setSelectable(QCP::stNone);
        }
    for (QCPGraph *&entry : m_pinLegend)
        entry = markerGraph(plot->addGraph());
    m_pinSummary = markerGraph(plot->addGraph());
    // Measured kernels, above the sweep and the pins. They move only with the frame, so they are drawn in its
    // image; the lines joining them to the current points move with every step and are on the top layer.
    for (QCPGraph *&measured : m_measured) {
        measured = markerGraph(new MarkerGraph(plot));
        measured->setSelectable(QCP::stNone);
    }
    m_measured[SeriesCount]->setName(QObject::tr("measured kernels"));
    QCPLayer *previous = plot->currentLayer();
    plot->setCurrentLayer(topLayer);
    for (int i = 0; i < SeriesCount; ++i) {
        QCPGraph *current = plot->addGraph();
        const std::string_view name = seriesName(static_cast<Series>(i));
        current->setName(QString::fromUtf8(name.data(), qsizetype(name.size())));
        current->setLineStyle(QCPGraph::lsNone);
        current->setAdaptiveSampling(false);
        m_current[std::size_t(i)] = current;
    }
    plot->setCurrentLayer(previous);
}

PointsLayer::Change PointsLayer::compare(const ChartData &next) const
{
    return Change { !samePlaces(m_data.sweep, next.sweep), !samePins(m_data.pins, next.pins),
                    next.pins.size() <= m_pinLegend.size() && m_data.pinNames != next.pinNames, // the names listed
                    !sameMeasured(m_data.measured, next.measured) };
}

bool PointsLayer::dataChanged(const Change &change)
{
    m_sweepDirty = m_sweepDirty || change.sweep;
    if (change.pins || change.pinNames)
        showPinsInLegend();
    m_pinsDirty = m_pinsDirty || change.pins;
    if (change.measured) {
        m_measuredExtents = roofline::measuredExtents(m_data);
        collectLinkSources();
        m_measuredDirty = true;
    }
    QCPGraph *entry = m_measured[SeriesCount];
    const bool listed = !m_data.measured.empty();
    if (listed == bool(m_plot->legend->itemWithPlottable(entry)))
        return change.pins || change.pinNames;
    if (listed)
        entry->addToLegend();
    else
        entry->removeFromLegend();
    return true;
}

void PointsLayer::showSeries()
{
    for (int i = 0; i < SeriesCount; ++i) {
        const bool shown = m_view.shown[std::size_t(i)];
        m_current[std::size_t(i)]->setVisible(shown);
        m_sweep[std::size_t(i)]->setVisible(shown);
        for (auto &graphs : m_pinGraphs)
            graphs[std::size_t(i)]->setVisible(shown);
        // The legend entry greys out, its cross as its name: a full-colour cross beside a series the chart
        // does not show read as shown (in an export most of all). The graph is hidden: its style is the icon's.
        if (QCPPlottableLegendItem *item = m_plot->legend->itemWithPlottable(m_current[std::size_t(i)]))
            item->setTextColor(shown ? m_theme.text : m_theme.hiddenText);
        const auto series = static_cast<Series>(i);
        m_current[std::size_t(i)]->setScatterStyle(shown ? m_theme.currentMarker(series) : m_theme.hiddenMarker(series));
    }
    m_measuredDirty = true; // the series' kernels leave or join the measured graphs
    m_sweepDirty = true; // a hidden series leaves its slots
}

bool PointsLayer::isShown(Series series) const
{
    return roofline::isShown(m_view.shown, series);
}

std::optional<Series> PointsLayer::seriesOfLegendEntry(const QCPAbstractPlottable *plottable) const
{
    for (int i = 0; i < SeriesCount; ++i)
        if (plottable == m_current[std::size_t(i)])
            return static_cast<Series>(i);
    return std::nullopt;
}

std::optional<std::size_t> PointsLayer::pinOfLegendEntry(const QCPAbstractPlottable *plottable) const
{
    for (std::size_t i = 0; i < m_pinLegend.size() && i < m_data.pins.size(); ++i)
        if (plottable == m_pinLegend[i])
            return i;
    return std::nullopt;
}

void PointsLayer::applyTheme()
{
    const ChartTheme &theme = m_theme;
    m_sweepDirty = true;
    for (int i = 0; i < SeriesCount; ++i) {
        const auto series = static_cast<Series>(i);
        m_sweep[std::size_t(i)]->setScatterStyle(theme.sweepMarker(series));
        m_current[std::size_t(i)]->setScatterStyle(m_view.shown[std::size_t(i)] ? theme.currentMarker(series) : theme.hiddenMarker(series));
        for (std::size_t shape = 0; shape < m_pinGraphs.size(); ++shape)
            m_pinGraphs[shape][std::size_t(i)]->setScatterStyle(theme.pinMarker(shape, series));
        if (QCPPlottableLegendItem *item = m_plot->legend->itemWithPlottable(m_current[std::size_t(i)]))
            item->setTextColor(m_view.shown[std::size_t(i)] ? theme.text : theme.hiddenText);
    }
    for (std::size_t i = 0; i < m_pinLegend.size(); ++i)
        m_pinLegend[i]->setScatterStyle(theme.pinLegendMarker(i));
    showPinsInLegend(); // their names' length is the look's
    m_pinSummary->setScatterStyle(theme.pinLegendMarker(0));
    for (std::size_t i = 0; i < m_measured.size(); ++i)
        m_measured[i]->setScatterStyle(theme.measuredMarker(i < std::size_t(SeriesCount) ? static_cast<Series>(i) : Series::None));
}

void PointsLayer::fit(const ViewRange &frame)
{
    // Everything is handed to QCustomPlot already cut to the visible frame: vector exports (Qt's SVG
    // engine ignores clipping) then hold nothing outside the axes, and log axes never see a value <= 0.
    for (auto &points : m_currentBuffer)
        points.clear();
    for (auto &points : m_sweepBuffer)
        points.clear();
    // The current points of series that would cover one another are drawn side by side along their roofs.
    const QRect axes = m_plot->axisRect()->rect();
    m_currentDrawn = dodgedPositions(m_data.current, m_view.shown, frame, axes.width(), axes.height(), m_theme.markerSpacing());
    for (std::size_t i = 0; i < m_data.current.size(); ++i) {
        const auto index = static_cast<std::size_t>(m_data.current[i].series);
        const auto [x, y] = m_currentDrawn[i];
        if (index < m_currentBuffer.size() && frameContains(frame, x, y))
            m_currentBuffer[index].append(QCPGraphData(x, y));
    }
    // The sweep's points too: at each of its workloads the decode projections coincide as the current ones do
    // (placed again only when the sweep, the frame, the series shown or the look changed: not at a step).
    const FilledFrame filled { frame, axes.size() };
    if (filled != m_filledFrame) {
        m_filledFrame = filled;
        m_pinsDirty = true;
        m_measuredDirty = true;
        m_sweepDirty = true;
    }
    if (m_sweepDirty || m_sweepDrawn.size() != m_data.sweep.size()) {
        m_sweepDirty = false;
        m_sweepDrawn = dodgedPositions(m_data.sweep, m_view.shown, frame, axes.width(), axes.height(), m_theme.markerSpacing());
    }
    for (std::size_t i = 0; i < m_data.sweep.size(); ++i) {
        const auto index = static_cast<std::size_t>(m_data.sweep[i].series);
        const auto [x, y] = m_sweepDrawn[i];
        if (index < m_sweepBuffer.size() && frameContains(frame, x, y))
            m_sweepBuffer[index].append(QCPGraphData(x, y));
    }
    for (std::size_t i = 0; i < std::size_t(SeriesCount); ++i) {
        m_current[i]->data()->set(m_currentBuffer[i]);
        m_sweep[i]->data()->set(m_sweepBuffer[i]);
    }
    if (m_pinsDirty)
        fillPinGraphs(frame);
    if (m_measuredDirty)
        fillMeasuredGraphs(frame);
    updateLinks(frame);
}

std::pair<double, double> PointsLayer::drawnAt(const ChartPoint &point) const
{
    const auto same = [&](const ChartPoint &p) {
        return p.op == point.op && p.phase == point.phase && p.series == point.series && p.batch == point.batch
            && p.seq == point.seq && p.intensity == point.intensity && p.attainableFlopsPerSecond == point.attainableFlopsPerSecond;
    };
    for (const auto &[points, drawn] : { std::pair(&m_data.current, &m_currentDrawn), std::pair(&m_data.sweep, &m_sweepDrawn) })
        for (std::size_t i = 0; i < points->size() && i < drawn->size(); ++i)
            if (same((*points)[i]))
                return (*drawn)[i];
    return { point.intensity, point.attainableFlopsPerSecond };
}

std::vector<std::pair<double, double>> PointsLayer::markersDrawn() const
{
    std::vector<std::pair<double, double>> markers;
    for (const auto &buffers : { &m_currentBuffer, &m_sweepBuffer })
        for (const QVector<QCPGraphData> &points : *buffers)
            for (const QCPGraphData &point : points)
                markers.emplace_back(point.key, point.value);
    return markers;
}

void PointsLayer::fillPinGraphs(const ViewRange &frame)
{
    m_pinsDirty = false;
    std::array<std::array<QVector<QCPGraphData>, SeriesCount>, ChartTheme::PinShapes.size()> ghosts;
    for (std::size_t pin = 0; pin < m_data.pins.size(); ++pin)
        for (const ChartPoint &point : m_data.pins[pin].points) {
            const auto index = static_cast<std::size_t>(point.series);
            if (index < std::size_t(SeriesCount) && frameContains(frame, point.intensity, point.attainableFlopsPerSecond))
                ghosts[pin % ghosts.size()][index].append(QCPGraphData(point.intensity, point.attainableFlopsPerSecond));
        }
    for (std::size_t shape = 0; shape < m_pinGraphs.size(); ++shape)
        for (std::size_t i = 0; i < std::size_t(SeriesCount); ++i)
            m_pinGraphs[shape][i]->data()->set(ghosts[shape][i]);
}

void PointsLayer::fillMeasuredGraphs(const ViewRange &frame)
{
    m_measuredDirty = false;
    // One marker per pixel and series: 100,000 kernels land on far fewer pixels, and markers drawn on the
    // same pixel look like one.
    const QRect axes = m_plot->axisRect()->rect();
    const bool thin = axes.width() > 0 && axes.height() > 0;
    std::unordered_set<std::uint64_t> taken;
    std::array<QVector<QCPGraphData>, SeriesCount + 1> measured;
    for (const ChartData::MeasuredPoint &m : m_data.measured) {
        if (!isKernelShown(m_view.shown, m.series))
            continue;
        const std::size_t index = seriesIndex(m.series);
        if (!frameContains(frame, m.intensity, m.achievedFlopsPerSecond))
            continue;
        if (thin) {
            const auto pixel = [](double value) { return std::uint64_t(std::clamp(std::lround(value), 0L, 0xFFFFFL)); };
            const std::uint64_t key = std::uint64_t(index) << 40 | pixel(m_plot->xAxis->coordToPixel(m.intensity)) << 20
                | pixel(m_plot->yAxis->coordToPixel(m.achievedFlopsPerSecond));
            if (!taken.insert(key).second)
                continue;
        }
        measured[index].append(QCPGraphData(m.intensity, m.achievedFlopsPerSecond));
    }
    for (std::size_t i = 0; i <= std::size_t(SeriesCount); ++i)
        m_measured[i]->data()->set(measured[i]);
}

void PointsLayer::collectLinkSources()
{
    m_linkSources = measuredLinkSources(m_data.measured, MaxKernelLinks);
}

void PointsLayer::updateLinks(const ViewRange &frame)
{
    std::size_t links = 0;
    for (const LinkSource &source : m_linkSources) {
        if (!isKernelShown(m_view.shown, source.series))
            continue;
        ChartData::MeasuredPoint probe;
        probe.modelled = source.modelled;
        const ChartPoint *modelled = m_data.modelledPoint(probe);
        if (!modelled)
            continue;
        // A thin line from the measurement to the modelled point of the same op.
        if (links == m_links.size()) {
            auto *line = new QCPItemLine(m_plot);
            line->setLayer(m_topLayer);
            line->setSelectable(false);
            m_links.push_back(line);
        }
        QCPItemLine *line = m_links[links++];
        line->setPen(m_theme.measuredLink(source.series));
        line->start->setCoords(source.x, source.y);
        line->end->setCoords(modelled->intensity, modelled->attainableFlopsPerSecond);
        line->setVisible(frameContains(frame, source.x, source.y)
                         && frameContains(frame, modelled->intensity, modelled->attainableFlopsPerSecond));
    }
    for (std::size_t i = links; i < m_links.size(); ++i)
        m_links[i]->setVisible(false);
}

void PointsLayer::showPinsInLegend()
{
    // Taken out and put back in order, so the pins keep their place after the series and roofs.
    for (QCPGraph *entry : m_pinLegend)
        entry->removeFromLegend();
    m_pinSummary->removeFromLegend();
    const std::size_t count = m_data.pins.size();
    if (count > m_pinLegend.size()) {
        m_pinSummary->setName(QObject::tr("pins (%1)").arg(count));
        m_pinSummary->addToLegend();
    }
    for (std::size_t i = 0; i < m_pinLegend.size(); ++i) {
        // Named by what differs from now; by its own label where the chart was given no such names.
        const std::string &name = i < m_data.pinNames.size() ? m_data.pinNames[i] : i < count ? m_data.pins[i].label : std::string();
        m_pinLegend[i]->setName(elided(QString::fromStdString(name), m_theme.legendNameChars));
        if (i < count && count <= m_pinLegend.size())
            m_pinLegend[i]->addToLegend();
    }
}

std::optional<PointsLayer::PinnedHit> PointsLayer::pinAt(const QPointF &position) const
{
    std::optional<PinnedHit> nearest;
    double best = m_theme.hoverRadius() * m_theme.hoverRadius();
    for (std::size_t pin = 0; pin < m_data.pins.size(); ++pin)
        for (const ChartPoint &point : m_data.pins[pin].points) {
            // Pins are drawn where their points are (fillPinGraphs), not side by side.
            if (!isShown(point.series) || !usablePoint(point.intensity, point.attainableFlopsPerSecond))
                continue;
            const double dx = m_plot->xAxis->coordToPixel(point.intensity) - position.x();
            const double dy = m_plot->yAxis->coordToPixel(point.attainableFlopsPerSecond) - position.y();
            if (dx * dx + dy * dy <= best) {
                best = dx * dx + dy * dy;
                nearest = PinnedHit { pin, &point };
            }
        }
    return nearest;
}

std::vector<const ChartPoint *> PointsLayer::pointsAt(const QPointF &position) const
{
    // (from the sweep, distance, point): the current points come first, however near a sweep point is.
    std::vector<std::tuple<bool, double, const ChartPoint *>> hits;
    const auto consider = [&](const ChartPoint &point, double x, double y, bool sweep) {
        if (!isShown(point.series) || !usablePoint(x, y))
            return;
        const double dx = m_plot->xAxis->coordToPixel(x) - position.x();
        const double dy = m_plot->yAxis->coordToPixel(y) - position.y();
        const double distance = dx * dx + dy * dy;
        if (distance <= m_theme.hoverRadius() * m_theme.hoverRadius())
            hits.emplace_back(sweep, distance, &point);
    };
    // A point is found where its marker is drawn (side by side with others, see fit).
    for (std::size_t i = 0; i < m_data.current.size(); ++i) {
        const ChartPoint &point = m_data.current[i];
        const auto [x, y] = i < m_currentDrawn.size() ? m_currentDrawn[i] : std::pair(point.intensity, point.attainableFlopsPerSecond);
        consider(point, x, y, false);
    }
    for (std::size_t i = 0; i < m_data.sweep.size(); ++i) {
        const ChartPoint &point = m_data.sweep[i];
        const auto [x, y] = i < m_sweepDrawn.size() ? m_sweepDrawn[i] : std::pair(point.intensity, point.attainableFlopsPerSecond);
        consider(point, x, y, true);
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto &a, const auto &b) {
        return std::pair(std::get<0>(a), std::get<1>(a)) < std::pair(std::get<0>(b), std::get<1>(b));
    });
    std::vector<const ChartPoint *> result;
    result.reserve(hits.size());
    for (const auto &hit : hits)
        result.push_back(std::get<2>(hit));
    return result;
}

const ChartData::MeasuredPoint *PointsLayer::measuredAt(const QPointF &position) const
{
    // The nearest within reach; the kernels of a hidden series are not drawn, so not found either.
    const ChartData::MeasuredPoint *nearest = nullptr;
    double best = m_theme.hoverRadius() * m_theme.hoverRadius();
    for (const ChartData::MeasuredPoint &m : m_data.measured) {
        if (!usablePoint(m.intensity, m.achievedFlopsPerSecond) || !isKernelShown(m_view.shown, m.series))
            continue;
        const double dx = m_plot->xAxis->coordToPixel(m.intensity) - position.x();
        const double dy = m_plot->yAxis->coordToPixel(m.achievedFlopsPerSecond) - position.y();
        if (dx * dx + dy * dy <= best) {
            best = dx * dx + dy * dy;
            nearest = &m;
        }
    }
    return nearest;
}

std::vector<QLineF> PointsLayer::measuredLinks() const
{
    std::vector<QLineF> lines;
    for (const QCPItemLine *line : m_links)
        if (line->visible())
            lines.emplace_back(line->start->coords(), line->end->coords());
    return lines;
}

} // namespace roofline
