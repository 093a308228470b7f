#include "resultsmodel.h"

#include "explorerstate.h"

namespace roofline {

ResultsModel::ResultsModel(const ExplorerState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
{
    connect(state, &ExplorerState::changed, this, [this](StateParts parts) {
        if (parts & StatePart::Inputs)
            recompute(); // a label moved or a series hidden computes nothing
    });
    connect(state, &ExplorerState::phaseMapChoiceChanged, this, [this] {
        m_phaseMapStale = true;
        refreshPhaseMap();
    });
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

void ResultsModel::refreshPhaseMap()
{
    if (!m_phaseMapShown || !m_phaseMapStale)
        return;
    const PhaseMapChoice &choice = m_state->session().phaseMap;
    computePhaseMap(m_state->scenario(), choice.quantity, choice.series, PhaseMapCells, m_phaseMap);
    m_phaseMapStale = false;
    Q_EMIT phaseMapAvailable(m_phaseMap);
}

} // namespace roofline
