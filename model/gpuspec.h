#pragma once

#include "units.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roofline {

// One accelerator's published figures, in base units: bytes, bytes per second, FLOP/s.
struct GpuSpec {
    std::string id; // short lowercase id ("a6000-seed"); empty for a user's file without one
    std::string name;
    double bandwidthBytesPerSecond = 0.0;
    // The file stated the bandwidth in GiB/s ("bandwidth_unit": "GiB/s"), as some tools publish it; the figure
    // is held in bytes either way, and shown in decimal GB/s.
    bool bandwidthStatedInGiB = false;
    std::array<std::optional<double>, ComputeTypeCount> peakFlopsPerSecond {}; // indexed by ComputeType
    double memoryBytes = 0.0;
    std::optional<double> l2Bytes;
    std::string note;

    std::optional<double> peak(ComputeType type) const { return peakFlopsPerSecond[static_cast<std::size_t>(type)]; }
    void setPeak(ComputeType type, double flopsPerSecond)
    {
        peakFlopsPerSecond[static_cast<std::size_t>(type)] = flopsPerSecond;
    }

    bool operator==(const GpuSpec &) const = default;
};

// The units a GPU file may state its bandwidth in ("GB/s", the default, or "GiB/s"), and bytes per second in one.
inline constexpr double BytesPerGB = 1e9;
// A TFLOP/s figure (as GPU files, sliders and flags give peaks) in FLOP/s.
inline constexpr double FlopsPerTflop = 1e12;
inline constexpr double BytesPerGiB = 1073741824.0;
// An L2 cache's size as GPU files state it, in MB (decimal, as vendors quote it).
inline constexpr double BytesPerMB = 1e6;
// What the window says of a bandwidth converted from GiB/s: "Bandwidth stated as 2039 GiB/s: 2189.4 GB/s."; empty
// for one stated in GB/s.
std::string bandwidthConversionNote(const GpuSpec &gpu);

// Parses the GPU preset file (`{"format": 1, "gpus": [...]}`).
std::vector<GpuSpec> parseGpuPresets(std::string_view text, const std::string &source);

// Parses a single GPU file, as a user writes one: the same fields as one preset entry, "id" optional.
GpuSpec parseGpuFile(std::string_view text, const std::string &source);

// The name of a GPU whose figures were edited from `base`: "Custom (from RTX A6000 (seed chart))". The window's
// sliders and the command line's --peak-tflops and --bandwidth-gbps give it.
std::string customGpuName(const std::string &base);
// "RTX A6000 (seed chart)" -> "RTX A6000": the name without a trailing parenthesised qualifier; an edited GPU
// (customGpuName) by its base's: "edited RTX A6000", so that two edited GPUs are told apart.
std::string shortGpuName(const std::string &name);

} // namespace roofline
