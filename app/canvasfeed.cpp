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

void showChangeOnCanvas(RooflinePlot &plot, const Session &session, StateParts parts)
{
    if (parts & StatePart::Inputs)
        return;
    if (parts & StatePart::Look)
        plot.setView(chartView(session));
    if (parts & StatePart::Annotations)
        plot.setAnnotations(session.annotations);
}

} // namespace roofline
