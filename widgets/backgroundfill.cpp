#include "backgroundfill.h"

namespace roofline {

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

} // namespace roofline
