#include "chartdata.h"

#include <cstdio>

namespace roofline {

std::string shortGpuName(const std::string &name)
{
    if (name.empty() || name.back() != ')')
        return name;
    int depth = 0;
    for (std::size_t i = name.size(); i-- > 0;) {
        if (name[i] == ')')
            ++depth;
        else if (name[i] == '(' && --depth == 0) {
            std::size_t end = i;
            while (end > 0 && name[end - 1] == ' ')
                --end;
            return end > 0 ? name.substr(0, end) : name;
        }
    }
    return name;
}

namespace {
void appendSeriesPoints(const Evaluation &e, std::vector<ChartPoint> &out)
{
    for (const PhaseResult *phase : { &e.prefill, &e.decode }) {
        for (const OpResult &op : *phase) {
            if (op.cost.series == Series::None)
                continue;
            out.push_back(ChartPoint { op.cost.series, op.cost.op, op.cost.phase, e.workload.batch, e.workload.seq,
                                       op.cost.flops, op.cost.totalBytes(), op.intensity, op.attainableFlopsPerSecond,
                                       op.bound, op.timeSeconds });
        }
    }
}

std::string printf(const char *format, double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}
}

void buildChartData(const Scenario &scenario, const Evaluation &current, const std::vector<Evaluation> &sweep,
                    ChartData &out)
{
    const Workload &w = current.workload;
    out.title = "Roofline Model (" + scenario.model.name + ", " + shortGpuName(scenario.gpu.name) + ")";
    out.subtitle = scenario.gpu.name + ": " + printf("%g GB/s", current.roof.bandwidthBytesPerSecond / 1e9) + ", "
        + printf("%g TFLOP/s ", current.roof.peakFlopsPerSecond / 1e12) + std::string(computeTypeName(w.computeType))
        + "  ·  batch " + std::to_string(w.batch) + ", sequence " + std::to_string(w.seq) + "  ·  weights "
        + std::string(dtypeName(w.weightType)) + ", KV " + std::string(dtypeName(w.kvType))
        + (w.flashAttention ? "  ·  FlashAttention" : "")
        + (w.tokensPerStep > 1 ? "  ·  " + std::to_string(w.tokensPerStep) + " tokens/step" : "");
    out.roof = current.roof;
    out.bandwidthLabel = printf("%gGB/s", current.roof.bandwidthBytesPerSecond / 1e9);
    out.peakLabel = printf("%g TFLOP/s", current.roof.peakFlopsPerSecond / 1e12);
    out.ridgeLabel = printf("ridge %.1f FLOP/B", current.roof.ridge());
    out.current.clear();
    appendSeriesPoints(current, out.current);
    out.sweep.clear();
    for (const Evaluation &e : sweep)
        appendSeriesPoints(e, out.sweep);
}

void ScenarioResults::recompute(const Scenario &scenario)
{
    evaluation = scenario.evaluate();
    evaluateSweep(scenario.model, scenario.gpu, scenario.workload, scenario.sweep, sweep);
    buildChartData(scenario, evaluation, sweep, chart);
    chart.pins.clear();
    chart.secondRoof.reset();
}

void ScenarioResults::recompute(const Session &session)
{
    recompute(session.scenario());
    chart.pins.resize(session.pins.size());
    for (std::size_t i = 0; i < session.pins.size(); ++i) {
        chart.pins[i].label = session.pins[i].label;
        chart.pins[i].points.clear();
        appendSeriesPoints(session.pins[i].scenario.evaluate(), chart.pins[i].points);
    }
    if (session.secondGpu) {
        // The roofs drawn beside the ops' own: with the ops placed on the second GPU, the other is the first.
        const GpuSpec &other = session.opsOnSecondGpu ? session.gpu : *session.secondGpu;
        ChartData::OtherRoof roof;
        roof.name = shortGpuName(other.name);
        roof.roof = rooflineFor(other, session.workload.computeType);
        roof.bandwidthLabel = roof.name + ": " + printf("%gGB/s", roof.roof.bandwidthBytesPerSecond / 1e9);
        roof.peakLabel = roof.name + ": " + printf("%g TFLOP/s", roof.roof.peakFlopsPerSecond / 1e12);
        chart.secondRoof = roof;
    }
}

} // namespace roofline
