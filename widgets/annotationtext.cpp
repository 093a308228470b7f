#include "annotationtext.h"

#include <cmath>

namespace roofline {

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
