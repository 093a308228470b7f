#pragma once

#include "opcost.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roofline {

// A kernel measured on real hardware: what it did and how long it took.
struct MeasuredKernel {
    std::string name; // op ("q_proj") or kernel name
    std::optional<Phase> phase;
    std::optional<Series> series;
    std::optional<OpKind> op; // the modelled op it measures, when the name or the file says
    double flops = 0.0;
    double bytes = 0.0; // DRAM traffic
    double seconds = 0.0;

    double intensity() const { return flops / bytes; }
    double achievedFlopsPerSecond() const { return flops / seconds; }
    bool operator==(const MeasuredKernel &) const = default;
};

// Reads measured kernels from any of the three forms below, told apart by their content:
// - JSON: {"kernels": [{"name", "phase"?, "series"?, "op"?, "flops", "bytes", "time_s" | "achieved_flops_per_s"}]}
// - CSV with a header line naming at least name, flops, bytes and time_s or achieved_flops_per_s
//   (phase, series and op optional), one kernel per line;
// - Nsight Compute's raw CSV (`ncu --csv --page raw`): kernel duration, DRAM bytes read and written, and the
//   FLOP counters of its roofline (add, mul and fma instructions of each precision; fma counts 2).
// Throws InputError naming the source, the line or field, and the value; for Nsight Compute, the missing metric.
std::vector<MeasuredKernel> parseMeasuredKernels(std::string_view text, const std::string &source);
// The JSON form, already parsed (a session's "measured" block).
std::vector<MeasuredKernel> measuredKernelsFromJson(const nlohmann::json &document, const std::string &source);

} // namespace roofline
