#pragma once

#include "opcost.h"

#include <QColor>
#include <QSharedPointer>
#include <QSize>

class QCPAxisTickerLog;

namespace roofline {

// The seed chart's colours: matplotlib's default cycle, in the order of its legend.
QColor seriesColor(Series series);

// The ridge line's colour: the next colour of matplotlib's cycle, which none of the six series takes, so the
// ridge never reads as a series' marker (the seed chart drew it in the green of "up/gate/down init"). Its
// label takes a darker shade of it on the light style, where the line's own is too pale for text.
QColor ridgeColor();
QColor ridgeLabelColor(bool dark);

// The size an export of `size` pixels (or points) is laid out at before it is scaled to fill them: fonts read
// as on screen (at most 720 high), and the short side is at least 256 units, so the axes and their labels fit
// in a tall, narrow or small export, which is then drawn from a larger layout. PNG, SVG and PDF share it.
QSize exportLayoutSize(const QSize &size);

// A logarithmic axis ticker whose labels are in SI units, as in the seed chart: 1, 10, 1k; 10G, 100T.
QSharedPointer<QCPAxisTickerLog> siLogTicker(double base = 10.0, int subTicks = 8);

} // namespace roofline
