#include "explorerstate.h"
#include "explorerstate_p.h"

#include "chartdata.h"
#include "chartframe.h"
#include "undohistory.h"
#include "inputlimits.h"
#include "text.h"

#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace roofline {

using namespace stateinternal;

ExplorerState::ExplorerState(const PresetLibrary &presets, QObject *parent)
    : QObject(parent)
    , m_models(presets.models)
    , m_gpus(presets.gpus)
    , m_undo(new QUndoStack(this))
{
    m_now.session = defaultSession(presets);
    // The default session's model and GPU are the library's own (or its first entries, defaultSession).
    m_now.modelIndex = std::max(0, indexOf(m_models, m_now.session.model.id));
    m_now.gpuIndex = std::max(0, indexOf(m_gpus, m_now.session.gpu.id));
    m_savedView = m_now.session.view;
    m_savedPhaseMap = m_now.session.phaseMap;
    connect(m_undo, &QUndoStack::cleanChanged, this, &ExplorerState::updateModified);
}

ExplorerState::~ExplorerState() = default;

void ExplorerState::keepWhatIsNotUndone(Snapshot &next) const
{
    // The frame, the phase map's choice and the export settings are not undo steps (see Snapshot): a change or
    // an undo leaves them as they are now.
    next.session.view = m_now.session.view;
    next.session.exportSettings = m_now.session.exportSettings;
    next.session.phaseMap = m_now.session.phaseMap;
}

void ExplorerState::restore(const Snapshot &snapshot)
{
    Snapshot next = snapshot;
    keepWhatIsNotUndone(next);
    const StateParts parts = changedParts(m_now, next);
    if (!parts)
        return;
    m_now = std::move(next);
    Q_EMIT changed(parts);
}

void ExplorerState::change(const QString &text, int mergeKind, Snapshot next)
{
    keepWhatIsNotUndone(next);
    if (next == m_now)
        return;
    const int serial = m_dragging && mergeKind != NoMerge ? m_dragSerial : -1;
    m_undo->push(new ChangeCommand([this](const Snapshot &snapshot) { restore(snapshot); }, text, mergeKind, serial, m_now,
                                   std::move(next)));
    trimHistory();
}

std::size_t ExplorerState::undoBytes() const
{
    return historyBytes(m_undo);
}

void ExplorerState::trimHistory()
{
    trimUndoHistory(m_undo, MaxUndoSteps, MaxUndoBytes);
}

void ExplorerState::beginDrag()
{
    m_dragging = true;
    ++m_dragSerial;
}

void ExplorerState::endDrag()
{
    m_dragging = false;
    ++m_dragSerial;
}

void ExplorerState::setBatch(double batch)
{
    Snapshot next = m_now;
    next.session.workload.batch = clampWhole(batch, BatchRange);
    const QString text = tr("Batch size %1").arg(next.session.workload.batch);
    change(text, Batch, std::move(next));
}

void ExplorerState::stepBatch(bool up)
{
    const double batch = double(m_now.session.workload.batch);
    setBatch(up ? batch * 2.0 : batch / 2.0);
}

void ExplorerState::stepSeq(bool up)
{
    const double seq = double(m_now.session.workload.seq);
    setSeq(up ? seq * 2.0 : seq / 2.0);
}

void ExplorerState::setSeq(double seq)
{
    Snapshot next = m_now;
    next.session.workload.seq = clampWhole(seq, SeqRange);
    const QString text = tr("Sequence length %1").arg(next.session.workload.seq);
    change(text, Seq, std::move(next));
}

void ExplorerState::setFlashAttention(bool enabled)
{
    Snapshot next = m_now;
    next.session.workload.flashAttention = enabled;
    change(enabled ? tr("FlashAttention on") : tr("FlashAttention off"), NoMerge, std::move(next));
}

void ExplorerState::setDTypes(DType weights, DType activations, DType kvCache)
{
    Snapshot next = m_now;
    next.session.workload.weightType = weights;
    next.session.workload.activationType = activations;
    next.session.workload.kvType = kvCache;
    change(tr("Precision"), NoMerge, std::move(next));
}

void ExplorerState::setComputeType(ComputeType type)
{
    Snapshot next = m_now;
    next.session.workload.computeType = publishedComputeType(next.session.gpu, type);
    change(tr("Compute type"), NoMerge, std::move(next));
}

void ExplorerState::setTokensPerStep(double tokens)
{
    Snapshot next = m_now;
    Workload &w = next.session.workload;
    w.tokensPerStep = clampWhole(tokens, TokensPerStepRange);
    // No more accepted than verified: fewer tokens a step take the accepted ones down with them.
    w.acceptedTokensPerStep = w.acceptedPerStep();
    change(tr("Tokens per step"), NoMerge, std::move(next));
}

void ExplorerState::setAcceptedTokens(double tokens)
{
    Snapshot next = m_now;
    Workload &w = next.session.workload;
    w.acceptedTokensPerStep = clampFinite(tokens, AcceptedTokensRange);
    w.acceptedTokensPerStep = w.acceptedPerStep(); // no more than verified
    const QString text = tr("Accepted tokens %1").arg(next.session.workload.acceptedTokensPerStep);
    change(text, NoMerge, std::move(next));
}

void ExplorerState::setAssumptions(const Assumptions &assumptions)
{
    Snapshot next = m_now;
    next.session.workload.assumptions = assumptions;
    change(tr("Model assumptions"), NoMerge, std::move(next));
}

void ExplorerState::setEfficiency(const Efficiency &efficiency)
{
    Snapshot next = m_now;
    next.session.efficiency.enabled = efficiency.enabled;
    next.session.efficiency.compute = clampFinite(efficiency.compute, EfficiencyRange);
    next.session.efficiency.bandwidth = clampFinite(efficiency.bandwidth, EfficiencyRange);
    change(tr("Practical ceilings"), NoMerge, std::move(next));
}

void ExplorerState::setShowAllCeilings(bool show)
{
    Snapshot next = m_now;
    next.session.showAllCeilings = show;
    change(tr("Compute ceilings"), NoMerge, std::move(next));
}

void ExplorerState::setMeasured(const std::vector<MeasuredKernel> &kernels)
{
    if (kernels.size() > MaxMeasuredKernels) {
        Q_EMIT limitReached(tr("A session holds at most %1 measured kernels; these are %2.").arg(MaxMeasuredKernels).arg(kernels.size()));
        return;
    }
    Snapshot next = m_now;
    next.session.measured = SharedList<MeasuredKernel>(kernels);
    change(kernels.empty() ? tr("Remove measurements") : tr("Import measurements"), NoMerge, std::move(next));
}

void ExplorerState::setPeakTflops(double tflops)
{
    applyGpuEdit(clampFinite(tflops, PeakTflopsRange) * FlopsPerTflop, m_now.session.gpu.bandwidthBytesPerSecond);
}

void ExplorerState::setBandwidthGbps(double gbps)
{
    const auto computeType = m_now.session.workload.computeType;
    applyGpuEdit(m_now.session.gpu.peak(computeType).value_or(0.0),
                 clampFinite(gbps, BandwidthGBpsRange) * BytesPerGB);
}

void ExplorerState::applyGpuEdit(double peakFlops, double bandwidth)
{
    Snapshot next = m_now;
    GpuSpec &gpu = next.session.gpu;
    const auto computeType = next.session.workload.computeType;
    if (gpu.peak(computeType) == peakFlops && gpu.bandwidthBytesPerSecond == bandwidth)
        return;
    const bool bandwidthEdit = gpu.bandwidthBytesPerSecond != bandwidth;
    gpu.setPeak(computeType, peakFlops);
    gpu.bandwidthBytesPerSecond = bandwidth;
    if (bandwidthEdit)
        gpu.bandwidthStatedInGiB = false; // the slider's figure is in GB/s
    if (!next.session.gpuCustomised)
        next.session.markGpuEdited("Figures edited by hand from " + baseGpu().name + ".");
    change(bandwidthEdit ? tr("Memory bandwidth") : tr("Peak compute"), bandwidthEdit ? Bandwidth : Peak, std::move(next));
}

void ExplorerState::resetGpu()
{
    if (!m_now.session.gpuCustomised)
        return;
    Snapshot next = m_now;
    next.session.gpuCustomised = false;
    next.session.gpuBaseId.clear();
    next.session.gpu = baseGpu();
    change(tr("Reset GPU"), NoMerge, std::move(next));
}

void ExplorerState::setSeriesVisible(Series series, bool visible)
{
    const auto index = std::size_t(series);
    if (index >= std::size_t(SeriesCount))
        return;
    Snapshot next = m_now;
    next.session.seriesVisible[index] = visible;
    change(visible ? tr("Show series") : tr("Hide series"), NoMerge, std::move(next));
}

void ExplorerState::setSweep(const SweepSettings &sweep)
{
    Snapshot next = m_now;
    next.session.sweep = sweep;
    // Each range within its limits and low <= high, as the session reader takes it.
    const auto clampPair = [](std::int64_t &lo, std::int64_t &hi, CountRange range) {
        lo = std::clamp(lo, range.min, range.max);
        hi = std::clamp(hi, lo, range.max);
    };
    SweepSettings &s = next.session.sweep;
    clampPair(s.batchMin, s.batchMax, BatchRange);
    clampPair(s.seqMin, s.seqMax, SeqRange);
    clampPair(s.tokensMin, s.tokensMax, TokensPerStepRange);
    s.tokensStep = std::clamp(s.tokensStep, TokensPerStepRange.min, TokensPerStepRange.max);
    change(tr("Sweep"), NoMerge, std::move(next));
}

void ExplorerState::pinCurrent()
{
    if (m_now.session.pins.size() >= MaxPins) {
        Q_EMIT limitReached(tr("A session holds at most %1 pins: remove one to pin another.").arg(MaxPins));
        return;
    }
    Snapshot next = m_now;
    Pin pin;
    pin.scenario = m_now.session.scenario();
    pin.label = pinLabel(pin.scenario, MaxPinLabelChars);
    next.session.pins.modify([&](std::vector<Pin> &pins) { pins.push_back(std::move(pin)); });
    change(tr("Pin"), NoMerge, std::move(next));
}

void ExplorerState::removePin(int index)
{
    if (index < 0 || index >= int(m_now.session.pins.size()))
        return;
    Snapshot next = m_now;
    next.session.pins.modify([&](std::vector<Pin> &pins) { pins.erase(pins.begin() + index); });
    change(tr("Remove pin"), NoMerge, std::move(next));
}

void ExplorerState::clearPins()
{
    Snapshot next = m_now;
    next.session.pins = {};
    change(tr("Remove all pins"), NoMerge, std::move(next));
}

void ExplorerState::setSecondGpu(int gpuIndex)
{
    Snapshot next = m_now;
    if (gpuIndex < 0 || gpuIndex >= int(m_gpus.size())) {
        next.session.secondGpu.reset();
    } else {
        next.session.secondGpu = m_gpus[std::size_t(gpuIndex)];
    }
    change(tr("Second GPU"), NoMerge, std::move(next));
}


void ExplorerState::toggleSeriesVisible(Series series)
{
    if (std::size_t(series) < m_now.session.seriesVisible.size())
        setSeriesVisible(series, !m_now.session.seriesVisible[std::size_t(series)]);
}

void ExplorerState::addNote(double x, double y, const std::string &text)
{
    const std::string_view trimmed = trimSpace(text);
    if (!trimmed.empty())
        addAnnotation(Annotation { Annotation::Kind::Note, std::string(trimmed), x, y });
}

void ExplorerState::addAnnotation(const Annotation &annotation)
{
    // Where a session file can hold it, so that whatever is saved opens again.
    if (!annotationPlaceable(annotation.x, annotation.y))
        return;
    if (m_now.session.annotations.size() >= MaxAnnotations) {
        Q_EMIT limitReached(tr("A session holds at most %1 labels and notes: delete one to add another.").arg(MaxAnnotations));
        return;
    }
    Annotation added = annotation;
    if (added.text.size() > MaxAnnotationChars) {
        added.text = std::string(utf8Prefix(added.text, MaxAnnotationChars));
        Q_EMIT limitReached(tr("A label or note holds at most %1 bytes of text: the rest of this one was cut.").arg(MaxAnnotationChars));
    }
    Snapshot next = m_now;
    next.session.annotations.modify([&](std::vector<Annotation> &list) { list.push_back(std::move(added)); });
    change(annotation.kind == Annotation::Kind::Note ? tr("Add note") : tr("Add label"), NoMerge, std::move(next));
}

void ExplorerState::moveAnnotation(int index, double dx, double dy)
{
    if (index < 0 || index >= int(m_now.session.annotations.size()) || !std::isfinite(dx) || !std::isfinite(dy))
        return;
    Snapshot next = m_now;
    next.session.annotations.modify([&](std::vector<Annotation> &list) {
        list[std::size_t(index)].dx = std::clamp(dx, AnnotationOffsetRange.min, AnnotationOffsetRange.max);
        list[std::size_t(index)].dy = std::clamp(dy, AnnotationOffsetRange.min, AnnotationOffsetRange.max);
    });
    change(tr("Move label"), MoveAnnotation, std::move(next));
}

void ExplorerState::removeAnnotation(int index)
{
    if (index < 0 || index >= int(m_now.session.annotations.size()))
        return;
    Snapshot next = m_now;
    next.session.annotations.modify([&](std::vector<Annotation> &list) { list.erase(list.begin() + index); });
    change(tr("Delete label"), NoMerge, std::move(next));
}

void ExplorerState::setView(const std::optional<ViewRange> &view)
{
    // A frame is kept within the chart's limits and at least a decade a side (clampedFrame), as a session
    // file's is; one that is not a frame at all (not finite) changes nothing.
    std::optional<ViewRange> kept = view;
    if (kept) {
        if (!std::isfinite(kept->xMin) || !std::isfinite(kept->xMax) || !std::isfinite(kept->yMin) || !std::isfinite(kept->yMax))
            return;
        kept = clampedFrame(*kept);
    }
    if (kept == m_now.session.view)
        return;
    m_now.session.view = kept;
    Q_EMIT viewChanged();
    updateModified();
}

void ExplorerState::setExportSettings(const ExportSettings &settings)
{
    // Kept within what an export takes, as every setter keeps its figure (the dialog and a session already
    // do; a caller need not).
    ExportSettings kept = settings;
    kept.width = int(clampWhole(double(settings.width), ExportSideRange));
    kept.height = int(clampWhole(double(settings.height), ExportSideRange));
    kept.scale = clampFinite(settings.scale, ExportScaleRange);
    m_now.session.exportSettings = kept;
}

void ExplorerState::setPhaseMapChoice(const PhaseMapChoice &choice)
{
    if (choice == m_now.session.phaseMap)
        return;
    m_now.session.phaseMap = choice;
    Q_EMIT phaseMapChoiceChanged();
    updateModified();
}

} // namespace roofline
