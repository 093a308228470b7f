// Any bytes as a file of measured kernels (CSV, JSON, Nsight Compute raw CSV): every accepted kernel sits on
// a log-log chart (finite, positive, plausible figures) with a clean, bounded name.
#include "inputerror.h"
#include "inputlimits.h"
#include "measured.h"
#include "text.h"

#include <cmath>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    using namespace roofline;
    try {
        const auto kernels = parseMeasuredKernels(std::string_view(reinterpret_cast<const char *>(data), size), "fuzz.csv");
        if (kernels.empty() || kernels.size() > MaxMeasuredKernels)
            __builtin_trap();
        for (const MeasuredKernel &k : kernels) {
            if (!(std::isfinite(k.intensity()) && k.intensity() >= 1e-9 && k.intensity() <= 1e12
                  && std::isfinite(k.achievedFlopsPerSecond()) && k.achievedFlopsPerSecond() > 0
                  && k.achievedFlopsPerSecond() <= 1e20 && k.seconds >= 1e-12 && k.seconds <= 86400))
                __builtin_trap();
            if (k.name.size() > MaxKernelNameChars || cleanText(k.name) != k.name)
                __builtin_trap();
        }
    } catch (const InputError &error) {
        const std::string_view message = error.what();
        if (!isValidUtf8(message) || message.find('\n') != std::string_view::npos)
            __builtin_trap();
    }
    return 0;
}
