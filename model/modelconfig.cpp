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

// Which layers attend through a sliding window, as Hugging Face's configs say it: "sliding_window" (null or
// absent: none) applies to every layer of Mistral and Mixtral; Qwen2 applies it only with
// "use_sliding_window": true, and then only from layer "max_window_layers" on; a "layer_types" list
// ("sliding_attention" / "full_attention", newer configs) names each layer's kind and wins over both.
void readSlidingWindow(const JsonFields &fields, ModelConfig &model)
{
    if (!fields.has("sliding_window"))
        return;
    const std::int64_t window = fields.integer("sliding_window", { 1, MaxPositions });
    const auto use = fields.optionalBool("use_sliding_window");
    std::int64_t windowed = model.layers;
    if (use.has_value() ? !*use : model.modelType == "qwen2")
        windowed = 0;
    else if (const auto full = fields.optionalInteger("max_window_layers", { 0, MaxLayers }))
        windowed = model.layers - std::min(*full, model.layers);
    if (fields.has("layer_types")) {
        const nlohmann::json &types = fields.array("layer_types");
        if (std::int64_t(types.size()) != model.layers)
            fields.fail("layer_types", "has " + std::to_string(types.size()) + " entries for " + std::to_string(model.layers)
                                           + " layers (num_hidden_layers)");
        windowed = 0;
        for (const nlohmann::json &type : types) {
            if (!type.is_string() || (type != "sliding_attention" && type != "full_attention"))
                fields.fail("layer_types", R"(expected "sliding_attention" or "full_attention", got )" + describeJsonValue(type));
            windowed += type == "sliding_attention" ? 1 : 0;
        }
    }
    if (windowed > 0) {
        model.slidingWindow = window;
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
