#include "rooflineplot.h"

#include "annotationlayer.h"
#include "canvas.h"
#include "legendplacement.h"
#include "plotitems.h"
#include "pointslayer.h"
#include "roofslayer.h"
#include "warningbox.h"

#include "qcp.h"

#include <QTransform>

// What the canvas shows and where, in pixels: the hit tests behind hovering and the context menu, and what
// the tests read (legend entries, roof labels, markers, annotations, the texts shown).

namespace roofline {

QWidget *RooflinePlot::canvasWidget() const
{
    return m_plot;
}

bool RooflinePlot::isLegendOutside() const
{
    return legendBelowFrame(*m_plot);
}

QPointF RooflinePlot::pixelOf(double intensity, double flopsPerSecond) const
{
    return QPointF(m_plot->xAxis->coordToPixel(intensity), m_plot->yAxis->coordToPixel(flopsPerSecond));
}

int RooflinePlot::annotationCount() const
{
    return m_annotations->count();
}

int RooflinePlot::annotationAt(const QPointF &position) const
{
    return m_annotations->at(position);
}

std::vector<const ChartPoint *> RooflinePlot::pointsAt(const QPointF &position) const
{
    return m_points->pointsAt(position);
}

const ChartPoint *RooflinePlot::pointAt(const QPointF &position) const
{
    const auto points = pointsAt(position);
    return points.empty() ? nullptr : points.front();
}

const ChartData::MeasuredPoint *RooflinePlot::measuredAt(const QPointF &position) const
{
    return m_points->measuredAt(position);
}

std::vector<RooflinePlot::LegendEntry> RooflinePlot::legendEntries() const
{
    std::vector<LegendEntry> entries;
    for (int i = 0; i < m_plot->legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(m_plot->legend->item(i)))
            entries.push_back(LegendEntry { item->plottable()->name(), item->rect() });
    return entries;
}

std::vector<RooflinePlot::RoofLabel> RooflinePlot::roofLabels() const
{
    std::vector<RoofLabel> labels;
    for (const QCPItemText *text : m_roofs->labels()) {
        // QCustomPlot gives the corners turned with the text: turned back about the anchor, they span its box.
        const QPointF anchor = text->position->pixelPosition();
        QTransform unturn;
        unturn.translate(anchor.x(), anchor.y());
        unturn.rotate(-text->rotation());
        unturn.translate(-anchor.x(), -anchor.y());
        labels.push_back(RoofLabel { text->text(), anchor, text->rotation(),
                                     QRectF(unturn.map(text->topLeft->pixelPosition()), unturn.map(text->bottomRight->pixelPosition())).normalized() });
    }
    return labels;
}

RooflinePlot::AnnotationShown RooflinePlot::annotationShown(int index) const
{
    return AnnotationShown { m_annotations->shownText(index), m_annotations->shownBox(index) };
}

std::vector<QPointF> RooflinePlot::currentMarkers() const
{
    std::vector<QPointF> markers;
    for (const auto &[x, y] : m_points->currentDrawn())
        markers.push_back(pixelOf(x, y));
    return markers;
}

std::vector<QPointF> RooflinePlot::sweepMarkers() const
{
    std::vector<QPointF> markers;
    for (const auto &[x, y] : m_points->sweepDrawn())
        markers.push_back(pixelOf(x, y));
    return markers;
}

std::vector<QLineF> RooflinePlot::measuredLinks() const
{
    std::vector<QLineF> lines = m_points->measuredLinks();
    for (QLineF &line : lines)
        line = QLineF(pixelOf(line.x1(), line.y1()), pixelOf(line.x2(), line.y2()));
    return lines;
}

QString RooflinePlot::subtitleShown() const
{
    return m_subtitleText->text();
}

QString RooflinePlot::warningShown() const
{
    return m_warning->text();
}

QRectF RooflinePlot::warningBox() const
{
    return m_warning->box();
}

QString RooflinePlot::titleShown() const
{
    return static_cast<const ElidedTextElement *>(m_title)->shown();
}

} // namespace roofline
