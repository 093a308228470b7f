// Any bytes as a file of measured kernels (CSV, JSON, Nsight Compute raw CSV).
#include "inputerror.h"
#include "measured.h"

#include <cmath>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        for (const roofline::MeasuredKernel &k :
             roofline::parseMeasuredKernels(std::string_view(reinterpret_cast<const char *>(data), size), "fuzz.csv")) {
            if (!(std::isfinite(k.intensity()) && k.intensity() > 0 && std::isfinite(k.achievedFlopsPerSecond())
                  && k.achievedFlopsPerSecond() > 0))
                __builtin_trap(); // an accepted kernel must sit on a log-log chart
        }
    } catch (const roofline::InputError &) {
    }
    return 0;
}
