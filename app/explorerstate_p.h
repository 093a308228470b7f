#pragma once

// What explorerstate.cpp and explorerstatechoices.cpp share; not part of the state's interface.

#include "inputlimits.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string_view>

namespace roofline::stateinternal {

inline double clampFinite(double value, FigureRange range)
{
    return std::isfinite(value) ? std::clamp(value, range.min, range.max) : range.min;
}

// A whole number in the range, nearest to `value`.
inline std::int64_t clampWhole(double value, CountRange range)
{
    return std::int64_t(std::llround(clampFinite(value, FigureRange { double(range.min), double(range.max) })));
}

// The index of the entry with this id, or -1.
int indexOf(const auto &list, std::string_view id)
{
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].id == id)
            return int(i);
    return -1;
}

// Which changes in a row merge into one undo step (a slider's drag, a label's moves).
enum MergeKind { NoMerge = -1, Batch = 1, Seq, Peak, Bandwidth, MoveAnnotation };

} // namespace roofline::stateinternal
