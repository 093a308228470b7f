#pragma once

#include "session.h"

#include <QFlags>

namespace roofline {

// What an undo step restores: the session and which presets are picked. The frame (session.view) and the export
// settings are in it but not restored: undo takes back what was changed, not where the chart is looked at, so an
// undo never moves the frame and the frame on screen, in the state and in a saved file is always the last one
// the user chose. (Its own header, so that the undo history needs nothing of the state that makes it.)
struct StateSnapshot {
    Session session;
    int modelIndex = 0;
    int gpuIndex = 0;
    bool operator==(const StateSnapshot &) const = default;
};

// Which part of the state a change touched, so that each view redoes only what shows that part: a label dragged
// on the chart moves the label, and computes nothing.
enum class StatePart : unsigned {
    Inputs = 1U << 0U, // what the results are computed from (model, GPU, workload, sweep, pins, second GPU,
                       // practical ceilings, measured kernels) and which presets the pickers show
    Look = 1U << 1U, // how the same results are drawn: which series show, every ceiling or one
    Annotations = 1U << 2U, // the labels and notes
};
Q_DECLARE_FLAGS(StateParts, StatePart)

// The parts in which `after` differs from `before`. What is not an undo step (the frame, the phase map's choice,
// the export settings) is no part: it has signals of its own.
StateParts changedParts(const StateSnapshot &before, const StateSnapshot &after);

} // namespace roofline

Q_DECLARE_OPERATORS_FOR_FLAGS(roofline::StateParts)
