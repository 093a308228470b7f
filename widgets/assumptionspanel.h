#pragma once

#include "workload.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QToolButton;

namespace roofline {

// The modelling choices on which tools differ (causal mask, prefill logits, embedding and score types,
// fused projections, non-GEMM ops), under a header that folds them away: closed until the user opens it.
// It only reports what the user did.
class AssumptionsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AssumptionsPanel(QWidget *parent = nullptr);

    // Shows `assumptions` without emitting anything.
    void setAssumptions(const Assumptions &assumptions);
    Assumptions assumptions() const;
    bool isExpanded() const;
    void setExpanded(bool expanded);

    QToolButton *header() const { return m_header; }
    QCheckBox *causalMaskBox() const { return m_causal; }
    QCheckBox *allLogitsBox() const { return m_allLogits; }
    QComboBox *embeddingTypeBox() const { return m_embedding; }
    QComboBox *scoreTypeBox() const { return m_score; }
    QCheckBox *fuseQkvBox() const { return m_fuseQkv; }
    QCheckBox *fuseGateUpBox() const { return m_fuseGateUp; }
    QCheckBox *countNonGemmBox() const { return m_nonGemm; }

Q_SIGNALS:
    void assumptionsChanged(const roofline::Assumptions &assumptions);

private:
    QToolButton *m_header;
    QWidget *m_body;
    QCheckBox *m_causal;
    QCheckBox *m_allLogits;
    QComboBox *m_embedding;
    QComboBox *m_score;
    QCheckBox *m_fuseQkv;
    QCheckBox *m_fuseGateUp;
    QCheckBox *m_nonGemm;
};

} // namespace roofline
