#include "gpuspec.h"

#include "inputerror.h"
#include "jsonreader.h"
#include "units.h"

#include <nlohmann/json.hpp>

#include <set>

namespace roofline {

namespace {


GpuSpec parseGpuObject(const nlohmann::json &object, const std::string &source, const std::string &path,
                       bool idRequired)
{
    if (!object.is_object())
        throw InputError(source, path, "expected an object, got " + describeJsonValue(object));
    const JsonFields fields(object, source, path);
    GpuSpec gpu;
    if (idRequired || fields.has("id")) {
        gpu.id = fields.string("id");
        if (gpu.id.empty())
            fields.fail("id", "must not be empty");
    }
    gpu.name = fields.string("name", TextLines::Single, MaxNameChars);
    if (gpu.name.empty())
        fields.fail("name", "must not be empty");
    const std::string unit = fields.optionalString("bandwidth_unit").value_or("GB/s");
    if (unit != "GB/s" && unit != "GiB/s")
        fields.fail("bandwidth_unit", "unknown unit \"" + unit + "\" (expected GB/s or GiB/s)");
    gpu.bandwidthStatedInGiB = unit == "GiB/s";
    gpu.bandwidthBytesPerSecond
        = fields.number("memory_bandwidth_gb_per_s", BandwidthGBpsRange) * (gpu.bandwidthStatedInGiB ? BytesPerGiB : BytesPerGB);
    gpu.memoryBytes = fields.number("memory_gb", MemoryGBRange) * BytesPerGB;
    if (const auto l2 = fields.optionalNumber("l2_mb", L2MBRange))
        gpu.l2Bytes = *l2 * BytesPerMB;
    gpu.note = fields.optionalString("note", TextLines::Multi, MaxAnnotationChars).value_or(std::string());

    const nlohmann::json &peaks = fields.object("peak_tflops");
    const JsonFields peakFields(peaks, source, fields.fieldName("peak_tflops"));
    for (const auto &[key, value] : peaks.items()) {
        const auto type = computeTypeFromName(key);
        if (!type)
            peakFields.fail(key, "unknown compute type; expected " + computeTypeNames());
        if (value.is_null())
            continue;
        gpu.setPeak(*type, peakFields.number(key, PeakTflopsRange) * FlopsPerTflop);
    }
    // Every chart needs the fp16/bf16 tensor roof, which every LLM accelerator publishes.
    if (!gpu.peak(ComputeType::Fp16))
        peakFields.fail("fp16", "is missing (the FP16/BF16 tensor peak in TFLOP/s is required)");
    // Last, so that a field's own problem is told first.
    fields.rejectUnknown({ "id", "name", "memory_bandwidth_gb_per_s", "bandwidth_unit", "memory_gb", "l2_mb", "note", "peak_tflops" });
    return gpu;
}

} // namespace

std::string bandwidthConversionNote(const GpuSpec &gpu)
{
    if (!gpu.bandwidthStatedInGiB)
        return {};
    return "Bandwidth stated as " + formatShortest(gpu.bandwidthBytesPerSecond / BytesPerGiB) + " GiB/s: "
        + formatNumber(gpu.bandwidthBytesPerSecond / BytesPerGB, 'f', 1) + " GB/s.";
}

std::vector<GpuSpec> parseGpuPresets(std::string_view text, const std::string &source)
{
    const nlohmann::json document = parseJsonObject(text, source);
    const JsonFields top(document, source);
    const auto format = top.integer("format", { 1, 1 });
    (void)format;
    const nlohmann::json &list = top.array("gpus");
    std::vector<GpuSpec> gpus;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "gpus[" + std::to_string(i) + "]";
        GpuSpec gpu = parseGpuObject(list[i], source, path, true);
        if (!ids.insert(gpu.id).second)
            throw InputError(source, path + ".id", "duplicate id \"" + gpu.id + "\"");
        gpus.push_back(std::move(gpu));
    }
    if (gpus.empty())
        throw InputError(source, "gpus", "holds no GPU");
    return gpus;
}

GpuSpec parseGpuFile(std::string_view text, const std::string &source)
{
    const nlohmann::json document = parseJsonObject(text, source);
    return parseGpuObject(document, source, {}, false);
}

std::string customGpuName(const std::string &base)
{
    return "Custom (from " + base + ")";
}

std::string shortGpuName(const std::string &name)
{
    // An edited GPU by its base's short name: two edited GPUs both read "Custom".
    static constexpr std::string_view Custom = "Custom (from ";
    if (name.size() > Custom.size() + 1 && name.starts_with(Custom) && name.back() == ')')
        return "edited " + shortGpuName(name.substr(Custom.size(), name.size() - Custom.size() - 1));
    if (name.empty() || name.back() != ')')
        return name;
    int depth = 0;
    for (std::size_t i = name.size(); i-- > 0;) {
        if (name[i] == ')')
            ++depth;
        else if (name[i] == '(' && --depth == 0) {
            std::size_t end = i;
            while (end > 0 && name[end - 1] == ' ')
                --end;
            return end > 0 ? name.substr(0, end) : name;
        }
    }
    return name;
}

} // namespace roofline
