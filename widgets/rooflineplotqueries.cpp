#include "rooflineplot.h"

#include "annotationlayer.h"
#include "bufferedplot.h"
#include "legendplacement.h"
#include "pointslayer.h"

#include "qcp.h"

// What the canvas shows and where, in pixels: the hit tests behind hovering and the context menu.

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

} // namespace roofline
