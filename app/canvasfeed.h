#pragma once

#include "statesnapshot.h"

namespace roofline {

class RooflinePlot;
struct ChartData;
struct Session;

// What the canvas takes from a session: its results, its view (which series show, whether every ceiling is
// drawn, the frame) and its labels and notes. The window and the headless export both draw through this, so
// they show the same chart.
void showOnCanvas(RooflinePlot &plot, const Session &session, const ChartData &chart);
// What changed without new results (which series show, the labels and notes): the same chart redrawn. A change
// of the inputs waits for its results, which bring every part.
void showChangeOnCanvas(RooflinePlot &plot, const Session &session, StateParts parts);

} // namespace roofline
