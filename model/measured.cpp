#include "measured.h"

#include "inputerror.h"
#include "inputlimits.h"
#include "jsonreader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>

namespace roofline {

namespace {



// A CSV line is not a field: "m.csv: line 3: ..."; a JSON path is ("m.json: field 'kernels[2]': ...").
InputError failAt(const std::string &source, const std::string &where, const std::string &problem)
{
    if (where.rfind("line ", 0) == 0)
        return InputError(source, {}, where + ": " + problem);
    return InputError(source, where, problem);
}
constexpr double MaxFigure = 1e30;

std::string lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return out;
}

std::string trim(std::string_view text)
{
    const auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string_view::npos)
        return {};
    const auto end = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(begin, end - begin + 1));
}

// One CSV record with RFC 4180 quoting; advances `pos` past the line. `unterminated` is set when the text
// ends inside a quoted field.
std::vector<std::string> csvRecord(std::string_view text, std::size_t &pos, bool &unterminated)
{
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    while (pos < text.size()) {
        const char c = text[pos++];
        if (quoted) {
            if (c == '"') {
                if (pos < text.size() && text[pos] == '"') {
                    field += '"';
                    ++pos;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(field);
            field.clear();
        } else if (c == '\n') {
            break;
        } else if (c != '\r') {
            field += c;
        }
    }
    unterminated = quoted;
    fields.push_back(field);
    return fields;
}

std::vector<std::vector<std::string>> csvRecords(std::string_view text, const std::string &source)
{
    std::vector<std::vector<std::string>> records;
    std::size_t pos = 0;
    while (pos < text.size() && records.size() <= MaxMeasuredKernels + 2) {
        bool unterminated = false;
        auto record = csvRecord(text, pos, unterminated);
        if (unterminated)
            throw InputError(source, {}, "line " + std::to_string(records.size() + 1) + ": a quoted field is never closed");
        if (record.size() == 1 && trim(record[0]).empty())
            continue; // blank line
        records.push_back(std::move(record));
    }
    return records;
}

// A number as a tool writes it: thousands separators allowed ("1,234.5"), nothing else.
std::optional<double> number(std::string text)
{
    text.erase(std::remove(text.begin(), text.end(), ','), text.end());
    text = trim(text);
    if (text.empty())
        return std::nullopt;
    char *end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

MeasuredKernel finish(MeasuredKernel k, const std::string &source, const std::string &where)
{
    const auto check = [&](double value, const char *what) {
        if (!std::isfinite(value) || value <= 0.0 || value > MaxFigure)
            throw failAt(source, where, std::string(what) + " must be a positive number, got " + std::to_string(value));
    };
    check(k.flops, "flops");
    check(k.bytes, "bytes");
    check(k.seconds, "time");
    if (!k.op)
        k.op = opFromName(k.name);
    if (!k.series && k.op && k.phase)
        if (const Series s = seriesOf(*k.op, *k.phase); s != Series::None)
            k.series = s;
    return k;
}

std::vector<MeasuredKernel> parseJson(std::string_view text, const std::string &source)
{
    const nlohmann::json document = parseJsonObject(text, source);
    const JsonFields top(document, source);
    const nlohmann::json &list = top.array("kernels");
    if (list.size() > MaxMeasuredKernels)
        top.fail("kernels", "holds more than " + std::to_string(MaxMeasuredKernels) + " kernels");
    std::vector<MeasuredKernel> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "kernels[" + std::to_string(i) + "]";
        if (!list[i].is_object())
            throw InputError(source, path, "expected an object, got " + describeJsonValue(list[i]));
        const JsonFields f(list[i], source, path);
        MeasuredKernel k;
        k.name = f.string("name", TextLines::Single, MaxKernelNameChars);
        if (const auto phase = f.optionalString("phase")) {
            k.phase = phaseFromName(*phase);
            if (!k.phase)
                f.fail("phase", "unknown phase \"" + *phase + "\" (expected prefill or decode)");
        }
        if (const auto series = f.optionalString("series")) {
            k.series = seriesFromName(*series);
            if (!k.series)
                f.fail("series", "unknown series \"" + *series + "\"");
        }
        if (const auto op = f.optionalString("op")) {
            k.op = opFromName(*op);
            if (!k.op)
                f.fail("op", "unknown op \"" + *op + "\"");
        }
        k.flops = f.positiveNumber("flops", MaxFigure);
        k.bytes = f.positiveNumber("bytes", MaxFigure);
        if (f.has("time_s"))
            k.seconds = f.positiveNumber("time_s", MaxFigure);
        else if (f.has("achieved_flops_per_s"))
            k.seconds = k.flops / f.positiveNumber("achieved_flops_per_s", MaxFigure);
        else
            f.fail("time_s", "is missing (give time_s or achieved_flops_per_s)");
        out.push_back(finish(std::move(k), source, path));
    }
    return out;
}

std::vector<MeasuredKernel> parsePlainCsv(const std::vector<std::vector<std::string>> &records, const std::string &source)
{
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < records[0].size(); ++i)
        column[lower(trim(records[0][i]))] = i;
    for (const char *required : { "name", "flops", "bytes" })
        if (!column.count(required))
            throw failAt(source, "line 1", std::string("the header has no \"") + required + "\" column");
    const bool hasTime = column.count("time_s") != 0;
    if (!hasTime && !column.count("achieved_flops_per_s"))
        throw failAt(source, "line 1", "the header has neither \"time_s\" nor \"achieved_flops_per_s\"");
    std::vector<MeasuredKernel> out;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const std::string where = "line " + std::to_string(r + 1);
        const auto &row = records[r];
        const auto cell = [&](const char *name) -> std::string {
            const auto it = column.find(name);
            return it != column.end() && it->second < row.size() ? trim(row[it->second]) : std::string();
        };
        const auto figure = [&](const char *name) {
            const std::string text = cell(name);
            const auto value = number(text);
            if (!value)
                throw failAt(source, where, std::string("\"") + name + "\" is not a number: \"" + text + "\"");
            return *value;
        };
        MeasuredKernel k;
        k.name = cleanText(cell("name"), TextLines::Single, MaxKernelNameChars);
        if (k.name.empty())
            throw failAt(source, where, "\"name\" is empty");
        if (const std::string phase = cell("phase"); !phase.empty()) {
            k.phase = phaseFromName(phase);
            if (!k.phase)
                throw failAt(source, where, "unknown phase \"" + phase + "\" (expected prefill or decode)");
        }
        if (const std::string series = cell("series"); !series.empty()) {
            k.series = seriesFromName(series);
            if (!k.series)
                throw failAt(source, where, "unknown series \"" + series + "\"");
        }
        if (const std::string op = cell("op"); !op.empty()) {
            k.op = opFromName(op);
            if (!k.op)
                throw failAt(source, where, "unknown op \"" + op + "\"");
        }
        k.flops = figure("flops");
        k.bytes = figure("bytes");
        k.seconds = hasTime ? figure("time_s") : k.flops / figure("achieved_flops_per_s");
        out.push_back(finish(std::move(k), source, where));
    }
    return out;
}

// Nsight Compute raw page: header of metric names, a line of units, one line per kernel.
std::vector<MeasuredKernel> parseNsight(const std::vector<std::vector<std::string>> &records, const std::string &source)
{
    const auto &header = records[0];
    std::map<std::string, std::size_t> column;
    for (std::size_t i = 0; i < header.size(); ++i)
        column[trim(header[i])] = i;
    const std::vector<std::string> required { "Kernel Name", "gpu__time_duration.sum", "dram__bytes_read.sum",
                                              "dram__bytes_write.sum" };
    std::string missing;
    for (const std::string &name : required)
        if (!column.count(name))
            missing += (missing.empty() ? "" : ", ") + name;
    // The FLOP counters of Nsight Compute's own roofline: add, mul and fma (2 FLOPs) per precision.
    std::vector<std::pair<std::size_t, double>> flopColumns;
    for (const char *precision : { "d", "f", "h" })
        for (const auto &[op, weight] : { std::pair<const char *, double> { "add", 1.0 }, { "mul", 1.0 }, { "fma", 2.0 } }) {
            const std::string name = std::string("sm__sass_thread_inst_executed_op_") + precision + op + "_pred_on.sum";
            if (const auto it = column.find(name); it != column.end())
                flopColumns.emplace_back(it->second, weight);
        }
    for (const auto &[name, index] : column)
        if (name.rfind("sm__ops_path_tensor", 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".sum")
            flopColumns.emplace_back(index, 1.0); // tensor-core operations, already counted in FLOPs
    if (flopColumns.empty())
        missing += std::string(missing.empty() ? "" : ", ") + "a FLOP counter (sm__sass_thread_inst_executed_op_ffma_pred_on.sum or the like)";
    if (!missing.empty())
        throw InputError(source, {}, "Nsight Compute export lacks the metrics " + missing
                                         + " (collect them, e.g. with --section SpeedOfLight_RooflineChart --section MemoryWorkloadAnalysis)");
    if (records.size() < 2)
        throw InputError(source, {}, "Nsight Compute export has no units line");
    const auto &units = records[1];
    const auto unitOf = [&](std::size_t index) { return index < units.size() ? trim(units[index]) : std::string(); };
    const auto scaleOf = [&](const std::string &unit, const std::string &where) {
        static const std::map<std::string, double> scales {
            { "", 1.0 }, { "inst", 1.0 }, { "byte", 1.0 }, { "Kbyte", 1e3 }, { "Mbyte", 1e6 }, { "Gbyte", 1e9 },
            { "Tbyte", 1e12 }, { "Kibyte", 1024.0 }, { "Mibyte", 1048576.0 }, { "Gibyte", 1073741824.0 },
            { "nsecond", 1e-9 }, { "usecond", 1e-6 }, { "msecond", 1e-3 }, { "second", 1.0 }, { "cycle", 1.0 },
        };
        const auto it = scales.find(unit);
        if (it == scales.end())
            throw failAt(source, where, "unknown unit \"" + unit + "\"");
        return it->second;
    };
    std::vector<MeasuredKernel> out;
    for (std::size_t r = 2; r < records.size(); ++r) {
        const std::string where = "line " + std::to_string(r + 1);
        const auto &row = records[r];
        const auto value = [&](std::size_t index, const std::string &metric) {
            const std::string text = index < row.size() ? row[index] : std::string();
            const auto parsed = number(text);
            if (!parsed)
                throw failAt(source, where, metric + " is not a number: \"" + text + "\"");
            return *parsed * scaleOf(unitOf(index), where);
        };
        MeasuredKernel k;
        k.name = cleanText(trim(row.size() > column["Kernel Name"] ? row[column["Kernel Name"]] : std::string()),
                           TextLines::Single, MaxKernelNameChars);
        k.seconds = value(column["gpu__time_duration.sum"], "gpu__time_duration.sum");
        k.bytes = value(column["dram__bytes_read.sum"], "dram__bytes_read.sum")
            + value(column["dram__bytes_write.sum"], "dram__bytes_write.sum");
        for (const auto &[index, weight] : flopColumns)
            k.flops += weight * value(index, header[index]);
        out.push_back(finish(std::move(k), source, where));
    }
    return out;
}

} // namespace

std::optional<Phase> phaseFromName(std::string_view name)
{
    const std::string n = lower(trim(name));
    if (n == "prefill" || n == "init")
        return Phase::Prefill;
    if (n == "decode" || n == "ar")
        return Phase::Decode;
    return std::nullopt;
}

std::optional<Series> seriesFromName(std::string_view name)
{
    const std::string n = lower(trim(name));
    for (int i = 0; i < SeriesCount; ++i)
        if (seriesName(static_cast<Series>(i)) == n)
            return static_cast<Series>(i);
    return std::nullopt;
}

std::optional<OpKind> opFromName(std::string_view name)
{
    const std::string n = lower(trim(name));
    for (int i = 0; i <= int(OpKind::LmHead); ++i)
        if (opName(static_cast<OpKind>(i)) == n)
            return static_cast<OpKind>(i);
    return std::nullopt;
}

std::vector<MeasuredKernel> parseMeasuredKernels(std::string_view text, const std::string &source)
{
    std::string_view body = text;
    if (body.substr(0, 3) == "\xEF\xBB\xBF")
        body.remove_prefix(3);
    const auto first = body.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        throw InputError(source, {}, "the file is empty; expected JSON or CSV of measured kernels");
    if (body[first] == '{' || body[first] == '[')
        return parseJson(body, source);
    const auto records = csvRecords(body, source);
    if (records.empty())
        throw InputError(source, {}, "holds no kernel");
    if (records.size() > MaxMeasuredKernels + 2)
        throw InputError(source, {}, "holds more than " + std::to_string(MaxMeasuredKernels) + " kernels");
    bool nsight = false;
    for (const std::string &cell : records[0])
        nsight = nsight || trim(cell) == "Kernel Name" || trim(cell).rfind("gpu__", 0) == 0;
    auto kernels = nsight ? parseNsight(records, source) : parsePlainCsv(records, source);
    if (kernels.empty())
        throw InputError(source, {}, "holds no kernel");
    return kernels;
}

} // namespace roofline
