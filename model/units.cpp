#include "units.h"

#include "text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <vector>

namespace roofline {

double bytesPerElement(DType type)
{
    switch (type) {
    case DType::Fp32:
        return 4.0;
    case DType::Fp16:
    case DType::Bf16:
        return 2.0;
    case DType::Fp8:
    case DType::Int8:
        return 1.0;
    case DType::Int4:
        return 0.5;
    }
    return 2.0;
}

std::string_view dtypeName(DType type)
{
    // A value past the enum (a number cast to it) reads as fp16, the default storage type.
    const bool known = std::find(AllDTypes.begin(), AllDTypes.end(), type) != AllDTypes.end();
    return DTypeNames.name(known ? type : DType::Fp16);
}

std::optional<DType> dtypeFromName(std::string_view name)
{
    return DTypeNames.fromName(name);
}

std::string dtypeNames()
{
    return choiceListOf(AllDTypes, dtypeName);
}

std::string_view computeTypeName(ComputeType type)
{
    return ComputeTypeNames.name(type);
}

std::string_view computeTypeLabel(ComputeType type)
{
    return ComputeTypeNames.label(type);
}

std::string computeTypeNames()
{
    std::vector<std::string_view> read;
    ComputeTypeNames.forEachReadName([&read](std::string_view name) { read.push_back(name); });
    return choiceList(read);
}

std::optional<ComputeType> computeTypeFromName(std::string_view name)
{
    return ComputeTypeNames.fromName(name);
}

std::string formatNumber(double value, char conversion, int precision)
{
    const std::chars_format format = conversion == 'f' ? std::chars_format::fixed
        : conversion == 'e'                            ? std::chars_format::scientific
                                                       : std::chars_format::general;
    // The longest result: "%.17f" of 1e308 is 309 digits and 17 decimals.
    char buffer[400];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, format, std::clamp(precision, 0, 17));
    if (error != std::errc())
        return std::isfinite(value) ? "overflow" : "nan";
    return std::string(buffer, end);
}

std::string formatShortest(double value)
{
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (error != std::errc())
        return formatNumber(value);
    return std::string(buffer, end);
}

std::string formatOne(std::string_view format, double value)
{
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%' || i + 1 >= format.size()) {
            out += format[i];
            continue;
        }
        ++i;
        if (format[i] == '%') {
            out += '%';
            continue;
        }
        int precision = 6;
        if (format[i] == '.') {
            precision = 0;
            while (++i < format.size() && format[i] >= '0' && format[i] <= '9')
                precision = precision * 10 + (format[i] - '0');
        }
        out += formatNumber(value, i < format.size() ? format[i] : 'g', precision);
    }
    return out;
}

std::optional<double> parseNumber(std::string_view text)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty() || text.front() == '+')
        return std::nullopt;
    double value = 0.0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    // from_chars takes "inf", "nan" and hexadecimal only in forms checked above or not at all; a digit
    // must be there.
    if (text.find_first_of("0123456789") == std::string_view::npos)
        return std::nullopt;
    return value;
}

std::string formatSi(double value, int significantDigits)
{
    if (!std::isfinite(value))
        return value > 0 ? "inf" : (value < 0 ? "-inf" : "nan");
    if (value == 0.0)
        return "0";
    static constexpr std::array<const char *, 11> prefixes { "f", "p", "n", "µ", "m", "", "k", "M", "G", "T", "P" };
    const double magnitude = std::fabs(value);
    int exponent = static_cast<int>(std::floor(std::log10(magnitude) / 3.0));
    exponent = std::clamp(exponent, -5, 5);
    double scaled = value / std::pow(1000.0, exponent);
    // Rounding can carry into the next prefix (999.96 -> "1000"), so re-check after rounding.
    const int digitsBeforePoint = std::fabs(scaled) >= 100.0 ? 3 : (std::fabs(scaled) >= 10.0 ? 2 : 1);
    int decimals = std::max(0, significantDigits - digitsBeforePoint);
    std::string text = formatNumber(scaled, 'f', decimals);
    if (std::fabs(*parseNumber(text)) >= 1000.0 && exponent < 5) {
        ++exponent;
        scaled = value / std::pow(1000.0, exponent);
        decimals = std::max(0, significantDigits - 1);
        text = formatNumber(scaled, 'f', decimals);
    }
    if (text.find('.') != std::string::npos) {
        while (!text.empty() && text.back() == '0')
            text.pop_back();
        if (!text.empty() && text.back() == '.')
            text.pop_back();
    }
    const int prefix = exponent + 5; // exponent counts thousands: -5 is "f" (1e-15), the first prefix
    return text + prefixes[static_cast<std::size_t>(prefix)];
}

std::string formatRatio(double value, int significantDigits)
{
    const double magnitude = std::fabs(value);
    if (magnitude > 0.0 && magnitude < 1e-6)
        return formatNumber(value, 'g', significantDigits);
    if (!(magnitude >= 1e-6 && magnitude < 1.0))
        return formatSi(value, significantDigits);
    // Decimals for `significantDigits` significant figures: 0.167 needs 3, 0.0253 needs 4.
    const int leadingZeros = -static_cast<int>(std::floor(std::log10(magnitude))) - 1;
    std::string text = formatNumber(value, 'f', leadingZeros + significantDigits);
    if (*parseNumber(text) == (value < 0 ? -1.0 : 1.0)) // 0.9996 rounds up to a whole one
        return formatSi(value, significantDigits);
    while (text.back() == '0')
        text.pop_back();
    return text;
}

std::string formatLimit(double value)
{
    return std::isfinite(value) && value == std::floor(value) && std::fabs(value) < 1e15 ? formatNumber(value, 'f', 0) : formatNumber(value);
}

std::string formatSiUnit(double value, std::string_view unit, int significantDigits)
{
    const std::string figure = formatSi(value, significantDigits);
    // The prefix is what follows the last digit ("T", "µ", none); "inf" and "nan" have no digit and no prefix.
    const std::size_t lastDigit = figure.find_last_of("0123456789");
    if (lastDigit == std::string::npos)
        return figure + " " + std::string(unit);
    return figure.substr(0, lastDigit + 1) + " " + figure.substr(lastDigit + 1) + std::string(unit);
}

std::string formatDuration(double seconds)
{
    struct Unit {
        double seconds;
        const char *name;
    };
    // From the largest down: the first unit the time is at least one of.
    static constexpr std::array<Unit, 4> Units { { { 365.25 * 86400.0, " years" }, { 86400.0, " days" }, { 3600.0, " h" }, { 60.0, " min" } } };
    if (std::isfinite(seconds)) {
        for (const Unit &unit : Units)
            if (std::fabs(seconds) >= unit.seconds)
                return formatRatio(seconds / unit.seconds) + unit.name;
    }
    return formatSiUnit(seconds, "s");
}

std::string formatPercent(double share)
{
    const double percent = share * 100.0;
    if (!std::isfinite(percent))
        return formatNumber(percent) + "%";
    if (percent == 0.0)
        return "0%";
    if (percent > 0.0 && percent < 0.001)
        return "<0.001%";
    // One decimal from 1 % up; below, two significant digits with their zeros (0.42, 0.40, 0.042), so a small share
    // is still seen; one that rounds up to 1 % reads as 1.0 %, as the shares above it do.
    if (std::fabs(percent) >= 1.0)
        return formatNumber(percent, 'f', 1) + "%";
    const int decimals = 1 - int(std::floor(std::log10(std::fabs(percent))));
    const double rounded = std::round(percent * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
    return (std::fabs(rounded) >= 1.0 ? formatNumber(rounded, 'f', 1) : formatNumber(percent, 'f', decimals)) + "%";
}

} // namespace roofline
