#pragma once

class QCustomPlot;
class QCPMarginGroup;
class QMargins;

namespace roofline {

// Where the chart's legend goes: inside the frame (bottom right) while, in one column, it takes at most a
// third of the canvas's height and width; beyond that (a small window, presentation on a small screen, many
// pins) below the frame, lined up with it through `frameMargins`, in as many columns as fit, so that it never
// covers the points: if that makes two columns or more and takes at most a third of the height (else it stays
// inside). Decided from the canvas's size and the entries, not from the frame's, so that moving it cannot
// undo the reason it moved. Returns true if it moved or reflowed: the layout must be redone.
// `padding` is the legend's own (ChartTheme::legendPadding).
bool placeLegend(QCustomPlot &plot, QCPMarginGroup &frameMargins, const QMargins &padding);
// Whether the legend is below the frame.
bool legendBelowFrame(const QCustomPlot &plot);

} // namespace roofline
