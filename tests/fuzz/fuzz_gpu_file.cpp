// Any bytes as a user's GPU file: either a GpuSpec whose figures are finite and positive, or an InputError.
#include "gpuspec.h"
#include "inputerror.h"

#include <cmath>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const roofline::GpuSpec gpu
            = roofline::parseGpuFile(std::string_view(reinterpret_cast<const char *>(data), size), "fuzz.json");
        const double peak = gpu.peak(roofline::ComputeType::Fp16).value_or(-1.0);
        if (!(std::isfinite(gpu.bandwidthBytesPerSecond) && gpu.bandwidthBytesPerSecond > 0 && std::isfinite(peak)
              && peak > 0 && std::isfinite(gpu.memoryBytes) && gpu.memoryBytes > 0))
            __builtin_trap(); // a loader that accepts a figure the chart cannot draw is a bug
    } catch (const roofline::InputError &) {
    }
    return 0;
}
