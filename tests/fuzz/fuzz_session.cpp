// Any bytes as a .roofline session: either a session whose scenario evaluates to finite numbers, or an InputError.
#include "../modelfixtures.h"
#include "inputerror.h"
#include "session.h"

#include <cmath>
#include <cstdint>
#include <string_view>

namespace {
roofline::PresetLibrary presets()
{
    roofline::PresetLibrary library;
    library.gpus.push_back(seedA6000());
    library.models.push_back(llama2_13b());
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
