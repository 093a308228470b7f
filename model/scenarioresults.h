#pragma once

#include "chartdata.h"
#include "evaluation.h"
#include "scenario.h"
#include "session.h"

#include <optional>
#include <utility>
#include <vector>

namespace roofline {

// Everything the window shows for one scenario, recomputed in place so that a slider step reuses the
// buffers of the last one.
// The sweep and the pins are evaluated again only when their inputs change: a batch or sequence step
// usually leaves them alone.
struct ScenarioResults {
    Evaluation evaluation;
    std::vector<Evaluation> sweep;
    ChartData chart;
    // How close chart.measured's kernels came to the roof, by op and phase (measuredSharesByOp), for the table.
    MeasuredShares measuredShares;

    void recompute(const Scenario &scenario);
    // The scenario of the session plus its pins, second GPU and measurements.
    void recompute(const Session &session);
    // How many times the sweep / a pin has been evaluated so far.
    int sweepEvaluations() const { return m_sweepEvaluations; }
    int pinEvaluations() const { return m_pinEvaluations; }

private:
    void recomputeScenario(const Scenario &scenario);

    // What the sweep was evaluated from; the base workload's batch and sequence do not count (the
    // sweep's own replace them).
    struct SweepInputs {
        ModelConfig model;
        GpuSpec gpu;
        Workload base;
        SweepSpec spec;
        Efficiency efficiency;
    };
    std::optional<SweepInputs> m_sweepInputs;
    SharedList<Pin> m_pinInputs; // what chart.pins was built from
    // What chart.measured was built from: the kernels, the published roofs (the share of the roof) and the ops
    // of the current point, in order (which of them a kernel measures).
    SharedList<MeasuredKernel> m_measuredInputs;
    Roofline m_measuredRoof;
    std::vector<std::pair<OpKind, Phase>> m_measuredOps;
    int m_sweepEvaluations = 0;
    int m_pinEvaluations = 0;
};

} // namespace roofline
