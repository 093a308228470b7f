#pragma once

#include "evaluation.h"
#include "nametable.h"
#include "scenario.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace roofline {

// What a phase map colours each (batch, sequence length) cell by.
enum class GridQuantity {
    DecodeStepSeconds, // time of one decode step, all layers and the LM head
    DecodeTokensPerSecond, // tokens generated per second over the batch
    PrefillSeconds, // time to first token
    ComputeBoundShare, // of the chosen series' time, the share spent in compute-bound ops (0 memory .. 1 compute)
    MemoryFits, // 1 when weights + KV cache fit in the GPU's memory, else 0
};

// A grid of workloads over batch (columns) and sequence length (rows).
struct GridSpec {
    std::vector<std::int64_t> batches;
    std::vector<std::int64_t> seqs;

    // n values from `lo` to `hi`, spaced evenly on a log scale and rounded to whole numbers.
    static std::vector<std::int64_t> logSpaced(std::int64_t lo, std::int64_t hi, std::size_t n);
    std::size_t size() const { return batches.size() * seqs.size(); }
};

// Evaluates `quantity` at every cell: out[row * batches + column], row = sequence index. `series` picks
// the series for ComputeBoundShare. `out` is resized and reused.
void evaluateGrid(const ModelConfig &model, const GpuSpec &gpu, const Workload &base, const GridSpec &grid,
                  GridQuantity quantity, Series series, std::vector<double> &out, const Efficiency &efficiency = {});

// Each quantity's name on the command line and in sessions ("decode_step_s", ...) and what the phase map's CSV
// calls it ("decode time per step (s)", ...), in the picker's order.
inline constexpr NameTable<GridQuantity, 5> GridQuantityNames {
    { { { GridQuantity::DecodeStepSeconds, "decode_step_s", "decode time per step (s)" },
        { GridQuantity::DecodeTokensPerSecond, "tokens_per_s", "decode tokens/s" },
        { GridQuantity::PrefillSeconds, "ttft_s", "time to first token (s)" },
        { GridQuantity::ComputeBoundShare, "compute_bound_share", "share of the series' time compute-bound" },
        { GridQuantity::MemoryFits, "fits", "fits in memory" } } }
};
inline constexpr std::array<GridQuantity, 5> AllGridQuantities = GridQuantityNames.values();
inline std::string_view gridQuantityName(GridQuantity quantity)
{
    return GridQuantityNames.label(quantity);
}
// What the window calls it, where the colour scale's ticks carry the unit: the name without "(s)".
std::string_view gridQuantityTitle(GridQuantity quantity);
// Whether a quantity is of one series (the compute-bound share is; times, tokens/s and fitting are of the whole
// model).
bool gridQuantityUsesSeries(GridQuantity quantity);
// "decode_step_s, tokens_per_s, ttft_s, compute_bound_share or fits", for messages.
std::string gridQuantityKeys();
// True for the quantities that span decades over the grid (times, tokens/s), which a colour scale shows on
// a log scale; the shares and the fit (0 to 1) are linear.
bool gridQuantityIsLogScale(GridQuantity quantity);

// What the phase map shows: a quantity and, for the compute-bound share, a series.
struct PhaseMapChoice {
    GridQuantity quantity = GridQuantity::DecodeStepSeconds;
    Series series = Series::QkvMlpAr;
    bool operator==(const PhaseMapChoice &) const = default;
};

// A phase map: one quantity over a log-spaced (batch, sequence length) grid, with the current operating
// point and the boundary beyond which weights + KV cache no longer fit the GPU's memory.
struct PhaseMap {
    GridSpec grid;
    std::vector<double> values; // row-major, row = sequence index
    GridQuantity quantity = PhaseMapChoice {}.quantity;
    Series series = PhaseMapChoice {}.series;
    double batch = 1; // the current operating point
    double seq = 1;
    std::vector<std::pair<double, double>> fitsBoundary; // (batch, largest sequence that fits), batch rising

    // The smallest and largest finite value above 0 ({0, 0} when there is none): a log colour scale's range.
    std::pair<double, double> positiveRange() const;
    // The same over the cells whose length fits the memory at their batch (fitsBoundary): the colour scale
    // spans what can run, so that the lengths beyond (times that grow without bound) do not flatten it. The
    // whole map's positiveRange when no cell fits or the map has no boundary.
    std::pair<double, double> fittingRange() const;

    // The cell under (batch, seq): the nearest column and row on log axes (as the map is drawn, cells evenly
    // spaced between the first and last samples), within half a cell of the grid's edges; nullopt outside it or
    // for a map whose values do not fill its grid. `fits`: whether the cell's length fits the memory at its
    // batch (fitsBoundary).
    struct Cell {
        std::int64_t batch = 0;
        std::int64_t seq = 0;
        double value = 0.0;
        bool fits = true;
    };
    std::optional<Cell> cellAt(double batch, double seq) const;
};

// A cell's value as the phase map's tooltip says it: "35.7ms per step", "28 tokens/s", "382ms to first token",
// "72% of the time compute-bound", "fits in memory" or "does not fit in memory"; "not computed" when it is not
// a number.
std::string formatGridValue(GridQuantity quantity, double value);
// A tick of the phase map's colour scale, with its unit where a bare number would mislead: seconds as
// "100ms" or "2s" (never a bare "100m"), tokens/s as a count ("10k", "0.5"), the compute-bound share in
// percent ("50%"), and memory as "fits" (0.5 and up) or "does not fit".
std::string formatGridTick(GridQuantity quantity, double value);
// Where a log colour scale from `lowest` to `highest` (both > 0) is ticked: at the powers of ten when at least three
// fall in it (every second or third one when there are many); else at 1, 2 and 5 times them; else at every
// whole multiple; at least the two ends (rounded to three figures) when nothing nicer falls inside.
std::vector<double> logScaleTicks(double lowest, double highest);

// The phase map's cells a side, in the window and in --dump phase-map alike (64 log-spaced values: 52
// distinct batch sizes and 59 sequence lengths once rounded to whole numbers).
inline constexpr std::size_t PhaseMapCells = 64;

// Fills `out` for `scenario` on an n x n grid over batch 1..1024 and sequence 1..131072 (the sliders' ranges).
void computePhaseMap(const Scenario &scenario, GridQuantity quantity, Series series, std::size_t n, PhaseMap &out);

// The largest sequence length whose KV cache, with the weights, still fits the GPU's memory at `batch`
// (weights + 2 * layers * b * s * Hkv * d * kv <= capacity, s capped at the sliding window in windowed
// layers); 0 when the weights alone do not fit, SeqRange.max when every length fits (every layer windowed).
double maxFittingSeq(const ModelConfig &model, const Workload &workload, double capacityBytes, std::int64_t batch);

} // namespace roofline
