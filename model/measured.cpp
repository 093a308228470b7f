#include "measured.h"

#include "inputerror.h"
#include "inputlimits.h"
#include "jsonreader.h"
#include "units.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
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

std::string trim(std::string_view text)
{
    return std::string(trimSpace(text));
}

// One CSV record and the line of the file it starts on (quoted fields may span lines, blank lines are
// skipped), so that errors name the line an editor shows.
struct CsvRecord {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

// One CSV record with RFC 4180 quoting; advances `pos` past the line and `line` past every line break.
// `unterminated` is set when the text ends inside a quoted field. Lines end with LF or CRLF; a CR alone is
// part of its field (a space in a name), unless `crLines`: a file without a single LF (old Mac files) ends
// every line with a CR, inside quoted fields too.
std::vector<std::string> csvRecord(std::string_view text, std::size_t &pos, std::size_t &line, bool crLines,
                                   std::size_t expectedFields, bool &unterminated)
{
    std::vector<std::string> fields;
    fields.reserve(expectedFields);
    std::string field;
    bool quoted = false;
    // The characters that need a decision; runs of others are copied whole (a fuzzer spends most of its time
    // in this loop, and a branch per character is several instrumented comparisons).
    static constexpr auto special = [](bool inQuotes, bool cr) {
        std::array<bool, 256> table {};
        table[static_cast<unsigned char>('"')] = true;
        table[static_cast<unsigned char>(cr ? '\r' : '\n')] = true;
        if (!inQuotes) {
            table[static_cast<unsigned char>(',')] = true;
            table[static_cast<unsigned char>('\r')] = true;
        }
        return table;
    };
    static constexpr std::array<bool, 256> tables[2][2] { { special(false, false), special(false, true) },
                                                          { special(true, false), special(true, true) } };
    while (pos < text.size()) {
        const std::array<bool, 256> &stops = tables[quoted][crLines];
        std::size_t run = pos;
        while (run < text.size() && !stops[static_cast<unsigned char>(text[run])])
            ++run;
        field.append(text.data() + pos, run - pos);
        pos = run;
        if (pos == text.size())
            break;
        char c = text[pos++];
        if (c == '\r') {
            if (crLines)
                c = '\n';
            else if (!quoted && pos < text.size() && text[pos] == '\n')
                continue; // CRLF is one break
        }
        if (c == '\n')
            ++line;
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
        } else {
            field += c;
        }
    }
    unterminated = quoted;
    fields.push_back(field);
    return fields;
}

std::vector<CsvRecord> csvRecords(std::string_view text, const std::string &source, std::size_t firstLine, bool crLines)
{
    std::vector<CsvRecord> records;
    std::size_t pos = 0;
    std::size_t line = firstLine;
    while (pos < text.size() && records.size() <= MaxMeasuredKernels + 2) {
        bool unterminated = false;
        const std::size_t start = line;
        // Rows have as many fields as the header (checkFieldCount): room for them in one allocation.
        const std::size_t expected = records.empty() ? 8 : std::min<std::size_t>(records[0].fields.size(), 1024);
        auto fields = csvRecord(text, pos, line, crLines, expected, unterminated);
        if (unterminated)
            throw InputError(source, {}, "line " + std::to_string(start) + ": a quoted field is never closed");
        if (fields.size() == 1 && trimSpace(fields[0]).empty())
            continue; // blank line
        records.push_back(CsvRecord { start, std::move(fields) });
    }
    return records;
}

std::string lineOf(const CsvRecord &record)
{
    return "line " + std::to_string(record.line);
}

// Every record has as many fields as the header: a missing one is not an empty figure or unit.
void checkFieldCount(const CsvRecord &record, const CsvRecord &header, const std::string &source)
{
    const std::size_t found = record.fields.size();
    const std::size_t expected = header.fields.size();
    if (found == expected)
        return;
    throw failAt(source, lineOf(record),
                 std::to_string(found) + (found == 1 ? " field" : " fields") + " where the header has "
                     + std::to_string(expected)
                     + (found > expected ? " (a decimal comma in an unquoted figure? write decimals with a point)" : ""));
}

// A figure as a tool writes it: "1234.5", "1.2e-3", and thousands separated by commas in groups of three.
// A comma that can only be a decimal comma ("0,000085") is refused rather than guessed: read as a separator
// it would turn 85 us into 85 s. One group without a point ("1,000") is a thousand where the tool wrote
// English figures and one where it wrote German ones (Nsight Compute follows the locale it ran in, as does a
// spreadsheet): it is ambiguous, and the rest of the file must settle it (see commasAreThousands).
struct Figure {
    // TooSmall and TooLarge: a number beyond what a double holds ("1e-400", "1e400").
    enum Kind { Number, Ambiguous, Invalid, TooSmall, TooLarge } kind = Invalid;
    double value = 0.0; // an ambiguous figure read with a thousands separator
};

// Why parseNumber refused `text`: a number beyond a double's range, too small ("1e-400", "0.000...01") or too
// large ("1e400") by the magnitude of its first significant digit, or no number at all.
Figure::Kind notANumber(std::string_view text)
{
    if (!text.empty() && (text.front() == '-' || text.front() == '+'))
        text.remove_prefix(1);
    double ignored = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), ignored);
    if (error != std::errc::result_out_of_range || end != text.data() + text.size())
        return Figure::Invalid;
    const std::size_t e = std::min(text.find_first_of("eE"), text.size());
    const std::string_view mantissa = text.substr(0, e);
    const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
    // The power of ten just above the first significant digit: 1 for "1.5", 0 for "0.5", -2 for "0.005".
    long long magnitude = 0;
    if (const std::size_t first = mantissa.find_first_of("123456789"); first < point)
        magnitude = static_cast<long long>(point - first);
    else if (first != std::string_view::npos)
        magnitude = -static_cast<long long>(first - point - 1);
    long long exponent = 0;
    if (e < text.size()) {
        std::string_view power = text.substr(e + 1);
        const bool negative = !power.empty() && power.front() == '-';
        if (!power.empty() && (power.front() == '-' || power.front() == '+'))
            power.remove_prefix(1);
        const auto parsed = std::from_chars(power.data(), power.data() + power.size(), exponent);
        if (parsed.ec != std::errc() || exponent > 1000000000)
            exponent = 1000000000; // far beyond either end; the sign decides
        exponent = negative ? -exponent : exponent;
    }
    return magnitude + exponent <= 0 ? Figure::TooSmall : Figure::TooLarge;
}

// The message for a figure that is not one: what it says after the column's name.
std::string notANumberProblem(Figure::Kind kind)
{
    if (kind == Figure::TooSmall)
        return " is out of range (too small): ";
    if (kind == Figure::TooLarge)
        return " is out of range (too large): ";
    return " is not a number: ";
}

// True when `digits` is 1 to 3 digits, the first not 0, then groups of `separator` and exactly 3 digits.
bool groupedBy(std::string_view digits, char separator)
{
    const std::size_t lead = std::min(digits.find(separator), digits.size());
    if (lead < 1 || lead > 3 || digits[0] == '0')
        return false;
    for (std::size_t i = 0; i < lead; ++i)
        if (digits[i] < '0' || digits[i] > '9')
            return false;
    for (std::size_t i = lead; i < digits.size(); i += 4) {
        if (digits[i] != separator || i + 4 > digits.size())
            return false;
        for (std::size_t d = i + 1; d < i + 4; ++d)
            if (digits[d] < '0' || digits[d] > '9')
                return false;
    }
    return true;
}

Figure figureOf(std::string_view cell)
{
    const std::string_view text = trimSpace(cell);
    const std::size_t firstComma = text.find(',');
    if (firstComma == std::string::npos) {
        const auto value = parseNumber(text);
        return value ? Figure { Figure::Number, *value } : Figure { notANumber(text) };
    }
    const std::size_t sign = (text[0] == '-' || text[0] == '+') ? 1 : 0;
    const std::size_t integerEnd = std::min(text.find_first_of(".eE"), text.size());
    // Separators belong to the whole part: "1,234.5,6" and "1.234,5" are not numbers.
    if (firstComma > integerEnd || text.find(',', integerEnd) != std::string::npos
        || !groupedBy(text.substr(sign, integerEnd - sign), ','))
        return {};
    std::string digits(text);
    digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
    const auto value = parseNumber(digits);
    if (!value)
        return { notANumber(digits) };
    const bool oneGroup = text.find(',', firstComma + 1) == std::string::npos;
    const bool point = integerEnd < text.size() && text[integerEnd] == '.';
    return { oneGroup && !point ? Figure::Ambiguous : Figure::Number, *value };
}

// What one cell says about the file's locale. A comma that only a thousands separator can be, or a point
// that only a decimal point can be ("1,234,567", "1,234.5", "52.43", "0.5"), says its commas are thousands;
// the reverse ("0,5", "1.234.567", "1.234,5") says they are decimal commas. "1,234" and "1.234" say
// nothing, nor does text that is not a figure ("(128, 1, 1)").
enum class LocaleHint { None, Thousands, DecimalComma };

LocaleHint localeHintOf(std::string_view cell)
{
    std::string_view text = trimSpace(cell);
    if (!text.empty() && (text.front() == '-' || text.front() == '+'))
        text.remove_prefix(1);
    std::string_view mantissa = text;
    bool exponent = false;
    if (const std::size_t e = text.find_first_of("eE"); e != std::string_view::npos) {
        std::string_view power = text.substr(e + 1);
        if (!power.empty() && (power.front() == '-' || power.front() == '+'))
            power.remove_prefix(1);
        if (power.empty() || power.find_first_not_of("0123456789") != std::string_view::npos)
            return LocaleHint::None;
        mantissa = text.substr(0, e);
        exponent = true;
    }
    if (mantissa.empty() || mantissa.find_first_not_of("0123456789,.") != std::string_view::npos)
        return LocaleHint::None;
    const std::size_t commas = std::size_t(std::count(mantissa.begin(), mantissa.end(), ','));
    const std::size_t points = std::size_t(std::count(mantissa.begin(), mantissa.end(), '.'));
    const std::size_t firstComma = mantissa.find(','), lastComma = mantissa.rfind(',');
    const std::size_t firstPoint = mantissa.find('.'), lastPoint = mantissa.rfind('.');
    // The decimal mark has digits on both sides: "0,5", "52.43".
    const auto between = [&](std::size_t at) { return at > 0 && at + 1 < mantissa.size(); };
    if (commas > 0 && points > 0) {
        if (points == 1 && lastComma < firstPoint && groupedBy(mantissa.substr(0, firstPoint), ',') && between(firstPoint))
            return LocaleHint::Thousands;
        if (commas == 1 && lastPoint < firstComma && groupedBy(mantissa.substr(0, firstComma), '.') && between(firstComma))
            return LocaleHint::DecimalComma;
        return LocaleHint::None;
    }
    // One kind of mark: several, or one that cannot separate thousands, tell; one group of three does not.
    const char mark = commas > 0 ? ',' : '.';
    const std::size_t marks = commas + points;
    if (marks == 0)
        return LocaleHint::None;
    const LocaleHint separates = mark == ',' ? LocaleHint::Thousands : LocaleHint::DecimalComma;
    const LocaleHint decimal = mark == ',' ? LocaleHint::DecimalComma : LocaleHint::Thousands;
    if (marks > 1)
        return groupedBy(mantissa, mark) && !exponent ? separates : LocaleHint::None;
    if (groupedBy(mantissa, mark) && !exponent)
        return LocaleHint::None;
    return between(mantissa.find(mark)) ? decimal : LocaleHint::None;
}

// Whether the file's single-group figures ("1,000") are thousands: some cell of its kernel lines (the name
// column apart) says so and none says its commas are decimal commas.
bool commasAreThousands(const std::vector<CsvRecord> &records, std::size_t firstRow, std::size_t nameColumn)
{
    bool thousands = false;
    for (std::size_t r = firstRow; r < records.size(); ++r)
        for (std::size_t i = 0; i < records[r].fields.size(); ++i) {
            if (i == nameColumn)
                continue;
            const LocaleHint hint = localeHintOf(records[r].fields[i]);
            if (hint == LocaleHint::DecimalComma)
                return false;
            thousands = thousands || hint == LocaleHint::Thousands;
        }
    return thousands;
}

// The message for a figure that commasAreThousands did not settle.
std::string ambiguousFigure(const std::string &what, std::size_t column, std::string_view cell)
{
    const std::string text = trim(cell);
    std::string asThousands = text;
    asThousands.erase(std::remove(asThousands.begin(), asThousands.end(), ','), asThousands.end());
    std::string asDecimal = text;
    std::replace(asDecimal.begin(), asDecimal.end(), ',', '.');
    return what + " (column " + std::to_string(column + 1) + ") is \"" + text + "\": " + asThousands
        + " with a thousands separator or " + asDecimal
        + " with a decimal comma? No other figure in the file settles it; write it without the comma";
}

// Plausible figures for one kernel: at least one FLOP and one byte, at most 1e30 of each; between a
// picosecond and a day; an arithmetic intensity and an achieved rate a chart can place. A rate above
// 1e20 FLOP/s (100,000 times today's largest GPU) is a unit mistake, not a measurement.
constexpr double MinFigure = 1.0;
constexpr double MinSeconds = 1e-12;
constexpr double MaxSeconds = 86400.0;
// The intensity and rate ranges are the chart's own (ChartIntensityRange, ChartFlopsRange), so every kernel
// read can be drawn (a kernel at 1e-6 FLOP/B was read, then left off the chart). The slowest kernel read, one
// FLOP in a day, runs at 1.2e-5 FLOP/s.
constexpr double MinIntensity = ChartIntensityRange.min;
constexpr double MaxIntensity = ChartIntensityRange.max;
constexpr double MinAchievedFlopsPerSecond = ChartFlopsRange.min;
constexpr double MaxAchievedFlopsPerSecond = 1e20;

// An achieved rate as given: positive and below MaxAchievedFlopsPerSecond (the time is derived from it).
constexpr FigureRange AchievedRateRange { 1e-3, MaxAchievedFlopsPerSecond };

double achievedRate(double value, const std::string &source, const std::string &where)
{
    if (value < AchievedRateRange.min || value > AchievedRateRange.max)
        throw failAt(source, where,
                     "\"achieved_flops_per_s\" must be between " + formatNumber(AchievedRateRange.min) + " and "
                         + formatNumber(AchievedRateRange.max) + ", got " + formatNumber(value));
    return value;
}

MeasuredKernel finish(MeasuredKernel k, const std::string &source, const std::string &where)
{
    // A value is printed so that it reads back the same: "5e-324", not "4.94066e-324", which is another number.
    const auto check = [&](double value, const char *what, double min, double max) {
        if (!std::isfinite(value) || value <= 0.0)
            throw failAt(source, where, std::string(what) + " must be a positive number, got " + formatShortest(value));
        if (value < min || value > max)
            throw failAt(source, where,
                         std::string(what) + " must be between " + formatNumber(min) + " and " + formatNumber(max)
                             + ", got " + formatShortest(value));
    };
    check(k.flops, "flops", MinFigure, MaxFigure);
    check(k.bytes, "bytes", MinFigure, MaxFigure);
    check(k.seconds, "time (s)", MinSeconds, MaxSeconds);
    check(k.intensity(), "the intensity flops / bytes (FLOP/B)", MinIntensity, MaxIntensity);
    check(k.achievedFlopsPerSecond(), "the achieved rate flops / time (FLOP/s)", MinAchievedFlopsPerSecond,
          MaxAchievedFlopsPerSecond);
    if (!k.op)
        k.op = opFromName(k.name);
    if (!k.series && k.op && k.phase)
        if (const Series s = seriesOf(*k.op, *k.phase); s != Series::None)
            k.series = s;
    return k;
}

std::vector<MeasuredKernel> parseJson(const nlohmann::json &document, const std::string &source)
{
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
        k.name = trim(f.string("name", TextLines::Single, MaxKernelNameChars));
        if (k.name.empty())
            f.fail("name", "is empty");
        if (const auto phase = f.optionalString("phase")) {
            k.phase = phaseFromName(*phase);
            if (!k.phase)
                f.fail("phase", unknownPhase(*phase));
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
        // Figures as given are checked where they are given, so that the error names the field and the value
        // as written; finish() checks what follows from them.
        k.flops = f.number("flops", FigureRange { MinFigure, MaxFigure });
        k.bytes = f.number("bytes", FigureRange { MinFigure, MaxFigure });
        if (f.has("time_s"))
            k.seconds = f.number("time_s", FigureRange { MinSeconds, MaxSeconds });
        else if (f.has("achieved_flops_per_s"))
            k.seconds = k.flops / f.number("achieved_flops_per_s", AchievedRateRange);
        else
            f.fail("time_s", "is missing (give time_s or achieved_flops_per_s)");
        out.push_back(finish(std::move(k), source, path));
    }
    return out;
}

// Column index by name, for the columns the reader uses; such a column may appear once (which of two
// "flops" columns is meant?), others may repeat. Only used names are kept: a header of thousands of columns
// costs no more than their comparison.
template<class Used>
std::map<std::string, std::size_t, std::less<>> columnsOf(const CsvRecord &header, const std::string &source, bool lowerCase,
                                             Used used)
{
    std::map<std::string, std::size_t, std::less<>> column;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string_view field = trimSpace(header.fields[i]);
        if (!used(field))
            continue;
        const std::string name = lowerCase ? asciiLower(field) : std::string(field);
        if (!column.emplace(name, i).second)
            throw failAt(source, lineOf(header),
                         "the header names the column \"" + name + "\" twice (columns " + std::to_string(column[name] + 1)
                             + " and " + std::to_string(i + 1) + ")");
    }
    return column;
}

// ASCII case-insensitive equality, as `lower` folds.
bool sameIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x >= 'A' && x <= 'Z' ? char(x - 'A' + 'a') : x) == (y >= 'A' && y <= 'Z' ? char(y - 'A' + 'a') : y);
           });
}

std::vector<MeasuredKernel> parsePlainCsv(const std::vector<CsvRecord> &records, const std::string &source)
{
    static constexpr std::string_view used[] { "name", "phase", "series", "op", "flops", "bytes", "time_s", "achieved_flops_per_s" };
    const auto column = columnsOf(records[0], source, true, [](std::string_view name) {
        return std::any_of(std::begin(used), std::end(used), [&](std::string_view u) { return sameIgnoringCase(name, u); });
    });
    for (const char *required : { "name", "flops", "bytes" })
        if (!column.contains(required))
            throw failAt(source, lineOf(records[0]), std::string("the header has no \"") + required + "\" column");
    const bool hasTime = column.contains("time_s");
    if (!hasTime && !column.contains("achieved_flops_per_s"))
        throw failAt(source, lineOf(records[0]), R"(the header has neither "time_s" nor "achieved_flops_per_s")");
    std::optional<bool> settled;
    const auto thousands = [&] {
        if (!settled)
            settled = commasAreThousands(records, 1, column.at("name"));
        return *settled;
    };
    std::vector<MeasuredKernel> out;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const std::string where = lineOf(records[r]);
        const auto &row = records[r].fields;
        const auto cell = [&](const char *name) -> std::string {
            const auto it = column.find(name);
            return it != column.end() && it->second < row.size() ? trim(row[it->second]) : std::string();
        };
        const auto figure = [&](const char *name) {
            const std::string text = cell(name);
            const Figure value = figureOf(text);
            if (value.kind == Figure::TooSmall || value.kind == Figure::TooLarge)
                throw failAt(source, where,
                             std::string("\"") + name + "\"" + notANumberProblem(value.kind) + "\"" + text + "\"");
            if (value.kind == Figure::Invalid)
                throw failAt(source, where,
                             std::string("\"") + name + "\" is not a number: \"" + text + "\""
                                 + (text.find(',') != std::string::npos
                                        ? " (write decimals with a point; a comma is read only as a thousands separator, as in 26,214,400 or 1,234.5)"
                                        : ""));
            if (value.kind == Figure::Ambiguous && !thousands())
                throw failAt(source, where, ambiguousFigure(std::string("\"") + name + "\"", column.at(name), text));
            return value.value;
        };
        checkFieldCount(records[r], records[0], source);
        MeasuredKernel k;
        k.name = trim(cleanText(cell("name"), TextLines::Single, MaxKernelNameChars));
        if (k.name.empty())
            throw failAt(source, where, "\"name\" is empty");
        if (const std::string phase = cell("phase"); !phase.empty()) {
            k.phase = phaseFromName(phase);
            if (!k.phase)
                throw failAt(source, where, unknownPhase(phase));
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
        k.seconds = hasTime ? figure("time_s") : k.flops / achievedRate(figure("achieved_flops_per_s"), source, where);
        out.push_back(finish(std::move(k), source, where));
    }
    return out;
}

// Nsight Compute raw page: header of metric names, a line of units, one line per kernel. Each metric's unit
// must be one of its kind: a duration in a time unit, DRAM traffic in bytes, a FLOP counter in
// instructions. Anything else (a duration in "cycle", a ratio in "%") is refused, never taken as seconds.
std::vector<MeasuredKernel> parseNsight(const std::vector<CsvRecord> &records, const std::string &source)
{
    const std::string timeMetric = "gpu__time_duration.sum";
    const std::string readMetric = "dram__bytes_read.sum";
    const std::string writeMetric = "dram__bytes_write.sum";
    // The FLOP counters of Nsight Compute's own roofline: add, mul and fma (2 FLOPs) per precision.
    static const std::vector<std::pair<std::string, double>> sassMetrics = [] {
        std::vector<std::pair<std::string, double>> metrics;
        for (const char *precision : { "d", "f", "h" })
            for (const auto &[op, weight] : { std::pair<const char *, double> { "add", 1.0 }, { "mul", 1.0 }, { "fma", 2.0 } })
                metrics.emplace_back(std::string("sm__sass_thread_inst_executed_op_") + precision + op + "_pred_on.sum", weight);
        return metrics;
    }();
    // Tensor-core operations, already counted in FLOPs.
    const auto isTensorMetric = [](std::string_view name) {
        return name.rfind("sm__ops_path_tensor", 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".sum";
    };
    std::vector<std::pair<std::string_view, double>> flopMetrics(sassMetrics.begin(), sassMetrics.end());
    for (const std::string &field : records[0].fields)
        if (const std::string_view name = trimSpace(field); isTensorMetric(name))
            flopMetrics.emplace_back(name, 1.0);
    auto column = columnsOf(records[0], source, false, [&](std::string_view name) {
        return name == "Kernel Name" || name == timeMetric || name == readMetric || name == writeMetric || isTensorMetric(name)
            || std::any_of(sassMetrics.begin(), sassMetrics.end(), [&](const auto &metric) { return metric.first == name; });
    });
    std::string missing;
    for (const std::string &name : { std::string("Kernel Name"), timeMetric, readMetric, writeMetric })
        if (!column.contains(name))
            missing += (missing.empty() ? "" : ", ") + name;
    std::vector<std::pair<std::size_t, double>> flopColumns;
    for (const auto &[name, weight] : flopMetrics)
        if (const auto it = column.find(name); it != column.end()
            && std::none_of(flopColumns.begin(), flopColumns.end(), [&](const auto &c) { return c.first == it->second; }))
            flopColumns.emplace_back(it->second, weight);
    if (flopColumns.empty())
        missing += std::string(missing.empty() ? "" : ", ") + "a FLOP counter (sm__sass_thread_inst_executed_op_ffma_pred_on.sum or the like)";
    if (!missing.empty())
        throw InputError(source, {}, "Nsight Compute export lacks the metrics " + missing
                                         + " (collect them, e.g. with --section SpeedOfLight_RooflineChart --section MemoryWorkloadAnalysis)");
    if (records.size() < 2)
        throw InputError(source, {}, "Nsight Compute export has no units line");
    const CsvRecord &units = records[1];
    checkFieldCount(units, records[0], source);
    enum class Kind { Time, Bytes, Count };
    const auto scaleOf = [&](std::size_t index, Kind kind) {
        // Units per second: dividing by an exact power of ten keeps "1.5" nsecond at the double nearest
        // 1.5e-9 s, which multiplying by the inexact 1e-9 does not.
        static const std::map<std::string, double> times { { "nsecond", 1e9 }, { "usecond", 1e6 }, { "msecond", 1e3 },
                                                           { "second", 1.0 } };
        static const std::map<std::string, double> bytes { { "byte", 1.0 }, { "Kbyte", 1e3 }, { "Mbyte", 1e6 },
                                                           { "Gbyte", 1e9 }, { "Tbyte", 1e12 }, { "Kibyte", 1024.0 },
                                                           { "Mibyte", 1048576.0 }, { "Gibyte", 1073741824.0 } };
        static const std::map<std::string, double> counts { { "", 1.0 }, { "inst", 1.0 } };
        const std::string unit = index < units.fields.size() ? trim(units.fields[index]) : std::string();
        const auto &known = kind == Kind::Time ? times : (kind == Kind::Bytes ? bytes : counts);
        if (const auto it = known.find(unit); it != known.end())
            return it->second;
        const char *expected = kind == Kind::Time ? "a time: nsecond, usecond, msecond or second"
            : kind == Kind::Bytes                 ? "bytes: byte, Kbyte, Mbyte, Gbyte, Tbyte, Kibyte, Mibyte or Gibyte"
                                                  : "a count: inst or none";
        throw failAt(source, lineOf(units),
                     trim(records[0].fields[index]) + " is in \"" + unit + "\", which is not " + expected);
    };
    const double timeUnitsPerSecond = scaleOf(column[timeMetric], Kind::Time);
    const double readScale = scaleOf(column[readMetric], Kind::Bytes);
    const double writeScale = scaleOf(column[writeMetric], Kind::Bytes);
    std::vector<double> flopScales;
    flopScales.reserve(flopColumns.size());
    for (const auto &[index, weight] : flopColumns)
        flopScales.push_back(scaleOf(index, Kind::Count));
    std::optional<bool> settled;
    const auto thousands = [&] {
        if (!settled)
            settled = commasAreThousands(records, 2, column["Kernel Name"]);
        return *settled;
    };
    std::vector<MeasuredKernel> out;
    for (std::size_t r = 2; r < records.size(); ++r) {
        const std::string where = lineOf(records[r]);
        checkFieldCount(records[r], records[0], source);
        const auto &row = records[r].fields;
        const auto value = [&](std::size_t index, double scale) {
            const std::string &text = row[index];
            const Figure parsed = figureOf(text);
            if (parsed.kind == Figure::Invalid || parsed.kind == Figure::TooSmall || parsed.kind == Figure::TooLarge)
                throw failAt(source, where,
                             trim(records[0].fields[index]) + notANumberProblem(parsed.kind) + "\"" + text + "\"");
            if (parsed.kind == Figure::Ambiguous && !thousands())
                throw failAt(source, where, ambiguousFigure(trim(records[0].fields[index]), index, text));
            if (parsed.value < 0.0)
                throw failAt(source, where, trim(records[0].fields[index]) + " is negative: \"" + trim(text) + "\"");
            return parsed.value * scale;
        };
        MeasuredKernel k;
        const std::size_t nameColumn = column["Kernel Name"];
        k.name = trim(cleanText(nameColumn < row.size() ? row[nameColumn] : std::string(), TextLines::Single,
                                MaxKernelNameChars));
        if (k.name.empty())
            throw failAt(source, where, "\"Kernel Name\" is empty");
        k.seconds = value(column[timeMetric], 1.0) / timeUnitsPerSecond;
        k.bytes = value(column[readMetric], readScale) + value(column[writeMetric], writeScale);
        for (std::size_t i = 0; i < flopColumns.size(); ++i)
            k.flops += flopColumns[i].second * value(flopColumns[i].first, flopScales[i]);
        out.push_back(finish(std::move(k), source, where));
    }
    return out;
}

} // namespace

std::vector<MeasuredKernel> measuredKernelsFromJson(const nlohmann::json &document, const std::string &source)
{
    return parseJson(document, source);
}

std::vector<MeasuredKernel> parseMeasuredKernels(std::string_view text, const std::string &source)
{
    std::string_view body = text;
    if (body.substr(0, 3) == "\xEF\xBB\xBF")
        body.remove_prefix(3);
    refuseUtf16(body, source);
    const bool crLines = body.find('\n') == std::string_view::npos;
    // Nsight Compute run with its output redirected puts its own "==PROF==" lines before the CSV.
    std::size_t preambleLines = 0;
    while (body.substr(0, 2) == "==") {
        const auto end = body.find(crLines ? '\r' : '\n');
        body.remove_prefix(end == std::string_view::npos ? body.size() : end + 1);
        ++preambleLines;
    }
    const auto first = body.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        throw InputError(source, {}, "the file is empty; expected JSON or CSV of measured kernels");
    if (body[first] == '{' || body[first] == '[') {
        auto kernels = parseJson(parseJsonObject(body, source), source);
        if (kernels.empty())
            throw InputError(source, "kernels", "holds no kernel");
        return kernels;
    }
    const auto records = csvRecords(body, source, 1 + preambleLines, crLines);
    if (records.empty())
        throw InputError(source, {}, "holds no kernel");
    bool nsight = false;
    for (const std::string &cell : records[0].fields)
        nsight = nsight || trimSpace(cell) == "Kernel Name" || trimSpace(cell).rfind("gpu__", 0) == 0;
    // The header, and Nsight Compute's line of units, are not kernels.
    const std::size_t headerLines = nsight ? 2 : 1;
    if (records.size() > MaxMeasuredKernels + headerLines)
        throw InputError(source, {}, "holds more than " + std::to_string(MaxMeasuredKernels) + " kernels");
    auto kernels = nsight ? parseNsight(records, source) : parsePlainCsv(records, source);
    if (kernels.empty())
        throw InputError(source, {}, "holds no kernel");
    return kernels;
}

} // namespace roofline
