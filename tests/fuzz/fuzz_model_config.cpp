// Any bytes as a Hugging Face config.json. An accepted config must evaluate, at small and huge workloads,
// to finite numbers that a log axis can take.
#include "evaluation.h"
#include "inputerror.h"
#include "modelconfig.h"

#include <cmath>
#include <cstdint>
#include <string_view>

namespace {
void check(const roofline::ModelConfig &model, const roofline::GpuSpec &gpu, std::int64_t batch, std::int64_t seq)
{
    roofline::Workload w;
    w.batch = batch;
    w.seq = seq;
    const roofline::Evaluation e = roofline::evaluate(model, gpu, w);
    for (const roofline::PhaseResult *phase : { &e.prefill, &e.decode }) {
        if (!(std::isfinite(phase->timeSeconds) && phase->timeSeconds > 0))
            __builtin_trap();
        for (const roofline::OpResult &op : *phase) {
            if (op.cost.series == roofline::Series::None)
                continue;
            if (!(std::isfinite(op.intensity) && op.intensity > 0 && std::isfinite(op.attainableFlopsPerSecond)
                  && op.attainableFlopsPerSecond > 0))
                __builtin_trap();
        }
    }
    if (!std::isfinite(e.memory.totalBytes()))
        __builtin_trap();
}
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    roofline::ModelConfig model;
    try {
        model = roofline::parseModelConfig(std::string_view(reinterpret_cast<const char *>(data), size), "config.json",
                                           "fuzz");
    } catch (const roofline::InputError &) {
        return 0;
    }
    roofline::GpuSpec gpu;
    gpu.name = "fuzz";
    gpu.bandwidthBytesPerSecond = 768e9;
    gpu.setPeak(roofline::ComputeType::Fp16, 181e12);
    gpu.memoryBytes = 48e9;
    check(model, gpu, 1, 1);
    check(model, gpu, 1000000, 10000000);
    return 0;
}
