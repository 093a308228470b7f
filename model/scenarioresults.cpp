#include "scenarioresults.h"

#include <algorithm>

namespace roofline {

void ScenarioResults::recomputeScenario(const Scenario &scenario)
{
    evaluation = scenario.evaluate();
    // Every field but batch and sequence (the sweep's own replace them), including any added later.
    const auto sameBase = [](Workload a, const Workload &b) {
        a.batch = b.batch;
        a.seq = b.seq;
        return a == b;
    };
    const bool sweepUnchanged = m_sweepInputs && m_sweepInputs->spec == scenario.sweep
        && sameBase(m_sweepInputs->base, scenario.workload) && m_sweepInputs->efficiency == scenario.efficiency
        && m_sweepInputs->gpu == scenario.gpu && m_sweepInputs->model == scenario.model;
    if (!sweepUnchanged) {
        evaluateSweep(scenario.model, scenario.gpu, scenario.workload, scenario.sweep, sweep, scenario.efficiency);
        ++m_sweepEvaluations;
        m_sweepInputs = SweepInputs { scenario.model, scenario.gpu, scenario.workload, scenario.sweep, scenario.efficiency };
    }
    buildChartData(scenario, evaluation, sweep, chart);
}

void ScenarioResults::recompute(const Scenario &scenario)
{
    recomputeScenario(scenario);
    chart.pins = {};
    chart.pinNames.clear();
    m_pinInputs = {};
    chart.secondRoof.reset();
    chart.measured = {};
    measuredShares.clear();
    m_measuredInputs = {};
    m_measuredOps.clear();
}

void ScenarioResults::recompute(const Session &session)
{
    const Scenario now = session.scenario(); // copied once a step: the model's and GPU's names and tables
    recomputeScenario(now);
    if (!session.pins.sharesStorageWith(m_pinInputs)
        && !std::equal(session.pins.begin(), session.pins.end(), m_pinInputs.begin(), m_pinInputs.end())) {
        std::vector<ChartData::PinnedPoints> pins(session.pins.size());
        for (std::size_t i = 0; i < session.pins.size(); ++i) {
            pins[i].label = session.pins[i].label;
            appendSeriesPoints(session.pins[i].scenario.evaluate(), pins[i].points, session.pins[i].scenario.model);
            ++m_pinEvaluations;
        }
        chart.pins = std::move(pins);
    }
    m_pinInputs = session.pins;
    chart.pinNames.resize(session.pins.size());
    for (std::size_t i = 0; i < session.pins.size(); ++i)
        chart.pinNames[i] = pinLegendName(session.pins[i], now);

    // The kernels' places do not move with the workload; their shares move with the roofs, and which modelled
    // point each one measures with the set of ops (FlashAttention fuses two, a model may have other ops).
    bool sameOps = m_measuredOps.size() == chart.current.size();
    for (std::size_t i = 0; sameOps && i < chart.current.size(); ++i)
        sameOps = m_measuredOps[i] == std::pair(chart.current[i].op, chart.current[i].phase);
    if (!session.measured.sharesStorageWith(m_measuredInputs) || !sameOps
        || m_measuredRoof.peakFlopsPerSecond != evaluation.roof.peakFlopsPerSecond
        || m_measuredRoof.bandwidthBytesPerSecond != evaluation.roof.bandwidthBytesPerSecond) {
        std::vector<ChartData::MeasuredPoint> measured;
        measured.reserve(session.measured.size());
        for (const MeasuredKernel &k : session.measured) {
            ChartData::MeasuredPoint m;
            m.name = k.name;
            m.series = k.series.value_or(Series::None);
            m.phase = k.phase;
            m.op = k.op;
            m.intensity = k.intensity();
            m.achievedFlopsPerSecond = k.achievedFlopsPerSecond();
            m.seconds = k.seconds;
            m.flops = k.flops;
            const double attainable = evaluation.roof.attainable(m.intensity);
            m.shareOfRoof = attainable > 0.0 ? m.achievedFlopsPerSecond / attainable : 0.0;
            const ChartPoint *modelled = nullptr;
            if (k.op && k.phase)
                for (const ChartPoint &p : chart.current)
                    if (p.op == *k.op && p.phase == *k.phase)
                        modelled = &p;
            if (modelled) {
                m.modelled = ChartData::MeasuredPoint::Modelled { modelled->op, modelled->phase };
                if (m.series == Series::None)
                    m.series = modelled->series;
            }
            measured.push_back(std::move(m));
        }
        chart.measured = std::move(measured);
        measuredShares = measuredSharesByOp(chart.measured);
        m_measuredInputs = session.measured;
        m_measuredRoof = evaluation.roof;
        m_measuredOps.clear();
        for (const ChartPoint &p : chart.current)
            m_measuredOps.emplace_back(p.op, p.phase);
    }
    chart.secondRoof.reset();
    if (session.secondGpu) {
        // The roofs drawn beside the ops' own: with the ops placed on the second GPU, the other is the first.
        const GpuSpec &other = session.opsOnSecondGpu ? session.gpu : *session.secondGpu;
        chart.secondRoof = otherRoofOf(other, session.workload.computeType);
    }
}

} // namespace roofline
