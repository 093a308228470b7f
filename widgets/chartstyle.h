#pragma once

#include "opcost.h"

#include <QColor>
#include <QSharedPointer>

class QCPAxisTickerLog;

namespace roofline {

// The seed chart's colours: matplotlib's default cycle, in the order of its legend.
QColor seriesColor(Series series);

// A logarithmic axis ticker whose labels are in SI units, as in the seed chart: 1, 10, 1k; 10G, 100T.
QSharedPointer<QCPAxisTickerLog> siLogTicker(double base = 10.0, int subTicks = 8);

} // namespace roofline
