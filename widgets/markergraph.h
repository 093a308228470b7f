#pragma once

#include "qcp.h"

namespace roofline {

// One of the canvas's own kinds of QCustomPlot graph or item: it draws like its base class, only faster or within
// the chart's bounds; it holds no style of its own (the theme sets it) and knows nothing of roofs.
// A graph of many identical markers (measured kernels). On a raster painter each marker is a copy of one
// image of it, drawn on whole device pixels, rather than a path filled and stroked anew each time (tens of
// thousands of discs took a second a redraw). Vector exports draw them as shapes.
class MarkerGraph : public QCPGraph
{
public:
    explicit MarkerGraph(QCustomPlot *plot);

protected:
    void drawScatterPlot(QCPPainter *painter, const QVector<QPointF> &scatters, const QCPScatterStyle &style) const override;

private:
    mutable QImage m_marker;
    mutable double m_markerScale = 0;
    mutable bool m_markerAntialiased = false;
    mutable QPen m_markerPen;
    mutable QBrush m_markerBrush;
    mutable double m_markerSize = 0;
};

} // namespace roofline
