#pragma once

#include "nametable.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace roofline {

// Storage types of weights, activations and the KV cache; bytes per element below.
enum class DType { Fp32, Fp16, Bf16, Fp8, Int8, Int4 };
// Each storage type once, with its name in files, flags and the window.
inline constexpr NameTable<DType, 6> DTypeNames { { { { DType::Fp32, "fp32" },
                                                      { DType::Fp16, "fp16" },
                                                      { DType::Bf16, "bf16" },
                                                      { DType::Fp8, "fp8" },
                                                      { DType::Int8, "int8" },
                                                      { DType::Int4, "int4" } } } };
inline constexpr std::array<DType, DTypeNames.size()> AllDTypes = DTypeNames.values();

// The compute types a GPU publishes a peak for. Fp16 stands for FP16/BF16 tensor math.
enum class ComputeType { Fp16, Fp8, Int8, Fp32 };
// Each once, in the picker's order, with its name in files and flags and what the window calls it; bf16 is read
// as fp16's other name.
inline constexpr NameTable<ComputeType, 4> ComputeTypeNames { { { { ComputeType::Fp16, "fp16", "fp16 / bf16 tensor", "bf16" },
                                                                  { ComputeType::Fp8, "fp8" },
                                                                  { ComputeType::Int8, "int8" },
                                                                  { ComputeType::Fp32, "fp32", "fp32 (non-tensor)" } } } };
inline constexpr int ComputeTypeCount = int(ComputeTypeNames.size());
inline constexpr std::array<ComputeType, ComputeTypeCount> AllComputeTypes = ComputeTypeNames.values();

double bytesPerElement(DType type);
std::string_view dtypeName(DType type);
std::optional<DType> dtypeFromName(std::string_view name);
// Every name dtypeFromName reads, for messages: "fp32, fp16, bf16, fp8, int8 or int4".
std::string dtypeNames();

std::string_view computeTypeName(ComputeType type);
// What the window calls it: "fp16 / bf16 tensor", "fp8", "int8", "fp32 (non-tensor)".
std::string_view computeTypeLabel(ComputeType type);
std::optional<ComputeType> computeTypeFromName(std::string_view name);
// Every name computeTypeFromName reads, for messages.
std::string computeTypeNames();

// Numbers in and out of files never depend on the user's locale (a decimal comma would break CSV):
// formatNumber(x, 'g', 6) is printf's "%.6g" in the C locale, 'f' and 'e' likewise.
std::string formatNumber(double value, char conversion = 'g', int precision = 6);
// A limit as a message quotes it: a whole number in full ("1000000000", not "1e+09"), another as formatNumber.
std::string formatLimit(double value);
// The shortest text that reads back as exactly `value` ("5e-324", "0.1", "1e+30"), in the C locale: for
// quoting a figure in a message, where "%.6g" would print 5e-324 as 4.94066e-324, another number.
std::string formatShortest(double value);
// `format` with its one conversion ("%g", "%.1f", "%.3e"; "%%" is a percent sign) replaced by `value`,
// formatted as formatNumber does.
std::string formatOne(std::string_view format, double value);
// A whole decimal number ("12", "-1.5e-3", "+7"), read regardless of locale; nothing else may surround it.
// No thousands separators, no hexadecimal, no "inf" or "nan".
std::optional<double> parseNumber(std::string_view text);

// Decimal SI prefixes, as vendors quote bandwidth and FLOP/s: 768e9 -> "768G", 1.81e14 -> "181T".
std::string formatSi(double value, int significantDigits = 3);
// A figure and its unit as SI writes them, a space between, the prefix on the unit: (1.81e14, "FLOP/s") ->
// "181 TFLOP/s", (2.68e9, "B") -> "2.68 GB", (12, "B") -> "12 B". The chart's roof labels read the same.
std::string formatSiUnit(double value, std::string_view unit, int significantDigits = 3);
// A ratio or a count (FLOP/B, tokens/s): under 1 a plain decimal ("0.167", "0.000923", not "167m" or "923µ",
// which read as milli- or micro-something; under 1e-6 in scientific notation, "3.2e-08"), otherwise as
// formatSi.
std::string formatRatio(double value, int significantDigits = 3);
// A time: under a minute in seconds with SI prefixes ("382 ms", "35.7 ms", "1.23 s"), longer ones in minutes,
// hours, days or years ("20.5 min", "18.5 h", "772 days", "2.11 years"), never "1.23ks".
std::string formatDuration(double seconds);
// A share (0.123) as a percentage that never reads 0 when it is not: "12.3%", "1.5%", "0.42%", "0.042%";
// below 0.001 % "<0.001%"; exactly 0 as "0%".
std::string formatPercent(double share);

} // namespace roofline
