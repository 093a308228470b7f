#include "evaluation.h"

#include <algorithm>
#include <cmath>

namespace roofline {

double PhaseResult::layerTimeSeconds() const
{
    double total = 0.0;
    for (const OpResult &op : *this)
        if (isPerLayer(op.cost.op))
            total += op.timeSeconds;
    return total;
}

std::optional<double> PhaseResult::shareOfLayer(const OpResult &op) const
{
    const double layer = layerTimeSeconds();
    if (!isPerLayer(op.cost.op) || layer <= 0.0)
        return std::nullopt;
    return op.timeSeconds / layer;
}

double mostAcceptedPerStep(std::int64_t tokensPerStep)
{
    return double(std::max<std::int64_t>(tokensPerStep, 1));
}

double Workload::acceptedPerStep() const
{
    return std::isfinite(acceptedTokensPerStep) ? std::clamp(acceptedTokensPerStep, 1.0, mostAcceptedPerStep(tokensPerStep))
                                                : 1.0;
}

bool Workload::acceptsMoreThanVerified() const
{
    return acceptedTokensPerStep > mostAcceptedPerStep(tokensPerStep);
}

double Evaluation::decodeTokensPerSecond() const
{
    // Tokens kept, not tokens verified: a step that checks 64 candidates and accepts 3 yields 3.
    const double tokens = double(workload.batch) * workload.acceptedPerStep();
    return decode.timeSeconds > 0.0 ? tokens / decode.timeSeconds : 0.0;
}

double Evaluation::decodeTokensPerSecondPerSequence() const
{
    return workload.batch > 0 ? decodeTokensPerSecond() / double(workload.batch) : 0.0;
}

bool hasPeak(const GpuSpec &gpu, ComputeType type)
{
    return gpu.peak(type).has_value();
}

ComputeType publishedComputeType(const GpuSpec &gpu, ComputeType type)
{
    return hasPeak(gpu, type) ? type : ComputeType::Fp16;
}

Roofline rooflineFor(const GpuSpec &gpu, ComputeType type)
{
    const double peak = gpu.peak(type).value_or(gpu.peak(ComputeType::Fp16).value_or(0.0));
    return Roofline { peak, gpu.bandwidthBytesPerSecond };
}

double weightBytes(const ModelConfig &model, const Workload &workload)
{
    // The embedding and LM-head matrices (one when tied) may be stored in a type of their own.
    const double embedding = double(model.vocab) * double(model.hidden) * (model.tiedEmbeddings ? 1.0 : 2.0);
    const auto embeddingType = workload.assumptions.embeddingType.value_or(workload.weightType);
    return (parameterCount(model) - embedding) * bytesPerElement(workload.weightType) + embedding * bytesPerElement(embeddingType);
}

MemoryFootprint memoryFootprint(const ModelConfig &model, const Workload &workload, double capacityBytes)
{
    MemoryFootprint memory;
    memory.weightBytes = weightBytes(model, workload);
    // K and V, per layer, per sequence, per cached token (a sliding-window layer caches at most the window).
    memory.contextTokens = double(workload.seq);
    memory.cachedTokens = attendedTokens(model, memory.contextTokens);
    memory.kvCacheBytes = 2.0 * double(model.layers) * double(workload.batch) * memory.cachedTokens * double(model.kvHeads)
        * double(model.headDim) * bytesPerElement(workload.kvType);
    memory.capacityBytes = capacityBytes;
    return memory;
}

namespace {
void place(PhaseResult &result, const PhaseOps &ops, const Roofline &roof, const Roofline &timing)
{
    result.count = ops.size();
    for (std::size_t i = 0; i < ops.size(); ++i) {
        const OpCost &cost = ops[i];
        OpResult &r = result.ops[i];
        r.cost = cost;
        r.intensity = cost.intensity();
        r.attainableFlopsPerSecond = roof.attainable(r.intensity);
        r.bound = roof.bound(r.intensity);
        r.timeSeconds = timing.time(cost.flops, cost.totalBytes());
        result.flops += cost.flops * cost.repeat;
        result.bytes += cost.totalBytes() * cost.repeat;
        result.timeSeconds += r.timeSeconds * cost.repeat;
    }
}
}

Evaluation evaluate(const ModelConfig &model, const GpuSpec &gpu, const Workload &workload, const Efficiency &efficiency)
{
    Evaluation e;
    e.workload = workload;
    e.roof = rooflineFor(gpu, workload.computeType);
    e.timingRoof = efficiency.apply(e.roof);
    place(e.prefill, phaseCosts(model, workload, Phase::Prefill), e.roof, e.timingRoof);
    place(e.decode, phaseCosts(model, workload, Phase::Decode), e.roof, e.timingRoof);
    e.memory = memoryFootprint(model, workload, gpu.memoryBytes);
    return e;
}

void evaluateSweep(const ModelConfig &model, const GpuSpec &gpu, const Workload &base, const SweepSpec &spec,
                   std::vector<Evaluation> &out, const Efficiency &efficiency)
{
    out.resize(spec.size());
    std::size_t i = 0;
    Workload w = base;
    const std::vector<std::int64_t> baseTokens { base.tokensPerStep };
    const auto &tokens = spec.tokensPerStep.empty() ? baseTokens : spec.tokensPerStep;
    for (const std::int64_t perStep : tokens) {
        w.tokensPerStep = perStep;
        for (const std::int64_t seq : spec.seqs) {
            for (const std::int64_t batch : spec.batches) {
                w.batch = batch;
                w.seq = seq;
                out[i++] = evaluate(model, gpu, w, efficiency);
            }
        }
    }
}

} // namespace roofline
