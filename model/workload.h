#pragma once

#include "units.h"

#include <cstdint>

namespace roofline {

// What runs on the GPU: how many sequences, how long, in which storage types.
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

    // The accepted tokens per step as used: within [1, tokensPerStep].
    double acceptedPerStep() const;
    bool operator==(const Workload &) const = default;
};

} // namespace roofline
