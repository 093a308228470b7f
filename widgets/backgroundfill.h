#pragma once

#include "qcp.h"

namespace roofline {

// One of the canvas's own kinds of QCustomPlot graph or item: it draws like its base class, only faster or within
// the chart's bounds; it holds no style of its own (the theme sets it) and knows nothing of roofs.
// The canvas's background, painted into the bottom paint buffer rather than by QCustomPlot's paintEvent:
// the event then skips a full-viewport fill on every repaint (the buffer already covers every pixel).
class BackgroundFill : public QCPLayerable
{
public:
    explicit BackgroundFill(QCustomPlot *plot);
    void setColor(const QColor &color) { m_color = color; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override { painter->setAntialiasing(false); }
    QRect clipRect() const override;
    void draw(QCPPainter *painter) override;

private:
    QColor m_color = Qt::white;
};

} // namespace roofline
