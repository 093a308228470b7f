#include "session.h"

#include "gpuspec.h"
#include "inputerror.h"
#include "inputlimits.h"
#include "jsonreader.h"
#include "jsonwriters.h"
#include "measured.h"
#include "text.h"
#include "units.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace roofline {

using nlohmann::json;

Session defaultSession(const PresetLibrary &presets)
{
    Session s;
    const ModelConfig *model = presets.findModel(DefaultModelId);
    const GpuSpec *gpu = presets.findGpu(DefaultGpuId);
    s.model = model ? *model : (presets.models.empty() ? ModelConfig {} : presets.models.front());
    s.gpu = gpu ? *gpu : (presets.gpus.empty() ? GpuSpec {} : presets.gpus.front());
    return s;
}

bool isSessionFileName(std::string_view path)
{
    return path.size() >= SessionExtension.size() && asciiLower(path.substr(path.size() - SessionExtension.size())) == SessionExtension;
}

namespace {
// `label` cut with "…" to at most `maxBytes` bytes (whole characters).
std::string cutTo(std::string label, std::size_t maxBytes)
{
    const std::string_view ellipsis = "\u2026";
    if (label.size() > maxBytes && maxBytes >= ellipsis.size())
        label = std::string(utf8Prefix(label, maxBytes - ellipsis.size())) + std::string(ellipsis);
    return label;
}
} // namespace

std::string pinLabel(const Scenario &s, std::size_t maxBytes)
{
    const Workload &w = s.workload;
    const Workload defaults;
    std::string label = "pinned: batch " + std::to_string(w.batch) + ", seq " + std::to_string(w.seq) + ", " + shortGpuName(s.gpu.name)
        + (s.model.name.empty() ? "" : ", " + s.model.name);
    // What else makes the pinned points differ from another scenario's: the types, the kernels, the tokens a step.
    if (w.weightType != defaults.weightType || w.activationType != defaults.activationType || w.kvType != defaults.kvType)
        label += ", " + std::string(dtypeName(w.weightType)) + "/" + std::string(dtypeName(w.activationType)) + "/"
            + std::string(dtypeName(w.kvType));
    if (w.computeType != defaults.computeType)
        label += ", " + std::string(computeTypeName(w.computeType)) + " peak";
    if (w.flashAttention)
        label += ", FlashAttention";
    if (w.tokensPerStep > 1)
        label += ", " + std::to_string(w.tokensPerStep) + " tokens/step";
    return cutTo(std::move(label), maxBytes);
}

std::string pinDifference(const Scenario &pinned, const Scenario &now, std::size_t maxBytes)
{
    const Workload &p = pinned.workload;
    const Workload &n = now.workload;
    std::vector<std::string> said;
    if (p.batch != n.batch)
        said.push_back("batch " + std::to_string(p.batch));
    if (p.seq != n.seq)
        said.push_back("seq " + std::to_string(p.seq));
    if (!(pinned.gpu == now.gpu)) {
        // The same name with other figures (an edit undone, a file's GPU): the figures say which.
        said.push_back(shortGpuName(pinned.gpu.name));
        if (pinned.gpu.name == now.gpu.name)
            said.back() += " at " + formatShortest(pinned.gpu.bandwidthBytesPerSecond / BytesPerGB) + " GB/s, "
                + formatShortest(pinned.gpu.peak(p.computeType).value_or(0.0) / FlopsPerTflop) + " TFLOP/s";
    }
    if (!(pinned.model == now.model))
        said.push_back(pinned.model.name);
    if (p.weightType != n.weightType || p.activationType != n.activationType || p.kvType != n.kvType)
        said.push_back(std::string(dtypeName(p.weightType)) + "/" + std::string(dtypeName(p.activationType)) + "/"
                       + std::string(dtypeName(p.kvType)));
    if (p.computeType != n.computeType)
        said.push_back(std::string(computeTypeName(p.computeType)) + " peak");
    if (p.flashAttention != n.flashAttention)
        said.emplace_back(p.flashAttention ? "FlashAttention" : "no FlashAttention");
    if (p.tokensPerStep != n.tokensPerStep)
        said.push_back(std::to_string(p.tokensPerStep) + (p.tokensPerStep == 1 ? " token/step" : " tokens/step"));
    if (p.tokensPerStep > 1 && p.acceptedPerStep() != n.acceptedPerStep())
        said.push_back(formatShortest(p.acceptedPerStep()) + " accepted");
    if (!(p.assumptions == n.assumptions))
        said.emplace_back("other assumptions");
    if (!(pinned.efficiency == now.efficiency))
        said.emplace_back(pinned.efficiency.enabled ? "practical ceilings" : "no practical ceilings");
    std::string label = "pinned:";
    for (std::size_t i = 0; i < said.size(); ++i)
        label += (i == 0 ? " " : ", ") + said[i];
    return cutTo(said.empty() ? label + " as now" : label, maxBytes);
}

std::string pinLegendName(const Pin &pin, const Scenario &now)
{
    return pin.label == pinLabel(pin.scenario, MaxPinLabelChars) ? pinDifference(pin.scenario, now, MaxPinLabelChars) : pin.label;
}

std::string_view exportStyleName(bool dark)
{
    return ExportStyleNames.name(dark);
}

std::string_view annotationKindName(Annotation::Kind kind)
{
    return AnnotationKindNames.name(kind);
}

std::optional<Annotation::Kind> annotationKindFromName(std::string_view name)
{
    return AnnotationKindNames.fromName(name);
}

std::optional<bool> exportStyleIsDark(std::string_view name)
{
    return ExportStyleNames.fromName(name);
}

std::string exportStyleNames()
{
    return choiceListOf(ExportStyles, exportStyleName);
}

Scenario Session::scenario() const
{
    Scenario s;
    s.model = model;
    s.gpu = opsOnSecondGpu && secondGpu ? *secondGpu : gpu;
    s.workload = workload;
    s.sweep = sweep.spec(workload);
    s.efficiency = efficiency;
    return s;
}

void Session::markGpuEdited(const std::string &note)
{
    if (!gpuCustomised) {
        gpuBaseId = gpu.id;
        gpu.name = customGpuName(gpu.name);
        gpuCustomised = true;
    }
    gpu.id.clear();
    gpu.note = note;
}

namespace {

json gpuFields(const GpuSpec &gpu)
{
    json peaks = json::object();
    for (int i = 0; i < ComputeTypeCount; ++i)
        if (const auto peak = gpu.peak(static_cast<ComputeType>(i)))
            peaks[std::string(computeTypeName(static_cast<ComputeType>(i)))] = *peak / FlopsPerTflop;
    json out = { { "name", gpu.name },
                 { "memory_bandwidth_gb_per_s", gpu.bandwidthBytesPerSecond / (gpu.bandwidthStatedInGiB ? BytesPerGiB : BytesPerGB) },
                 { "memory_gb", gpu.memoryBytes / BytesPerGB },
                 { "peak_tflops", peaks },
                 { "note", gpu.note } };
    if (gpu.l2Bytes)
        out["l2_mb"] = *gpu.l2Bytes / BytesPerMB;
    if (gpu.bandwidthStatedInGiB)
        out["bandwidth_unit"] = "GiB/s"; // the figure as stated, so that it reads back to the same bytes
    return out;
}

json modelToSession(const ModelConfig &m)
{
    if (!m.id.empty())
        return { { "preset", m.id } };
    return { { "name", m.name }, { "config", modelConfigJson(m) } };
}

json gpuToSession(const GpuSpec &gpu, bool customised, const std::string &baseId)
{
    if (!customised && !gpu.id.empty())
        return { { "preset", gpu.id } };
    json out = { { "custom", gpuFields(gpu) } };
    if (!baseId.empty())
        out["base"] = baseId;
    return out;
}

json efficiencyToJson(const Efficiency &e)
{
    return { { "enabled", e.enabled }, { "compute", e.compute }, { "bandwidth", e.bandwidth } };
}

json scenarioToSession(const Scenario &s)
{
    return { { "model", modelToSession(s.model) }, { "gpu", gpuToSession(s.gpu, s.gpu.id.empty(), {}) },
             { "workload", workloadToJson(s.workload) }, { "efficiency", efficiencyToJson(s.efficiency) } };
}

// --- reading ---

struct Reader {
    const std::string &source;
    const PresetLibrary &presets;
    std::vector<std::string> &warnings;

    // One line of bounded length, as an error's message: an unknown preset's id is quoted as the file has it.
    void warn(const std::string &text) { warnings.push_back(messageLine(source + ": " + text)); }
    // A compute type the GPU publishes no peak for is drawn at its fp16 peak, as the window and the model fall
    // back: so the session says fp16, and a warning says why (the chart labelled the fp16 peak with the type).
    void usePublishedComputeType(Workload &workload, const GpuSpec &gpu, const std::string &path)
    {
        const ComputeType used = roofline::publishedComputeType(gpu, workload.computeType);
        if (used == workload.computeType)
            return;
        warn(path + ".compute_type: " + gpu.name + " publishes no " + std::string(computeTypeName(workload.computeType))
             + " peak; " + std::string(computeTypeName(used)) + " is used");
        workload.computeType = used;
    }

    // A model: a preset id, or a whole config. An unknown preset keeps `fallback` with a warning.
    ModelConfig model(const json &value, const std::string &path, const ModelConfig &fallback)
    {
        if (!value.is_object())
            throw InputError(source, path, "expected an object, got " + describeJsonValue(value));
        const JsonFields fields(value, source, path);
        if (const auto id = fields.optionalString("preset")) {
            if (const ModelConfig *preset = presets.findModel(*id))
                return *preset;
            warn("unknown model preset \"" + *id + "\" in " + path + "; kept " + fallback.name);
            return fallback;
        }
        const json &config = fields.object("config");
        const std::string name = fields.optionalString("name", TextLines::Single, MaxNameChars).value_or("model");
        ModelConfig m = parseModelConfig(config.dump(), source + ": " + path + ".config", name);
        m.name = name;
        return m;
    }

    GpuSpec gpu(const json &value, const std::string &path, const GpuSpec &fallback)
    {
        if (!value.is_object())
            throw InputError(source, path, "expected an object, got " + describeJsonValue(value));
        const JsonFields fields(value, source, path);
        if (const auto id = fields.optionalString("preset")) {
            if (const GpuSpec *preset = presets.findGpu(*id))
                return *preset;
            warn("unknown GPU preset \"" + *id + "\" in " + path + "; kept " + fallback.name);
            return fallback;
        }
        GpuSpec g = parseGpuFile(fields.object("custom").dump(), source + ": " + path + ".custom");
        g.id.clear();
        return g;
    }

    Efficiency efficiency(const json &value, const std::string &path)
    {
        const JsonFields e(value, source, path);
        Efficiency out;
        const auto compute = e.optionalNumber("compute", EfficiencyRange);
        const auto bandwidth = e.optionalNumber("bandwidth", EfficiencyRange);
        if (e.optionalBool("enabled").value_or(false)) {
            out.enable(compute, bandwidth);
        } else {
            // Off: a share not given keeps the window's suggestion for when it is switched on.
            out.compute = compute.value_or(out.compute);
            out.bandwidth = bandwidth.value_or(out.bandwidth);
        }
        return out;
    }

    Workload workload(const json &value, const std::string &path)
    {
        Workload w;
        if (!value.is_object())
            throw InputError(source, path, "expected an object, got " + describeJsonValue(value));
        const JsonFields f(value, source, path);
        w.batch = f.optionalInteger("batch", BatchRange).value_or(w.batch);
        w.seq = f.optionalInteger("seq", SeqRange).value_or(w.seq);
        w.tokensPerStep = f.optionalInteger("tokens_per_step", TokensPerStepRange).value_or(w.tokensPerStep);
        w.acceptedTokensPerStep = f.optionalNumber("accepted_tokens_per_step", AcceptedTokensRange).value_or(w.acceptedTokensPerStep);
        if (w.acceptsMoreThanVerified())
            f.fail("accepted_tokens_per_step", "is " + formatShortest(w.acceptedTokensPerStep) + ", more than the "
                                                   + std::to_string(w.tokensPerStep) + " tokens verified per step (tokens_per_step)");
        w.flashAttention = f.optionalBool("flash_attention").value_or(false);
        const auto dtype = [&](const char *key, DType fallback) {
            const auto name = f.optionalString(key);
            if (!name)
                return fallback;
            const auto type = dtypeFromName(*name);
            if (!type)
                f.fail(key, "unknown type \"" + *name + "\" (expected " + dtypeNames() + ")");
            return *type;
        };
        w.weightType = dtype("weight_dtype", w.weightType);
        w.activationType = dtype("activation_dtype", w.activationType);
        w.kvType = dtype("kv_dtype", w.kvType);
        if (const auto name = f.optionalString("compute_type")) {
            const auto type = computeTypeFromName(*name);
            if (!type)
                f.fail("compute_type", "unknown compute type \"" + *name + "\" (expected " + computeTypeNames() + ")");
            w.computeType = *type;
        }
        if (f.has("assumptions"))
            w.assumptions = assumptions(f.object("assumptions"), path + ".assumptions");
        return w;
    }

    // Older sessions have none: each choice missing keeps its default.
    Assumptions assumptions(const json &value, const std::string &path)
    {
        const JsonFields f(value, source, path);
        Assumptions out;
        out.causalMask = f.optionalBool("causal_mask").value_or(out.causalMask);
        if (const auto logits = f.optionalString("prefill_logits")) {
            const auto all = PrefillLogitsNames.fromName(*logits);
            if (!all)
                f.fail("prefill_logits", "expected \"" + std::string(prefillLogitsName(false)) + "\" or \""
                                             + std::string(prefillLogitsName(true)) + "\", got \"" + *logits + "\"");
            out.allPrefillLogits = *all;
        }
        // A type, or the name of the type it follows.
        const auto typeOrFollow = [&](const char *key, const char *follows) -> std::optional<DType> {
            const auto name = f.optionalString(key);
            if (!name || *name == follows)
                return std::nullopt;
            const auto type = dtypeFromName(*name);
            if (!type)
                f.fail(key, "unknown type \"" + *name + "\" (expected " + follows + " or a type: " + dtypeNames() + ")");
            return type;
        };
        out.embeddingType = typeOrFollow("embedding_dtype", "weights");
        out.scoreType = typeOrFollow("score_dtype", "activations");
        out.fuseQkv = f.optionalBool("fuse_qkv").value_or(out.fuseQkv);
        out.fuseGateUp = f.optionalBool("fuse_gate_up").value_or(out.fuseGateUp);
        out.countNonGemm = f.optionalBool("count_non_gemm").value_or(out.countNonGemm);
        // A misspelt choice would silently be its default and change the numbers.
        f.rejectUnknown({ "causal_mask", "prefill_logits", "embedding_dtype", "score_dtype", "fuse_qkv", "fuse_gate_up", "count_non_gemm" });
        return out;
    }

    // A view's [low, high] with range.min <= low < high <= range.max.
    static std::pair<double, double> range(const JsonFields &f, const char *key, FigureRange range)
    {
        const auto [lo, hi] = pair(f, key);
        if (!std::isfinite(lo) || !std::isfinite(hi) || lo < range.min || hi <= lo || hi > range.max)
            f.fail(key, "expected " + formatNumber(range.min) + " <= low < high <= " + formatNumber(range.max)
                            + ", got " + describeJsonValue(f.array(key)));
        return { lo, hi };
    }

    // A sweep's [low, high], whole numbers with range.min <= low <= high <= range.max (one value is a sweep
    // of one point).
    static std::pair<std::int64_t, std::int64_t> range(const JsonFields &f, const char *key, CountRange range)
    {
        const auto [lo, hi] = pair(f, key);
        const bool whole = std::floor(lo) == lo && std::floor(hi) == hi;
        if (!std::isfinite(lo) || !std::isfinite(hi) || !whole || lo < double(range.min) || hi < lo || hi > double(range.max))
            f.fail(key, "expected whole numbers " + formatLimit(double(range.min)) + " <= low <= high <= "
                            + formatLimit(double(range.max)) + ", got " + describeJsonValue(f.array(key)));
        return { std::int64_t(lo), std::int64_t(hi) };
    }

private:
    static std::pair<double, double> pair(const JsonFields &f, const char *key)
    {
        const json &value = f.array(key);
        if (value.size() != 2 || !value[0].is_number() || !value[1].is_number())
            f.fail(key, "expected [low, high], got " + describeJsonValue(value));
        return { value[0].get<double>(), value[1].get<double>() };
    }
};

} // namespace

std::string sessionToJson(const Session &s)
{
    json hidden = json::array();
    for (int i = 0; i < SeriesCount; ++i)
        if (!s.seriesVisible[std::size_t(i)])
            hidden.push_back(seriesName(static_cast<Series>(i)));
    json pins = json::array();
    for (const Pin &pin : s.pins) {
        json record = scenarioToSession(pin.scenario);
        record["label"] = pin.label;
        pins.push_back(std::move(record));
    }
    json annotations = json::array();
    for (const Annotation &a : s.annotations) {
        json record = { { "kind", annotationKindName(a.kind) }, { "text", a.text }, { "x", a.x },
                        { "y", a.y },                           { "dx", a.dx },     { "dy", a.dy } };
        if (a.point)
            record["point"] = { { "op", opName(a.point->op) }, { "phase", phaseName(a.point->phase) } };
        annotations.push_back(std::move(record));
    }
    json out = {
        { "format", SessionFormat },
        { "model", modelToSession(s.model) },
        { "gpu", gpuToSession(s.gpu, s.gpuCustomised, s.gpuBaseId) },
        { "workload", workloadToJson(s.workload) },
        { "sweep",
          { { "mode", sweepModeName(s.sweep.mode) },
            { "batch", { s.sweep.batchMin, s.sweep.batchMax } },
            { "seq", { s.sweep.seqMin, s.sweep.seqMax } },
            { "tokens_per_step", { s.sweep.tokensMin, s.sweep.tokensMax, s.sweep.tokensStep } } } },
        { "efficiency", efficiencyToJson(s.efficiency) },
        { "show_all_ceilings", s.showAllCeilings },
        { "phase_map", { { "quantity", std::string(GridQuantityNames.name(s.phaseMap.quantity)) }, { "series", std::string(seriesName(s.phaseMap.series)) } } },
        { "hidden_series", hidden },
        { "pins", pins },
        { "annotations", annotations },
        { "ops_on_second_gpu", s.opsOnSecondGpu },
        { "export", { { "width", s.exportSettings.width }, { "height", s.exportSettings.height }, { "scale", s.exportSettings.scale },
                      { "style", exportStyleName(s.exportSettings.dark) } } },
    };
    if (!s.measured.empty()) {
        json kernels = json::array();
        for (const MeasuredKernel &k : s.measured) {
            json record = { { "name", k.name }, { "flops", k.flops }, { "bytes", k.bytes }, { "time_s", k.seconds } };
            if (k.phase)
                record["phase"] = phaseName(*k.phase);
            if (k.series)
                record["series"] = seriesName(*k.series);
            if (k.op)
                record["op"] = opName(*k.op);
            kernels.push_back(std::move(record));
        }
        out["measured"] = { { "kernels", std::move(kernels) } };
    }
    if (s.secondGpu)
        out["second_gpu"] = gpuToSession(*s.secondGpu, s.secondGpu->id.empty(), {});
    if (s.view)
        out["view"] = { { "x", { s.view->xMin, s.view->xMax } }, { "y", { s.view->yMin, s.view->yMax } } };
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Session parseSession(std::string_view text, const std::string &source, const PresetLibrary &presets,
                     std::vector<std::string> &warnings)
{
    const json document = parseJsonObject(text, source);
    const JsonFields top(document, source);
    Reader read { source, presets, warnings };
    const std::int64_t format = top.integer("format", { 1, 1000000 });
    if (format > SessionFormat)
        read.warn("written by a newer version (format " + std::to_string(format) + ", this one reads "
                  + std::to_string(SessionFormat) + "); loading what it can");

    Session s = defaultSession(presets);

    if (top.has("model"))
        s.model = read.model(document.at("model"), "model", s.model);
    if (top.has("gpu")) {
        const json &gpu = document.at("gpu");
        s.gpu = read.gpu(gpu, "gpu", s.gpu);
        s.gpuCustomised = gpu.is_object() && gpu.contains("custom");
        if (s.gpuCustomised && gpu.contains("base") && gpu.at("base").is_string())
            s.gpuBaseId = gpu.at("base").get<std::string>();
    }
    if (top.has("workload"))
        s.workload = read.workload(document.at("workload"), "workload");
    read.usePublishedComputeType(s.workload, s.gpu, "workload");
    if (top.has("sweep")) {
        const JsonFields sweep(top.object("sweep"), source, "sweep");
        if (const auto mode = sweep.optionalString("mode")) {
            const auto known = sweepModeFromName(*mode);
            if (!known)
                sweep.fail("mode", "unknown sweep \"" + *mode + "\" (expected " + sweepModeNames() + ")");
            s.sweep.mode = *known;
        }
        if (sweep.has("batch")) {
            std::tie(s.sweep.batchMin, s.sweep.batchMax) = Reader::range(sweep, "batch", BatchRange);
        }
        if (sweep.has("seq")) {
            std::tie(s.sweep.seqMin, s.sweep.seqMax) = Reader::range(sweep, "seq", SeqRange);
        }
        if (sweep.has("tokens_per_step")) {
            const json &t = sweep.array("tokens_per_step");
            const auto whole = [](const json &v) {
                return v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() >= double(TokensPerStepRange.min)
                    && v.get<double>() <= double(TokensPerStepRange.max) && std::floor(v.get<double>()) == v.get<double>();
            };
            if (t.size() != 3 || !whole(t[0]) || !whole(t[1]) || !whole(t[2]) || t[1].get<double>() < t[0].get<double>())
                sweep.fail("tokens_per_step", "expected [first, last, step] of whole numbers in " + std::to_string(TokensPerStepRange.min)
                                                  + ".." + std::to_string(TokensPerStepRange.max) + ", got " + describeJsonValue(t));
            s.sweep.tokensMin = t[0].get<std::int64_t>();
            s.sweep.tokensMax = t[1].get<std::int64_t>();
            s.sweep.tokensStep = t[2].get<std::int64_t>();
        }
    }
    if (top.has("efficiency"))
        s.efficiency = read.efficiency(top.object("efficiency"), "efficiency");
    s.showAllCeilings = top.optionalBool("show_all_ceilings").value_or(false);
    if (top.has("phase_map")) {
        const JsonFields map(top.object("phase_map"), source, "phase_map");
        if (const auto key = map.optionalString("quantity")) {
            const auto quantity = GridQuantityNames.fromName(*key);
            if (!quantity)
                map.fail("quantity", "unknown quantity \"" + *key + "\" (expected " + gridQuantityKeys() + ")");
            s.phaseMap.quantity = *quantity;
        }
        if (const auto name = map.optionalString("series")) {
            const auto series = seriesFromName(*name);
            if (!series)
                map.fail("series", "unknown series \"" + *name + "\"");
            s.phaseMap.series = *series;
        }
        map.rejectUnknown({ "quantity", "series" });
    }
    if (top.has("measured"))
        s.measured = measuredKernelsFromJson(top.object("measured"), source + ": measured");
    if (top.has("hidden_series")) {
        // One warning however many entries are unknown: a list of 800,000 made as many lines.
        std::size_t unknown = 0;
        std::string first;
        for (const json &name : top.array("hidden_series")) {
            const auto series = name.is_string() ? SeriesNames.fromName(name.get<std::string>()) : std::nullopt;
            if (series)
                s.seriesVisible[std::size_t(*series)] = false;
            else if (unknown++ == 0)
                first = describeJsonValue(name);
        }
        if (unknown == 1)
            read.warn("unknown series " + first + " in hidden_series; ignored");
        else if (unknown > 1)
            read.warn(std::to_string(unknown) + " unknown series in hidden_series, the first " + first + "; ignored");
    }
    if (top.has("pins")) {
        const json &pins = top.array("pins");
        if (pins.size() > MaxPins)
            top.fail("pins", "holds " + std::to_string(pins.size()) + " pins; a session holds at most " + std::to_string(MaxPins));
        std::vector<Pin> pinList;
        for (std::size_t i = 0; i < pins.size(); ++i) {
            const std::string path = "pins[" + std::to_string(i) + "]";
            if (!pins[i].is_object())
                throw InputError(source, path, "expected an object");
            const JsonFields f(pins[i], source, path);
            Pin pin;
            pin.label = f.optionalString("label", TextLines::Single, MaxNameChars).value_or("pinned");
            pin.scenario.model = f.has("model") ? read.model(pins[i].at("model"), path + ".model", s.model) : s.model;
            pin.scenario.gpu = f.has("gpu") ? read.gpu(pins[i].at("gpu"), path + ".gpu", s.gpu) : s.gpu;
            pin.scenario.workload = f.has("workload") ? read.workload(pins[i].at("workload"), path + ".workload") : s.workload;
            read.usePublishedComputeType(pin.scenario.workload, pin.scenario.gpu, path + ".workload");
            // Pins saved before they kept their efficiency take the session's.
            pin.scenario.efficiency = f.has("efficiency") ? read.efficiency(f.object("efficiency"), path + ".efficiency") : s.efficiency;
            pinList.push_back(std::move(pin));
        }
        s.pins = std::move(pinList);
    }
    if (top.has("annotations")) {
        const json &list = top.array("annotations");
        if (list.size() > MaxAnnotations)
            top.fail("annotations", "holds " + std::to_string(list.size()) + " labels and notes; a session holds at most "
                                        + std::to_string(MaxAnnotations));
        std::vector<Annotation> annotationList;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string path = "annotations[" + std::to_string(i) + "]";
            if (!list[i].is_object())
                throw InputError(source, path, "expected an object");
            const JsonFields f(list[i], source, path);
            Annotation a;
            const std::string kind = f.optionalString("kind").value_or(std::string(annotationKindName(Annotation::Kind::Note)));
            const auto known = annotationKindFromName(kind);
            if (!known)
                f.fail("kind", "unknown kind \"" + kind + "\" (expected "
                                   + choiceListOf(std::array { Annotation::Kind::PointLabel, Annotation::Kind::Note }, annotationKindName) + ")");
            a.kind = *known;
            a.text = f.string("text", TextLines::Multi);
            if (a.text.size() > MaxAnnotationChars)
                f.fail("text", "is " + std::to_string(a.text.size()) + " bytes long; the limit is " + std::to_string(MaxAnnotationChars));
            a.x = f.number("x", ChartIntensityRange);
            a.y = f.number("y", ChartFlopsRange);
            a.dx = f.optionalNumber("dx", AnnotationOffsetRange).value_or(0.0);
            a.dy = f.optionalNumber("dy", AnnotationOffsetRange).value_or(0.0);
            if (f.has("point")) {
                if (a.kind != Annotation::Kind::PointLabel)
                    f.fail("point", "belongs to a label; a note is not tied to a point");
                const JsonFields point(f.object("point"), source, path + ".point");
                const std::string op = point.string("op");
                const std::string phase = point.string("phase");
                const auto knownOp = opFromName(op);
                if (!knownOp)
                    point.fail("op", "unknown op \"" + op + "\"");
                const auto knownPhase = phaseFromName(phase);
                if (!knownPhase)
                    point.fail("phase", unknownPhase(phase));
                a.point = Annotation::Point { *knownOp, *knownPhase };
            }
            annotationList.push_back(std::move(a));
        }
        s.annotations = std::move(annotationList);
    }
    if (top.has("second_gpu"))
        s.secondGpu = read.gpu(document.at("second_gpu"), "second_gpu", s.gpu);
    s.opsOnSecondGpu = top.optionalBool("ops_on_second_gpu").value_or(false) && s.secondGpu.has_value();
    if (top.has("view")) {
        const JsonFields view(top.object("view"), source, "view");
        const auto [x0, x1] = Reader::range(view, "x", ChartIntensityRange);
        const auto [y0, y1] = Reader::range(view, "y", ChartFlopsRange);
        s.view = ViewRange { x0, x1, y0, y1 };
    }
    if (top.has("export")) {
        const JsonFields e(top.object("export"), source, "export");
        const ExportSettings defaults;
        s.exportSettings.width = int(e.optionalInteger("width", ExportSideRange).value_or(defaults.width));
        s.exportSettings.height = int(e.optionalInteger("height", ExportSideRange).value_or(defaults.height));
        s.exportSettings.scale = e.optionalNumber("scale", ExportScaleRange).value_or(defaults.scale);
        if (const auto style = e.optionalString("style")) {
            const auto dark = exportStyleIsDark(*style);
            if (!dark)
                e.fail("style", "unknown style \"" + *style + "\" (expected " + exportStyleNames() + ")");
            s.exportSettings.dark = *dark;
        }
    }
    return s;
}

} // namespace roofline
