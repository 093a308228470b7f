#pragma once

namespace roofline {

class RooflinePlot;
struct ChartData;
struct Session;

// What the canvas takes from a session besides the results: which series show, whether every ceiling is
// drawn, the labels and notes. The frame is the view's own (showView). The window and the headless export
// both draw through this, so they show the same chart.
void showOnCanvas(RooflinePlot &plot, const Session &session, const ChartData &chart);
// The session's frame on the canvas: its stored range, or the fitted frame when it has none.
void showView(RooflinePlot &plot, const Session &session);

} // namespace roofline
