#pragma once

#include "modelconfig.h"
#include "nametable.h"
#include "workload.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace roofline {

enum class Phase { Prefill, Decode };

// The six series of the seed chart; None for the ops that count only in the totals.
enum class Series { QkvMlpInit, QkvMlpAr, UpGateDownInit, UpGateDownAr, QkPvInit, QkPvAr, None };
inline constexpr int SeriesCount = 6;
// Which of the six series show (a session's, the chart's); every one, by default.
using SeriesMask = std::array<bool, SeriesCount>;
inline constexpr SeriesMask AllSeries = [] {
    SeriesMask all {};
    all.fill(true);
    return all;
}();

enum class OpKind {
    QProj,
    KProj,
    VProj,
    OProj,
    GateProj,
    UpProj,
    DownProj,
    QkvProj, // q, k and v fused (Assumptions::fuseQkv)
    GateUpProj, // gate and up fused (Assumptions::fuseGateUp)
    Qk,
    Pv,
    Attention, // qk and pv fused (FlashAttention)
    // Ops that count in the totals only:
    InputNorm,
    PostAttentionNorm,
    Softmax,
    ResidualAdd,
    Activation,
    Router,
    Embedding,
    FinalNorm,
    LmHead,
};

// The names files, reports and the chart use; a phase is also read by the seed's suffixes ("init", "ar").
inline constexpr NameTable<Phase, 2> PhaseNames { { { { Phase::Prefill, "prefill", {}, "init" },
                                                      { Phase::Decode, "decode", {}, "ar" } } } };
// The seed's legend texts. Series::None is not a series: it is named "other" and read by no name.
inline constexpr NameTable<Series, SeriesCount> SeriesNames { { { { Series::QkvMlpInit, "qkv mlp init" },
                                                                  { Series::QkvMlpAr, "qkv mlp ar" },
                                                                  { Series::UpGateDownInit, "up/gate/down init" },
                                                                  { Series::UpGateDownAr, "up/gate/down ar" },
                                                                  { Series::QkPvInit, "qk/pv init" },
                                                                  { Series::QkPvAr, "qk/pv ar" } } } };
inline constexpr NameTable<OpKind, 21> OpKindNames { { { { OpKind::QProj, "q_proj" },
                                                         { OpKind::KProj, "k_proj" },
                                                         { OpKind::VProj, "v_proj" },
                                                         { OpKind::OProj, "o_proj" },
                                                         { OpKind::GateProj, "gate_proj" },
                                                         { OpKind::UpProj, "up_proj" },
                                                         { OpKind::DownProj, "down_proj" },
                                                         { OpKind::QkvProj, "qkv_proj" },
                                                         { OpKind::GateUpProj, "gate_up_proj" },
                                                         { OpKind::Qk, "qk" },
                                                         { OpKind::Pv, "pv" },
                                                         { OpKind::Attention, "attention" },
                                                         { OpKind::InputNorm, "input_norm" },
                                                         { OpKind::PostAttentionNorm, "post_attention_norm" },
                                                         { OpKind::Softmax, "softmax" },
                                                         { OpKind::ResidualAdd, "residual_add" },
                                                         { OpKind::Activation, "act_fn" },
                                                         { OpKind::Router, "router" },
                                                         { OpKind::Embedding, "embedding" },
                                                         { OpKind::FinalNorm, "final_norm" },
                                                         { OpKind::LmHead, "lm_head" } } } };
inline std::string_view phaseName(Phase phase)
{
    return PhaseNames.name(phase);
}
inline std::string_view seriesName(Series series)
{
    return series == Series::None ? "other" : SeriesNames.name(series);
}
inline std::string_view opName(OpKind op)
{
    return OpKindNames.name(op);
}
// And back, case and surrounding spaces aside (measured kernels' files are written by hand).
std::optional<Phase> phaseFromName(std::string_view name);
std::optional<Series> seriesFromName(std::string_view name);
std::optional<OpKind> opFromName(std::string_view name);
// What a reader says of a phase it does not know: unknown phase "warmup" (expected prefill or decode).
std::string unknownPhase(std::string_view given);
Series seriesOf(OpKind op, Phase phase);
// False for the embedding, final norm and LM head, which run once per pass rather than once per layer.
bool isPerLayer(OpKind op);

// Minimum DRAM traffic of one op, split by what moves.
struct ByteSplit {
    double weights = 0.0;
    double activationsRead = 0.0;
    double activationsWritten = 0.0;
    double kvRead = 0.0; // the cache read by attention
    double kvWritten = 0.0; // the new tokens' K and V, written to the cache by k_proj and v_proj in the KV dtype

    double total() const { return weights + activationsRead + activationsWritten + kvRead + kvWritten; }
};

struct OpCost {
    OpKind op = OpKind::QProj;
    Phase phase = Phase::Prefill;
    Series series = Series::None;
    double flops = 0.0; // a multiply-add counts 2
    ByteSplit bytes;
    double repeat = 1.0; // how many times the op runs in one pass: the layer count, or 1 for embedding/LM head

    double totalBytes() const { return bytes.total(); }
    // FLOP per byte; 0 for an op that moves bytes but computes nothing (an embedding gather).
    double intensity() const
    {
        const double b = totalBytes();
        return b > 0.0 ? flops / b : 0.0;
    }
};

// The most ops one phase produces: 10 per layer with a MoE router and no FlashAttention, 5 totals-only
// per layer, 3 per model (18), with room to spare.
inline constexpr std::size_t MaxOpsPerPhase = 20;

// A fixed-capacity list, so evaluating a workload never touches the heap.
struct PhaseOps {
    std::array<OpCost, MaxOpsPerPhase> items {};
    std::size_t count = 0;

    void push(const OpCost &op) { items[count++] = op; }
    const OpCost *begin() const { return items.data(); }
    const OpCost *end() const { return items.data() + count; }
    std::size_t size() const { return count; }
    const OpCost &operator[](std::size_t i) const { return items[i]; }
};

// The costs of one pass of `phase`: every op of one decoder layer (repeat = layers) plus the
// embedding, final norm and LM head (repeat = 1). Pure; no allocation.
PhaseOps phaseCosts(const ModelConfig &m, const Workload &wl, Phase phase);

// Tokens processed by one pass: b*s in prefill, b*tokensPerStep in decode.
double tokensInFlight(const Workload &workload, Phase phase);

// Expected number of distinct experts that `tokens` tokens, each routed to k of E experts uniformly at
// random, touch: E * (1 - (1 - k/E)^tokens). 1 for a dense model.
double expectedExpertsTouched(const ModelConfig &model, double tokens);

} // namespace roofline
