#pragma once

#include "session.h"

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

} // namespace roofline
