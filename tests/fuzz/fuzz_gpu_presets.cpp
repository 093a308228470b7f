// Any bytes as the GPU preset list: either a non-empty list of GPUs with unique, non-empty ids and figures
// within their ranges, or an InputError.
#include "gpuspec.h"
#include "inputerror.h"
#include "inputlimits.h"
#include "text.h"

#include <cmath>
#include <cstdint>
#include <set>
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
        const auto gpus = parseGpuPresets(std::string_view(reinterpret_cast<const char *>(data), size), "gpus.json");
        if (gpus.empty())
            __builtin_trap(); // an empty list must be refused
        std::set<std::string> ids;
        for (const GpuSpec &gpu : gpus) {
            if (gpu.id.empty() || !ids.insert(gpu.id).second || gpu.name.empty() || cleanText(gpu.name) != gpu.name)
                __builtin_trap();
            if (!gpu.peak(ComputeType::Fp16) || !within(gpu.bandwidthBytesPerSecond, BandwidthGBpsRange, 1e9)
                || !within(gpu.memoryBytes, MemoryGBRange, 1e9))
                __builtin_trap();
            for (int i = 0; i < ComputeTypeCount; ++i)
                if (const auto peak = gpu.peak(static_cast<ComputeType>(i)); peak && !within(*peak, PeakTflopsRange, 1e12))
                    __builtin_trap();
        }
    } catch (const InputError &error) {
        const std::string_view message = error.what();
        if (!isValidUtf8(message) || message.find('\n') != std::string_view::npos)
            __builtin_trap();
    }
    return 0;
}
