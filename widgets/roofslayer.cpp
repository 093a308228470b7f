#include "roofslayer.h"

#include "chartframe.h"
#include "charttheme.h"
#include "linegraph.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace roofline {

namespace {
QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

bool sameRoof(const Roofline &a, const Roofline &b)
{
    return a.peakFlopsPerSecond == b.peakFlopsPerSecond && a.bandwidthBytesPerSecond == b.bandwidthBytesPerSecond;
}

void setSegment(QCPGraph *graph, const std::optional<Segment> &segment)
{
    graph->data()->clear();
    if (segment)
        graph->setData({ segment->x1, segment->x2 }, { segment->y1, segment->y2 }, true);
}

void showInLegend(QCPGraph *graph, bool shown)
{
    if (shown)
        graph->addToLegend();
    else
        graph->removeFromLegend();
}

QCPItemText *roofLabel(QCustomPlot *plot, Qt::Alignment alignment)
{
    auto *label = new QCPItemText(plot);
    label->setPositionAlignment(alignment);
    label->setSelectable(false);
    label->setClipToAxisRect(true);
    label->position->setType(QCPItemPosition::ptPlotCoords);
    return label;
}
} // namespace

RoofsLayer::RoofsLayer(QCustomPlot *plot, const ChartView &view, const ChartTheme &theme)
    : m_view(view)
    , m_theme(theme)
    , m_plot(plot)
{
    m_memoryRoof = new LineGraph(plot);
    m_computeRoof = new LineGraph(plot);
    // A second GPU's roofs: with their own legend entries while shown.
    m_secondMemoryRoof = new LineGraph(plot);
    m_secondComputeRoof = new LineGraph(plot);
    m_practicalMemory = new LineGraph(plot);
    m_practicalCompute = new LineGraph(plot);
    for (QCPGraph *roof : { m_memoryRoof, m_computeRoof, m_secondMemoryRoof, m_secondComputeRoof, m_practicalMemory, m_practicalCompute })
        roof->setSelectable(QCP::stNone);
    for (QCPGraph *roof : { m_secondMemoryRoof, m_secondComputeRoof, m_practicalMemory, m_practicalCompute })
        roof->removeFromLegend();
    for (int i = 0; i < ComputeTypeCount; ++i) {
        QCPGraph *ceiling = new LineGraph(plot);
        ceiling->removeFromLegend();
        ceiling->setSelectable(QCP::stNone);
        m_ceilingGraphs.push_back(ceiling);
        QCPItemText *label = roofLabel(plot, Qt::AlignRight | Qt::AlignBottom);
        label->setVisible(false);
        m_ceilingTexts.push_back(label);
    }
    m_secondRidge = new QCPItemLine(plot);
    m_secondRidge->setSelectable(false);
    m_secondRidge->setVisible(false);
    m_ridgeLine = new QCPItemLine(plot);
    m_ridgeLine->setSelectable(false);
    m_ridgeText = roofLabel(plot, Qt::AlignLeft | Qt::AlignBottom);
    m_secondRidgeText = roofLabel(plot, Qt::AlignLeft | Qt::AlignBottom);
    m_secondRidgeText->setVisible(false);
    m_bandwidthText = roofLabel(plot, Qt::AlignHCenter | Qt::AlignBottom);
    m_peakText = roofLabel(plot, Qt::AlignRight | Qt::AlignBottom);
}

bool RoofsLayer::setData(const ChartData &data)
{
    const auto sameOther = [](const ChartData::OtherRoof &x, const ChartData::OtherRoof &y) {
        return sameRoof(x.roof, y.roof) && x.bandwidthLabel == y.bandwidthLabel && x.peakLabel == y.peakLabel
            && x.ridgeLabel == y.ridgeLabel;
    };
    const auto sameCeiling = [](const ChartData::Ceiling &x, const ChartData::Ceiling &y) {
        return x.label == y.label && x.flopsPerSecond == y.flopsPerSecond && x.ridge == y.ridge && x.active == y.active;
    };
    const Roofs &r = m_roofs;
    const bool same = sameRoof(r.roof, data.roof) && r.bandwidthLabel == data.bandwidthLabel && r.peakLabel == data.peakLabel
        && r.ridgeLabel == data.ridgeLabel && r.practicalLabel == data.practicalLabel
        && r.secondRoof.has_value() == data.secondRoof.has_value() && (!r.secondRoof || sameOther(*r.secondRoof, *data.secondRoof))
        && r.practicalRoof.has_value() == data.practicalRoof.has_value()
        && (!r.practicalRoof || sameRoof(*r.practicalRoof, *data.practicalRoof))
        && std::equal(r.ceilings.begin(), r.ceilings.end(), data.ceilings.begin(), data.ceilings.end(), sameCeiling);
    if (same && m_hasData)
        return false;
    m_hasData = true;
    m_roofs = Roofs { data.roof,       data.bandwidthLabel, data.peakLabel,     data.ridgeLabel,
                      data.practicalLabel, data.secondRoof, data.practicalRoof, data.ceilings };
    m_memoryRoof->setName(qs(data.bandwidthLabel));
    m_computeRoof->setName(qs(data.peakLabel));
    m_ridgeText->setText(qs(data.ridgeLabel));
    m_bandwidthText->setText(qs(data.bandwidthLabel));
    m_peakText->setText(qs(data.peakLabel));
    const bool second = data.secondRoof.has_value();
    m_secondMemoryRoof->setVisible(second);
    m_secondComputeRoof->setVisible(second);
    m_secondMemoryRoof->setName(second ? qs(data.secondRoof->bandwidthLabel) : QString());
    m_secondComputeRoof->setName(second ? qs(data.secondRoof->peakLabel) : QString());
    m_secondRidgeText->setText(second ? qs(data.secondRoof->ridgeLabel) : QString());
    showInLegend(m_secondMemoryRoof, second);
    showInLegend(m_secondComputeRoof, second);
    const bool practical = data.practicalRoof.has_value();
    m_practicalMemory->setVisible(practical);
    m_practicalCompute->setVisible(practical);
    m_practicalMemory->setName(qs(data.practicalLabel));
    showInLegend(m_practicalMemory, practical);
    for (std::size_t i = 0; i < m_ceilingTexts.size(); ++i)
        m_ceilingTexts[i]->setText(i < data.ceilings.size() ? qs(data.ceilings[i].label) : QString());
    return true;
}

void RoofsLayer::applyTheme()
{
    const ChartTheme &theme = m_theme;
    m_memoryRoof->setPen(theme.memoryRoof);
    m_computeRoof->setPen(theme.computeRoof);
    m_practicalMemory->setPen(theme.practicalMemoryRoof);
    m_practicalCompute->setPen(theme.practicalComputeRoof);
    m_secondMemoryRoof->setPen(theme.secondMemoryRoof);
    m_secondComputeRoof->setPen(theme.secondComputeRoof);
    m_secondRidge->setPen(theme.secondRidge);
    m_ridgeLine->setPen(theme.ridge);
    for (QCPGraph *ceiling : m_ceilingGraphs)
        ceiling->setPen(theme.ceiling);
    // Each label's distance from its line, grown with the text.
    for (QCPItemText *label : m_ceilingTexts) {
        label->setFont(theme.font);
        label->setColor(theme.mutedText);
        label->setPadding(theme.ceilingLabelPadding);
    }
    m_ridgeText->setPadding(theme.ridgeLabelPadding);
    m_secondRidgeText->setPadding(theme.ridgeLabelPadding);
    m_bandwidthText->setPadding(theme.bandwidthLabelPadding);
    m_peakText->setPadding(theme.peakLabelPadding);
    m_ridgeText->setColor(theme.ridgeLabel);
    m_secondRidgeText->setColor(theme.secondRidge.color());
    m_bandwidthText->setColor(theme.bandwidthLabel);
    m_peakText->setColor(theme.peakLabel);
    for (QCPItemText *text : { m_ridgeText, m_secondRidgeText, m_bandwidthText, m_peakText })
        text->setFont(theme.font);
}

double RoofsLayer::ridgeFloor(double ridge, const ViewRange &frame) const
{
    const QRect legend = m_plot->legend->visible() ? m_plot->legend->outerRect() : QRect();
    const double pixel = m_plot->xAxis->coordToPixel(ridge);
    if (legend.isValid() && pixel >= legend.left() && pixel <= legend.right())
        return std::clamp(m_plot->yAxis->pixelToCoord(legend.top()), frame.yMin, frame.yMax);
    return frame.yMin;
}

void RoofsLayer::placeRidgeLabel(QCPItemText *text, double ridge, double floor, const std::vector<QRectF> &taken)
{
    const QRectF axes = m_plot->axisRect()->rect();
    const auto box = [text] { return QRectF(text->topLeft->pixelPosition(), text->bottomRight->pixelPosition()); };
    const auto clear = [&](const QRectF &r) {
        return axes.contains(r) && std::none_of(taken.begin(), taken.end(), [&](const QRectF &t) { return t.intersects(r); });
    };
    text->position->setCoords(ridge, floor);
    for (const Qt::Alignment side : { Qt::AlignLeft, Qt::AlignRight }) {
        text->setPositionAlignment(side | Qt::AlignBottom);
        if (clear(box()))
            return;
    }
    // Both sides cover something: just above the highest box it would cover, to the right of the line or, if
    // that runs out of the axes, to the left.
    for (const Qt::Alignment side : { Qt::AlignLeft, Qt::AlignRight }) {
        text->setPositionAlignment(side | Qt::AlignBottom);
        text->position->setCoords(ridge, floor);
        const QRectF at = box(); // laid out once, not once per box it is checked against
        double bottom = at.bottom();
        for (const QRectF &t : taken)
            if (t.left() < at.right() && t.right() > at.left())
                bottom = std::min(bottom, t.top() - 1);
        text->position->setCoords(ridge, m_plot->yAxis->pixelToCoord(bottom));
        if (axes.contains(box()))
            return;
    }
}

void RoofsLayer::fit(const ViewRange &frame)
{
    // The published roofs drawn full length, dashed, as in the seed chart; the ridge ends where it meets them.
    const Roofline &roof = m_roofs.roof;
    const bool valid = usableRoof(roof);
    m_ridgeLine->setVisible(valid);
    setSegment(m_memoryRoof, valid ? memoryRoofIn(roof.bandwidthBytesPerSecond, frame, frame.xMax) : std::nullopt);
    setSegment(m_computeRoof, valid ? computeRoofIn(roof.peakFlopsPerSecond, frame, frame.xMin) : std::nullopt);
    if (valid) {
        m_ridgeLine->start->setCoords(roof.ridge(), ridgeFloor(roof.ridge(), frame));
        m_ridgeLine->end->setCoords(roof.ridge(), frame.yMax);
    }

    // The practical roofs follow the NERSC convention (bandwidth stops at the ridge, compute starts there),
    // so the pair reads as one lighter roofline under the published one.
    const bool practical = m_roofs.practicalRoof && usableRoof(*m_roofs.practicalRoof);
    const Roofline &p = practical ? *m_roofs.practicalRoof : roof;
    setSegment(m_practicalMemory, practical ? memoryRoofIn(p.bandwidthBytesPerSecond, frame, p.ridge()) : std::nullopt);
    setSegment(m_practicalCompute, practical ? computeRoofIn(p.peakFlopsPerSecond, frame, p.ridge()) : std::nullopt);

    const std::vector<bool> own = ceilingsOfTheirOwn(m_roofs.ceilings, roof.peakFlopsPerSecond);
    for (std::size_t i = 0; i < m_ceilingGraphs.size(); ++i) {
        const bool listed = m_view.allCeilings && i < own.size() && own[i];
        const auto line = listed ? computeRoofIn(m_roofs.ceilings[i].flopsPerSecond, frame, m_roofs.ceilings[i].ridge) : std::nullopt;
        const bool shown = listed && m_roofs.ceilings[i].flopsPerSecond >= frame.yMin && m_roofs.ceilings[i].flopsPerSecond <= frame.yMax;
        setSegment(m_ceilingGraphs[i], line);
        m_ceilingGraphs[i]->setVisible(shown);
        m_ceilingTexts[i]->setVisible(shown);
        if (shown)
            m_ceilingTexts[i]->position->setCoords(frame.xMax, m_roofs.ceilings[i].flopsPerSecond);
    }

    const bool second = m_roofs.secondRoof && usableRoof(m_roofs.secondRoof->roof);
    const Roofline &other = second ? m_roofs.secondRoof->roof : roof;
    setSegment(m_secondMemoryRoof, second ? memoryRoofIn(other.bandwidthBytesPerSecond, frame, frame.xMax) : std::nullopt);
    setSegment(m_secondComputeRoof, second ? computeRoofIn(other.peakFlopsPerSecond, frame, frame.xMin) : std::nullopt);
    m_secondRidge->setVisible(second && other.ridge() >= frame.xMin && other.ridge() <= frame.xMax);
    if (m_secondRidge->visible()) {
        // Up to the corner of its roofs only.
        m_secondRidge->start->setCoords(other.ridge(), ridgeFloor(other.ridge(), frame));
        m_secondRidge->end->setCoords(other.ridge(), std::min(frame.yMax, other.peakFlopsPerSecond));
    }
}

std::vector<const QCPItemText *> RoofsLayer::labels() const
{
    std::vector<const QCPItemText *> shown;
    for (const QCPItemText *text : { m_ridgeText, m_secondRidgeText, m_bandwidthText, m_peakText })
        if (text->visible())
            shown.push_back(text);
    for (const QCPItemText *text : m_ceilingTexts)
        if (text->visible())
            shown.push_back(text);
    return shown;
}

void RoofsLayer::placePeakLabel(const ViewRange &frame, const std::vector<std::pair<double, double>> &markers)
{
    // Above the compute roof at the right edge, or under it where the frame's top would cut it; where markers on
    // the roof lie under it there (a sweep's compute-bound points), under the roof, or further left along it, a
    // tenth of a decade at a time, down to the ridge.
    const double peak = m_roofs.roof.peakFlopsPerSecond;
    const QRectF axes = QRectF(m_plot->axisRect()->rect()).adjusted(-1, -1, 1, 1);
    const double reach = m_theme.markerRadius();
    std::vector<QPointF> near;
    for (const auto &[x, y] : markers)
        if (x > 0.0 && y > 0.0 && std::fabs(std::log10(y / peak)) < 0.5)
            near.emplace_back(m_plot->xAxis->coordToPixel(x), m_plot->yAxis->coordToPixel(y));
    const auto box = [this] { return QRectF(m_peakText->topLeft->pixelPosition(), m_peakText->bottomRight->pixelPosition()); };
    // Right of the ridge's line, so that neither the line nor the memory roof's climb runs through the text.
    const double ridgeX = m_plot->xAxis->coordToPixel(m_roofs.roof.ridge()) + reach;
    const auto covered = [&] {
        const QRectF b = box();
        if (!axes.contains(b) || b.left() < ridgeX)
            return std::numeric_limits<std::size_t>::max();
        return std::size_t(std::count_if(near.begin(), near.end(), [&](const QPointF &p) { return b.adjusted(-reach, -reach, reach, reach).contains(p); }));
    };
    // Where every place covers some marker, the one covering fewest.
    std::optional<std::pair<double, Qt::Alignment>> best;
    std::size_t fewest = std::numeric_limits<std::size_t>::max();
    const double leftmost = std::max(frame.xMin, m_roofs.roof.ridge());
    for (double x = frame.xMax; x >= leftmost; x /= std::pow(10.0, 0.1)) {
        m_peakText->position->setCoords(x, peak);
        for (const Qt::Alignment side : { Qt::AlignBottom, Qt::AlignTop }) {
            m_peakText->setPositionAlignment(Qt::AlignRight | side);
            const std::size_t count = covered();
            if (count == 0)
                return;
            if (count < fewest) {
                fewest = count;
                best = std::pair(x, side);
            }
        }
    }
    if (best) {
        m_peakText->position->setCoords(best->first, peak);
        m_peakText->setPositionAlignment(Qt::AlignRight | best->second);
        return;
    }
    // Nowhere inside the frame: at the right edge, inside it if it can.
    m_peakText->position->setCoords(frame.xMax, peak);
    m_peakText->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    if (box().top() < axes.top())
        m_peakText->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
}

void RoofsLayer::placeLabels(const ViewRange &frame, const std::vector<std::pair<double, double>> &markers,
                             const std::vector<QRectF> &notes)
{
    const Roofline &roof = m_roofs.roof;
    const bool valid = usableRoof(roof);
    for (QCPItemText *text : { m_ridgeText, m_bandwidthText, m_peakText })
        text->setVisible(valid);
    if (!valid)
        return;
    // The ridges' labels at the feet of their lines, off the legend, the notes and labels, and each other.
    std::vector<QRectF> taken = notes;
    if (m_plot->legend->visible())
        taken.emplace_back(m_plot->legend->outerRect());
    placeRidgeLabel(m_ridgeText, roof.ridge(), m_ridgeLine->start->coords().y(), taken);
    taken.emplace_back(QRectF(m_ridgeText->topLeft->pixelPosition(), m_ridgeText->bottomRight->pixelPosition()));
    m_secondRidgeText->setVisible(m_secondRidge->visible());
    if (m_secondRidge->visible())
        placeRidgeLabel(m_secondRidgeText, m_secondRidge->start->coords().x(), m_secondRidge->start->coords().y(), taken);
    placePeakLabel(frame, markers);
    // The bandwidth label sits on the visible part of the memory roof, turned to the line's angle on screen,
    // where no marker drawn on the roof lies under it.
    const auto visible = memoryRoofIn(roof.bandwidthBytesPerSecond, frame, roof.ridge());
    if (!visible) {
        m_bandwidthText->setVisible(false);
        return;
    }
    const double x1 = m_plot->xAxis->coordToPixel(visible->x1), y1 = m_plot->yAxis->coordToPixel(visible->y1);
    const double x2 = m_plot->xAxis->coordToPixel(visible->x2), y2 = m_plot->yAxis->coordToPixel(visible->y2);
    const double angle = std::atan2(y2 - y1, x2 - x1);
    std::vector<double> onRoof;
    for (const auto &[x, y] : markers)
        if (x > 0.0 && y > 0.0 && x <= roof.ridge() && std::fabs(std::log10(y / roof.attainable(x))) < 0.01)
            onRoof.push_back(x);
    // Half the label's run along x, and a marker's reach, in decades of x.
    const double pixelsPerDecade = std::fabs(x2 - x1) / std::log10(visible->x2 / visible->x1);
    const double halfRun = QFontMetricsF(m_bandwidthText->font()).horizontalAdvance(m_bandwidthText->text()) / 2.0 * std::fabs(std::cos(angle));
    const double halfSpan = pixelsPerDecade > 0.0 ? (halfRun + m_theme.markerRadius()) / pixelsPerDecade : 0.0;
    const auto at = bandwidthLabelIntensity(roof, frame, onRoof, halfSpan);
    m_bandwidthText->setVisible(at.has_value());
    if (!at)
        return;
    m_bandwidthText->position->setCoords(*at, roof.attainable(*at));
    m_bandwidthText->setRotation(qRadiansToDegrees(angle));
}

} // namespace roofline
