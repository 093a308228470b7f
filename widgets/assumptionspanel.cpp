#include "assumptionspanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QToolButton>
#include <QVBoxLayout>

namespace roofline {

namespace {
// A type combo: its first entry follows another type (no value), then every storage type; the data of
// each entry is the type's enum value, -1 for the first.
QComboBox *typeBox(QWidget *parent, const QString &follows)
{
    auto *box = new QComboBox(parent);
    box->addItem(follows, -1);
    for (const DType type : AllDTypes) {
        const std::string_view name = dtypeName(type);
        box->addItem(QString::fromUtf8(name.data(), qsizetype(name.size())), int(type));
    }
    return box;
}

std::optional<DType> typeOf(const QComboBox *box)
{
    const int data = box->currentData().toInt();
    return data < 0 ? std::nullopt : std::optional<DType>(static_cast<DType>(data));
}

void showType(QComboBox *box, std::optional<DType> type)
{
    box->setCurrentIndex(box->findData(type ? int(*type) : -1));
}
} // namespace

AssumptionsPanel::AssumptionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_header(new QToolButton(this))
    , m_body(new QWidget(this))
    , m_causal(new QCheckBox(tr("Causal mask in prefill attention"), m_body))
    , m_allLogits(new QCheckBox(tr("LM head for every prompt position"), m_body))
    , m_embedding(typeBox(m_body, tr("as the weights")))
    , m_score(typeBox(m_body, tr("as the activations")))
    , m_fuseQkv(new QCheckBox(tr("Fused q/k/v projection"), m_body))
    , m_fuseGateUp(new QCheckBox(tr("Fused gate/up projection"), m_body))
    , m_nonGemm(new QCheckBox(tr("Count norms, softmax, activation, residual adds"), m_body))
{
    m_header->setObjectName(QStringLiteral("header"));
    m_causal->setObjectName(QStringLiteral("causalMask"));
    m_allLogits->setObjectName(QStringLiteral("allLogits"));
    m_embedding->setObjectName(QStringLiteral("embeddingType"));
    m_score->setObjectName(QStringLiteral("scoreType"));
    m_fuseQkv->setObjectName(QStringLiteral("fuseQkv"));
    m_fuseGateUp->setObjectName(QStringLiteral("fuseGateUp"));
    m_nonGemm->setObjectName(QStringLiteral("countNonGemm"));
    m_header->setText(tr("Model assumptions"));
    m_header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_header->setAutoRaise(true);
    m_header->setCheckable(true);
    m_header->setToolTip(tr("The choices on which roofline tools differ; the defaults are the seed chart's"));
    m_causal->setToolTip(tr("Prefill attention computes only the scores a causal mask keeps (FlashAttention-style), "
                            "about half of the square an unfused kernel computes"));
    m_allLogits->setToolTip(tr("The LM head at prefill for every prompt position (as llm-analysis counts), not only the last"));
    m_embedding->setToolTip(tr("Storage of the embedding and LM-head weights: quantised checkpoints usually keep them at 16 bit"));
    m_score->setToolTip(tr("Type of the attention score matrix"));
    m_fuseQkv->setToolTip(tr("One read of the layer input for q, k and v (GenZ's fused QKV)"));
    m_nonGemm->setToolTip(tr("Leave these out to count only the matrix multiplies (as llm-analysis does)"));
    auto *form = new QFormLayout(m_body);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(m_causal);
    form->addRow(m_allLogits);
    form->addRow(tr("Embedding / LM head"), m_embedding);
    form->addRow(tr("Attention scores"), m_score);
    form->addRow(m_fuseQkv);
    form->addRow(m_fuseGateUp);
    form->addRow(m_nonGemm);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_body);
    connect(m_header, &QToolButton::toggled, this, &AssumptionsPanel::setExpanded);
    setAssumptions(Assumptions {});
    setExpanded(false);

    const auto report = [this] { Q_EMIT assumptionsChanged(assumptions()); };
    for (QCheckBox *box : { m_causal, m_allLogits, m_fuseQkv, m_fuseGateUp, m_nonGemm })
        connect(box, &QCheckBox::toggled, this, report);
    for (QComboBox *box : { m_embedding, m_score })
        connect(box, &QComboBox::activated, this, report);
}

void AssumptionsPanel::setAssumptions(const Assumptions &a)
{
    if (a == assumptions())
        return;
    const QSignalBlocker blockers[] = { QSignalBlocker(m_causal), QSignalBlocker(m_allLogits), QSignalBlocker(m_embedding),
                                        QSignalBlocker(m_score), QSignalBlocker(m_fuseQkv), QSignalBlocker(m_fuseGateUp),
                                        QSignalBlocker(m_nonGemm) };
    m_causal->setChecked(a.causalMask);
    m_allLogits->setChecked(a.allPrefillLogits);
    showType(m_embedding, a.embeddingType);
    showType(m_score, a.scoreType);
    m_fuseQkv->setChecked(a.fuseQkv);
    m_fuseGateUp->setChecked(a.fuseGateUp);
    m_nonGemm->setChecked(a.countNonGemm);
}

Assumptions AssumptionsPanel::assumptions() const
{
    Assumptions a;
    a.causalMask = m_causal->isChecked();
    a.allPrefillLogits = m_allLogits->isChecked();
    a.embeddingType = typeOf(m_embedding);
    a.scoreType = typeOf(m_score);
    a.fuseQkv = m_fuseQkv->isChecked();
    a.fuseGateUp = m_fuseGateUp->isChecked();
    a.countNonGemm = m_nonGemm->isChecked();
    return a;
}

bool AssumptionsPanel::isExpanded() const
{
    return m_body->isVisibleTo(this);
}

void AssumptionsPanel::setExpanded(bool expanded)
{
    const QSignalBlocker blocker(m_header);
    m_header->setChecked(expanded);
    m_header->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(expanded);
}

} // namespace roofline
