#include "grid.h"

#include <cmath>

namespace roofline {

std::vector<std::int64_t> GridSpec::logSpaced(std::int64_t lo, std::int64_t hi, std::size_t n)
{
    std::vector<std::int64_t> values;
    if (n == 0 || lo < 1 || hi < lo)
        return values;
    values.reserve(n);
    const double step = n > 1 ? std::log(double(hi) / double(lo)) / double(n - 1) : 0.0;
    for (std::size_t i = 0; i < n; ++i)
        values.push_back(std::max<std::int64_t>(1, std::llround(double(lo) * std::exp(step * double(i)))));
    return values;
}

namespace {
// Time of one pass and, for one series, the time spent compute-bound.
struct PassTime {
    double seconds = 0.0;
    double seriesSeconds = 0.0;
    double seriesComputeSeconds = 0.0;
};

PassTime passTime(const ModelConfig &model, const Workload &w, Phase phase, const Roofline &roof, Series series)
{
    PassTime t;
    const double ridge = roof.ridge();
    for (const OpCost &op : phaseCosts(model, w, phase)) {
        const double bytes = op.totalBytes();
        const double seconds = roof.time(op.flops, bytes) * op.repeat;
        t.seconds += seconds;
        if (op.series == series) {
            t.seriesSeconds += seconds;
            if (op.flops >= ridge * bytes)
                t.seriesComputeSeconds += seconds;
        }
    }
    return t;
}
}

void evaluateGrid(const ModelConfig &model, const GpuSpec &gpu, const Workload &base, const GridSpec &grid,
                  GridQuantity quantity, Series series, std::vector<double> &out)
{
    out.resize(grid.size());
    const Roofline roof = rooflineFor(gpu, base.computeType);
    const bool prefillSeries = series == Series::QkvMlpInit || series == Series::UpGateDownInit || series == Series::QkPvInit;
    Workload w = base;
    std::size_t i = 0;
    for (const std::int64_t seq : grid.seqs) {
        w.seq = seq;
        for (const std::int64_t batch : grid.batches) {
            w.batch = batch;
            double value = 0.0;
            switch (quantity) {
            case GridQuantity::DecodeStepSeconds:
                value = passTime(model, w, Phase::Decode, roof, series).seconds;
                break;
            case GridQuantity::DecodeTokensPerSecond:
                value = double(batch) * double(w.tokensPerStep) / passTime(model, w, Phase::Decode, roof, series).seconds;
                break;
            case GridQuantity::PrefillSeconds:
                value = passTime(model, w, Phase::Prefill, roof, series).seconds;
                break;
            case GridQuantity::ComputeBoundShare: {
                const PassTime t = passTime(model, w, prefillSeries ? Phase::Prefill : Phase::Decode, roof, series);
                value = t.seriesSeconds > 0.0 ? t.seriesComputeSeconds / t.seriesSeconds : 0.0;
                break;
            }
            case GridQuantity::MemoryFits:
                value = memoryFootprint(model, w, gpu.memoryBytes).fits() ? 1.0 : 0.0;
                break;
            }
            out[i++] = value;
        }
    }
}

} // namespace roofline
