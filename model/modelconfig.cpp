#include "modelconfig.h"

#include "inputerror.h"
#include "jsonreader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace roofline {

namespace {
// The architectures whose decoder layer is the one modelled here: RMSNorm, attention with q/k/v/o
// projections (grouped-query allowed), and a gated SiLU MLP (optionally mixture-of-experts).
constexpr std::array<std::string_view, 4> knownModelTypes { "llama", "mistral", "mixtral", "qwen2" };

constexpr std::int64_t MaxHidden = 1 << 20;
constexpr std::int64_t MaxIntermediate = 1 << 24;
constexpr std::int64_t MaxHeads = 1 << 16;
constexpr std::int64_t MaxLayers = 1 << 16;
constexpr std::int64_t MaxVocab = 1 << 26;
constexpr std::int64_t MaxPositions = std::int64_t(1) << 30;
constexpr std::int64_t MaxExperts = 1 << 12;

// Which layers attend through a sliding window, by the rules Hugging Face's config classes apply for each
// model_type:
// - llama: none (LlamaConfig has no window; a "sliding_window" in the file is ignored);
// - mistral: "sliding_window" on every layer (absent: 4096, MistralConfig's default; null: none);
// - mixtral: "sliding_window" on every layer (absent or null: none);
// - qwen2: only with "use_sliding_window": true (its default is false), "sliding_window" (absent: 4096; null:
//   none) from layer "max_window_layers" on (absent: 28), or on the layers a "layer_types" list calls
//   "sliding_attention";
// - a config that names no model_type: "sliding_window" on every layer, narrowed by "use_sliding_window",
//   "max_window_layers" and "layer_types" where it gives them.
void readSlidingWindow(const JsonFields &fields, ModelConfig &model)
{
    const std::string &type = model.modelType;
    if (type == "llama")
        return;
    // The window's size, 0 for none.
    const auto window = [&](std::int64_t absent) -> std::int64_t {
        if (fields.isNull("sliding_window"))
            return 0;
        if (!fields.has("sliding_window"))
            return absent;
        return fields.integer("sliding_window", { 1, MaxPositions });
    };
    constexpr std::int64_t DefaultWindow = 4096; // MistralConfig's and Qwen2Config's default window
    constexpr std::int64_t QwenFullLayers = 28; // Qwen2Config's default max_window_layers
    std::int64_t size = 0;
    std::int64_t windowed = model.layers;
    if (type == "mistral" || type == "mixtral") {
        size = window(type == "mistral" ? DefaultWindow : 0);
    } else {
        const bool qwen = type == "qwen2";
        size = window(qwen ? DefaultWindow : 0);
        if (!fields.optionalBool("use_sliding_window").value_or(!qwen))
            size = 0;
        const std::int64_t full = fields.optionalInteger("max_window_layers", { 0, MaxLayers }).value_or(qwen ? QwenFullLayers : 0);
        windowed = model.layers - std::min(full, model.layers);
        if (fields.has("layer_types")) {
            const nlohmann::json &types = fields.array("layer_types");
            if (std::int64_t(types.size()) != model.layers)
                fields.fail("layer_types", "has " + std::to_string(types.size()) + " entries for " + std::to_string(model.layers)
                                               + " layers (num_hidden_layers)");
            windowed = 0;
            for (std::size_t i = 0; i < types.size(); ++i) {
                const nlohmann::json &t = types[i];
                if (!t.is_string() || (t != "sliding_attention" && t != "full_attention"))
                    fields.fail("layer_types", "entry " + std::to_string(i) + R"(: expected "sliding_attention" or "full_attention", got )"
                                                   + describeJsonValue(t));
                windowed += t == "sliding_attention" ? 1 : 0;
            }
        }
    }
    if (size > 0 && windowed > 0) {
        model.slidingWindow = size;
        model.windowedLayers = windowed;
    }
}

} // namespace

ModelConfig parseModelConfig(std::string_view text, const std::string &source, const std::string &fallbackName)
{
    const nlohmann::json document = parseJsonObject(text, source);
    const JsonFields fields(document, source);
    ModelConfig model;
    // The fallback is the file's name, which may hold anything a name in the file may: it is cleaned the same.
    const std::string fallback = cleanText(fallbackName, TextLines::Single, MaxNameChars);
    model.name = fields.optionalString("_name_or_path", TextLines::Single, MaxNameChars).value_or(fallback);
    if (model.name.empty())
        model.name = fallback;
    if (const auto type = fields.optionalString("model_type")) {
        bool known = false;
        for (const auto candidate : knownModelTypes)
            known = known || candidate == *type;
        if (!known)
            fields.fail("model_type",
                        "\"" + *type + "\" is not a supported architecture (supported: llama, mistral, mixtral, qwen2)");
        model.modelType = *type;
    }
    model.hidden = fields.integer("hidden_size", { 1, MaxHidden });
    model.intermediate = fields.integer("intermediate_size", { 1, MaxIntermediate });
    model.heads = fields.integer("num_attention_heads", { 1, MaxHeads });
    model.kvHeads = fields.optionalInteger("num_key_value_heads", { 1, MaxHeads }).value_or(model.heads);
    model.layers = fields.integer("num_hidden_layers", { 1, MaxLayers });
    model.vocab = fields.integer("vocab_size", { 1, MaxVocab });
    model.maxPositions = fields.optionalInteger("max_position_embeddings", { 1, MaxPositions }).value_or(0);
    model.tiedEmbeddings = fields.optionalBool("tie_word_embeddings").value_or(false);

    if (const auto headDim = fields.optionalInteger("head_dim", { 1, MaxHidden })) {
        model.headDim = *headDim;
    } else {
        if (model.hidden % model.heads != 0)
            fields.fail("num_attention_heads",
                        std::to_string(model.heads) + " does not divide hidden_size " + std::to_string(model.hidden)
                            + " (and there is no head_dim)");
        model.headDim = model.hidden / model.heads;
    }
    if (model.kvHeads > model.heads)
        fields.fail("num_key_value_heads",
                    std::to_string(model.kvHeads) + " is more than num_attention_heads " + std::to_string(model.heads)
                        + " (each key/value head serves a group of attention heads)");
    if (model.heads % model.kvHeads != 0)
        fields.fail("num_key_value_heads",
                    std::to_string(model.kvHeads) + " does not divide num_attention_heads " + std::to_string(model.heads));

    const auto experts = fields.optionalInteger("num_local_experts", { 1, MaxExperts });
    const auto perToken = fields.optionalInteger("num_experts_per_tok", { 1, MaxExperts });
    if (experts.has_value() != perToken.has_value())
        fields.fail(experts ? "num_experts_per_tok" : "num_local_experts",
                    "is missing (a mixture-of-experts config needs both num_local_experts and num_experts_per_tok)");
    if (experts) {
        if (*perToken > *experts)
            fields.fail("num_experts_per_tok",
                        std::to_string(*perToken) + " is more than num_local_experts " + std::to_string(*experts));
        model.experts = *experts;
        model.expertsPerToken = *perToken;
    }
    readSlidingWindow(fields, model);
    return model;
}

double parameterCount(const ModelConfig &m)
{
    const double h = double(m.hidden), f = double(m.intermediate), d = double(m.headDim);
    const double attention = h * double(m.heads) * d * 2.0 + h * double(m.kvHeads) * d * 2.0; // q, o + k, v
    const double mlp = 3.0 * h * f * double(m.experts) + (m.isMoe() ? h * double(m.experts) : 0.0); // + router
    const double norms = 2.0 * h;
    const double embeddings = double(m.vocab) * h * (m.tiedEmbeddings ? 1.0 : 2.0);
    return double(m.layers) * (attention + mlp + norms) + embeddings + h;
}

double attendedTokens(const ModelConfig &m, double tokens)
{
    if (!m.hasSlidingWindow() || m.layers <= 0)
        return tokens;
    const double windowed = double(std::min(m.windowedLayers, m.layers));
    const double capped = std::min(tokens, double(m.slidingWindow));
    return (windowed * capped + (double(m.layers) - windowed) * tokens) / double(m.layers);
}

} // namespace roofline
