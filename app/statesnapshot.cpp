#include "statesnapshot.h"

namespace roofline {

StateParts changedParts(const StateSnapshot &before, const StateSnapshot &after)
{
    StateParts parts;
    if (before.session.annotations != after.session.annotations)
        parts |= StatePart::Annotations;
    if (before.session.seriesVisible != after.session.seriesVisible || before.session.showAllCeilings != after.session.showAllCeilings)
        parts |= StatePart::Look;
    // Everything else is an input, including any field added later: `after` with the other parts and what is no
    // part taken from `before`.
    StateSnapshot inputs = after;
    inputs.session.annotations = before.session.annotations;
    inputs.session.seriesVisible = before.session.seriesVisible;
    inputs.session.showAllCeilings = before.session.showAllCeilings;
    inputs.session.view = before.session.view;
    inputs.session.phaseMap = before.session.phaseMap;
    inputs.session.exportSettings = before.session.exportSettings;
    if (!(inputs == before))
        parts |= StatePart::Inputs;
    return parts;
}

} // namespace roofline
