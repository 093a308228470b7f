#include "controlpanel.h"

#include "logslider.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>

#include <cmath>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace roofline {

namespace {
// The last entry of a picker opens a file instead of choosing a preset.
bool isOpenEntry(const QComboBox *box, int index)
{
    return index == box->count() - 1 && box->itemData(index).toString() == QLatin1String("open");
}
}

ControlPanel::ControlPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new QComboBox(this))
    , m_gpu(new QComboBox(this))
    , m_resetGpu(new QToolButton(this))
    , m_gpuNote(new QLabel(this))
    , m_batch(new LogSlider(1, 1024, true, QString(), this))
    , m_seq(new LogSlider(1, 131072, true, QString(), this))
    , m_peak(new LogSlider(1, 5000, false, QStringLiteral(" TFLOP/s"), this))
    , m_bandwidth(new LogSlider(10, 10000, false, QStringLiteral(" GB/s"), this))
    , m_flash(new QCheckBox(tr("FlashAttention (fused qk/pv)"), this))
    , m_secondGpu(new QComboBox(this))
    , m_opsOnSecond(new QCheckBox(tr("Place the ops on the second GPU"), this))
    , m_pin(new QPushButton(tr("Pin scenario"), this))
    , m_clearPins(new QPushButton(tr("Remove pins"), this))
    , m_sweepMode(new QComboBox(this))
    , m_sweepBatchMin(new QSpinBox(this))
    , m_sweepBatchMax(new QSpinBox(this))
    , m_sweepSeqMin(new QSpinBox(this))
    , m_sweepSeqMax(new QSpinBox(this))
    , m_weightType(new QComboBox(this))
    , m_activationType(new QComboBox(this))
    , m_kvType(new QComboBox(this))
    , m_computeType(new QComboBox(this))
    , m_tokensPerStep(new QSpinBox(this))
    , m_ceilings(new QCheckBox(tr("Show every compute ceiling"), this))
    , m_efficiency(new QCheckBox(tr("Practical ceilings"), this))
    , m_computeEfficiency(new QSpinBox(this))
    , m_bandwidthEfficiency(new QSpinBox(this))
{
    auto *outer = new QVBoxLayout(this);

    auto *workload = new QGroupBox(tr("Model and workload"), this);
    auto *workloadForm = new QFormLayout(workload);
    workloadForm->addRow(tr("&Model"), m_model);
    workloadForm->addRow(tr("&Batch size"), m_batch);
    workloadForm->addRow(tr("&Sequence length"), m_seq);
    workloadForm->addRow(QString(), m_flash);
    outer->addWidget(workload);

    auto *precision = new QGroupBox(tr("Precision and decoding"), this);
    auto *precisionForm = new QFormLayout(precision);
    for (QComboBox *box : { m_weightType, m_activationType, m_kvType })
        box->addItems({ QStringLiteral("fp32"), QStringLiteral("fp16"), QStringLiteral("bf16"), QStringLiteral("fp8"),
                        QStringLiteral("int8"), QStringLiteral("int4") });
    auto *dtypeRow = new QHBoxLayout;
    dtypeRow->addWidget(m_weightType);
    dtypeRow->addWidget(m_activationType);
    dtypeRow->addWidget(m_kvType);
    m_weightType->setToolTip(tr("Weights"));
    m_activationType->setToolTip(tr("Activations"));
    m_kvType->setToolTip(tr("KV cache"));
    precisionForm->addRow(tr("Weights / act. / KV"), dtypeRow);
    m_computeType->addItems({ tr("fp16 / bf16 tensor"), QStringLiteral("fp8"), QStringLiteral("int8"), tr("fp32 (non-tensor)") });
    precisionForm->addRow(tr("Compute roof"), m_computeType);
    m_tokensPerStep->setRange(1, 1024);
    m_tokensPerStep->setToolTip(tr("Tokens verified per decode step: speculative decoding and Medusa raise decode intensity"));
    precisionForm->addRow(tr("Tokens per step"), m_tokensPerStep);
    precisionForm->addRow(QString(), m_ceilings);
    auto *efficiencyRow = new QHBoxLayout;
    for (QSpinBox *box : { m_computeEfficiency, m_bandwidthEfficiency }) {
        box->setRange(1, 100);
        box->setSuffix(QStringLiteral(" %"));
        efficiencyRow->addWidget(box);
    }
    m_computeEfficiency->setToolTip(tr("Share of peak compute real kernels reach"));
    m_bandwidthEfficiency->setToolTip(tr("Share of peak bandwidth real kernels reach"));
    efficiencyRow->insertWidget(0, m_efficiency);
    precisionForm->addRow(efficiencyRow);
    outer->addWidget(precision);

    auto *gpu = new QGroupBox(tr("GPU"), this);
    auto *gpuForm = new QFormLayout(gpu);
    auto *gpuRow = new QHBoxLayout;
    gpuRow->addWidget(m_gpu, 1);
    gpuRow->addWidget(m_resetGpu);
    m_resetGpu->setText(tr("Reset"));
    m_resetGpu->setToolTip(tr("Restore the preset's figures"));
    gpuForm->addRow(tr("GPU"), gpuRow);
    gpuForm->addRow(tr("&Peak compute"), m_peak);
    gpuForm->addRow(tr("Memory &bandwidth"), m_bandwidth);
    m_gpuNote->setWordWrap(true);
    // The note comes from a GPU file: shown as written, never as markup (an <img> would load, an <h1> grow).
    m_gpuNote->setTextFormat(Qt::PlainText);
    m_gpuNote->setStyleSheet(QStringLiteral("color: #555;"));
    QFont small = m_gpuNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_gpuNote->setFont(small);
    gpuForm->addRow(m_gpuNote);
    outer->addWidget(gpu);

    auto *compare = new QGroupBox(tr("Compare"), this);
    auto *compareForm = new QFormLayout(compare);
    compareForm->addRow(tr("Second GPU"), m_secondGpu);
    compareForm->addRow(QString(), m_opsOnSecond);
    auto *pinRow = new QHBoxLayout;
    pinRow->addWidget(m_pin);
    pinRow->addWidget(m_clearPins);
    m_pin->setToolTip(tr("Keep the current points on the chart as faded ghosts (Ctrl+P)"));
    compareForm->addRow(tr("Pins"), pinRow);
    outer->addWidget(compare);

    auto *sweep = new QGroupBox(tr("Sweep (the small points)"), this);
    auto *sweepForm = new QFormLayout(sweep);
    m_sweepMode->addItems({ tr("Batch and sequence length"), tr("Batch size"), tr("Sequence length"), tr("None"),
                            tr("Tokens per step (16 to 112)") });
    sweepForm->addRow(tr("Sweep"), m_sweepMode);
    const auto rangeRow = [this](QSpinBox *lo, QSpinBox *hi, int max) {
        auto *row = new QHBoxLayout;
        for (QSpinBox *box : { lo, hi }) {
            box->setRange(1, max);
            row->addWidget(box, 1);
        }
        row->insertWidget(1, new QLabel(tr("to"), this));
        return row;
    };
    sweepForm->addRow(tr("Batch"), rangeRow(m_sweepBatchMin, m_sweepBatchMax, 1 << 20));
    sweepForm->addRow(tr("Sequence"), rangeRow(m_sweepSeqMin, m_sweepSeqMax, 1 << 24));
    outer->addWidget(sweep);
    outer->addStretch(1);

    connect(m_secondGpu, &QComboBox::activated, this, [this](int index) { Q_EMIT secondGpuChosen(index - 1); });
    connect(m_opsOnSecond, &QCheckBox::toggled, this, &ControlPanel::opsOnSecondGpuChanged);
    connect(m_pin, &QPushButton::clicked, this, &ControlPanel::pinRequested);
    connect(m_clearPins, &QPushButton::clicked, this, &ControlPanel::clearPinsRequested);
    const auto emitSweep = [this] {
        Q_EMIT sweepChanged(m_sweepMode->currentIndex(), m_sweepBatchMin->value(), m_sweepBatchMax->value(),
                            m_sweepSeqMin->value(), m_sweepSeqMax->value());
    };
    connect(m_sweepMode, &QComboBox::activated, this, emitSweep);
    for (QSpinBox *box : { m_sweepBatchMin, m_sweepBatchMax, m_sweepSeqMin, m_sweepSeqMax }) {
        box->setKeyboardTracking(false);
        connect(box, &QSpinBox::valueChanged, this, emitSweep);
    }
    const auto emitTypes = [this] {
        Q_EMIT dtypesChanged(m_weightType->currentIndex(), m_activationType->currentIndex(), m_kvType->currentIndex());
    };
    for (QComboBox *box : { m_weightType, m_activationType, m_kvType })
        connect(box, &QComboBox::activated, this, emitTypes);
    connect(m_computeType, &QComboBox::activated, this, &ControlPanel::computeTypeChanged);
    m_tokensPerStep->setKeyboardTracking(false);
    connect(m_tokensPerStep, &QSpinBox::valueChanged, this, &ControlPanel::tokensPerStepChanged);
    connect(m_ceilings, &QCheckBox::toggled, this, &ControlPanel::showAllCeilingsChanged);
    const auto emitEfficiency = [this] {
        Q_EMIT efficiencyChanged(m_efficiency->isChecked(), m_computeEfficiency->value() / 100.0,
                                 m_bandwidthEfficiency->value() / 100.0);
    };
    connect(m_efficiency, &QCheckBox::toggled, this, emitEfficiency);
    for (QSpinBox *box : { m_computeEfficiency, m_bandwidthEfficiency }) {
        box->setKeyboardTracking(false);
        connect(box, &QSpinBox::valueChanged, this, emitEfficiency);
    }
    for (LogSlider *slider : { m_batch, m_seq, m_peak, m_bandwidth }) {
        connect(slider, &LogSlider::dragStarted, this, &ControlPanel::dragStarted);
        connect(slider, &LogSlider::dragFinished, this, &ControlPanel::dragFinished);
    }

    connect(m_model, &QComboBox::activated, this, [this](int index) {
        if (isOpenEntry(m_model, index)) {
            const QSignalBlocker blocker(m_model);
            m_model->setCurrentIndex(m_modelIndex);
            Q_EMIT openModelFileRequested();
        } else {
            Q_EMIT modelChosen(index);
        }
    });
    connect(m_gpu, &QComboBox::activated, this, [this](int index) {
        if (isOpenEntry(m_gpu, index)) {
            const QSignalBlocker blocker(m_gpu);
            m_gpu->setCurrentIndex(m_gpuIndex);
            Q_EMIT openGpuFileRequested();
        } else {
            Q_EMIT gpuChosen(index);
        }
    });
    connect(m_batch, &LogSlider::valueChanged, this, &ControlPanel::batchChanged);
    connect(m_seq, &LogSlider::valueChanged, this, &ControlPanel::seqChanged);
    connect(m_peak, &LogSlider::valueChanged, this, &ControlPanel::peakTflopsChanged);
    connect(m_bandwidth, &LogSlider::valueChanged, this, &ControlPanel::bandwidthGbpsChanged);
    connect(m_flash, &QCheckBox::toggled, this, &ControlPanel::flashAttentionChanged);
    connect(m_resetGpu, &QToolButton::clicked, this, &ControlPanel::resetGpuRequested);
}

void ControlPanel::fillPicker(QComboBox *box, const QStringList &names, const QString &openText)
{
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItems(names);
    box->insertSeparator(box->count());
    box->addItem(openText, QStringLiteral("open"));
}

void ControlPanel::setModelNames(const QStringList &names)
{
    fillPicker(m_model, names, tr("Open config.json…"));
}

void ControlPanel::setGpuNames(const QStringList &names)
{
    fillPicker(m_gpu, names, tr("Open GPU file…"));
    const QSignalBlocker blocker(m_secondGpu);
    m_secondGpu->clear();
    m_secondGpu->addItem(tr("None"));
    m_secondGpu->addItems(names);
}

void ControlPanel::setValues(const ControlValues &values)
{
    m_modelIndex = values.modelIndex;
    m_gpuIndex = values.gpuIndex;
    const QSignalBlocker b1(m_model), b2(m_gpu), b3(m_batch), b4(m_seq), b5(m_peak), b6(m_bandwidth), b7(m_flash);
    m_model->setCurrentIndex(values.modelIndex);
    m_gpu->setCurrentIndex(values.gpuIndex);
    m_batch->setValue(values.batch);
    m_seq->setValue(values.seq);
    m_peak->setValue(values.peakTflops);
    m_bandwidth->setValue(values.bandwidthGbps);
    m_flash->setChecked(values.flashAttention);
    m_resetGpu->setEnabled(values.gpuCustomised);
    m_gpuNote->setText(values.gpuCustomised ? tr("Custom figures (edited with the sliders).") : values.gpuNote);
    const QSignalBlocker b8(m_secondGpu), b9(m_opsOnSecond), b10(m_sweepMode), b11(m_sweepBatchMin), b12(m_sweepBatchMax),
        b13(m_sweepSeqMin), b14(m_sweepSeqMax);
    m_secondGpu->setCurrentIndex(values.secondGpuIndex + 1);
    m_opsOnSecond->setEnabled(values.secondGpuIndex >= 0);
    m_opsOnSecond->setChecked(values.opsOnSecondGpu);
    m_clearPins->setEnabled(values.pinCount > 0);
    m_clearPins->setText(values.pinCount > 0 ? tr("Remove pins (%1)").arg(values.pinCount) : tr("Remove pins"));
    m_sweepMode->setCurrentIndex(values.sweepMode);
    m_sweepBatchMin->setValue(int(values.sweepBatchMin));
    m_sweepBatchMax->setValue(int(values.sweepBatchMax));
    m_sweepSeqMin->setValue(int(values.sweepSeqMin));
    m_sweepSeqMax->setValue(int(values.sweepSeqMax));
    const QSignalBlocker b15(m_weightType), b16(m_activationType), b17(m_kvType), b18(m_computeType), b19(m_tokensPerStep),
        b20(m_ceilings), b21(m_efficiency), b22(m_computeEfficiency), b23(m_bandwidthEfficiency);
    m_weightType->setCurrentIndex(values.weightType);
    m_activationType->setCurrentIndex(values.activationType);
    m_kvType->setCurrentIndex(values.kvType);
    m_computeType->setCurrentIndex(values.computeType);
    // A compute type the GPU publishes no peak for cannot be chosen.
    if (auto *model = qobject_cast<QStandardItemModel *>(m_computeType->model()))
        for (int i = 0; i < model->rowCount() && i < values.computeTypeAvailable.size(); ++i)
            model->item(i)->setEnabled(values.computeTypeAvailable[i]);
    m_tokensPerStep->setValue(values.tokensPerStep);
    m_ceilings->setChecked(values.showAllCeilings);
    m_efficiency->setChecked(values.efficiencyEnabled);
    m_computeEfficiency->setValue(int(std::lround(values.computeEfficiency * 100.0)));
    m_bandwidthEfficiency->setValue(int(std::lround(values.bandwidthEfficiency * 100.0)));
    m_computeEfficiency->setEnabled(values.efficiencyEnabled);
    m_bandwidthEfficiency->setEnabled(values.efficiencyEnabled);
}

} // namespace roofline
