#pragma once

#include "evaluation.h"
#include "gpuspec.h"
#include "modelconfig.h"
#include "sweep.h"
#include "workload.h"

namespace roofline {

// Everything that decides what the chart shows: which model, on which GPU, doing what.
struct Scenario {
    ModelConfig model;
    GpuSpec gpu;
    Workload workload;
    SweepSpec sweep = SweepSettings {}.spec(Workload {}); // the seed chart's spread
    Efficiency efficiency;

    Evaluation evaluate() const { return roofline::evaluate(model, gpu, workload, efficiency); }
};

} // namespace roofline
