#pragma once

#include "presets.h"

namespace roofline {

// The presets compiled into the binary (resources/presets, under ":/presets/").
// Throws InputError if a shipped file is broken, which a test rules out.
PresetLibrary loadBuiltInPresets();

} // namespace roofline
