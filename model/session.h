#pragma once

#include "gpuspec.h"
#include "nametable.h"
#include "grid.h"
#include "modelconfig.h"
#include "presets.h"
#include "measured.h"
#include "scenario.h"
#include "sharedlist.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roofline {

inline constexpr int SessionFormat = 1;

// A scenario kept on the chart as faded ghosts while the sliders move on.
struct Pin {
    std::string label; // "pinned: batch 1, RTX A6000"
    Scenario scenario;
    bool operator==(const Pin &other) const
    {
        return label == other.label && scenario.model == other.scenario.model && scenario.gpu == other.scenario.gpu
            && scenario.workload == other.scenario.workload && scenario.efficiency == other.scenario.efficiency;
    }
};

// A text on the chart: a label pinned to a point (with an arrow), or a free note.
struct Annotation {
    enum class Kind { PointLabel, Note };
    // The current point a label describes, which it follows as the workload, the model or the GPU change.
    struct Point {
        OpKind op = OpKind::QProj;
        Phase phase = Phase::Decode;
        bool operator==(const Point &) const = default;
    };
    Kind kind = Kind::Note;
    std::string text;
    double x = 1.0; // anchor, in data coordinates (FLOP/B, FLOP/s)
    double y = 1.0;
    double dx = 0.0; // where the text sits relative to the anchor, in pixels
    double dy = 0.0;
    // A label of one of the current points: drawn at that op's point with its numbers as they are now (x, y and
    // text are what they were when it was made, and stand when the op is no longer drawn). None for a note and
    // for a label of a sweep or pinned point, which stay where they were put.
    std::optional<Point> point = std::nullopt;
    bool operator==(const Annotation &) const = default;
};

// An annotation kind's name in a session, both ways: "label" or "note".
inline constexpr NameTable<Annotation::Kind, 2> AnnotationKindNames { { { { Annotation::Kind::PointLabel, "label" },
                                                                          { Annotation::Kind::Note, "note" } } } };
std::string_view annotationKindName(Annotation::Kind kind);
std::optional<Annotation::Kind> annotationKindFromName(std::string_view name);

struct ViewRange {
    double xMin = 0, xMax = 0, yMin = 0, yMax = 0;
    bool operator==(const ViewRange &) const = default;
};

struct ExportSettings {
    int width = 1920;
    int height = 1080;
    double scale = 1.0;
    bool dark = false; // export style: light (for slides) unless asked
    bool operator==(const ExportSettings &) const = default;
};

// The export styles, by whether they are dark: light (the default, for slides) first. Their names in a session
// and on the command line, both ways: "light" or "dark"; and "light or dark" for messages.
inline constexpr NameTable<bool, 2> ExportStyleNames { { { { false, "light" }, { true, "dark" } } } };
inline constexpr std::array<bool, ExportStyleNames.size()> ExportStyles = ExportStyleNames.values();
std::string_view exportStyleName(bool dark);
std::string exportStyleNames();
std::optional<bool> exportStyleIsDark(std::string_view name);

// Everything a `.roofline` file holds: enough to rebuild the chart exactly.
struct Session {
    ModelConfig model;
    GpuSpec gpu;
    std::string gpuBaseId; // the preset a customised GPU started from
    bool gpuCustomised = false;
    Workload workload;
    SweepSettings sweep;
    SeriesMask seriesVisible = AllSeries;
    SharedList<Pin> pins;
    SharedList<Annotation> annotations;
    std::optional<GpuSpec> secondGpu;
    bool opsOnSecondGpu = false; // place the ops against the second GPU's roofs
    std::optional<ViewRange> view; // absent: the fitted frame
    ExportSettings exportSettings;
    Efficiency efficiency;
    bool showAllCeilings = false; // every compute ceiling the GPU publishes, labelled
    PhaseMapChoice phaseMap; // what the phase map shows
    SharedList<MeasuredKernel> measured; // imported measurements, drawn beside the model's points

    Scenario scenario() const;
    // After its figures were edited (the window's sliders, the command line's flags): the GPU is no longer
    // its preset. The first edit keeps the preset's id as the base and names the GPU "Custom (from <its
    // name>)"; a later edit keeps both. `note` says how it was edited.
    void markGpuEdited(const std::string &note);
    bool operator==(const Session &) const = default;
};

// What a pin of the session's scenario is called: "pinned: batch 8, seq 2048, A6000, Llama-2-13B", then
// what else sets its points apart when it is not the default: the weight/activation/KV types ("int4/fp16/fp8"),
// the compute type's peak, FlashAttention, the tokens a step; cut with "…" to at most `maxBytes` bytes
// (whole characters).
std::string pinLabel(const Scenario &scenario, std::size_t maxBytes);
// What sets a pin's scenario apart from the one shown now ("pinned: batch 1", "pinned: H100 SXM, fp8 peak"),
// in pinLabel's words and order; "pinned: as now" when nothing does. Cut as pinLabel is.
std::string pinDifference(const Scenario &pinned, const Scenario &now, std::size_t maxBytes);
// What the legend calls a pin: a label the app gave it (pinLabel) says what differs from now (pinDifference);
// a label written in a session file is kept as written.
std::string pinLegendName(const Pin &pin, const Scenario &now);

// A session file's extension, and whether a path has it (in any case: CHART.ROOFLINE is one too).
inline constexpr std::string_view SessionExtension = ".roofline";
bool isSessionFileName(std::string_view path);

// The session as pretty-printed JSON with "format": SessionFormat.
std::string sessionToJson(const Session &session);

// The session everything starts from (the window, the command line, a file's missing fields): the default
// model and GPU presets (DefaultModelId, DefaultGpuId; the first of each if the library lacks them) and the
// defaults of every other setting: Llama-2-13B on the seed chart's A6000, batch 1, sequence 2048.
Session defaultSession(const PresetLibrary &presets);

// Reads a session. Presets are referred to by id and resolved against `presets`; what cannot be resolved
// (an unknown preset, an unknown series, a newer format's fields) is skipped with a line in `warnings`.
// Throws InputError for what makes the file unusable (not JSON, wrong types, invalid values).
Session parseSession(std::string_view text, const std::string &source, const PresetLibrary &presets,
                     std::vector<std::string> &warnings);

} // namespace roofline
