#include "canvasfeed.h"

#include "chartframe.h"
#include "rooflineplot.h"
#include "session.h"

namespace roofline {

void showOnCanvas(RooflinePlot &plot, const Session &session, const ChartData &chart)
{
    plot.setView(chartView(session));
    plot.setData(chart);
    plot.setAnnotations(session.annotations);
}

} // namespace roofline
