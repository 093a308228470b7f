#include "sweep.h"

#include "text.h"

#include <algorithm>

namespace roofline {

std::string_view sweepModeName(SweepMode mode)
{
    return SweepModeNames.name(mode);
}

std::optional<SweepMode> sweepModeFromName(std::string_view name)
{
    return SweepModeNames.fromName(name);
}

std::string sweepModeNames()
{
    return choiceListOf(AllSweepModes, sweepModeName);
}

std::string_view sweepModeLabel(SweepMode mode)
{
    return SweepModeNames.label(mode);
}

SweepSpec SweepSettings::spec(const Workload &current) const
{
    SweepSpec out;
    const auto powers = [](std::int64_t lo, std::int64_t hi, std::int64_t factor) {
        std::vector<std::int64_t> values;
        for (std::int64_t v = 1; v <= hi && values.size() < 64; v *= factor)
            if (v >= lo)
                values.push_back(v);
        if (values.empty())
            values.push_back(std::max<std::int64_t>(lo, 1));
        return values;
    };
    if (mode == SweepMode::None)
        return out;
    if (mode == SweepMode::TokensPerStep) {
        out.batches = { current.batch };
        out.seqs = { current.seq };
        const std::int64_t step = std::max<std::int64_t>(tokensStep, 1);
        for (std::int64_t t = std::max<std::int64_t>(tokensMin, 1); t <= tokensMax && out.tokensPerStep.size() < 256; t += step)
            out.tokensPerStep.push_back(t);
        if (out.tokensPerStep.empty())
            out.tokensPerStep.push_back(current.tokensPerStep);
        return out;
    }
    out.batches = sweepsBatchRange(mode) ? powers(batchMin, batchMax, 2) : std::vector<std::int64_t> { current.batch };
    // Sequence lengths in powers of four from the smallest: 128, 512, 2048 as in the seed.
    if (!sweepsSeqRange(mode)) {
        out.seqs = { current.seq };
    } else {
        for (std::int64_t v = std::max<std::int64_t>(seqMin, 1); v <= seqMax && out.seqs.size() < 64; v *= 4)
            out.seqs.push_back(v);
        if (out.seqs.empty())
            out.seqs.push_back(std::max<std::int64_t>(seqMin, 1));
    }
    return out;
}

} // namespace roofline
