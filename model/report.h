#pragma once

#include "evaluation.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace roofline {

// Machine-readable views of an evaluation, for `--dump json|csv` and for users who rebuild a chart
// elsewhere. Field names carry their units.
nlohmann::json gpuToJson(const GpuSpec &gpu);
nlohmann::json modelToJson(const ModelConfig &model);
// The model as a Hugging Face config.json (the fields the loader reads), for saving a user's model whole.
nlohmann::json modelConfigJson(const ModelConfig &model);
nlohmann::json workloadToJson(const Workload &workload);
nlohmann::json opToJson(const OpResult &op);
nlohmann::json evaluationToJson(const ModelConfig &model, const GpuSpec &gpu, const Evaluation &evaluation,
                                const std::vector<Evaluation> *sweep = nullptr);

// One header line and one line per op of both phases (series ops first, then the totals-only ones).
std::string evaluationToCsv(const Evaluation &evaluation);

} // namespace roofline
