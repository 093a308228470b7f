#include "chartdata.h"

#include <algorithm>
#include <cmath>

namespace roofline {

MeasuredShares measuredSharesByOp(const SharedList<ChartData::MeasuredPoint> &measured)
{
    struct Times {
        double allowed = 0.0, taken = 0.0;
    };
    std::map<std::pair<OpKind, Phase>, Times> times;
    for (const ChartData::MeasuredPoint &m : measured) {
        if (!m.op || !m.phase || !(m.seconds > 0.0) || !std::isfinite(m.seconds) || !(m.shareOfRoof >= 0.0)
            || !std::isfinite(m.shareOfRoof))
            continue;
        Times &t = times[{ *m.op, *m.phase }];
        t.allowed += m.shareOfRoof * m.seconds;
        t.taken += m.seconds;
    }
    MeasuredShares shares;
    for (const auto &[key, t] : times)
        if (std::isfinite(t.allowed) && std::isfinite(t.taken))
            shares[key] = t.allowed / t.taken;
    return shares;
}

std::optional<double> flopsMismatch(const ChartData::MeasuredPoint &kernel, const ChartPoint &modelled)
{
    if (!(kernel.flops > 0.0) || !(modelled.flops > 0.0) || !std::isfinite(kernel.flops) || !std::isfinite(modelled.flops))
        return std::nullopt;
    const double ratio = kernel.flops / modelled.flops;
    if (ratio <= FlopsMismatchFactor && ratio >= 1.0 / FlopsMismatchFactor)
        return std::nullopt;
    return ratio;
}

std::string pointLabel(const ChartPoint &point)
{
    // The workload too: a label follows its point as the sliders move, and says where it is now.
    const std::string workload = point.batch > 0 && point.seq > 0
        ? ", batch " + std::to_string(point.batch) + ", seq " + std::to_string(point.seq)
        : std::string();
    return std::string(opName(point.op)) + ' ' + std::string(phaseName(point.phase)) + workload + '\n' + formatRatio(point.intensity)
        + " FLOP/B, " + formatSiUnit(point.attainableFlopsPerSecond, "FLOP/s") + ", "
        + std::string(boundName(point.bound)) + "-bound";
}

const ChartPoint *followedPoint(const Annotation &annotation, const ChartData &chart)
{
    return annotation.point ? chart.currentPoint(annotation.point->op, annotation.point->phase) : nullptr;
}

std::vector<Annotation> annotationsAsShown(const SharedList<Annotation> &annotations, const ChartData &chart)
{
    std::vector<Annotation> shown(annotations.begin(), annotations.end());
    for (Annotation &a : shown) {
        if (const ChartPoint *p = followedPoint(a, chart)) {
            a.x = p->intensity;
            a.y = p->attainableFlopsPerSecond;
            a.text = pointLabel(*p);
        }
    }
    return shown;
}

void appendSeriesPoints(const Evaluation &e, std::vector<ChartPoint> &out, const ModelConfig &model)
{
    for (const PhaseResult *phase : { &e.prefill, &e.decode }) {
        const double tokens = tokensInFlight(e.workload, phase == &e.prefill ? Phase::Prefill : Phase::Decode);
        for (const OpResult &op : *phase) {
            if (op.cost.series == Series::None)
                continue;
            ChartPoint point { op.cost.series, op.cost.op, op.cost.phase, e.workload.batch, e.workload.seq,
                               op.cost.flops, op.cost.totalBytes(), op.intensity, op.attainableFlopsPerSecond,
                               op.bound, op.timeSeconds };
            point.tokensPerStep = e.workload.tokensPerStep;
            point.acceptedPerStep = e.workload.acceptedPerStep();
            const bool attentionOp = op.cost.op == OpKind::Qk || op.cost.op == OpKind::Pv || op.cost.op == OpKind::Attention;
            if (model.hasSlidingWindow() && attentionOp) {
                point.keysInContext = double(e.workload.seq) + (phase == &e.prefill ? 0.0 : double(e.workload.tokensPerStep));
                point.keysAttended = attendedTokens(model, point.keysInContext);
                point.slidingWindow = model.slidingWindow;
                point.windowedLayers = model.windowedLayers;
                point.layers = model.layers;
            }
            const bool expertOp = op.cost.op == OpKind::GateProj || op.cost.op == OpKind::UpProj || op.cost.op == OpKind::GateUpProj
                || op.cost.op == OpKind::DownProj;
            if (model.isMoe() && expertOp) {
                point.experts = model.experts;
                point.expertsPerToken = model.expertsPerToken;
                point.expertsTouched = expectedExpertsTouched(model, tokens);
            }
            out.push_back(point);
        }
    }
}

namespace {
std::string printf(const char *format, double value)
{
    return formatOne(format, value);
}

// A GPU's figure on the chart, in four significant figures at most (a dragged slider gives 1753.88 GB/s:
// "1754"), whole from 10,000 up (never "1e+04").
std::string figure(double value)
{
    return std::fabs(value) < 1e4 ? formatOne("%.4g", value) : formatOne("%.0f", value);
}
}

std::string assumptionsAwayFromDefaults(const Assumptions &a)
{
    const Assumptions defaults;
    std::vector<std::string> said;
    if (a.causalMask != defaults.causalMask)
        said.emplace_back(a.causalMask ? "causal mask" : "no causal mask");
    if (a.allPrefillLogits != defaults.allPrefillLogits)
        said.emplace_back(a.allPrefillLogits ? "logits at every position" : "logits at the last position");
    if (a.embeddingType)
        said.push_back("embedding " + std::string(dtypeName(*a.embeddingType)));
    if (a.scoreType)
        said.push_back("scores " + std::string(dtypeName(*a.scoreType)));
    if (a.fuseQkv != defaults.fuseQkv)
        said.emplace_back(a.fuseQkv ? "fused QKV" : "separate q, k, v");
    if (a.fuseGateUp != defaults.fuseGateUp)
        said.emplace_back(a.fuseGateUp ? "fused gate/up" : "separate gate, up");
    if (a.countNonGemm != defaults.countNonGemm)
        said.emplace_back(a.countNonGemm ? "non-GEMM ops counted" : "matrix multiplies only");
    std::string out;
    for (const std::string &s : said)
        out += (out.empty() ? "" : ", ") + s;
    return out;
}

void buildChartData(const Scenario &scenario, const Evaluation &current, const std::vector<Evaluation> &sweep,
                    ChartData &out)
{
    const Workload &w = current.workload;
    out.title = "Roofline Model (" + scenario.model.name + ", " + shortGpuName(scenario.gpu.name) + ")";
    const std::string sep(SubtitleSeparator);
    out.subtitle = scenario.gpu.name + ": " + figure(current.roof.bandwidthBytesPerSecond / BytesPerGB) + " GB/s" + ", "
        + figure(current.roof.peakFlopsPerSecond / FlopsPerTflop) + " TFLOP/s " + std::string(computeTypeName(w.computeType))
        + sep + "batch " + std::to_string(w.batch) + ", sequence " + std::to_string(w.seq) + sep + "weights "
        + std::string(dtypeName(w.weightType)) + ", KV " + std::string(dtypeName(w.kvType))
        + (w.flashAttention ? sep + "FlashAttention" : "")
        + (w.tokensPerStep > 1 ? sep + std::to_string(w.tokensPerStep) + " tokens/step, " + printf("%g", w.acceptedPerStep()) + " accepted" : "")
        + (scenario.efficiency.enabled ? sep + "times at " + printf("%g%%", scenario.efficiency.compute * 100.0) + " / "
                   + printf("%g%%", scenario.efficiency.bandwidth * 100.0) + " efficiency"
                                       : "");
    // A slide made with other modelling choices says which.
    // Under FlashAttention the score matrix never reaches memory: its type changes nothing and goes unsaid.
    Assumptions said = w.assumptions;
    if (w.flashAttention)
        said.scoreType.reset();
    if (const std::string choices = assumptionsAwayFromDefaults(said); !choices.empty())
        out.subtitle += sep + choices;
    // A workload that does not fit is said on the chart, and so on every export, not only beside it.
    out.warning = current.memory.fits() ? std::string()
                                        : "\u26a0 does not fit: weights + KV cache " + formatSiUnit(current.memory.totalBytes(), "B") + " of "
            + formatSiUnit(current.memory.capacityBytes, "B");
    out.roof = current.roof;
    out.bandwidthLabel = figure(current.roof.bandwidthBytesPerSecond / BytesPerGB) + " GB/s";
    out.peakLabel = figure(current.roof.peakFlopsPerSecond / FlopsPerTflop) + " TFLOP/s";
    out.ridgeLabel = "ridge " + figure(current.roof.ridge()) + " FLOP/B"; // four figures, as the roofs' labels
    out.current.clear();
    appendSeriesPoints(current, out.current, scenario.model);
    out.sweep.clear();
    for (const Evaluation &e : sweep)
        appendSeriesPoints(e, out.sweep, scenario.model);
    out.practicalRoof.reset();
    if (scenario.efficiency.enabled) {
        out.practicalRoof = current.timingRoof;
        out.practicalLabel = printf("practical: %g%% of peak", scenario.efficiency.compute * 100.0)
            + printf(", %g%% of bandwidth", scenario.efficiency.bandwidth * 100.0);
    }
    out.ceilings.clear();
    for (int i = 0; i < ComputeTypeCount; ++i) {
        const auto type = static_cast<ComputeType>(i);
        if (const auto peak = scenario.gpu.peak(type))
            out.ceilings.push_back(ChartData::Ceiling { std::string(computeTypeName(type)), *peak,
                                                        *peak / current.roof.bandwidthBytesPerSecond, type == w.computeType });
    }
    // Ceilings at the same height are one line: each is labelled with every type at that height ("fp8, int8
    // 1978.9 TFLOP/s" on an H100; the two labels were drawn over each other).
    std::vector<std::string> labels;
    for (const ChartData::Ceiling &ceiling : out.ceilings) {
        std::string names;
        for (const ChartData::Ceiling &other : out.ceilings)
            if (other.flopsPerSecond == ceiling.flopsPerSecond)
                names += (names.empty() ? "" : ", ") + other.label;
        labels.push_back(names + " " + figure(ceiling.flopsPerSecond / FlopsPerTflop) + " TFLOP/s");
    }
    for (std::size_t i = 0; i < out.ceilings.size(); ++i)
        out.ceilings[i].label = labels[i];
}

ChartData::OtherRoof otherRoofOf(const GpuSpec &gpu, ComputeType computeType)
{
    ChartData::OtherRoof roof;
    roof.name = shortGpuName(gpu.name);
    roof.roof = rooflineFor(gpu, computeType);
    roof.bandwidthLabel = roof.name + ": " + figure(roof.roof.bandwidthBytesPerSecond / BytesPerGB) + " GB/s";
    roof.peakLabel = roof.name + ": " + figure(roof.roof.peakFlopsPerSecond / FlopsPerTflop) + " TFLOP/s";
    roof.ridgeLabel = roof.name + " ridge " + figure(roof.roof.ridge()) + " FLOP/B";
    return roof;
}

const ChartPoint *ChartData::modelledPoint(const MeasuredPoint &point) const
{
    // The last of its op and phase, as the kernels were matched.
    return point.modelled ? currentPoint(point.modelled->op, point.modelled->phase) : nullptr;
}

const ChartPoint *ChartData::currentPoint(OpKind op, Phase phase) const
{
    const auto last = std::find_if(current.rbegin(), current.rend(), [&](const ChartPoint &p) { return p.op == op && p.phase == phase; });
    return last == current.rend() ? nullptr : &*last;
}

} // namespace roofline
