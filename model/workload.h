#pragma once

#include "nametable.h"

#include "units.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace roofline {

// The modelling choices on which tools differ (docs/model.md compares them). Each default is the seed
// chart's (LLM-Viewer's) way, with the reason in the docs.
struct Assumptions {
    // Prefill attention computes only the scores a causal mask keeps (FlashAttention-style kernels,
    // about half) rather than the whole square (an unfused kernel, and the seed chart).
    bool causalMask = false;
    // The LM head at prefill for every prompt position (llm-analysis) rather than the last (generation
    // needs only the last position's logits).
    bool allPrefillLogits = false;
    // The embedding and LM-head weights in their own type (quantised checkpoints usually keep them at 16
    // bit); none: the weights' type.
    std::optional<DType> embeddingType;
    // The attention score matrix's type; none: the activations' (int8 activations rarely make int8 scores).
    std::optional<DType> scoreType;
    // One read of the layer input for the q, k and v projections, and one for gate and up (GenZ's fused
    // QKV of Llama-2-7B at 1,024 tokens has an intensity of 768).
    bool fuseQkv = false;
    bool fuseGateUp = false;
    // Norms, softmax, the activation function and residual adds count in the FLOPs, bytes and times
    // (llm-analysis leaves them out).
    bool countNonGemm = true;

    bool operator==(const Assumptions &) const = default;
};

// The prefill-logits choice's name in sessions, dumps and on the command line, both ways: "last" or "all".
inline constexpr NameTable<bool, 2> PrefillLogitsNames { { { { false, "last" }, { true, "all" } } } };
constexpr std::string_view prefillLogitsName(bool all)
{
    return PrefillLogitsNames.name(all);
}

// What runs on the GPU: how many sequences, how long, in which storage types.
// The most tokens a decode step can accept: the ones it verifies, and never fewer than the one every step yields.
double mostAcceptedPerStep(std::int64_t tokensPerStep);

struct Workload {
    std::int64_t batch = 1; // b
    std::int64_t seq = 2048; // s: prompt length in prefill; tokens already in the KV cache in decode
    DType weightType = DType::Fp16;
    DType activationType = DType::Fp16;
    DType kvType = DType::Fp16;
    ComputeType computeType = ComputeType::Fp16; // which of the GPU's peaks is the compute roof
    bool flashAttention = false; // the seed chart materialises the score matrix
    std::int64_t tokensPerStep = 1; // decode: tokens verified per step (speculative decoding, Medusa)
    // Decode: the mean of those tokens accepted per step. Every step yields at least one token (the model's
    // own), so 1 is the floor and the default; the mean depends on the draft and the text, so the user gives it.
    double acceptedTokensPerStep = 1.0;
    Assumptions assumptions;

    // The accepted tokens per step as used: within [1, mostAcceptedPerStep(tokensPerStep)].
    double acceptedPerStep() const;
    // Whether the accepted tokens given are more than the tokens verified: a file or command line that says so
    // is refused; the window takes the accepted tokens down instead.
    bool acceptsMoreThanVerified() const;
    bool operator==(const Workload &) const = default;
};

} // namespace roofline
