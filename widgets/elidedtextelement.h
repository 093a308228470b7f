#pragma once

#include "qcp.h"

namespace roofline {

// One of the canvas's own kinds of QCustomPlot graph or item: it draws like its base class, only faster or within
// the chart's bounds; it holds no style of its own (the theme sets it) and knows nothing of roofs.
// A text element (the title) shortened in the middle with "…" when it is wider than the chart (a 256-byte
// model name was clipped at both ends), and never asking the layout for more than the chart's width.
class ElidedTextElement : public QCPTextElement
{
public:
    using QCPTextElement::QCPTextElement;
    // What the last draw showed.
    QString shown() const { return m_shown; }

protected:
    void draw(QCPPainter *painter) override;
    QSize minimumOuterSizeHint() const override;

private:
    QString m_shown;
};

} // namespace roofline
