// Any bytes as a user's GPU file: either a GpuSpec whose figures are within the stated ranges and whose text
// is clean, or an InputError whose message is one line of valid UTF-8.
#include "gpuspec.h"
#include "inputerror.h"
#include "inputlimits.h"
#include "text.h"

#include <cmath>
#include <cstdint>
#include <string_view>

namespace {
bool within(double value, roofline::FigureRange range, double unit)
{
    return std::isfinite(value) && value >= range.min * unit && value <= range.max * unit;
}
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace roofline;
    try {
        const GpuSpec gpu = parseGpuFile(std::string_view(reinterpret_cast<const char *>(data), size), "fuzz.json");
        if (!gpu.peak(ComputeType::Fp16) || !within(gpu.bandwidthBytesPerSecond, BandwidthGBpsRange, 1e9)
            || !within(gpu.memoryBytes, MemoryGBRange, 1e9))
            __builtin_trap(); // a loader that accepts a figure the chart cannot draw is a bug
        for (int i = 0; i < ComputeTypeCount; ++i)
            if (const auto peak = gpu.peak(static_cast<ComputeType>(i)); peak && !within(*peak, PeakTflopsRange, 1e12))
                __builtin_trap();
        if (gpu.name.empty() || gpu.name.size() > MaxNameChars || cleanText(gpu.name) != gpu.name
            || cleanText(gpu.note, TextLines::Multi) != gpu.note)
            __builtin_trap(); // text that is not clean would break saving, SVG or a label
    } catch (const InputError &error) {
        const std::string_view message = error.what();
        if (!isValidUtf8(message) || message.find('\n') != std::string_view::npos)
            __builtin_trap();
    }
    return 0;
}
