#include "controlsbinder.h"

#include "controlpanel.h"
#include "explorerstate.h"

namespace roofline {

ControlsBinder::ControlsBinder(ControlPanel *panel, ExplorerState *state, QObject *parent)
    : QObject(parent)
    , m_panel(panel)
    , m_state(state)
{
    ExplorerState *s = state;
    connect(panel, &ControlPanel::modelChosen, s, &ExplorerState::selectModel);
    connect(panel, &ControlPanel::gpuChosen, s, &ExplorerState::selectGpu);
    connect(panel, &ControlPanel::batchChanged, s, &ExplorerState::setBatch);
    connect(panel, &ControlPanel::seqChanged, s, &ExplorerState::setSeq);
    connect(panel, &ControlPanel::peakTflopsChanged, s, &ExplorerState::setPeakTflops);
    connect(panel, &ControlPanel::bandwidthGbpsChanged, s, &ExplorerState::setBandwidthGbps);
    connect(panel, &ControlPanel::flashAttentionChanged, s, &ExplorerState::setFlashAttention);
    connect(panel, &ControlPanel::resetGpuRequested, s, &ExplorerState::resetGpu);
    connect(panel, &ControlPanel::dragStarted, s, &ExplorerState::beginDrag);
    connect(panel, &ControlPanel::dragFinished, s, &ExplorerState::endDrag);
    connect(panel, &ControlPanel::secondGpuChosen, s, &ExplorerState::setSecondGpu);
    connect(panel, &ControlPanel::swapGpusRequested, s, &ExplorerState::swapGpus);
    connect(panel, &ControlPanel::pinRequested, s, &ExplorerState::pinCurrent);
    connect(panel, &ControlPanel::clearPinsRequested, s, &ExplorerState::clearPins);
    connect(panel, &ControlPanel::sweepChanged, s, [s](SweepMode mode, qint64 batchMin, qint64 batchMax, qint64 seqMin, qint64 seqMax) {
        SweepSettings sweep = s->session().sweep; // the tokens-per-step range is not in the panel
        sweep.mode = mode;
        sweep.batchMin = batchMin;
        sweep.batchMax = batchMax;
        sweep.seqMin = seqMin;
        sweep.seqMax = seqMax;
        s->setSweep(sweep);
    });
    connect(panel, &ControlPanel::dtypesChanged, s, &ExplorerState::setDTypes);
    connect(panel, &ControlPanel::computeTypeChanged, s, &ExplorerState::setComputeType);
    connect(panel, &ControlPanel::tokensPerStepChanged, s, [s](int tokens) { s->setTokensPerStep(tokens); });
    connect(panel, &ControlPanel::acceptedTokensChanged, s, &ExplorerState::setAcceptedTokens);
    connect(panel, &ControlPanel::assumptionsChanged, s, &ExplorerState::setAssumptions);
    connect(panel, &ControlPanel::showAllCeilingsChanged, s, &ExplorerState::setShowAllCeilings);
    // Each part of the practical ceilings changes alone; the rest is the state's own figure.
    const auto withEfficiency = [s](auto change) {
        Efficiency efficiency = s->session().efficiency;
        change(efficiency);
        s->setEfficiency(efficiency);
    };
    connect(panel, &ControlPanel::efficiencyEnabledChanged, s,
            [withEfficiency](bool enabled) { withEfficiency([enabled](Efficiency &e) { e.enabled = enabled; }); });
    connect(panel, &ControlPanel::computeEfficiencyChanged, s,
            [withEfficiency](double share) { withEfficiency([share](Efficiency &e) { e.compute = share; }); });
    connect(panel, &ControlPanel::bandwidthEfficiencyChanged, s,
            [withEfficiency](double share) { withEfficiency([share](Efficiency &e) { e.bandwidth = share; }); });
    connect(s, &ExplorerState::choicesChanged, this, &ControlsBinder::showChoices);
    connect(s, &ExplorerState::changed, this, [this](StateParts parts) {
        if (parts & (StatePart::Inputs | StatePart::Look))
            showValues(); // the labels and notes have no control
    });
    showChoices();
    showValues();
}

void ControlsBinder::showChoices()
{
    QStringList models;
    for (const ModelConfig &m : m_state->models())
        models << QString::fromStdString(m.name);
    QStringList gpus;
    for (const GpuSpec &g : m_state->gpus())
        gpus << QString::fromStdString(g.name);
    m_panel->setModelNames(models);
    m_panel->setGpuNames(gpus);
    m_panel->setValues(valuesOf(*m_state)); // the pickers were refilled: show the choice again
}

void ControlsBinder::showValues()
{
    m_panel->setValues(valuesOf(*m_state));
}

ControlValues ControlsBinder::valuesOf(const ExplorerState &state)
{
    const Session &session = state.session();
    ControlValues values;
    values.modelIndex = state.modelIndex();
    values.gpuIndex = state.gpuIndex();
    values.batch = double(session.workload.batch);
    values.seq = double(session.workload.seq);
    values.peakTflops = session.gpu.peak(session.workload.computeType).value_or(0.0) / FlopsPerTflop;
    values.bandwidthGbps = session.gpu.bandwidthBytesPerSecond / BytesPerGB;
    values.flashAttention = session.workload.flashAttention;
    values.gpuCustomised = state.isGpuCustomised();
    values.gpuName = QString::fromStdString(session.gpu.name);
    // The file's own note, and what was converted to show it in GB/s.
    const std::string conversion = bandwidthConversionNote(session.gpu);
    values.gpuNote = QString::fromStdString(session.gpu.note.empty() || conversion.empty() ? session.gpu.note + conversion
                                                                                            : session.gpu.note + "\n" + conversion);
    values.secondGpuIndex = -1;
    if (session.secondGpu)
        for (std::size_t i = 0; i < state.gpus().size(); ++i)
            if (state.gpus()[i] == *session.secondGpu)
                values.secondGpuIndex = int(i);
    values.pinCount = int(session.pins.size());
    values.sweep = session.sweep;
    values.weightType = session.workload.weightType;
    values.activationType = session.workload.activationType;
    values.kvType = session.workload.kvType;
    values.computeType = session.workload.computeType;
    for (int i = 0; i < ComputeTypeCount; ++i)
        values.computeTypeAvailable[std::size_t(i)] = session.gpu.peak(static_cast<ComputeType>(i)).has_value();
    values.tokensPerStep = int(session.workload.tokensPerStep);
    values.acceptedTokens = session.workload.acceptedTokensPerStep;
    values.assumptions = session.workload.assumptions;
    values.efficiency = session.efficiency;
    values.showAllCeilings = session.showAllCeilings;
    return values;
}

} // namespace roofline
