#pragma once

#include "chartdata.h"

#include <QObject>

namespace roofline {

class ExplorerState;
class RooflinePlot;
struct Session;

// The one place results are computed for the window: when the state's scenario changes it recomputes them
// (ScenarioResults reuses what did not change) and hands them, typed, to whoever subscribed: the canvas, the
// op table and the summary. Views never compute; the state never sees results.
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

Q_SIGNALS:
    void resultsAvailable(const roofline::ScenarioResults &results);

private:
    const ExplorerState *m_state;
    ScenarioResults m_results;
    int m_computations = 0;
};

// What the canvas takes from a session besides the results: which series show, whether every ceiling is
// drawn, the labels and notes. The frame is the view's own (showView). The window and the headless export
// both draw through this, so they show the same chart.
void showOnCanvas(RooflinePlot &plot, const Session &session, const ChartData &chart);
// The session's frame on the canvas: its stored range, or the fitted frame when it has none.
void showView(RooflinePlot &plot, const Session &session);

} // namespace roofline
