#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace roofline {

// The shape of a Llama-family decoder, as read from a Hugging Face config.json.
struct ModelConfig {
    std::string id; // preset id ("llama-2-13b"); empty for a user's file
    std::string name; // display name
    std::string modelType; // "llama", "mistral", ...; empty when the file does not say
    std::int64_t hidden = 0; // h
    std::int64_t intermediate = 0; // f
    std::int64_t heads = 0; // H
    std::int64_t kvHeads = 0; // Hkv
    std::int64_t headDim = 0; // d
    std::int64_t layers = 0;
    std::int64_t vocab = 0;
    std::int64_t maxPositions = 0; // 0 when the file does not say
    bool tiedEmbeddings = false;
    std::int64_t experts = 1; // MoE: num_local_experts (1 for a dense model)
    std::int64_t expertsPerToken = 1; // MoE: num_experts_per_tok
    // Sliding-window attention (Mistral, Qwen2's upper layers): `windowedLayers` layers attend to at most the
    // last `slidingWindow` tokens and cache no more; 0 and 0 when every layer attends to every token.
    std::int64_t slidingWindow = 0;
    std::int64_t windowedLayers = 0;

    bool isMoe() const { return experts > 1; }
    bool hasSlidingWindow() const { return slidingWindow > 0 && windowedLayers > 0; }
    bool operator==(const ModelConfig &) const = default;
};

// Parses a Hugging Face config.json. `fallbackName` is the display name used when the file has no
// "_name_or_path". Throws InputError naming the source, the field and the value.
ModelConfig parseModelConfig(std::string_view text, const std::string &source, const std::string &fallbackName);

// Total parameter count (weights): embeddings, every decoder layer, final norm and LM head.
double parameterCount(const ModelConfig &model);

// How many of `tokens` tokens a layer attends to and caches, averaged over the layers: every one in a
// full-attention layer, at most the window in a sliding-window layer. FLOPs and bytes of attention and the
// KV cache are linear in it, so the average gives exact totals.
double attendedTokens(const ModelConfig &model, double tokens);

} // namespace roofline
