#pragma once

#include "gpuspec.h"
#include "modelconfig.h"
#include "opcost.h"
#include "roofline.h"
#include "workload.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace roofline {

// One op placed on the roofline.
struct OpResult {
    OpCost cost;
    double intensity = 0.0; // FLOP/byte
    double attainableFlopsPerSecond = 0.0; // min(peak, bandwidth * intensity)
    Bound bound = Bound::Memory;
    double timeSeconds = 0.0; // one run of the op: max(FLOPs / peak, bytes / bandwidth)
};

struct PhaseResult {
    std::array<OpResult, MaxOpsPerPhase> ops {};
    std::size_t count = 0;
    // One whole pass (every layer, plus embedding, final norm and LM head):
    double flops = 0.0;
    double bytes = 0.0;
    double timeSeconds = 0.0; // sum of the ops' times: ops run one after another

    const OpResult *begin() const { return ops.data(); }
    const OpResult *end() const { return ops.data() + count; }
    // One layer's time: the ops that repeat per layer (what an op's share of the layer is a share of).
    double layerTimeSeconds() const;
    // The share of one layer's time `op` takes; none for the ops run once per pass (embedding, final norm,
    // LM head) and for a layer that takes no time.
    std::optional<double> shareOfLayer(const OpResult &op) const;
};

struct MemoryFootprint {
    double weightBytes = 0.0;
    double kvCacheBytes = 0.0; // 2 * layers * b * s * Hkv * d * kv, s capped at a sliding window
    // The tokens a sequence caches, averaged over the layers, and its context: fewer under a sliding window.
    double cachedTokens = 0.0;
    double contextTokens = 0.0;
    double capacityBytes = 0.0;

    double totalBytes() const { return weightBytes + kvCacheBytes; }
    bool fits() const { return totalBytes() <= capacityBytes; }
    double overBytes() const { return std::max(0.0, totalBytes() - capacityBytes); } // what does not fit
};

struct Evaluation {
    Workload workload;
    Roofline roof; // the published roofs: where the points sit
    Roofline timingRoof; // the roofs times are estimated on: the published ones, or derated by Efficiency
    PhaseResult prefill;
    PhaseResult decode;
    MemoryFootprint memory;

    double timeToFirstTokenSeconds() const { return prefill.timeSeconds; }
    double decodeStepSeconds() const { return decode.timeSeconds; }
    // Tokens generated per second over the whole batch: batch x accepted tokens per step / step time.
    double decodeTokensPerSecond() const;
    // The same for one sequence of the batch.
    double decodeTokensPerSecondPerSequence() const;
};

// The compute roof for a workload's compute type; falls back to the fp16 tensor peak when the GPU
// publishes none for that type (callers that let the user pick a type check first: hasPeak()).
Roofline rooflineFor(const GpuSpec &gpu, ComputeType type);
bool hasPeak(const GpuSpec &gpu, ComputeType type);
// The one rule for a compute type the GPU publishes no peak for: fp16 is used (the window's picker, a session
// read, the command line's --gpu over a session), never the fp16 peak under the other type's name.
ComputeType publishedComputeType(const GpuSpec &gpu, ComputeType type);

// Everything the chart and the numbers show for one workload. Pure and allocation-free.
Evaluation evaluate(const ModelConfig &model, const GpuSpec &gpu, const Workload &workload,
                    const Efficiency &efficiency = {});

MemoryFootprint memoryFootprint(const ModelConfig &model, const Workload &workload, double capacityBytes);
// The weights' bytes: every parameter in the weights' type, the embedding and LM head in theirs.
double weightBytes(const ModelConfig &model, const Workload &workload);

// The small points of the chart: the same model and GPU over a grid of (batch, seq).
struct SweepSpec {
    std::vector<std::int64_t> batches;
    std::vector<std::int64_t> seqs;
    std::vector<std::int64_t> tokensPerStep; // empty: the base workload's

    bool operator==(const SweepSpec &) const = default;
    std::size_t size() const
    {
        return batches.size() * seqs.size() * (tokensPerStep.empty() ? 1 : tokensPerStep.size());
    }
};

// Evaluates every (batch, seq) of `spec` on top of `base` (which gives dtypes and decoding). `out` is
// resized and reused, so a caller that keeps it allocates only once.
void evaluateSweep(const ModelConfig &model, const GpuSpec &gpu, const Workload &base, const SweepSpec &spec,
                   std::vector<Evaluation> &out, const Efficiency &efficiency = {});

} // namespace roofline
