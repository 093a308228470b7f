#include "report.h"

#include "chartdata.h"
#include "jsonwriters.h"
#include "scenarioresults.h"
#include "session.h"
#include "text.h"
#include "units.h"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace roofline {

using nlohmann::json;

json opToJson(const OpResult &op)
{
    const OpCost &c = op.cost;
    json out = {
        { "series", c.series == Series::None ? json(nullptr) : json(seriesName(c.series)) },
        { "phase", phaseName(c.phase) },
        { "op", opName(c.op) },
        { "flops", c.flops },
        { "bytes", c.totalBytes() },
        { "bytes_split",
          { { "weights", c.bytes.weights },
            { "activations_read", c.bytes.activationsRead },
            { "activations_written", c.bytes.activationsWritten },
            { "kv_read", c.bytes.kvRead },
            { "kv_written", c.bytes.kvWritten } } },
        { "intensity", op.intensity },
        { "attainable_flops_per_s", op.attainableFlopsPerSecond },
        { "bound", boundName(op.bound) },
        { "time_s", op.timeSeconds },
        { "count_per_pass", c.repeat },
    };
    return out;
}

namespace {
json phaseTotals(const PhaseResult &phase)
{
    return { { "flops", phase.flops }, { "bytes", phase.bytes }, { "time_s", phase.timeSeconds } };
}

void appendOps(json &series, json &other, const PhaseResult &phase)
{
    for (const OpResult &op : phase)
        (op.cost.series == Series::None ? other : series).push_back(opToJson(op));
}
}

json evaluationToJson(const ModelConfig &model, const GpuSpec &gpu, const Evaluation &e,
                      const std::vector<Evaluation> *sweep)
{
    json ops = json::array();
    json other = json::array();
    appendOps(ops, other, e.prefill);
    appendOps(ops, other, e.decode);

    json prefill = phaseTotals(e.prefill);
    prefill["time_to_first_token_s"] = e.timeToFirstTokenSeconds();
    json decode = phaseTotals(e.decode);
    decode["time_per_step_s"] = e.decodeStepSeconds();
    decode["accepted_tokens_per_step"] = e.workload.acceptedPerStep();
    decode["tokens_per_s"] = e.decodeTokensPerSecond();
    decode["tokens_per_s_per_sequence"] = e.decodeTokensPerSecondPerSequence();
    const json memory = {
        { "weights_bytes", e.memory.weightBytes },
        { "kv_cache_bytes", e.memory.kvCacheBytes },
        { "total_bytes", e.memory.totalBytes() },
        { "capacity_bytes", e.memory.capacityBytes },
        { "fits", e.memory.fits() },
    };

    json gpuJson = gpuToJson(gpu);
    gpuJson["peak_flops_per_s"] = e.roof.peakFlopsPerSecond; // the roof actually used
    json out = {
        { "gpu", gpuJson },
        { "model", modelToJson(model) },
        { "workload", workloadToJson(e.workload) },
        { "assumptions", assumptionsToJson(e.workload.assumptions) },
        { "ridge_flop_per_byte", e.roof.ridge() },
        { "ops", ops },
        { "other_ops", other },
        { "totals", { { "prefill", prefill }, { "decode", decode }, { "memory", memory } } },
    };
    if (sweep) {
        json points = json::array();
        for (const Evaluation &point : *sweep) {
            for (const PhaseResult *phase : { &point.prefill, &point.decode }) {
                for (const OpResult &op : *phase) {
                    if (op.cost.series == Series::None)
                        continue;
                    json record = opToJson(op);
                    record["batch"] = point.workload.batch;
                    record["seq"] = point.workload.seq;
                    record["tokens_per_step"] = point.workload.tokensPerStep; // what a tokens sweep varies
                    points.push_back(std::move(record));
                }
            }
        }
        out["sweep"] = std::move(points);
    }
    return out;
}

std::string evaluationToCsv(const Evaluation &e)
{
    std::string out = "series,phase,op,batch,seq,flops,bytes,intensity,attainable_flops_per_s,bound,time_s\n";
    const auto number = [](double value) { return formatNumber(value, 'g', 17); };
    for (const bool seriesOps : { true, false }) {
        for (const PhaseResult *phase : { &e.prefill, &e.decode }) {
            for (const OpResult &op : *phase) {
                if ((op.cost.series != Series::None) != seriesOps)
                    continue;
                out += std::string(op.cost.series == Series::None ? "" : seriesName(op.cost.series)) + ','
                    + std::string(phaseName(op.cost.phase)) + ',' + std::string(opName(op.cost.op)) + ','
                    + std::to_string(e.workload.batch) + ',' + std::to_string(e.workload.seq) + ','
                    + number(op.cost.flops) + ',' + number(op.cost.totalBytes()) + ',' + number(op.intensity) + ','
                    + number(op.attainableFlopsPerSecond) + ',' + std::string(boundName(op.bound))
                    + ',' + number(op.timeSeconds) + '\n';
            }
        }
    }
    return out;
}

std::string sessionReportJson(const Session &session, bool withSweep)
{
    const Scenario s = session.scenario();
    const Evaluation evaluation = s.evaluate();
    std::vector<Evaluation> sweep;
    if (withSweep)
        evaluateSweep(s.model, s.gpu, s.workload, s.sweep, sweep, s.efficiency);
    json out = evaluationToJson(s.model, s.gpu, evaluation, withSweep ? &sweep : nullptr);
    out["efficiency"] = { { "enabled", s.efficiency.enabled },
                          { "compute", s.efficiency.compute },
                          { "bandwidth", s.efficiency.bandwidth },
                          { "timing_peak_flops_per_s", evaluation.timingRoof.peakFlopsPerSecond },
                          { "timing_bandwidth_bytes_per_s", evaluation.timingRoof.bandwidthBytesPerSecond } };
    if (!session.measured.empty()) {
        ScenarioResults results;
        results.recompute(session);
        json measured = json::array();
        for (const ChartData::MeasuredPoint &m : results.chart.measured) {
            json record = { { "name", m.name },
                            { "intensity", m.intensity },
                            { "achieved_flops_per_s", m.achievedFlopsPerSecond },
                            { "share_of_roof", m.shareOfRoof },
                            { "time_s", m.seconds } };
            if (const ChartPoint *modelled = results.chart.modelledPoint(m))
                record["modelled"] = { { "op", opName(modelled->op) }, { "phase", phaseName(modelled->phase) },
                                       { "intensity", modelled->intensity },
                                       { "attainable_flops_per_s", modelled->attainableFlopsPerSecond } };
            measured.push_back(std::move(record));
        }
        out["measured"] = std::move(measured);
    }
    return out.dump(2, ' ', false, json::error_handler_t::replace) + '\n';
}

std::string phaseMapCsv(const PhaseMap &map, GridQuantity quantity)
{
    std::string out = "batch,seq," + std::string(gridQuantityName(quantity)) + ",fits_max_seq\n";
    const auto repeats = [](const std::vector<std::int64_t> &values, std::size_t k) { return k > 0 && values[k] == values[k - 1]; };
    for (std::size_t j = 0; j < map.grid.seqs.size(); ++j)
        for (std::size_t i = 0; i < map.grid.batches.size(); ++i)
            if (!repeats(map.grid.seqs, j) && !repeats(map.grid.batches, i))
                out += std::to_string(map.grid.batches[i]) + ',' + std::to_string(map.grid.seqs[j]) + ','
                    + formatNumber(map.values[j * map.grid.batches.size() + i], 'g', 17) + ','
                    + formatNumber(map.fitsBoundary[i].second, 'g', 17) + '\n';
    return out;
}

std::string modelListing(const std::vector<ModelConfig> &models)
{
    std::string out;
    char line[256];
    for (const ModelConfig &m : models) {
        std::snprintf(line, sizeof line, "%-16s %-18s h=%-6lld f=%-6lld heads=%-4lld kv=%-4lld layers=%-4lld %s\n", m.id.c_str(),
                      m.name.c_str(), static_cast<long long>(m.hidden), static_cast<long long>(m.intermediate),
                      static_cast<long long>(m.heads), static_cast<long long>(m.kvHeads), static_cast<long long>(m.layers),
                      (formatSi(parameterCount(m)) + " params").c_str());
        out += line;
    }
    return out;
}

std::string gpuListing(const std::vector<GpuSpec> &gpus)
{
    std::string out;
    char line[256];
    for (const GpuSpec &g : gpus) {
        std::snprintf(line, sizeof line, "%-16s %-26s %8.0f GB/s %8.1f TFLOP/s fp16 %5.0f GB  ridge %6.1f FLOP/B\n", g.id.c_str(),
                      g.name.c_str(), g.bandwidthBytesPerSecond / BytesPerGB, g.peak(ComputeType::Fp16).value_or(0.0) / FlopsPerTflop,
                      g.memoryBytes / BytesPerGB, g.peak(ComputeType::Fp16).value_or(0.0) / g.bandwidthBytesPerSecond);
        out += line;
    }
    return out;
}

std::string_view dumpFormatName(DumpFormat format)
{
    return DumpFormatNames.name(format);
}

std::optional<DumpFormat> dumpFormatFromName(std::string_view name)
{
    return DumpFormatNames.fromName(name);
}

std::string dumpFormatNames()
{
    return choiceListOf(AllDumpFormats, dumpFormatName);
}

std::string sessionDump(const Session &session, DumpFormat format, bool withSweep)
{
    switch (format) {
    case DumpFormat::Csv:
        return evaluationToCsv(session.scenario().evaluate());
    case DumpFormat::PhaseMap: {
        PhaseMap map;
        computePhaseMap(session.scenario(), session.phaseMap.quantity, session.phaseMap.series, PhaseMapCells, map);
        return phaseMapCsv(map, session.phaseMap.quantity);
    }
    case DumpFormat::Json:
        break;
    }
    return sessionReportJson(session, withSweep);
}

} // namespace roofline
