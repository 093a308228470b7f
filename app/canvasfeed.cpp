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
    if (session.view)
        plot.setViewRange(*session.view); // redraws only if the frame moves
    else if (plot.isFrameFixed())
        plot.resetView();
}

} // namespace roofline
