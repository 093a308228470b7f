#pragma once

namespace roofline {

class RooflinePlot;
struct ChartData;
struct Session;

// What the canvas takes from a session: its results, its view (which series show, whether every ceiling is
// drawn, the frame) and its labels and notes. The window and the headless export both draw through this, so
// they show the same chart.
void showOnCanvas(RooflinePlot &plot, const Session &session, const ChartData &chart);

} // namespace roofline
