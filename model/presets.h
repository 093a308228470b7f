#pragma once

#include "gpuspec.h"
#include "modelconfig.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace roofline {

inline constexpr std::string_view DefaultGpuId = "a6000-seed";
inline constexpr std::string_view DefaultModelId = "llama-2-13b";

// The presets shipped with the app: `gpus.json`, `models.json` and the config.json files it names.
struct PresetLibrary {
    std::vector<GpuSpec> gpus;
    std::vector<ModelConfig> models;
    std::vector<std::string> modelNotes; // parallel to models: where each config comes from

    const GpuSpec *findGpu(std::string_view id) const;
    const ModelConfig *findModel(std::string_view id) const;
};

// Reads a file of the preset folder by its path relative to that folder ("models/llama-2-13b.json").
// The window reads from compiled-in resources, tests and benchmarks from the source tree.
using PresetReader = std::function<std::string(const std::string &relativePath)>;

PresetLibrary loadPresetLibrary(const PresetReader &read, const std::string &sourcePrefix);
PresetLibrary loadPresetLibraryFromDirectory(const std::string &directory);

} // namespace roofline
