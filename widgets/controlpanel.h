#pragma once

#include "session.h"
#include "units.h"

#include <QWidget>

#include <array>
#include <cstdint>

class QComboBox;
class QCheckBox;
class QToolButton;
class QLabel;
class QPushButton;
class QDoubleSpinBox;
class QSpinBox;

namespace roofline {

class AssumptionsPanel;

class LogSlider;

// What the panel shows; the window fills it from its state.
struct ControlValues {
    // What the state holds, as the controls show it. No defaults of their own: the first setValues shows
    // every control, and the state's defaults are the ones that count.
    int modelIndex = 0;
    int gpuIndex = 0;
    double batch = 0;
    double seq = 0;
    double peakTflops = 0;
    double bandwidthGbps = 0;
    bool flashAttention = false;
    bool gpuCustomised = false;
    QString gpuName; // the session's GPU as the chart names it: "Custom (from ...)" once edited
    QString gpuNote; // where the GPU's figures come from
    int secondGpuIndex = -1; // -1: none
    int pinCount = 0;
    SweepSettings sweep;
    DType weightType = DType::Fp16, activationType = DType::Fp16, kvType = DType::Fp16;
    ComputeType computeType = ComputeType::Fp16;
    std::array<bool, ComputeTypeCount> computeTypeAvailable {};
    int tokensPerStep = 1;
    double acceptedTokens = 1.0;
    Assumptions assumptions;
    Efficiency efficiency;
    bool showAllCeilings = false;
    bool operator==(const ControlValues &) const = default;
};

// The controls beside the canvas: model and GPU pickers, log sliders for batch, sequence length and the
// GPU's figures. It only reports what the user did; it holds no state of its own beyond the widgets.
class ControlPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ControlPanel(QWidget *parent = nullptr);

    void setModelNames(const QStringList &names);
    void setGpuNames(const QStringList &names);
    // Shows `values` without emitting anything. Only the controls whose value changed since the last call
    // are touched: the slider the user is dragging is not set back to what it already shows.
    void setValues(const ControlValues &values);
    // Every control has an object name, the name of the value it shows ("batch", "computeType", "secondGpu"...),
    // by which tests find it (findChild).

Q_SIGNALS:
    void modelChosen(int index);
    void gpuChosen(int index);
    void openModelFileRequested();
    void openGpuFileRequested();
    void batchChanged(double batch);
    void seqChanged(double seq);
    void peakTflopsChanged(double tflops);
    void bandwidthGbpsChanged(double gbps);
    void flashAttentionChanged(bool enabled);
    void resetGpuRequested();
    void dragStarted();
    void dragFinished();
    void secondGpuChosen(int index); // -1: none
    // Swap the GPU and the second GPU: the ops go onto the other's roofs, and the GPU section edits that one.
    void swapGpusRequested();
    void pinRequested();
    void clearPinsRequested();
    void sweepChanged(roofline::SweepMode mode, qint64 batchMin, qint64 batchMax, qint64 seqMin, qint64 seqMax);
    void dtypesChanged(roofline::DType weights, roofline::DType activations, roofline::DType kvCache);
    void computeTypeChanged(roofline::ComputeType type);
    void tokensPerStepChanged(int tokens);
    void acceptedTokensChanged(double tokens);
    void assumptionsChanged(const roofline::Assumptions &assumptions);
    // The practical ceilings: each carries only what the user changed (the boxes show whole percents, and the
    // state keeps its own figure for the rest).
    void efficiencyEnabledChanged(bool enabled);
    void computeEfficiencyChanged(double share);
    void bandwidthEfficiencyChanged(double share);
    void showAllCeilingsChanged(bool show);

private:
    static void fillPicker(QComboBox *box, const QStringList &names, const QString &openText);

    QComboBox *m_model;
    QComboBox *m_gpu;
    QToolButton *m_resetGpu;
    QLabel *m_gpuNote;
    LogSlider *m_batch;
    LogSlider *m_seq;
    LogSlider *m_peak;
    LogSlider *m_bandwidth;
    QCheckBox *m_flash;
    QComboBox *m_secondGpu;
    QPushButton *m_swapGpus;
    QPushButton *m_pin;
    QPushButton *m_clearPins;
    QComboBox *m_sweepMode;
    QSpinBox *m_sweepBatchMin;
    QSpinBox *m_sweepBatchMax;
    QSpinBox *m_sweepSeqMin;
    QSpinBox *m_sweepSeqMax;
    QComboBox *m_weightType;
    QComboBox *m_activationType;
    QComboBox *m_kvType;
    QComboBox *m_computeType;
    QSpinBox *m_tokensPerStep;
    QDoubleSpinBox *m_acceptedTokens;
    AssumptionsPanel *m_assumptions;
    QCheckBox *m_ceilings;
    QCheckBox *m_efficiency;
    QSpinBox *m_computeEfficiency;
    QSpinBox *m_bandwidthEfficiency;
    ControlValues m_shown;
    QStringList m_gpuNames; // the presets' names, as the picker lists them
    bool m_hasShown = false;
    std::vector<QObject *> m_blockable; // the panel's widgets, made in the constructor
};

} // namespace roofline
