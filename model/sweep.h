#pragma once

#include "evaluation.h"
#include "nametable.h"
#include "workload.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace roofline {

// What the small points of the chart sweep over.
enum class SweepMode { Both, Batch, Seq, None, TokensPerStep };
// Whether a sweep of this mode spans the settings' batch range, or their sequence range (the others keep the
// current workload's).
constexpr bool sweepsBatchRange(SweepMode mode)
{
    return mode == SweepMode::Both || mode == SweepMode::Batch;
}
constexpr bool sweepsSeqRange(SweepMode mode)
{
    return mode == SweepMode::Both || mode == SweepMode::Seq;
}
// Each mode once, in the window's order, with the name a session and the command line use and what the window
// calls it: the one table the functions below, the picker and the messages read.
inline constexpr NameTable<SweepMode, 5> SweepModeNames { { { { SweepMode::Both, "both", "Batch and sequence length" },
                                                              { SweepMode::Batch, "batch", "Batch size" },
                                                              { SweepMode::Seq, "seq", "Sequence length" },
                                                              { SweepMode::TokensPerStep, "tokens_per_step", "Tokens per step" },
                                                              { SweepMode::None, "none", "None" } } } };
inline constexpr std::array<SweepMode, SweepModeNames.size()> AllSweepModes = SweepModeNames.values();
// The name a session and the command line use ("both", "batch", "seq", "tokens_per_step", "none"), and back.
std::string_view sweepModeName(SweepMode mode);
std::optional<SweepMode> sweepModeFromName(std::string_view name);
// "both, batch, seq, tokens_per_step or none", for messages.
std::string sweepModeNames();
// What the window calls it: "Batch and sequence length", "Batch size", "Sequence length", "Tokens per step",
// "None".
std::string_view sweepModeLabel(SweepMode mode);

struct SweepSettings {
    SweepMode mode = SweepMode::Both;
    std::int64_t batchMin = 1;
    std::int64_t batchMax = 32;
    std::int64_t seqMin = 128;
    std::int64_t seqMax = 2048;
    // TokensPerStep: speculative decoding's candidates per step, from min to max in steps (Medusa: 16..112 by 16).
    std::int64_t tokensMin = 16;
    std::int64_t tokensMax = 112;
    std::int64_t tokensStep = 16;

    // Powers of two for batch and of four for sequence length within the ranges (the defaults give the
    // seed's batch {1, 2, 4, 8, 16, 32} x sequence {128, 512, 2048}); a swept-out axis takes the current value.
    SweepSpec spec(const Workload &current) const;
    bool operator==(const SweepSettings &) const = default;
};

} // namespace roofline
