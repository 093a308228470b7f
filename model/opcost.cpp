#include "opcost.h"

#include "text.h"

#include <algorithm>
#include <cmath>

namespace roofline {

// Every op named, once and in the enum's order (an entry left out would be value-initialised, nameless).
static_assert([] {
    for (std::size_t i = 0; i < OpKindNames.size(); ++i)
        if (OpKindNames.entries[i].value != static_cast<OpKind>(i) || OpKindNames.entries[i].name.empty())
            return false;
    return OpKindNames.size() == std::size_t(OpKind::LmHead) + 1;
}());

Series seriesOf(OpKind op, Phase phase)
{
    const bool init = phase == Phase::Prefill;
    switch (op) {
    case OpKind::QProj:
    case OpKind::KProj:
    case OpKind::VProj:
    case OpKind::OProj:
    case OpKind::QkvProj:
        return init ? Series::QkvMlpInit : Series::QkvMlpAr;
    case OpKind::GateProj:
    case OpKind::UpProj:
    case OpKind::DownProj:
    case OpKind::GateUpProj:
        return init ? Series::UpGateDownInit : Series::UpGateDownAr;
    case OpKind::Qk:
    case OpKind::Pv:
    case OpKind::Attention:
        return init ? Series::QkPvInit : Series::QkPvAr;
    default:
        return Series::None;
    }
}

bool isPerLayer(OpKind op)
{
    return op != OpKind::Embedding && op != OpKind::FinalNorm && op != OpKind::LmHead;
}

double tokensInFlight(const Workload &w, Phase phase)
{
    return phase == Phase::Prefill ? double(w.batch) * double(w.seq) : double(w.batch) * double(w.tokensPerStep);
}

double expectedExpertsTouched(const ModelConfig &model, double tokens)
{
    if (!model.isMoe())
        return 1.0;
    const double e = double(model.experts);
    const double k = double(model.expertsPerToken);
    // Each token misses a given expert with probability (1 - k/E); all `tokens` miss it with that to the
    // power `tokens` (independent uniform routing).
    return e * (1.0 - std::pow(1.0 - k / e, tokens));
}

std::optional<Phase> phaseFromName(std::string_view name)
{
    return PhaseNames.fromName(asciiLower(trimSpace(name)));
}

std::optional<Series> seriesFromName(std::string_view name)
{
    return SeriesNames.fromName(asciiLower(trimSpace(name)));
}

std::optional<OpKind> opFromName(std::string_view name)
{
    return OpKindNames.fromName(asciiLower(trimSpace(name)));
}

std::string unknownPhase(std::string_view given)
{
    std::vector<std::string_view> names;
    for (const auto &entry : PhaseNames.entries)
        names.push_back(entry.name);
    return "unknown phase \"" + std::string(given) + "\" (expected " + choiceList(names) + ")";
}

namespace {

struct Builder {
    PhaseOps ops;
    Phase phase;
    double layers;

    void add(OpKind op, double flops, ByteSplit bytes, double repeat)
    {
        ops.push(OpCost { op, phase, seriesOf(op, phase), flops, bytes, repeat });
    }

    // A matrix multiply of T tokens by an in x out weight: 2*T*in*out FLOPs; the weight read once, the
    // input read once, the output written once.
    void linear(OpKind op, double tokens, double in, double out, double weightCopies, double w, double a)
    {
        add(op, 2.0 * tokens * in * out, ByteSplit { weightCopies * in * out * w, tokens * in * a, tokens * out * a, 0, 0 },
            layers);
    }

    // The K or V projection: its output goes to the KV cache, in the cache's own type.
    void kvProjection(OpKind op, double tokens, double in, double out, double w, double a, double kv)
    {
        add(op, 2.0 * tokens * in * out, ByteSplit { in * out * w, tokens * in * a, 0, 0, tokens * out * kv }, layers);
    }
};

// The (query, key) pairs of one head of one s-token prompt under a causal mask: position i sees i keys,
// or the window's worth in a sliding-window layer; averaged over the layers.
double causalPairs(const ModelConfig &m, double s)
{
    const double full = s * (s + 1.0) / 2.0;
    if (!m.hasSlidingWindow() || m.layers <= 0)
        return full;
    const double window = double(m.slidingWindow);
    const double windowedPairs = s <= window ? full : window * (window + 1.0) / 2.0 + (s - window) * window;
    const double windowed = double(std::min(m.windowedLayers, m.layers));
    return (windowed * windowedPairs + (double(m.layers) - windowed) * full) / double(m.layers);
}

} // namespace

PhaseOps phaseCosts(const ModelConfig &m, const Workload &wl, Phase phase)
{
    const Assumptions &as = wl.assumptions;
    const double w = bytesPerElement(wl.weightType);
    const double a = bytesPerElement(wl.activationType);
    const double kvBytes = bytesPerElement(wl.kvType);
    const double e = bytesPerElement(as.embeddingType.value_or(wl.weightType)); // embedding and LM head
    const double sc = bytesPerElement(as.scoreType.value_or(wl.activationType)); // the score matrix
    const double h = double(m.hidden), f = double(m.intermediate), d = double(m.headDim);
    const double H = double(m.heads), Hkv = double(m.kvHeads);
    const double b = double(wl.batch);
    const double T = tokensInFlight(wl, phase);
    const bool prefill = phase == Phase::Prefill;
    const double s = double(wl.seq), t = double(wl.tokensPerStep);
    // Attention. Prefill: the prompt against itself, each key read once; decode: the step's t new tokens
    // against the s cached and themselves (s + t keys), read from the cache. A sliding-window layer attends
    // to at most the window (averaged over the layers, which keeps totals exact).
    const double keysRead = prefill ? s : attendedTokens(m, s + t);
    // The scores of one head of one sequence: every (query, key) pair computed.
    const double pairs = prefill ? (as.causalMask ? causalPairs(m, s) : s * attendedTokens(m, s)) : t * keysRead;
    // K and V come from the layer's own projections in prefill (activations), from the cache in decode.
    const double keyBytes = prefill ? a : kvBytes;

    Builder out { {}, phase, double(m.layers) };
    const auto nonGemm = [&](OpKind op, double flops, ByteSplit bytes, double repeat) {
        if (as.countNonGemm)
            out.add(op, flops, bytes, repeat);
    };

    // Attention block.
    nonGemm(OpKind::InputNorm, 4.0 * T * h, ByteSplit { h * w, T * h * a, T * h * a, 0, 0 }, out.layers);
    if (as.fuseQkv) {
        // One h x (H + 2 Hkv) d weight, the input read once; q leaves as an activation, k and v for the cache.
        out.add(OpKind::QkvProj, 2.0 * T * h * (H + 2.0 * Hkv) * d,
                ByteSplit { h * (H + 2.0 * Hkv) * d * w, T * h * a, T * H * d * a, 0, 2.0 * T * Hkv * d * kvBytes }, out.layers);
    } else {
        out.linear(OpKind::QProj, T, h, H * d, 1.0, w, a);
        out.kvProjection(OpKind::KProj, T, h, Hkv * d, w, a, kvBytes);
        out.kvProjection(OpKind::VProj, T, h, Hkv * d, w, a, kvBytes);
    }

    const double queries = b * (prefill ? s : t) * H * d; // elements of Q, and of the attention output
    const double keys = b * keysRead * Hkv * d; // elements of K, and of V
    const double scores = b * H * pairs;
    const double matmulFlops = 2.0 * scores * d;
    const auto kvSplit = [&](double elements) {
        // K/V read as activations in prefill, from the KV cache in decode.
        return prefill ? ByteSplit { 0, elements * keyBytes, 0, 0, 0 } : ByteSplit { 0, 0, 0, elements * keyBytes, 0 };
    };
    // max, subtract, exp, sum, divide: 5 FLOPs per score.
    const double softmaxFlops = 5.0 * scores;
    if (wl.flashAttention) {
        // The score matrix stays on chip: read Q, K, V once, write O once. Fusing changes the traffic, not
        // the arithmetic: the softmax's FLOPs are the attention's (counted with the non-GEMM ops).
        ByteSplit bytes = kvSplit(2.0 * keys);
        bytes.activationsRead += queries * a;
        bytes.activationsWritten += queries * a;
        out.add(OpKind::Attention, 2.0 * matmulFlops + (as.countNonGemm ? softmaxFlops : 0.0), bytes, out.layers);
    } else {
        ByteSplit qk = kvSplit(keys);
        qk.activationsRead += queries * a;
        qk.activationsWritten += scores * sc;
        out.add(OpKind::Qk, matmulFlops, qk, out.layers);
        // The scores read and written once.
        nonGemm(OpKind::Softmax, softmaxFlops, ByteSplit { 0, scores * sc, scores * sc, 0, 0 }, out.layers);
        ByteSplit pv = kvSplit(keys);
        pv.activationsRead += scores * sc;
        pv.activationsWritten += queries * a;
        out.add(OpKind::Pv, matmulFlops, pv, out.layers);
    }
    out.linear(OpKind::OProj, T, H * d, h, 1.0, w, a);

    // MLP block. With experts, each token runs k of them; the weights of every expert that at least one
    // token was routed to are read.
    nonGemm(OpKind::PostAttentionNorm, 4.0 * T * h, ByteSplit { h * w, T * h * a, T * h * a, 0, 0 }, out.layers);
    const double k = double(m.expertsPerToken);
    const double expertTokens = T * (m.isMoe() ? k : 1.0);
    const double touched = expectedExpertsTouched(m, T);
    if (m.isMoe())
        out.linear(OpKind::Router, T, h, double(m.experts), 1.0, w, a);
    if (as.fuseGateUp) {
        out.linear(OpKind::GateUpProj, expertTokens, h, 2.0 * f, touched, w, a);
    } else {
        out.linear(OpKind::GateProj, expertTokens, h, f, touched, w, a);
        out.linear(OpKind::UpProj, expertTokens, h, f, touched, w, a);
    }
    // SiLU(gate) * up: sigmoid is 4 FLOPs (negate, exp, add, divide), then 2 multiplies.
    nonGemm(OpKind::Activation, 6.0 * expertTokens * f, ByteSplit { 0, 2.0 * expertTokens * f * a, expertTokens * f * a, 0, 0 },
            out.layers);
    out.linear(OpKind::DownProj, expertTokens, f, h, touched, w, a);
    // The two residual adds of the layer: read two vectors, write one, each.
    nonGemm(OpKind::ResidualAdd, 2.0 * T * h, ByteSplit { 0, 4.0 * T * h * a, 2.0 * T * h * a, 0, 0 }, out.layers);

    // Once per pass: embedding gather, final norm and LM head. Generation needs the logits of the last
    // position of each sequence in prefill (all of them when allPrefillLogits), and of every token verified
    // in decode.
    const double generated = prefill && !as.allPrefillLogits ? b : T;
    out.add(OpKind::Embedding, 0.0, ByteSplit { T * h * e, 0, T * h * a, 0, 0 }, 1.0);
    nonGemm(OpKind::FinalNorm, 4.0 * generated * h, ByteSplit { h * w, generated * h * a, generated * h * a, 0, 0 }, 1.0);
    out.add(OpKind::LmHead, 2.0 * generated * h * double(m.vocab),
            ByteSplit { h * double(m.vocab) * e, generated * h * a, generated * double(m.vocab) * a, 0, 0 }, 1.0);
    return out.ops;
}

} // namespace roofline
