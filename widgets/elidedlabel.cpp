#include "elidedlabel.h"

#include <QFontMetrics>
#include <QResizeEvent>

#include <algorithm>

namespace roofline {

ElidedLabel::ElidedLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    // Its width is what the layout gives: the text never asks for more.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ElidedLabel::setFullText(const QString &text)
{
    m_fullText = text;
    setToolTip(text);
    elide();
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::elide()
{
    const int room = std::max(contentsRect().width() - 2 * margin(), 0);
    setText(fontMetrics().elidedText(m_fullText, Qt::ElideRight, room));
}

} // namespace roofline
