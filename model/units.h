#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace roofline {

// Storage types of weights, activations and the KV cache; bytes per element below.
enum class DType { Fp32, Fp16, Bf16, Fp8, Int8, Int4 };

// The compute types a GPU publishes a peak for. Fp16 stands for FP16/BF16 tensor math.
enum class ComputeType { Fp16, Fp8, Int8, Fp32 };
inline constexpr int ComputeTypeCount = 4;

double bytesPerElement(DType type);
std::string_view dtypeName(DType type);
std::optional<DType> dtypeFromName(std::string_view name);

std::string_view computeTypeName(ComputeType type);
std::optional<ComputeType> computeTypeFromName(std::string_view name);

// Decimal SI prefixes, as vendors quote bandwidth and FLOP/s: 768e9 -> "768G", 1.81e14 -> "181T".
std::string formatSi(double value, int significantDigits = 3);

} // namespace roofline
