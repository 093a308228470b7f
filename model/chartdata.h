#pragma once

#include "evaluation.h"
#include "scenario.h"
#include "session.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace roofline {

// One marker of the chart, with what its tooltip says.
struct ChartPoint {
    Series series = Series::None;
    OpKind op = OpKind::QProj;
    Phase phase = Phase::Prefill;
    std::int64_t batch = 0;
    std::int64_t seq = 0;
    double flops = 0.0;
    double bytes = 0.0;
    double intensity = 0.0; // x
    double attainableFlopsPerSecond = 0.0; // y
    Bound bound = Bound::Memory;
    double timeSeconds = 0.0;
    std::int64_t tokensPerStep = 1;
    double acceptedPerStep = 1.0;
    // Attention ops of a sliding-window model: the keys each query attends to, averaged over the layers,
    // out of how many there are; the window and how many layers use it (all 0 otherwise).
    double keysAttended = 0.0;
    double keysInContext = 0.0;
    std::int64_t slidingWindow = 0;
    std::int64_t windowedLayers = 0;
    std::int64_t layers = 0;
    // Mixture-of-experts MLP ops: how many of the experts' weights the step reads (0 for a dense op).
    double expertsTouched = 0.0;
    std::int64_t experts = 0;
    std::int64_t expertsPerToken = 0;
};

// What joins the parts of a chart's subtitle (where a narrow chart breaks it into lines): "  ·  ".
inline constexpr std::string_view SubtitleSeparator = "  \u00b7  ";

// Everything the roofline canvas draws, already computed: the widgets only place it.
struct ChartData {
    std::string title; // "Roofline Model (Llama-2-13B, RTX A6000)"
    std::string subtitle; // the GPU as named, its figures, and the workload, in parts joined by SubtitleSeparator
    // What the chart must warn of, drawn apart in the warning colour: "⚠ does not fit: weights + KV cache 133GB
    // of 48GB" when the workload does not fit the GPU's memory; empty otherwise.
    std::string warning;
    Roofline roof;
    std::string bandwidthLabel; // "768GB/s", as the seed's legend
    std::string peakLabel; // "181 TFLOP/s"
    std::string ridgeLabel; // "ridge 235.7 FLOP/B"
    std::vector<ChartPoint> current; // the operating point: the six series' ops in both phases
    std::vector<ChartPoint> sweep; // the same ops over the sweep's workloads

    // Pinned scenarios, drawn as faded ghosts.
    struct PinnedPoints {
        std::string label;
        std::vector<ChartPoint> points;
    };
    // Shared between copies, and rebuilt only when the pins change: a step copies the chart, not the pins.
    SharedList<PinnedPoints> pins;
    // What the legend calls each pin: what sets it apart from the current scenario (pinDifference), one a pin.
    std::vector<std::string> pinNames;

    // A second GPU's roofs, for comparing two machines on one chart.
    struct OtherRoof {
        std::string name;
        Roofline roof;
        std::string bandwidthLabel; // "H100 SXM: 3350GB/s"
        std::string peakLabel;
        std::string ridgeLabel; // "H100 SXM ridge 295.3 FLOP/B"
    };
    std::optional<OtherRoof> secondRoof;

    // Practical ceilings (efficiency factors), drawn as a lighter pair of roofs.
    std::optional<Roofline> practicalRoof;
    std::string practicalLabel;

    // Every compute ceiling the GPU publishes (fp16, fp8, int8, fp32); the active one is the roof.
    struct Ceiling {
        std::string label; // "fp8 1978.9 TFLOP/s"; "fp8, int8 1978.9 TFLOP/s" for types at the same height
        double flopsPerSecond = 0.0;
        double ridge = 0.0; // where it meets the memory roof, FLOP/B
        bool active = false;
    };
    std::vector<Ceiling> ceilings;

    // Imported measurements: where each kernel really ran, and the modelled point it measures, if known.
    struct MeasuredPoint {
        std::string name;
        Series series = Series::None;
        std::optional<Phase> phase;
        std::optional<OpKind> op;
        double intensity = 0.0;
        double achievedFlopsPerSecond = 0.0;
        double shareOfRoof = 0.0; // achieved / attainable at its intensity on the published roofs
        double seconds = 0.0;
        double flops = 0.0; // the kernel's own count
        // The op and phase of the modelled point it measures, when the chart has one. The point itself moves with
        // every workload step: modelledPoint() finds it among the current points.
        struct Modelled {
            OpKind op = OpKind::QProj;
            Phase phase = Phase::Prefill;
        };
        std::optional<Modelled> modelled;
    };
    // Shared between copies, and rebuilt only when the kernels, the roofs or the set of ops change: a workload
    // step leaves 100,000 measured points alone.
    SharedList<MeasuredPoint> measured;

    // The current operating point a measurement measures, or nullptr.
    const ChartPoint *modelledPoint(const MeasuredPoint &point) const;
    // The current point of an op in a phase (the last, if the op is drawn more than once), or nullptr.
    const ChartPoint *currentPoint(OpKind op, Phase phase) const;
};

// The modelling choices away from their defaults, for the subtitle: "causal mask, fused QKV, matrix multiplies
// only"; empty at the defaults.
std::string assumptionsAwayFromDefaults(const Assumptions &assumptions);

// The roofline chart for a scenario, from its evaluation and its sweep. `out`'s vectors are reused.
void buildChartData(const Scenario &scenario, const Evaluation &current, const std::vector<Evaluation> &sweep,
                    ChartData &out);

// How close the measured kernels of each op and phase came to the roof, together: the time the published roofs
// allow them (each kernel's share of the roof times its time) over the time they took. Kernels of no known op
// or phase, or of no positive finite time and share, are left out.
using MeasuredShares = std::map<std::pair<OpKind, Phase>, double>;
MeasuredShares measuredSharesByOp(const SharedList<ChartData::MeasuredPoint> &measured);

// A kernel's FLOPs over those of the modelled op it is joined to, when they differ by more than half again either
// way: the kernel was most likely measured at another workload (batch, sequence length) than the chart shows, and
// the line between them joins two different things. None when they agree or either count is not positive.
inline constexpr double FlopsMismatchFactor = 1.5;
std::optional<double> flopsMismatch(const ChartData::MeasuredPoint &kernel, const ChartPoint &modelled);

// The text of a label pinned to a point: "q_proj decode, batch 1, seq 2048\n0.99 FLOP/B, 760GFLOP/s, memory-bound".
std::string pointLabel(const ChartPoint &point);

// The current point a label follows (its op and phase, still drawn), or nullptr: a note, a label of a pin's or a
// sweep's point, or one whose op is gone. The one rule for the chart and for a saved session.
const ChartPoint *followedPoint(const Annotation &annotation, const ChartData &chart);

// The annotations as the chart shows them: each label that follows a point (followedPoint) takes that point's
// value and numbers now (the others keep what they were made with). What a saved session holds, so that the file
// says what the chart said. The screen draws the label's arrow to the point's marker, which may sit beside its
// value where markers of other series coincide (dodgedPositions): a place of the screen, not of the data, and
// not saved.
std::vector<Annotation> annotationsAsShown(const SharedList<Annotation> &annotations, const ChartData &chart);


// The chart's points of one evaluation's ops that belong to a series, appended to `out`, with what their
// tooltips say of the model (sliding window, experts).
void appendSeriesPoints(const Evaluation &e, std::vector<ChartPoint> &out, const ModelConfig &model);
// Another GPU's roofs for the chart, named and labelled as the chart shows them.
ChartData::OtherRoof otherRoofOf(const GpuSpec &gpu, ComputeType computeType);

} // namespace roofline
