#pragma once

#include "opcost.h"

#include <QColor>

#include <array>
#include <utility>

// The colours that mean something, for every view (chart, op table, summary, phase map, tooltips); the chart's
// full looks (pens, fonts, markers) are built from them in charttheme.h. Qt only: no QCustomPlot here.

namespace roofline {

// The seed chart's colours: matplotlib's default cycle, in the order of its legend.
QColor seriesColor(Series series);

// The ridge line's colour: the next colour of matplotlib's cycle, which none of the six series takes, so the
// ridge never reads as a series' marker (the seed chart drew it in the green of "up/gate/down init"). Its
// label takes a darker shade of it on the light style, where the line's own is too pale for text.
QColor ridgeColor();
QColor ridgeLabelColor(bool dark);

// The roofs: memory (the first series' blue) and compute (red), as in the seed chart.
QColor memoryRoofColor();
QColor computeRoofColor();

// "memory" and "compute" in the op table's Bound column: darker shades of the roofs' colours, readable as text.
QColor memoryBoundColor();
QColor computeBoundColor();

// A warning in rich text (a point above its roof, a workload that does not fit).
QColor warningColor();

// The phase map: viridis (perceptually uniform and readable in grey, matplotlib's default map) as five stops,
// and the lines and marker edges drawn over it.
std::array<std::pair<double, QColor>, 5> viridisStops();
QColor phaseMapOverlayColor();

} // namespace roofline
