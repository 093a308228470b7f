#include "canvasfeed.h"

#include "chartframe.h"
#include "explorerstate.h"
#include "resultsmodel.h"
#include "rooflineplot.h"
#include "session.h"

namespace roofline {

void feedCanvas(RooflinePlot *plot, const ExplorerState *state, const ResultsModel *results)
{
    QObject::connect(results, &ResultsModel::resultsAvailable, plot,
                     [plot, state](const ScenarioResults &now) { showOnCanvas(*plot, state->session(), now.chart); });
    QObject::connect(state, &ExplorerState::changed, plot,
                     [plot, state](StateParts parts) { showChangeOnCanvas(*plot, state->session(), parts); });
    QObject::connect(state, &ExplorerState::viewChanged, plot, [plot, state] { plot->setView(chartView(state->session())); });
}

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
