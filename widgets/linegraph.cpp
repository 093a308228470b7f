#include "linegraph.h"

namespace roofline {

LineGraph::LineGraph(QCustomPlot *plot)
    : QCPGraph(plot->xAxis, plot->yAxis)
{
}

void LineGraph::drawLinePlot(QCPPainter *painter, const QVector<QPointF> &lines) const
{
    if (painter->pen().style() == Qt::NoPen || painter->pen().color().alpha() == 0)
        return;
    applyDefaultAntialiasingHint(painter);
    for (qsizetype i = 1; i < lines.size(); ++i)
        painter->drawLine(QLineF(lines[i - 1], lines[i]));
}

} // namespace roofline
