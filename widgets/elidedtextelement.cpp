#include "elidedtextelement.h"

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

} // namespace roofline
