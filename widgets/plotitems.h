#pragma once

#include "qcp.h"

// The canvas's own kinds of QCustomPlot graph and item: each draws like its base class, only faster or
// within the chart's bounds. They hold no style of their own (the theme sets it) and know nothing of roofs.

namespace roofline {

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

// A roof or ceiling: a graph of straight segments (one, in practice). Drawn as separate lines rather than
// QCustomPlot's polyline: for a single dashed line Qt's raster engine uses its own line rasteriser, which is
// several times faster than the general path stroker a dashed polyline goes through.
class LineGraph : public QCPGraph
{
public:
    explicit LineGraph(QCustomPlot *plot);

protected:
    void drawLinePlot(QCPPainter *painter, const QVector<QPointF> &lines) const override;
};

// A graph of many identical markers (measured kernels). On a raster painter each marker is a copy of one
// image of it, drawn on whole device pixels, rather than a path filled and stroked anew each time (tens of
// thousands of discs took a second a redraw). Vector exports draw them as shapes.
class MarkerGraph : public QCPGraph
{
public:
    explicit MarkerGraph(QCustomPlot *plot);

protected:
    void drawScatterPlot(QCPPainter *painter, const QVector<QPointF> &scatters, const QCPScatterStyle &style) const override;

private:
    mutable QImage m_marker;
    mutable double m_markerScale = 0;
    mutable bool m_markerAntialiased = false;
    mutable QPen m_markerPen;
    mutable QBrush m_markerBrush;
    mutable double m_markerSize = 0;
};

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
