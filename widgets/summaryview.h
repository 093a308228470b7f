#pragma once

#include "evaluation.h"

#include <QLabel>

namespace roofline {

// The headline numbers under the chart: time to first token, decode speed, and whether the weights
// and KV cache fit in the GPU's memory.
class SummaryView : public QLabel
{
    Q_OBJECT
public:
    explicit SummaryView(QWidget *parent = nullptr);

    void setEvaluation(const Evaluation &evaluation);
    bool showsMemoryWarning() const { return m_warning; }

private:
    bool m_warning = false;
};

} // namespace roofline
