#include "plotitems.h"

#include <cmath>

namespace roofline {

void ElidedTextElement::draw(QCPPainter *painter)
{
    painter->setFont(mainFont());
    painter->setPen(QPen(mainTextColor()));
    m_shown = QFontMetrics(mainFont()).elidedText(mText, Qt::ElideMiddle, mRect.width());
    painter->drawText(mRect, mTextFlags, m_shown, &mTextBoundingRect);
}

QSize ElidedTextElement::minimumOuterSizeHint() const
{
    return QSize(0, QCPTextElement::minimumOuterSizeHint().height());
}

BackgroundFill::BackgroundFill(QCustomPlot *plot)
    : QCPLayerable(plot, QStringLiteral("background"))
{
}

// QCPLayer clips each layerable to its clipRect() moved up a pixel: one row more reaches the bottom.
QRect BackgroundFill::clipRect() const
{
    return mParentPlot->viewport().adjusted(0, 0, 0, 1);
}

void BackgroundFill::draw(QCPPainter *painter)
{
    painter->fillRect(mParentPlot->viewport(), m_color);
}

LineGraph::LineGraph(QCustomPlot *plot)
    : QCPGraph(plot->xAxis, plot->yAxis)
{
}

void LineGraph::drawLinePlot(QCPPainter *painter, const QVector<QPointF> &lines) const
{
    if (painter->pen().style() == Qt::NoPen || painter->pen().color().alpha() == 0)
        return;
    applyDefaultAntialiasingHint(painter);
    for (qsizetype i = 1; i < lines.size(); ++i)
        painter->drawLine(QLineF(lines[i - 1], lines[i]));
}

MarkerGraph::MarkerGraph(QCustomPlot *plot)
    : QCPGraph(plot->xAxis, plot->yAxis)
{
}

void MarkerGraph::drawScatterPlot(QCPPainter *painter, const QVector<QPointF> &scatters, const QCPScatterStyle &style) const
{
    const QTransform world = painter->transform();
    if (painter->modes().testFlag(QCPPainter::pmVectorized) || painter->device()->devType() == QInternal::Picture
        || world.type() > QTransform::TxScale
        || !qFuzzyCompare(world.m11(), world.m22()) || scatters.size() < 32) {
        QCPGraph::drawScatterPlot(painter, scatters, style);
        return;
    }
    applyScattersAntialiasingHint(painter); // as QCPGraph does: plain markers while a slider is held
    const double scale = world.m11() * painter->device()->devicePixelRatioF();
    const bool antialiased = painter->antialiasing();
    const double centre = std::ceil(style.size() / 2 + style.pen().widthF()) + 1;
    if (m_marker.isNull() || m_markerScale != scale || m_markerAntialiased != antialiased || m_markerPen != style.pen()
        || m_markerBrush != style.brush() || m_markerSize != style.size()) {
        const int side = int(std::ceil(2 * centre * scale));
        m_marker = QImage(side, side, QImage::Format_ARGB32_Premultiplied);
        m_marker.setDevicePixelRatio(scale);
        m_marker.fill(Qt::transparent);
        QCPPainter marker(&m_marker);
        marker.setAntialiasing(antialiased);
        style.applyTo(&marker, style.pen());
        style.drawShape(&marker, QPointF(centre, centre));
        m_markerScale = scale;
        m_markerAntialiased = antialiased;
        m_markerPen = style.pen();
        m_markerBrush = style.brush();
        m_markerSize = style.size();
    }
    for (const QPointF &point : scatters)
        painter->drawImage(QPointF(std::round((point.x() - centre) * scale) / scale, std::round((point.y() - centre) * scale) / scale),
                           m_marker);
}

AnnotationText::AnnotationText(QCustomPlot *plot)
    : QCPItemText(plot)
{
}

void AnnotationText::draw(QCPPainter *painter)
{
    const QTransform world = painter->transform();
    if (painter->modes().testFlag(QCPPainter::pmVectorized) || painter->device()->devType() == QInternal::Picture
        || world.type() > QTransform::TxScale
        || !qFuzzyCompare(world.m11(), world.m22()) || !qFuzzyIsNull(rotation())) {
        QCPItemText::draw(painter);
        return;
    }
    const double scale = world.m11() * painter->device()->devicePixelRatioF();
    const bool antialiased = painter->antialiasing();
    if (m_image.isNull() || m_scale != scale || m_antialiased != antialiased || m_text != text() || m_font != font()
        || m_color != color() || m_pen != pen() || m_brush != brush() || m_padding != padding()
        || m_alignment != positionAlignment() || m_textAlignment != textAlignment()) {
        // As QCPItemText::draw places them, relative to the position.
        QRect textRect = QFontMetrics(font()).boundingRect(0, 0, 0, 0, Qt::TextDontClip | textAlignment(), text());
        QRect box = textRect.adjusted(-padding().left(), -padding().top(), padding().right(), padding().bottom());
        const QPointF topLeft = getTextDrawPoint(QPointF(0, 0), box, positionAlignment());
        textRect.moveTopLeft(topLeft.toPoint() + QPoint(padding().left(), padding().top()));
        box.moveTopLeft(topLeft.toPoint());
        const int border = int(std::ceil(pen().widthF())) + 1;
        m_bounds = box.adjusted(-border, -border, border, border);
        m_image = QImage((QSizeF(m_bounds.size()) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
        m_image.setDevicePixelRatio(scale);
        m_image.fill(Qt::transparent);
        QCPPainter image(&m_image);
        image.setAntialiasing(antialiased);
        image.translate(-m_bounds.topLeft());
        image.setPen(pen());
        image.setBrush(brush());
        image.drawRect(box);
        image.setBrush(Qt::NoBrush);
        image.setPen(QPen(color()));
        image.setFont(font());
        image.drawText(textRect, Qt::TextDontClip | textAlignment(), text());
        m_scale = scale;
        m_antialiased = antialiased;
        m_text = text();
        m_font = font();
        m_color = color();
        m_pen = pen();
        m_brush = brush();
        m_padding = padding();
        m_alignment = positionAlignment();
        m_textAlignment = textAlignment();
    }
    const QPointF at = position->pixelPosition() + m_bounds.topLeft();
    painter->drawImage(QPointF(std::round(at.x() * scale) / scale, std::round(at.y() * scale) / scale), m_image);
}

} // namespace roofline
