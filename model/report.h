#pragma once

#include "evaluation.h"
#include "grid.h"
#include "jsonwriters.h"
#include "nametable.h"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace roofline {

struct Session;

// Machine-readable views of an evaluation, for `--dump json|csv` and for users who rebuild a chart
// elsewhere. Field names carry their units.
// (The GPU, model, workload and modelling choices are written by jsonwriters.h, which sessions share.)
nlohmann::json opToJson(const OpResult &op);
nlohmann::json evaluationToJson(const ModelConfig &model, const GpuSpec &gpu, const Evaluation &evaluation,
                                const std::vector<Evaluation> *sweep = nullptr);

// One header line and one line per op of both phases (series ops first, then the totals-only ones).
std::string evaluationToCsv(const Evaluation &evaluation);

// `--dump json`: the session's scenario evaluated (evaluationToJson), with its efficiency and timing roofs,
// the sweep if `withSweep`, and each measured kernel beside the modelled point it measures. Indented, one
// document ending in a newline; text that is not UTF-8 is replaced, never fails the dump.
std::string sessionReportJson(const Session &session, bool withSweep);
// `--dump phase-map`: "batch,seq,<quantity>,fits_max_seq" and one line per (batch, seq) of the map, each pair
// once (the log-spaced grid is rounded to whole numbers, so small values repeat), row by row of sequence length.
std::string phaseMapCsv(const PhaseMap &map, GridQuantity quantity);
// What `--dump` prints, and its name on the command line ("json", "csv", "phase-map"), both ways.
enum class DumpFormat { Json, Csv, PhaseMap };
inline constexpr NameTable<DumpFormat, 3> DumpFormatNames { { { { DumpFormat::Json, "json" },
                                                                { DumpFormat::Csv, "csv" },
                                                                { DumpFormat::PhaseMap, "phase-map" } } } };
inline constexpr std::array<DumpFormat, DumpFormatNames.size()> AllDumpFormats = DumpFormatNames.values();
std::string_view dumpFormatName(DumpFormat format);
std::optional<DumpFormat> dumpFormatFromName(std::string_view name);
// "json, csv or phase-map", for messages.
std::string dumpFormatNames();
// The session's numbers in that format: sessionReportJson, evaluationToCsv of its scenario, or phaseMapCsv
// of the session's phase map choice.
std::string sessionDump(const Session &session, DumpFormat format, bool withSweep);

// `--list-models` and `--list-gpus`: one aligned line per preset (id, name, shape or figures, the ridge).
std::string modelListing(const std::vector<ModelConfig> &models);
std::string gpuListing(const std::vector<GpuSpec> &gpus);

} // namespace roofline
