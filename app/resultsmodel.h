#pragma once

#include "scenarioresults.h"
#include "grid.h"

#include <QObject>

namespace roofline {

class ExplorerState;

// The one place results are computed for the window: when the state's inputs change it recomputes them
// (ScenarioResults reuses what did not change) and hands them, typed, to whoever subscribed: the canvas, the
// op table and the summary. The phase map is computed too while it is shown (a slider step on the roofline
// does not pay for it), for the quantity and series chosen. Views never compute; the state never sees results.
class ResultsModel : public QObject
{
    Q_OBJECT
public:
    explicit ResultsModel(const ExplorerState *state, QObject *parent = nullptr);

    const ScenarioResults &results() const { return m_results; }
    // How many times the results were computed, for tests that count the work of a step.
    int computations() const { return m_computations; }
    // Computes the results for the state as it is now and announces them.
    void recompute();

    // Whether the phase map is wanted (its view is shown). Computed, and announced, now if it is wanted and was
    // not computed for the state's scenario and choice (Session::phaseMap) yet.
    void setPhaseMapShown(bool shown);
    // The last map computed (PhaseMapCells a side).
    const PhaseMap &phaseMap() const { return m_phaseMap; }

Q_SIGNALS:
    void resultsAvailable(const roofline::ScenarioResults &results);
    void phaseMapAvailable(const roofline::PhaseMap &map);

private:
    const ExplorerState *m_state;
    void refreshPhaseMap();

    ScenarioResults m_results;
    int m_computations = 0;
    PhaseMap m_phaseMap;
    bool m_phaseMapShown = false;
    bool m_phaseMapStale = true;
};

} // namespace roofline
