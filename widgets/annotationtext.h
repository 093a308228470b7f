#pragma once

#include "qcp.h"

namespace roofline {

// One of the canvas's own kinds of QCustomPlot graph or item: it draws like its base class, only faster or within
// the chart's bounds; it holds no style of its own (the theme sets it) and knows nothing of roofs.
// A label's or note's text in its box. On a raster painter the box is drawn from an image of it, made when
// its text or style changes, rather than laid out glyph by glyph on every redraw of the frame; vector exports
// and the top layer's recording draw the text itself (a recorded image is compressed into the recording).
class AnnotationText : public QCPItemText
{
public:
    explicit AnnotationText(QCustomPlot *plot);
    // For a text covered by others: its image is made again if it shows.
    void releaseImage() { m_image = QImage(); }

protected:
    void draw(QCPPainter *painter) override;

private:
    QImage m_image;
    QRect m_bounds;
    double m_scale = 0;
    bool m_antialiased = false;
    QString m_text;
    QFont m_font;
    QColor m_color;
    QPen m_pen;
    QBrush m_brush;
    QMargins m_padding;
    Qt::Alignment m_alignment;
    Qt::Alignment m_textAlignment;
};

} // namespace roofline
