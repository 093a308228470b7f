// Any bytes as a .roofline session: either a session whose scenario evaluates to finite numbers, or an InputError.
#include "inputerror.h"
#include "session.h"

#include <cmath>
#include <cstdint>
#include <string_view>

namespace {
roofline::PresetLibrary presets()
{
    roofline::PresetLibrary library;
    roofline::GpuSpec gpu;
    gpu.id = "a6000-seed";
    gpu.name = "RTX A6000 (seed chart)";
    gpu.bandwidthBytesPerSecond = 768e9;
    gpu.setPeak(roofline::ComputeType::Fp16, 181e12);
    gpu.memoryBytes = 48e9;
    library.gpus.push_back(gpu);
    roofline::ModelConfig model;
    model.id = "llama-2-13b";
    model.name = "Llama-2-13B";
    model.hidden = 5120;
    model.intermediate = 13824;
    model.heads = model.kvHeads = 40;
    model.headDim = 128;
    model.layers = 40;
    model.vocab = 32000;
    library.models.push_back(model);
    return library;
}
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const roofline::PresetLibrary library = presets();
    try {
        std::vector<std::string> warnings;
        const roofline::Session session = roofline::parseSession(
            std::string_view(reinterpret_cast<const char *>(data), size), "fuzz.roofline", library, warnings);
        const roofline::Evaluation e = session.scenario().evaluate();
        if (!std::isfinite(e.decode.timeSeconds) || !std::isfinite(e.prefill.timeSeconds))
            __builtin_trap();
        (void)roofline::sessionToJson(session);
    } catch (const roofline::InputError &) {
    }
    return 0;
}
