// Any bytes as the GPU preset list.
#include "gpuspec.h"
#include "inputerror.h"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const auto gpus
            = roofline::parseGpuPresets(std::string_view(reinterpret_cast<const char *>(data), size), "gpus.json");
        if (gpus.empty())
            __builtin_trap(); // an empty list must be refused
    } catch (const roofline::InputError &) {
    }
    return 0;
}
