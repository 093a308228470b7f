#include "controlpanel.h"

#include "logslider.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
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
{
    auto *outer = new QVBoxLayout(this);

    auto *workload = new QGroupBox(tr("Model and workload"), this);
    auto *workloadForm = new QFormLayout(workload);
    workloadForm->addRow(tr("&Model"), m_model);
    workloadForm->addRow(tr("&Batch size"), m_batch);
    workloadForm->addRow(tr("&Sequence length"), m_seq);
    workloadForm->addRow(QString(), m_flash);
    outer->addWidget(workload);

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
    m_gpuNote->setStyleSheet(QStringLiteral("color: #555;"));
    QFont small = m_gpuNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_gpuNote->setFont(small);
    gpuForm->addRow(m_gpuNote);
    outer->addWidget(gpu);
    outer->addStretch(1);

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
}

} // namespace roofline
