#include "rooflineplotprobe.h"

#include "annotationlayer.h"
#include "bufferedplot.h"
#include "pointslayer.h"
#include "roofslayer.h"
#include "titleblock.h"
#include "warningbox.h"

#include "qcp.h"

#include <QTransform>

namespace roofline {

std::vector<RooflinePlotProbe::LegendEntry> RooflinePlotProbe::legendEntries() const
{
    std::vector<LegendEntry> entries;
    for (int i = 0; i < m_face.m_plot->legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(m_face.m_plot->legend->item(i)))
            entries.push_back(LegendEntry { item->plottable()->name(), item->rect() });
    return entries;
}

std::vector<RooflinePlotProbe::RoofLabel> RooflinePlotProbe::roofLabels() const
{
    std::vector<RoofLabel> labels;
    for (const QCPItemText *text : m_face.m_roofs->labels()) {
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

RooflinePlotProbe::AnnotationShown RooflinePlotProbe::annotationShown(int index) const
{
    return AnnotationShown { m_face.m_annotations->shownText(index), m_face.m_annotations->shownBox(index) };
}

std::vector<QPointF> RooflinePlotProbe::currentMarkers() const
{
    std::vector<QPointF> markers;
    for (const auto &[x, y] : m_face.m_points->currentDrawn())
        markers.push_back(m_face.pixelOf(x, y));
    return markers;
}

std::vector<QPointF> RooflinePlotProbe::sweepMarkers() const
{
    std::vector<QPointF> markers;
    for (const auto &[x, y] : m_face.m_points->sweepDrawn())
        markers.push_back(m_face.pixelOf(x, y));
    return markers;
}

std::vector<QLineF> RooflinePlotProbe::measuredLinks() const
{
    std::vector<QLineF> lines = m_face.m_points->measuredLinks();
    for (QLineF &line : lines)
        line = QLineF(m_face.pixelOf(line.x1(), line.y1()), m_face.pixelOf(line.x2(), line.y2()));
    return lines;
}

QString RooflinePlotProbe::subtitleShown() const
{
    return m_face.m_titles->shownSubtitle();
}

QString RooflinePlotProbe::warningShown() const
{
    return m_face.m_warning->text();
}

QRectF RooflinePlotProbe::warningBox() const
{
    return m_face.m_warning->box();
}

QString RooflinePlotProbe::titleShown() const
{
    return m_face.m_titles->shownTitle();
}

} // namespace roofline
