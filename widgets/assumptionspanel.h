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
    // Each control is named for the assumption it shows ("causalMask", "embeddingType", ...; the fold's button
    // is "header"), by which tests find it (findChild).


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
