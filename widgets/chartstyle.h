#pragma once

#include "opcost.h"

#include <QColor>

namespace roofline {

// The seed chart's colours: matplotlib's default cycle, in the order of its legend.
QColor seriesColor(Series series);

} // namespace roofline
