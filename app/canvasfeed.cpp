#include "canvasfeed.h"

#include "rooflineplot.h"
#include "session.h"

namespace roofline {

void showOnCanvas(RooflinePlot &plot, const Session &session, const ChartData &chart)
{
    for (int i = 0; i < SeriesCount; ++i)
        plot.setSeriesVisible(static_cast<Series>(i), session.seriesVisible[std::size_t(i)]);
    plot.setShowAllCeilings(session.showAllCeilings);
    plot.setData(chart);
    plot.setAnnotations(session.annotations);
}

void showView(RooflinePlot &plot, const Session &session)
{
    if (session.view) {
        if (!(plot.viewRange() == *session.view))
            plot.setViewRange(*session.view);
    } else if (plot.isViewCustomised()) {
        plot.resetView();
    }
}

} // namespace roofline
