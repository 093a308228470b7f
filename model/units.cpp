#include "units.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

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

namespace {
constexpr std::array<std::pair<DType, std::string_view>, 6> dtypeNames { {
    { DType::Fp32, "fp32" },
    { DType::Fp16, "fp16" },
    { DType::Bf16, "bf16" },
    { DType::Fp8, "fp8" },
    { DType::Int8, "int8" },
    { DType::Int4, "int4" },
} };
constexpr std::array<std::pair<ComputeType, std::string_view>, ComputeTypeCount> computeNames { {
    { ComputeType::Fp16, "fp16" },
    { ComputeType::Fp8, "fp8" },
    { ComputeType::Int8, "int8" },
    { ComputeType::Fp32, "fp32" },
} };
}

std::string_view dtypeName(DType type)
{
    for (const auto &[t, name] : dtypeNames)
        if (t == type)
            return name;
    return "fp16";
}

std::optional<DType> dtypeFromName(std::string_view name)
{
    for (const auto &[t, n] : dtypeNames)
        if (n == name)
            return t;
    return std::nullopt;
}

std::string_view computeTypeName(ComputeType type)
{
    for (const auto &[t, name] : computeNames)
        if (t == type)
            return name;
    return "fp16";
}

std::optional<ComputeType> computeTypeFromName(std::string_view name)
{
    if (name == "bf16")
        return ComputeType::Fp16;
    for (const auto &[t, n] : computeNames)
        if (n == name)
            return t;
    return std::nullopt;
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
    char buffer[64];
    const int digitsBeforePoint = std::fabs(scaled) >= 100.0 ? 3 : (std::fabs(scaled) >= 10.0 ? 2 : 1);
    int decimals = std::max(0, significantDigits - digitsBeforePoint);
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, scaled);
    if (std::fabs(std::strtod(buffer, nullptr)) >= 1000.0 && exponent < 5) {
        ++exponent;
        scaled = value / std::pow(1000.0, exponent);
        decimals = std::max(0, significantDigits - 1);
        std::snprintf(buffer, sizeof buffer, "%.*f", decimals, scaled);
    }
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (!text.empty() && text.back() == '0')
            text.pop_back();
        if (!text.empty() && text.back() == '.')
            text.pop_back();
    }
    return text + prefixes[static_cast<std::size_t>(exponent + 5)];
}

} // namespace roofline
