#include "markergraph.h"

#include <cmath>

namespace roofline {

MarkerGraph::MarkerGraph(QCustomPlot *plot)
    : QCPGraph(plot->xAxis, plot->yAxis)
{
}

void MarkerGraph::drawScatterPlot(QCPPainter *painter, const QVector<QPointF> &scatters, const QCPScatterStyle &style) const
{
    const QTransform world = painter->transform();
    if (painter->modes().testFlag(QCPPainter::pmVectorized) || painter->device()->devType() == QInternal::Picture
        || world.type() > QTransform::TxScale
        || !qFuzzyCompare(world.m11(), world.m22()) || scatters.size() < 32) {
        QCPGraph::drawScatterPlot(painter, scatters, style);
        return;
    }
    applyScattersAntialiasingHint(painter); // as QCPGraph does: plain markers while a slider is held
    const double scale = world.m11() * painter->device()->devicePixelRatioF();
    const bool antialiased = painter->antialiasing();
    const double centre = std::ceil(style.size() / 2 + style.pen().widthF()) + 1;
    if (m_marker.isNull() || m_markerScale != scale || m_markerAntialiased != antialiased || m_markerPen != style.pen()
        || m_markerBrush != style.brush() || m_markerSize != style.size()) {
        const int side = int(std::ceil(2 * centre * scale));
        m_marker = QImage(side, side, QImage::Format_ARGB32_Premultiplied);
        m_marker.setDevicePixelRatio(scale);
        m_marker.fill(Qt::transparent);
        QCPPainter marker(&m_marker);
        marker.setAntialiasing(antialiased);
        style.applyTo(&marker, style.pen());
        style.drawShape(&marker, QPointF(centre, centre));
        m_markerScale = scale;
        m_markerAntialiased = antialiased;
        m_markerPen = style.pen();
        m_markerBrush = style.brush();
        m_markerSize = style.size();
    }
    for (const QPointF &point : scatters)
        painter->drawImage(QPointF(std::round((point.x() - centre) * scale) / scale, std::round((point.y() - centre) * scale) / scale),
                           m_marker);
}

} // namespace roofline
