#pragma once

#include <algorithm>
#include <optional>
#include <string_view>

namespace roofline {

enum class Bound { Memory, Compute };
// "memory" or "compute", as the chart, the table and the dumps name a bound.
constexpr std::string_view boundName(Bound bound)
{
    return bound == Bound::Memory ? "memory" : "compute";
}

// The classic roofline (Williams, Waterman, Patterson, CACM 2009): attainable(I) = min(peak, bandwidth * I).
struct Roofline {
    double peakFlopsPerSecond = 0.0;
    double bandwidthBytesPerSecond = 0.0;

    // The intensity at which the two roofs meet, FLOP/byte.
    double ridge() const { return peakFlopsPerSecond / bandwidthBytesPerSecond; }
    double attainable(double intensity) const { return std::min(peakFlopsPerSecond, bandwidthBytesPerSecond * intensity); }
    Bound bound(double intensity) const { return intensity < ridge() ? Bound::Memory : Bound::Compute; }
    // An op cannot finish before its FLOPs are done at peak nor before its bytes have moved.
    double time(double flops, double bytes) const
    {
        return std::max(flops / peakFlopsPerSecond, bytes / bandwidthBytesPerSecond);
    }
};

// Practical ceilings: the share of peak compute and bandwidth real kernels reach (e.g. 70 % and 85 %).
// When enabled, estimated times and totals use the derated roofs; points stay on the published roofline.
struct Efficiency {
    bool enabled = false;
    double compute = 0.70;
    double bandwidth = 0.85;

    Roofline apply(const Roofline &roof) const
    {
        return enabled ? Roofline { roof.peakFlopsPerSecond * compute, roof.bandwidthBytesPerSecond * bandwidth } : roof;
    }
    // Switches the ceilings on with the shares given (a session's, the command line's). A share not given is
    // the whole peak, unless the ceilings were on already: then it stays as it was.
    void enable(std::optional<double> computeShare, std::optional<double> bandwidthShare)
    {
        if (!enabled) {
            compute = 1.0;
            bandwidth = 1.0;
        }
        enabled = true;
        compute = computeShare.value_or(compute);
        bandwidth = bandwidthShare.value_or(bandwidth);
    }
    bool operator==(const Efficiency &) const = default;
};

} // namespace roofline
