#include "controlpanel.h"

#include "assumptionspanel.h"
#include "inputlimits.h"
#include "logslider.h"
#include "undokeys.h"
#include "wheelguard.h"
#include "workload.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>

#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <memory>
#include <utility>
#include <vector>

namespace roofline {

namespace {
// The last entry of a picker opens a file instead of choosing a preset.
bool isOpenEntry(const QComboBox *box, int index)
{
    return index == box->count() - 1 && box->itemData(index).toString() == QLatin1String("open");
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Each entry's data is its enum value: the list's order need not follow the enum's.
template<typename Enum>
void addEntry(QComboBox *box, Enum value, const QString &text)
{
    box->addItem(text, int(value));
}

template<typename Enum>
Enum entryValue(const QComboBox *box)
{
    return static_cast<Enum>(box->currentData().toInt());
}

template<typename Enum>
void showEntry(QComboBox *box, Enum value)
{
    const int index = box->findData(int(value));
    if (box->currentIndex() != index)
        box->setCurrentIndex(index);
}

QSpinBox *spinBox(QWidget *parent, CountRange range)
{
    auto *box = new QSpinBox(parent);
    box->setRange(int(range.min), int(range.max));
    box->setKeyboardTracking(false);
    leaveUndoToWindow(box);
    return box;
}
} // namespace

ControlPanel::ControlPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new QComboBox(this))
    , m_gpu(new QComboBox(this))
    , m_resetGpu(new QToolButton(this))
    , m_gpuNote(new QLabel(this))
    , m_batch(new LogSlider(SliderBatchRange.min, SliderBatchRange.max, true, QString(), this))
    , m_seq(new LogSlider(SliderSeqRange.min, SliderSeqRange.max, true, QString(), this))
    , m_peak(new LogSlider(SliderPeakTflopsRange.min, SliderPeakTflopsRange.max, false, QStringLiteral(" TFLOP/s"), this))
    , m_bandwidth(new LogSlider(SliderBandwidthGBpsRange.min, SliderBandwidthGBpsRange.max, false, QStringLiteral(" GB/s"), this))
    , m_flash(new QCheckBox(tr("FlashAttention (fused qk/pv)"), this))
    , m_secondGpu(new QComboBox(this))
    , m_swapGpus(new QPushButton(tr("Swap the two GPUs"), this))
    , m_pin(new QPushButton(tr("Pin scenario"), this))
    , m_clearPins(new QPushButton(tr("Remove pins"), this))
    , m_sweepMode(new QComboBox(this))
    , m_sweepBatchMin(spinBox(this, BatchRange))
    , m_sweepBatchMax(spinBox(this, BatchRange))
    , m_sweepSeqMin(spinBox(this, SeqRange))
    , m_sweepSeqMax(spinBox(this, SeqRange))
    , m_weightType(new QComboBox(this))
    , m_activationType(new QComboBox(this))
    , m_kvType(new QComboBox(this))
    , m_computeType(new QComboBox(this))
    , m_tokensPerStep(spinBox(this, TokensPerStepRange))
    , m_acceptedTokens(new QDoubleSpinBox(this))
    , m_assumptions(new AssumptionsPanel(this))
    , m_ceilings(new QCheckBox(tr("Show every compute ceiling"), this))
    , m_efficiency(new QCheckBox(tr("Practical ceilings"), this))
    , m_computeEfficiency(new QSpinBox(this))
    , m_bandwidthEfficiency(new QSpinBox(this))
{
    // The name of the value each control shows (controlpanel.h).
    m_model->setObjectName(QStringLiteral("model"));
    m_gpu->setObjectName(QStringLiteral("gpu"));
    m_batch->setObjectName(QStringLiteral("batch"));
    m_seq->setObjectName(QStringLiteral("seq"));
    // The tracks span practical ranges; the boxes take what a session or the command line may (inputlimits.h).
    m_batch->setTypedRange(double(BatchRange.min), double(BatchRange.max));
    m_seq->setTypedRange(double(SeqRange.min), double(SeqRange.max));
    // A GPU file may hold figures beyond the tracks (20,000 TFLOP/s, 5 GB/s): the boxes show them, to the hundredth.
    m_peak->setTypedRange(std::max(PeakTflopsRange.min, 0.01), PeakTflopsRange.max);
    m_bandwidth->setTypedRange(std::max(BandwidthGBpsRange.min, 0.01), BandwidthGBpsRange.max);
    m_batch->spinBox()->setToolTip(tr("Type up to %1; the slider spans %2 to %3").arg(BatchRange.max).arg(SliderBatchRange.min).arg(SliderBatchRange.max));
    m_seq->spinBox()->setToolTip(tr("Type up to %1; the slider spans %2 to %3").arg(SeqRange.max).arg(SliderSeqRange.min).arg(SliderSeqRange.max));
    m_peak->setObjectName(QStringLiteral("peak"));
    m_bandwidth->setObjectName(QStringLiteral("bandwidth"));
    m_flash->setObjectName(QStringLiteral("flashAttention"));
    m_secondGpu->setObjectName(QStringLiteral("secondGpu"));
    m_swapGpus->setObjectName(QStringLiteral("swapGpus"));
    m_swapGpus->setToolTip(tr("Place the ops on the second GPU: it becomes the GPU above, whose sliders edit it, and this one the comparison"));
    m_sweepMode->setObjectName(QStringLiteral("sweepMode"));
    m_weightType->setObjectName(QStringLiteral("weightType"));
    m_kvType->setObjectName(QStringLiteral("kvType"));
    m_computeType->setObjectName(QStringLiteral("computeType"));
    m_tokensPerStep->setObjectName(QStringLiteral("tokensPerStep"));
    m_acceptedTokens->setObjectName(QStringLiteral("acceptedTokens"));
    m_assumptions->setObjectName(QStringLiteral("assumptions"));
    m_efficiency->setObjectName(QStringLiteral("efficiency"));
    m_computeEfficiency->setObjectName(QStringLiteral("computeEfficiency"));
    m_bandwidthEfficiency->setObjectName(QStringLiteral("bandwidthEfficiency"));
    m_ceilings->setObjectName(QStringLiteral("ceilings"));
    m_resetGpu->setObjectName(QStringLiteral("resetGpu"));
    m_gpuNote->setObjectName(QStringLiteral("gpuNote"));
    m_activationType->setObjectName(QStringLiteral("activationType"));
    m_pin->setObjectName(QStringLiteral("pin"));
    m_clearPins->setObjectName(QStringLiteral("clearPins"));
    m_sweepBatchMin->setObjectName(QStringLiteral("sweepBatchMin"));
    m_sweepBatchMax->setObjectName(QStringLiteral("sweepBatchMax"));
    m_sweepSeqMin->setObjectName(QStringLiteral("sweepSeqMin"));
    m_sweepSeqMax->setObjectName(QStringLiteral("sweepSeqMax"));
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
        for (const DType type : AllDTypes)
            addEntry(box, type, qs(dtypeName(type)));
    auto *dtypeRow = new QHBoxLayout;
    dtypeRow->addWidget(m_weightType);
    dtypeRow->addWidget(m_activationType);
    dtypeRow->addWidget(m_kvType);
    m_weightType->setToolTip(tr("Weights"));
    m_activationType->setToolTip(tr("Activations"));
    m_kvType->setToolTip(tr("KV cache"));
    precisionForm->addRow(tr("Weights / act. / KV"), dtypeRow);
    for (const ComputeType type : AllComputeTypes)
        addEntry(m_computeType, type, qs(computeTypeLabel(type)));
    precisionForm->addRow(tr("Compute roof"), m_computeType);
    m_tokensPerStep->setToolTip(tr("Tokens verified per decode step: speculative decoding and Medusa raise decode intensity"));
    m_acceptedTokens->setRange(AcceptedTokensRange.min, AcceptedTokensRange.max);
    m_acceptedTokens->setDecimals(2);
    m_acceptedTokens->setSingleStep(0.5);
    m_acceptedTokens->setKeyboardTracking(false);
    m_acceptedTokens->setEnabled(false);
    leaveUndoToWindow(m_acceptedTokens);
    m_acceptedTokens->setToolTip(tr("Mean tokens accepted per step, 1 to the tokens verified: tokens/s counts these. "
                                    "It depends on the draft and the text; 1 is the token every step yields."));
    auto *tokensRow = new QHBoxLayout;
    tokensRow->addWidget(m_tokensPerStep, 1);
    auto *acceptedLabel = new QLabel(tr("&accepted"), this);
    acceptedLabel->setBuddy(m_acceptedTokens);
    tokensRow->addWidget(acceptedLabel);
    tokensRow->addWidget(m_acceptedTokens, 1);
    precisionForm->addRow(tr("Tokens per step"), tokensRow);
    precisionForm->addRow(QString(), m_ceilings);
    auto *efficiencyRow = new QHBoxLayout;
    for (QSpinBox *box : { m_computeEfficiency, m_bandwidthEfficiency }) {
        leaveUndoToWindow(box);
        box->setRange(int(std::lround(EfficiencyRange.min * 100.0)), int(std::lround(EfficiencyRange.max * 100.0)));
        box->setSuffix(QStringLiteral(" %"));
        efficiencyRow->addWidget(box);
    }
    m_computeEfficiency->setToolTip(tr("Share of peak compute real kernels reach"));
    m_bandwidthEfficiency->setToolTip(tr("Share of peak bandwidth real kernels reach"));
    // The check box in the label's place: in a narrow panel its figures go under it (the row set the panel's
    // least width).
    precisionForm->addRow(m_efficiency, efficiencyRow);
    precisionForm->addRow(m_assumptions);
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
    m_gpuNote->setForegroundRole(QPalette::PlaceholderText); // muted, in the light palette and the dark
    QFont small = m_gpuNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_gpuNote->setFont(small);
    gpuForm->addRow(m_gpuNote);
    outer->addWidget(gpu);

    auto *compare = new QGroupBox(tr("Compare"), this);
    auto *compareForm = new QFormLayout(compare);
    compareForm->addRow(tr("Second GPU"), m_secondGpu);
    compareForm->addRow(QString(), m_swapGpus);
    auto *pinRow = new QHBoxLayout;
    pinRow->addWidget(m_pin);
    pinRow->addWidget(m_clearPins);
    m_pin->setToolTip(tr("Keep the current points on the chart as faded ghosts (Ctrl+P)"));
    compareForm->addRow(tr("Pins"), pinRow);
    outer->addWidget(compare);

    auto *sweep = new QGroupBox(tr("Sweep (the small points)"), this);
    auto *sweepForm = new QFormLayout(sweep);
    for (const SweepMode mode : AllSweepModes)
        addEntry(m_sweepMode, mode, qs(sweepModeLabel(mode))); // the tokens' range is added when shown
    sweepForm->addRow(tr("Sweep"), m_sweepMode);
    const auto rangeRow = [this](QSpinBox *lo, QSpinBox *hi) {
        auto *row = new QHBoxLayout;
        row->addWidget(lo, 1);
        row->addWidget(new QLabel(tr("to"), this));
        row->addWidget(hi, 1);
        return row;
    };
    sweepForm->addRow(tr("Batch"), rangeRow(m_sweepBatchMin, m_sweepBatchMax));
    sweepForm->addRow(tr("Sequence"), rangeRow(m_sweepSeqMin, m_sweepSeqMax));
    outer->addWidget(sweep);
    outer->addStretch(1);

    connect(m_secondGpu, &QComboBox::activated, this,
            [this](int index) { Q_EMIT secondGpuChosen(m_secondGpu->itemData(index).toInt()); });
    connect(m_swapGpus, &QPushButton::clicked, this, &ControlPanel::swapGpusRequested);
    connect(m_pin, &QPushButton::clicked, this, &ControlPanel::pinRequested);
    connect(m_clearPins, &QPushButton::clicked, this, &ControlPanel::clearPinsRequested);
    const auto emitSweep = [this] {
        Q_EMIT sweepChanged(entryValue<SweepMode>(m_sweepMode), m_sweepBatchMin->value(), m_sweepBatchMax->value(),
                            m_sweepSeqMin->value(), m_sweepSeqMax->value());
    };
    connect(m_sweepMode, &QComboBox::activated, this, emitSweep);
    for (QSpinBox *box : { m_sweepBatchMin, m_sweepBatchMax, m_sweepSeqMin, m_sweepSeqMax })
        connect(box, &QSpinBox::valueChanged, this, emitSweep);
    const auto emitTypes = [this] {
        Q_EMIT dtypesChanged(entryValue<DType>(m_weightType), entryValue<DType>(m_activationType), entryValue<DType>(m_kvType));
    };
    for (QComboBox *box : { m_weightType, m_activationType, m_kvType })
        connect(box, &QComboBox::activated, this, emitTypes);
    connect(m_computeType, &QComboBox::activated, this, [this] { Q_EMIT computeTypeChanged(entryValue<ComputeType>(m_computeType)); });
    connect(m_tokensPerStep, &QSpinBox::valueChanged, this, &ControlPanel::tokensPerStepChanged);
    connect(m_acceptedTokens, &QDoubleSpinBox::valueChanged, this, &ControlPanel::acceptedTokensChanged);
    connect(m_assumptions, &AssumptionsPanel::assumptionsChanged, this, &ControlPanel::assumptionsChanged);
    connect(m_ceilings, &QCheckBox::toggled, this, &ControlPanel::showAllCeilingsChanged);
    // The boxes show whole percents: a change carries only what the user changed (a session's 73.5 % is not
    // written back as 74 % when the box is ticked).
    connect(m_efficiency, &QCheckBox::toggled, this, &ControlPanel::efficiencyEnabledChanged);
    connect(m_computeEfficiency, &QSpinBox::valueChanged, this, [this](int percent) { Q_EMIT computeEfficiencyChanged(percent / 100.0); });
    connect(m_bandwidthEfficiency, &QSpinBox::valueChanged, this,
            [this](int percent) { Q_EMIT bandwidthEfficiencyChanged(percent / 100.0); });
    for (QSpinBox *box : { m_computeEfficiency, m_bandwidthEfficiency })
        box->setKeyboardTracking(false);
    for (LogSlider *slider : { m_batch, m_seq, m_peak, m_bandwidth }) {
        connect(slider, &LogSlider::dragStarted, this, &ControlPanel::dragStarted);
        connect(slider, &LogSlider::dragFinished, this, &ControlPanel::dragFinished);
    }

    connect(m_model, &QComboBox::activated, this, [this](int index) {
        if (isOpenEntry(m_model, index)) {
            const QSignalBlocker blocker(m_model);
            m_model->setCurrentIndex(m_shown.modelIndex);
            Q_EMIT openModelFileRequested();
        } else {
            Q_EMIT modelChosen(index);
        }
    });
    connect(m_gpu, &QComboBox::activated, this, [this](int index) {
        if (isOpenEntry(m_gpu, index)) {
            const QSignalBlocker blocker(m_gpu);
            m_gpu->setCurrentIndex(m_shown.gpuIndex);
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
    WheelGuard::guardInputsUnder(this);
    // Every control and the widgets inside them (a slider's box), blocked while values are shown.
    for (QWidget *widget : findChildren<QWidget *>())
        m_blockable.push_back(widget);
    // In a narrow panel a row's label goes above its field rather than squeeze it.
    for (QFormLayout *form : findChildren<QFormLayout *>())
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
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
    m_gpuNames = names;
    fillPicker(m_gpu, names, tr("Open GPU file…"));
    if (m_shown.gpuCustomised && m_shown.gpuIndex >= 0 && m_shown.gpuIndex < int(names.size()))
        m_gpu->setItemText(m_shown.gpuIndex, m_shown.gpuName);
    const QSignalBlocker blocker(m_secondGpu);
    m_secondGpu->clear();
    // Each entry carries the GPU's index in the list; "None" carries -1.
    m_secondGpu->addItem(tr("None"), -1);
    for (int i = 0; i < int(names.size()); ++i)
        m_secondGpu->addItem(names[i], i);
}

void ControlPanel::setValues(const ControlValues &values)
{
    const bool first = !std::exchange(m_hasShown, true);
    const ControlValues before = std::exchange(m_shown, values);
    const auto changed = [&](auto member) { return first || !(values.*member == before.*member); };
    // Signals of every control are blocked: showing a value is not the user choosing it. (The list is made once:
    // at every step of a drag, blocking each widget found anew allocated a blocker for each.)
    struct Blocked {
        const std::vector<QObject *> &objects;
        explicit Blocked(const std::vector<QObject *> &list)
            : objects(list)
        {
            for (QObject *object : objects)
                object->blockSignals(true);
        }
        ~Blocked()
        {
            for (QObject *object : objects)
                object->blockSignals(false);
        }
        Blocked(const Blocked &) = delete;
        Blocked &operator=(const Blocked &) = delete;
    } blocked(m_blockable);
    // Each control is compared with what it shows (the slider being dragged already shows its value; a
    // choice the state refused shows the state's again); what is derived, with what was last shown.
    const auto showIndex = [](QComboBox *box, int index) {
        if (box->currentIndex() != index)
            box->setCurrentIndex(index);
    };
    const auto showCheck = [](QCheckBox *box, bool checked) {
        if (box->isChecked() != checked)
            box->setChecked(checked);
    };
    showIndex(m_model, values.modelIndex);
    showIndex(m_gpu, values.gpuIndex);
    // An edited GPU is named in the picker as on the chart ("Custom (from ...)"), in the place of its preset.
    if (changed(&ControlValues::gpuCustomised) || changed(&ControlValues::gpuName) || changed(&ControlValues::gpuIndex)) {
        for (int i = 0; i < int(m_gpuNames.size()) && i < m_gpu->count(); ++i)
            m_gpu->setItemText(i, values.gpuCustomised && i == values.gpuIndex ? values.gpuName : m_gpuNames[i]);
    }
    // A figure the state stores in other units (TFLOP/s as FLOP/s, GB/s as B/s) can come back a last bit off
    // what the slider set: that is the same value, and the slider being dragged is not set again.
    const auto show = [](LogSlider *slider, double value) {
        if (std::abs(slider->value() - value) > 1e-12 * std::abs(value))
            slider->setValue(value);
    };
    show(m_batch, values.batch);
    show(m_seq, values.seq);
    show(m_peak, values.peakTflops);
    show(m_bandwidth, values.bandwidthGbps);
    showCheck(m_flash, values.flashAttention);
    if (changed(&ControlValues::gpuCustomised) || changed(&ControlValues::gpuNote)) {
        m_resetGpu->setEnabled(values.gpuCustomised);
        m_gpuNote->setText(values.gpuCustomised ? tr("Custom figures (edited with the sliders).") : values.gpuNote);
    }
    showIndex(m_secondGpu, std::max(0, m_secondGpu->findData(values.secondGpuIndex)));
    if (changed(&ControlValues::secondGpuIndex))
        m_swapGpus->setEnabled(values.secondGpuIndex >= 0);
    if (changed(&ControlValues::pinCount)) {
        m_clearPins->setEnabled(values.pinCount > 0);
        m_clearPins->setText(values.pinCount > 0 ? tr("Remove pins (%1)").arg(values.pinCount) : tr("Remove pins"));
    }
    if (changed(&ControlValues::sweep)) {
        const QString tokens = tr("%1 (%2 to %3)")
                                   .arg(qs(sweepModeLabel(SweepMode::TokensPerStep)))
                                   .arg(values.sweep.tokensMin)
                                   .arg(values.sweep.tokensMax);
        m_sweepMode->setItemText(m_sweepMode->findData(int(SweepMode::TokensPerStep)), tokens);
    }
    showEntry(m_sweepMode, values.sweep.mode);
    const auto showNumber = [](QSpinBox *box, std::int64_t value) {
        if (box->value() != value)
            box->setValue(int(value));
    };
    showNumber(m_sweepBatchMin, values.sweep.batchMin);
    showNumber(m_sweepBatchMax, values.sweep.batchMax);
    showNumber(m_sweepSeqMin, values.sweep.seqMin);
    showNumber(m_sweepSeqMax, values.sweep.seqMax);
    // Each range can be edited where the sweep spans it (the tokens-per-step sweep spans neither).
    for (QSpinBox *box : { m_sweepBatchMin, m_sweepBatchMax })
        box->setEnabled(sweepsBatchRange(values.sweep.mode));
    for (QSpinBox *box : { m_sweepSeqMin, m_sweepSeqMax })
        box->setEnabled(sweepsSeqRange(values.sweep.mode));
    showEntry(m_weightType, values.weightType);
    showEntry(m_activationType, values.activationType);
    showEntry(m_kvType, values.kvType);
    showEntry(m_computeType, values.computeType);
    // A compute type the GPU publishes no peak for cannot be chosen.
    if (changed(&ControlValues::computeTypeAvailable))
        if (auto *model = qobject_cast<QStandardItemModel *>(m_computeType->model()))
            for (int i = 0; i < model->rowCount(); ++i)
                model->item(i)->setEnabled(values.computeTypeAvailable[std::size_t(m_computeType->itemData(i).toInt())]);
    showNumber(m_tokensPerStep, values.tokensPerStep);
    // Accepted tokens matter only when a step verifies more than one.
    if (changed(&ControlValues::tokensPerStep)) {
        m_acceptedTokens->setEnabled(values.tokensPerStep > 1);
        m_acceptedTokens->setMaximum(mostAcceptedPerStep(values.tokensPerStep));
    }
    if (changed(&ControlValues::acceptedTokens) && m_acceptedTokens->value() != values.acceptedTokens)
        m_acceptedTokens->setValue(values.acceptedTokens);
    if (changed(&ControlValues::assumptions))
        m_assumptions->setAssumptions(values.assumptions);
    showCheck(m_ceilings, values.showAllCeilings);
    showCheck(m_efficiency, values.efficiency.enabled);
    if (changed(&ControlValues::efficiency)) {
        m_computeEfficiency->setEnabled(values.efficiency.enabled);
        m_bandwidthEfficiency->setEnabled(values.efficiency.enabled);
    }
    showNumber(m_computeEfficiency, std::lround(values.efficiency.compute * 100.0));
    showNumber(m_bandwidthEfficiency, std::lround(values.efficiency.bandwidth * 100.0));
}

} // namespace roofline
