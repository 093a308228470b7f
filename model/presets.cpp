#include "presets.h"

#include "inputerror.h"
#include "jsonreader.h"

#include <nlohmann/json.hpp>

#include <set>

namespace roofline {

const GpuSpec *PresetLibrary::findGpu(std::string_view id) const
{
    for (const GpuSpec &gpu : gpus)
        if (gpu.id == id)
            return &gpu;
    return nullptr;
}

const ModelConfig *PresetLibrary::findModel(std::string_view id) const
{
    for (const ModelConfig &model : models)
        if (model.id == id)
            return &model;
    return nullptr;
}

PresetLibrary loadPresetLibrary(const PresetReader &read, const std::string &sourcePrefix)
{
    PresetLibrary library;
    library.gpus = parseGpuPresets(read("gpus.json"), sourcePrefix + "gpus.json");

    const std::string indexSource = sourcePrefix + "models.json";
    const nlohmann::json index = parseJsonObject(read("models.json"), indexSource);
    const JsonFields top(index, indexSource);
    top.integer("format", { 1, 1 });
    const nlohmann::json &list = top.array("models");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "models[" + std::to_string(i) + "]";
        if (!list[i].is_object())
            throw InputError(indexSource, path, "expected an object");
        const JsonFields entry(list[i], indexSource, path);
        const std::string id = entry.string("id");
        if (!ids.insert(id).second)
            entry.fail("id", "duplicate id \"" + id + "\"");
        const std::string configPath = entry.string("config");
        ModelConfig model = parseModelConfig(read(configPath), sourcePrefix + configPath, entry.string("name"));
        // The index's display name wins over the config's "_name_or_path" (a repository id).
        model.name = entry.string("name");
        model.id = id;
        library.models.push_back(std::move(model));
        library.modelNotes.push_back(entry.optionalString("note").value_or(std::string()));
    }
    if (library.models.empty())
        throw InputError(indexSource, "models", "holds no model");
    return library;
}

PresetLibrary loadPresetLibraryFromDirectory(const std::string &directory)
{
    const std::string prefix = directory.empty() || directory.back() == '/' ? directory : directory + "/";
    return loadPresetLibrary([&](const std::string &relative) { return readInputFile(prefix + relative); }, prefix);
}

} // namespace roofline
