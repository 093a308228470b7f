#pragma once

#include "evaluation.h"

#include <cstdint>
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
                  GridQuantity quantity, Series series, std::vector<double> &out);

} // namespace roofline
