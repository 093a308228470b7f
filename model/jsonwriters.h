#pragma once

#include "gpuspec.h"
#include "modelconfig.h"
#include "workload.h"

#include <nlohmann/json_fwd.hpp>

// The scenario's parts as JSON, in the names the loaders read back: shared by the session writer and the
// --dump reports (report.h), so that neither needs the other.

namespace roofline {

nlohmann::json gpuToJson(const GpuSpec &gpu);
nlohmann::json modelToJson(const ModelConfig &model);
// The model as a Hugging Face config.json (the fields the loader reads), for saving a user's model whole.
nlohmann::json modelConfigJson(const ModelConfig &model);
nlohmann::json workloadToJson(const Workload &workload);
// The modelling choices, as sessions and --dump json write them (the session reader takes the same names).
nlohmann::json assumptionsToJson(const Assumptions &assumptions);

} // namespace roofline
