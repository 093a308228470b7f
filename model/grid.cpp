#include "grid.h"

#include "inputlimits.h"
#include "text.h"
#include "units.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace roofline {

bool gridQuantityUsesSeries(GridQuantity quantity)
{
    return quantity == GridQuantity::ComputeBoundShare;
}

std::string_view gridQuantityTitle(GridQuantity quantity)
{
    std::string_view name = gridQuantityName(quantity);
    if (constexpr std::string_view unit = " (s)"; name.ends_with(unit))
        name.remove_suffix(unit.size());
    return name;
}

std::string gridQuantityKeys()
{
    return choiceListOf(AllGridQuantities, [](GridQuantity q) { return GridQuantityNames.name(q); });
}

std::pair<double, double> PhaseMap::positiveRange() const
{
    double lowest = std::numeric_limits<double>::infinity(), highest = 0.0;
    for (const double v : values) {
        if (std::isfinite(v) && v > 0.0) {
            lowest = std::min(lowest, v);
            highest = std::max(highest, v);
        }
    }
    return highest > 0.0 ? std::pair(lowest, highest) : std::pair(0.0, 0.0);
}

std::pair<double, double> PhaseMap::fittingRange() const
{
    const std::size_t nx = grid.batches.size(), ny = grid.seqs.size();
    if (fitsBoundary.size() != nx || values.size() != nx * ny)
        return positiveRange();
    double lowest = std::numeric_limits<double>::infinity(), highest = 0.0;
    for (std::size_t j = 0; j < ny; ++j)
        for (std::size_t i = 0; i < nx; ++i) {
            const double v = values[j * nx + i];
            if (double(grid.seqs[j]) <= fitsBoundary[i].second && std::isfinite(v) && v > 0.0) {
                lowest = std::min(lowest, v);
                highest = std::max(highest, v);
            }
        }
    return highest > 0.0 ? std::pair(lowest, highest) : positiveRange();
}

std::optional<PhaseMap::Cell> PhaseMap::cellAt(double batch, double seq) const
{
    const std::size_t nx = grid.batches.size(), ny = grid.seqs.size();
    if (nx < 2 || ny < 2 || values.size() != nx * ny || !(batch > 0.0) || !(seq > 0.0) || !std::isfinite(batch)
        || !std::isfinite(seq))
        return std::nullopt;
    // The fractional index of a value among n log-spaced samples from lo to hi; a cell spans +-0.5 of its own.
    const auto index = [](double v, double lo, double hi, std::size_t n) -> std::optional<std::size_t> {
        const double at = std::log(v / lo) / std::log(hi / lo) * double(n - 1);
        if (!std::isfinite(at) || at < -0.5 || at > double(n) - 0.5)
            return std::nullopt;
        return std::min(std::size_t(std::max(0.0, std::round(at))), n - 1);
    };
    const auto i = index(batch, double(grid.batches.front()), double(grid.batches.back()), nx);
    const auto j = index(seq, double(grid.seqs.front()), double(grid.seqs.back()), ny);
    if (!i || !j)
        return std::nullopt;
    Cell cell { grid.batches[*i], grid.seqs[*j], values[*j * nx + *i], true };
    if (*i < fitsBoundary.size())
        cell.fits = double(cell.seq) <= fitsBoundary[*i].second;
    return cell;
}

std::string formatGridValue(GridQuantity quantity, double value)
{
    if (!std::isfinite(value))
        return "not computed";
    switch (quantity) {
    case GridQuantity::DecodeStepSeconds:
        return formatSiUnit(value, "s") + " per step";
    case GridQuantity::DecodeTokensPerSecond:
        return formatSi(value) + " tokens/s";
    case GridQuantity::PrefillSeconds:
        return formatSiUnit(value, "s") + " to first token";
    case GridQuantity::ComputeBoundShare:
        return formatNumber(value * 100.0, 'f', 0) + "% of the time compute-bound";
    case GridQuantity::MemoryFits:
        return value >= 0.5 ? "fits in memory" : "does not fit in memory";
    }
    return {};
}

std::string formatGridTick(GridQuantity quantity, double value)
{
    switch (quantity) {
    case GridQuantity::DecodeStepSeconds:
    case GridQuantity::PrefillSeconds:
        return formatDuration(value);
    case GridQuantity::DecodeTokensPerSecond:
        return formatRatio(value);
    case GridQuantity::ComputeBoundShare:
        return formatNumber(value * 100.0, 'f', 0) + "%";
    case GridQuantity::MemoryFits:
        return value >= 0.5 ? "fits" : "does not fit";
    }
    return {};
}

std::vector<double> logScaleTicks(double lowest, double highest)
{
    if (!(lowest > 0.0) || !(highest >= lowest) || !std::isfinite(highest))
        return {};
    const auto multiplesOf = [&](std::initializer_list<double> steps) {
        std::vector<double> ticks;
        for (int e = int(std::floor(std::log10(lowest))); e <= int(std::ceil(std::log10(highest))); ++e)
            for (const double step : steps)
                // Written as step x 10^e from the decimal text, so 0.2 is the double nearest 0.2, not 2 x 0.1.
                if (const double t = parseNumber(formatNumber(step, 'g', 1) + "e" + std::to_string(e)).value_or(0.0);
                    t >= lowest * (1 - 1e-12) && t <= highest * (1 + 1e-12))
                    ticks.push_back(t);
        return ticks;
    };
    std::vector<double> ticks = multiplesOf({ 1.0 });
    if (ticks.size() >= 3) {
        const std::size_t every = (ticks.size() + 5) / 6; // at most six
        std::vector<double> kept;
        for (std::size_t i = 0; i < ticks.size(); i += every)
            kept.push_back(ticks[i]);
        return kept;
    }
    if (ticks = multiplesOf({ 1.0, 2.0, 5.0 }); ticks.size() >= 3)
        return ticks;
    if (ticks = multiplesOf({ 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0 }); ticks.size() >= 2)
        return ticks;
    const auto rounded = [](double v) { return parseNumber(formatNumber(v, 'g', 3)).value_or(v); };
    return highest > lowest ? std::vector { rounded(lowest), rounded(highest) } : std::vector { rounded(lowest) };
}

bool gridQuantityIsLogScale(GridQuantity quantity)
{
    return quantity == GridQuantity::DecodeStepSeconds || quantity == GridQuantity::PrefillSeconds
        || quantity == GridQuantity::DecodeTokensPerSecond;
}

void computePhaseMap(const Scenario &scenario, GridQuantity quantity, Series series, std::size_t n, PhaseMap &out)
{
    n = std::clamp<std::size_t>(n, 2, 2000);
    if (out.grid.batches.size() != n) {
        // The sliders' ranges.
        out.grid.batches = GridSpec::logSpaced(std::int64_t(SliderBatchRange.min), std::int64_t(SliderBatchRange.max), n);
        out.grid.seqs = GridSpec::logSpaced(std::int64_t(SliderSeqRange.min), std::int64_t(SliderSeqRange.max), n);
    }
    out.quantity = quantity;
    out.series = series;
    out.batch = double(scenario.workload.batch);
    out.seq = double(scenario.workload.seq);
    evaluateGrid(scenario.model, scenario.gpu, scenario.workload, out.grid, quantity, series, out.values, scenario.efficiency);
    out.fitsBoundary.clear();
    for (const std::int64_t batch : out.grid.batches)
        out.fitsBoundary.emplace_back(double(batch), maxFittingSeq(scenario.model, scenario.workload, scenario.gpu.memoryBytes, batch));
}

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

PassTime passTime(const ModelConfig &model, const Workload &w, Phase phase, const Roofline &roof, const Roofline &timing,
                  Series series)
{
    PassTime t;
    const double ridge = roof.ridge();
    for (const OpCost &op : phaseCosts(model, w, phase)) {
        const double bytes = op.totalBytes();
        const double seconds = timing.time(op.flops, bytes) * op.repeat;
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

double maxFittingSeq(const ModelConfig &model, const Workload &workload, double capacityBytes, std::int64_t batch)
{
    const double weights = weightBytes(model, workload);
    const double perToken = 2.0 * double(model.layers) * double(batch) * double(model.kvHeads) * double(model.headDim)
        * bytesPerElement(workload.kvType);
    if (weights >= capacityBytes || perToken <= 0.0)
        return 0.0;
    const double room = capacityBytes - weights;
    const double seq = room / perToken;
    if (!model.hasSlidingWindow() || seq <= double(model.slidingWindow))
        return seq;
    // Past the window only the full-attention layers' caches grow; with none, any length fits.
    const double window = double(model.slidingWindow);
    const double fullShare = double(model.layers - std::min(model.windowedLayers, model.layers)) / double(model.layers);
    const double longest = double(SeqRange.max);
    return fullShare > 0.0 ? std::min(longest, window + (room - perToken * window) / (perToken * fullShare)) : longest;
}

void evaluateGrid(const ModelConfig &model, const GpuSpec &gpu, const Workload &base, const GridSpec &grid,
                  GridQuantity quantity, Series series, std::vector<double> &out, const Efficiency &efficiency)
{
    out.resize(grid.size());
    const Roofline roof = rooflineFor(gpu, base.computeType);
    const Roofline timing = efficiency.apply(roof);
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
                value = passTime(model, w, Phase::Decode, roof, timing, series).seconds;
                break;
            case GridQuantity::DecodeTokensPerSecond:
                value = double(batch) * w.acceptedPerStep() / passTime(model, w, Phase::Decode, roof, timing, series).seconds;
                break;
            case GridQuantity::PrefillSeconds:
                value = passTime(model, w, Phase::Prefill, roof, timing, series).seconds;
                break;
            case GridQuantity::ComputeBoundShare: {
                const PassTime t = passTime(model, w, prefillSeries ? Phase::Prefill : Phase::Decode, roof, timing, series);
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
