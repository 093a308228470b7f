#include "resultsmodel.h"

#include "explorerstate.h"

namespace roofline {

ResultsModel::ResultsModel(const ExplorerState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
{
    connect(state, &ExplorerState::scenarioChanged, this, &ResultsModel::recompute);
}

void ResultsModel::recompute()
{
    m_results.recompute(m_state->session());
    ++m_computations;
    m_phaseMapStale = true;
    Q_EMIT resultsAvailable(m_results);
    refreshPhaseMap();
}

void ResultsModel::setPhaseMapShown(bool shown)
{
    m_phaseMapShown = shown;
    refreshPhaseMap();
}

void ResultsModel::setPhaseMapChoice(GridQuantity quantity, Series series)
{
    if (quantity == m_phaseMapQuantity && series == m_phaseMapSeries)
        return;
    m_phaseMapQuantity = quantity;
    m_phaseMapSeries = series;
    m_phaseMapStale = true;
    refreshPhaseMap();
}

void ResultsModel::refreshPhaseMap()
{
    if (!m_phaseMapShown || !m_phaseMapStale)
        return;
    computePhaseMap(m_state->scenario(), m_phaseMapQuantity, m_phaseMapSeries, PhaseMapCells, m_phaseMap);
    m_phaseMapStale = false;
    Q_EMIT phaseMapAvailable(m_phaseMap);
}

} // namespace roofline
