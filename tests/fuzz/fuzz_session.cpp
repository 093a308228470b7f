// Any bytes as a .roofline session: either a session whose scenario evaluates to finite numbers and which
// saves and reopens unchanged, or an InputError.
#include "../modelfixtures.h"
#include "chartdata.h"
#include "inputerror.h"
#include "scenarioresults.h"
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
        if (!(std::isfinite(e.decode.timeSeconds) && e.decode.timeSeconds > 0 && std::isfinite(e.prefill.timeSeconds)
              && e.prefill.timeSeconds > 0))
            __builtin_trap();
        // Everything the chart draws from the session: the sweep, the pins, the second GPU's roofs and the
        // measured kernels, each placeable on log axes.
        roofline::ScenarioResults results;
        results.recompute(session);
        const auto placeable = [](double x, double y) { return std::isfinite(x) && x > 0 && std::isfinite(y) && y > 0; };
        for (const roofline::ChartPoint &p : results.chart.current)
            if (!placeable(p.intensity, p.attainableFlopsPerSecond) || !(std::isfinite(p.timeSeconds) && p.timeSeconds > 0))
                __builtin_trap();
        for (const roofline::ChartPoint &p : results.chart.sweep)
            if (!placeable(p.intensity, p.attainableFlopsPerSecond))
                __builtin_trap();
        for (const auto &pin : results.chart.pins)
            for (const roofline::ChartPoint &p : pin.points)
                if (!placeable(p.intensity, p.attainableFlopsPerSecond))
                    __builtin_trap();
        for (const auto &m : results.chart.measured)
            if (!placeable(m.intensity, m.achievedFlopsPerSecond) || !(std::isfinite(m.shareOfRoof) && m.shareOfRoof > 0))
                __builtin_trap();
        // What was read can be saved, and what was saved reopens as the same session.
        const std::string saved = roofline::sessionToJson(session);
        try {
            std::vector<std::string> again;
            const roofline::Session reopened = roofline::parseSession(saved, "saved.roofline", library, again);
            if (!(reopened.pins == session.pins) || !(reopened.annotations == session.annotations)
                || !(reopened.measured == session.measured) || !(reopened.workload == session.workload)
                || reopened.view != session.view)
                __builtin_trap();
        } catch (const roofline::InputError &) {
            __builtin_trap();
        }
    } catch (const roofline::InputError &) {
    }
    return 0;
}
