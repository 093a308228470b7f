#include "jsonwriters.h"

#include "units.h"

#include <nlohmann/json.hpp>

namespace roofline {

using nlohmann::json;

json gpuToJson(const GpuSpec &gpu)
{
    json peaks = json::object();
    for (int i = 0; i < ComputeTypeCount; ++i) {
        const auto type = static_cast<ComputeType>(i);
        if (const auto peak = gpu.peak(type))
            peaks[std::string(computeTypeName(type))] = *peak;
    }
    json out = {
        { "id", gpu.id },
        { "name", gpu.name },
        { "bandwidth_bytes_per_s", gpu.bandwidthBytesPerSecond },
        { "bandwidth_unit_stated", gpu.bandwidthStatedInGiB ? "GiB/s" : "GB/s" },
        { "peak_flops_per_s", gpu.peak(ComputeType::Fp16).value_or(0.0) },
        { "peak_flops_per_s_by_type", peaks },
        { "memory_bytes", gpu.memoryBytes },
        { "note", gpu.note },
    };
    if (gpu.l2Bytes)
        out["l2_bytes"] = *gpu.l2Bytes;
    return out;
}

json modelConfigJson(const ModelConfig &m)
{
    json out = { { "hidden_size", m.hidden },
                 { "intermediate_size", m.intermediate },
                 { "num_attention_heads", m.heads },
                 { "num_key_value_heads", m.kvHeads },
                 { "head_dim", m.headDim },
                 { "num_hidden_layers", m.layers },
                 { "vocab_size", m.vocab },
                 { "tie_word_embeddings", m.tiedEmbeddings } };
    if (!m.modelType.empty())
        out["model_type"] = m.modelType;
    if (m.maxPositions > 0)
        out["max_position_embeddings"] = m.maxPositions;
    if (m.isMoe()) {
        out["num_local_experts"] = m.experts;
        out["num_experts_per_tok"] = m.expertsPerToken;
    }
    if (m.hasSlidingWindow()) {
        // Read back the same for every model_type: the window, switched on, from the first windowed layer.
        out["sliding_window"] = m.slidingWindow;
        out["use_sliding_window"] = true;
        out["max_window_layers"] = m.layers - m.windowedLayers;
    } else if (m.modelType == "mistral") {
        out["sliding_window"] = nullptr; // none: an absent window is Mistral's default of 4,096
    }
    return out;
}

json modelToJson(const ModelConfig &m)
{
    // The config's own fields, every optional one spelled out, plus what the app derived.
    json out = modelConfigJson(m);
    out["id"] = m.id;
    out["name"] = m.name;
    out["model_type"] = m.modelType;
    out["max_position_embeddings"] = m.maxPositions;
    out["num_local_experts"] = m.experts;
    out["num_experts_per_tok"] = m.expertsPerToken;
    out["parameters"] = parameterCount(m);
    return out;
}

json assumptionsToJson(const Assumptions &a)
{
    return {
        { "causal_mask", a.causalMask },
        { "prefill_logits", prefillLogitsName(a.allPrefillLogits) },
        { "embedding_dtype", a.embeddingType ? dtypeName(*a.embeddingType) : "weights" },
        { "score_dtype", a.scoreType ? dtypeName(*a.scoreType) : "activations" },
        { "fuse_qkv", a.fuseQkv },
        { "fuse_gate_up", a.fuseGateUp },
        { "count_non_gemm", a.countNonGemm },
    };
}

json workloadToJson(const Workload &w)
{
    return {
        { "batch", w.batch },
        { "seq", w.seq },
        { "weight_dtype", dtypeName(w.weightType) },
        { "activation_dtype", dtypeName(w.activationType) },
        { "kv_dtype", dtypeName(w.kvType) },
        { "compute_type", computeTypeName(w.computeType) },
        { "flash_attention", w.flashAttention },
        { "tokens_per_step", w.tokensPerStep },
        { "accepted_tokens_per_step", w.acceptedTokensPerStep },
        { "assumptions", assumptionsToJson(w.assumptions) },
    };
}

} // namespace roofline
