#pragma once

#include "presets.h"
#include "session.h"
#include "statesnapshot.h"

#include <QObject>

#include <vector>

class QUndoStack;

namespace roofline {

// The one place the window's inputs live: the session (model, GPU, workload, sweep, pins, annotations,
// second GPU, which series show, the frame, export settings) and which entry of the pickers is chosen. Views
// report gestures (a legend click, a zoom) and the state decides. Setters clamp to the limits a session
// accepts (inputlimits.h), return early when nothing changed, and go through the undo stack, so every change
// is one undo step (the steps of one slider drag merge into one); the frame and export settings are not undo
// steps. It computes nothing; results come from ResultsModel.
class ExplorerState : public QObject
{
    Q_OBJECT
public:
    // The undo history keeps at most this many steps (past them, the oldest tenth is dropped), and drops its
    // oldest steps when what they hold alone
    // (the lists a step replaced and no later step shares) passes this many bytes. The newest step is always kept.
    static constexpr int MaxUndoSteps = 1000;
    static constexpr std::size_t MaxUndoBytes = std::size_t(256) * 1024 * 1024;

    // What an undo step restores (statesnapshot.h).
    using Snapshot = StateSnapshot;

    explicit ExplorerState(const PresetLibrary &presets, QObject *parent = nullptr);
    ~ExplorerState() override;

    const Session &session() const { return m_now.session; }
    Scenario scenario() const { return m_now.session.scenario(); }
    const std::vector<ModelConfig> &models() const { return m_models; }
    const std::vector<GpuSpec> &gpus() const { return m_gpus; }
    int modelIndex() const { return m_now.modelIndex; }
    int gpuIndex() const { return m_now.gpuIndex; }
    // The GPU as chosen, before any slider edit.
    const GpuSpec &baseGpu() const { return m_gpus[std::size_t(m_now.gpuIndex)]; }
    bool isGpuCustomised() const { return m_now.session.gpuCustomised; }
    QUndoStack *undoStack() const { return m_undo; }
    // What the undo history holds beyond the current session, estimated in bytes.
    std::size_t undoBytes() const;

    void selectModel(int index);
    void selectGpu(int index);
    // Adds a model or GPU the user opened and selects it; returns its index.
    int addModel(const ModelConfig &model);
    int addGpu(const GpuSpec &gpu);

    void setBatch(double batch);
    void setSeq(double seq);
    // A keyboard step (presentation mode's arrows): batch or sequence length doubled (`up`) or halved.
    void stepBatch(bool up);
    void stepSeq(bool up);
    void setPeakTflops(double tflops);
    void setBandwidthGbps(double gbps);
    void setFlashAttention(bool enabled);
    void setDTypes(DType weights, DType activations, DType kvCache);
    // Falls back to fp16 when the GPU publishes no peak for `type`.
    void setComputeType(ComputeType type);
    void setTokensPerStep(double tokens);
    // The mean tokens accepted per step, within AcceptedTokensRange (used up to the tokens per step).
    void setAcceptedTokens(double tokens);
    // The modelling choices (docs/model.md).
    void setAssumptions(const Assumptions &assumptions);
    void setEfficiency(const Efficiency &efficiency);
    void setShowAllCeilings(bool show);
    void setMeasured(const std::vector<MeasuredKernel> &kernels);
    void resetGpu();

    void setSeriesVisible(Series series, bool visible);
    // A legend click: shown becomes hidden and back.
    void toggleSeriesVisible(Series series);
    void setSweep(const SweepSettings &sweep);
    // Pins the current scenario (Ctrl+P); removes one or all pins.
    void pinCurrent();
    void removePin(int index);
    void clearPins();
    // -1 for none.
    void setSecondGpu(int gpuIndex);
    // The second GPU and the GPU change places: the ops go onto the other's roofs, and the GPU's controls edit
    // the one they run on. An edited GPU keeps its figures and joins the pickers. Nothing without a second GPU.
    void swapGpus();
    void addAnnotation(const Annotation &annotation);
    // A note at (x, y) in chart coordinates, its text without the spaces and line breaks around it; an empty
    // one adds nothing.
    void addNote(double x, double y, const std::string &text);
    void moveAnnotation(int index, double dx, double dy);
    void removeAnnotation(int index);
    // The frame the user chose (a zoom or pan), or none for the fitted frame; not an undo step. Emits viewChanged.
    // Kept within the chart's limits, at least a decade a side; a frame with a value that is not finite is ignored.
    void setView(const std::optional<ViewRange> &view);
    void setExportSettings(const ExportSettings &settings); // not an undo step
    // What the phase map shows; like the frame, a way of looking and not an undo step. Emits phaseMapChoiceChanged.
    void setPhaseMapChoice(const PhaseMapChoice &choice);

    // Replaces everything with a loaded session, which starts a history of its own (what came before is not
    // undone into it) and is the saved one. Models and GPUs the session holds that are not presets are added to
    // the pickers.
    void loadSession(const Session &given);

    // Unsaved changes: the session differs from the one last saved or opened, in an undo step (undone back to
    // it, it is saved again) or in its frame or phase-map choice (zoomed back to the saved frame, it is too).
    bool isModified() const;
    void markSaved(); // the session now is the saved one
    void markUnsaved(); // no saved session matches this one (changes restored from a session never saved)

    // A drag of one control merges its steps into one undo step: call begin when the press starts it,
    // end when the release ends it.
    void beginDrag();
    void endDrag();

Q_SIGNALS:
    // A change or an undo touched these parts of the session (statesnapshot.h).
    void changed(roofline::StateParts parts);
    // The frame changed (setView, or a session opened); undo and redo leave it.
    void viewChanged();
    void phaseMapChoiceChanged();
    void choicesChanged(); // the lists of models or GPUs grew
    void modifiedChanged(bool modified);
    // A change refused or cut short at one of the session's limits (inputlimits.h); the message names it.
    void limitReached(const QString &message);

private:
    // For the undo commands: puts a snapshot in place and tells the views.
    void restore(const Snapshot &snapshot);
    void change(const QString &text, int mergeKind, Snapshot next);
    void keepWhatIsNotUndone(Snapshot &next) const;
    void trimHistory();
    void applyGpuEdit(double peakFlops, double bandwidth);
    int indexOfGpu(const GpuSpec &gpu) const;
    int indexOfModel(const ModelConfig &model) const;
    void updateModified(); // emits modifiedChanged if isModified() changed

    std::vector<ModelConfig> m_models;
    std::vector<GpuSpec> m_gpus;
    Snapshot m_now;
    QUndoStack *m_undo;
    int m_dragSerial = 0; // each drag has its own; steps of the same drag merge
    bool m_dragging = false;
    // What was saved of what is not an undo step, and whether the session was last reported modified.
    std::optional<ViewRange> m_savedView;
    PhaseMapChoice m_savedPhaseMap;
    bool m_modified = false;
    bool m_loading = false;
};

} // namespace roofline
