#pragma once

#include "qcp.h"

namespace roofline {

// One of the canvas's own kinds of QCustomPlot graph or item: it draws like its base class, only faster or within
// the chart's bounds; it holds no style of its own (the theme sets it) and knows nothing of roofs.
// A roof or ceiling: a graph of straight segments (one, in practice). Drawn as separate lines rather than
// QCustomPlot's polyline: for a single dashed line Qt's raster engine uses its own line rasteriser, which is
// several times faster than the general path stroker a dashed polyline goes through.
class LineGraph : public QCPGraph
{
public:
    explicit LineGraph(QCustomPlot *plot);

protected:
    void drawLinePlot(QCPPainter *painter, const QVector<QPointF> &lines) const override;
};

} // namespace roofline
