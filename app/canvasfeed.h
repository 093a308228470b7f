#pragma once

#include "statesnapshot.h"

namespace roofline {

class ExplorerState;
class ResultsModel;
class RooflinePlot;
struct ChartData;
struct Session;

// Subscribes the canvas to what it shows: the results as they come, and the state's changes that bring none
// (the frame, which series show, labels and notes). The window and the headless export both draw through this,
// so they show the same chart from the same computation.
void feedCanvas(RooflinePlot *plot, const ExplorerState *state, const ResultsModel *results);

// What the canvas takes from a session: its results, its view (which series show, whether every ceiling is
// drawn, the frame) and its labels and notes.
void showOnCanvas(RooflinePlot &plot, const Session &session, const ChartData &chart);
// What changed without new results (which series show, the labels and notes): the same chart redrawn. A change
// of the inputs waits for its results, which bring every part.
void showChangeOnCanvas(RooflinePlot &plot, const Session &session, StateParts parts);

} // namespace roofline
