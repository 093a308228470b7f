#pragma once

#include "gpuspec.h"
#include "measured.h"
#include "modelconfig.h"
#include "opcost.h"
#include "presets.h"
#include "scenario.h"
#include "session.h"

#include <optional>
#include <vector>

// Hand-written shapes (from the models' config.json files), so the model tests do not depend on
// the preset files; tst_presets checks that the presets agree.
inline roofline::ModelConfig llama2_13b()
{
    roofline::ModelConfig m;
    m.id = "llama-2-13b";
    m.name = "Llama-2-13B";
    m.hidden = 5120;
    m.intermediate = 13824;
    m.heads = 40;
    m.kvHeads = 40;
    m.headDim = 128;
    m.layers = 40;
    m.vocab = 32000;
    m.maxPositions = 4096;
    return m;
}

inline roofline::ModelConfig llama2_70b()
{
    roofline::ModelConfig m = llama2_13b();
    m.id = "llama-2-70b";
    m.hidden = 8192;
    m.intermediate = 28672;
    m.heads = 64;
    m.kvHeads = 8;
    m.layers = 80;
    return m;
}

inline roofline::ModelConfig mixtral8x7b()
{
    roofline::ModelConfig m = llama2_13b();
    m.id = "mixtral-8x7b";
    m.hidden = 4096;
    m.intermediate = 14336;
    m.heads = 32;
    m.kvHeads = 8;
    m.layers = 32;
    m.experts = 8;
    m.expertsPerToken = 2;
    return m;
}

// Llama-2-7B: h 4096, f 11008, 32 heads of 128 (no GQA), 32 layers.
inline roofline::ModelConfig llama2_7b()
{
    roofline::ModelConfig m = llama2_13b();
    m.id = "llama-2-7b";
    m.hidden = 4096;
    m.intermediate = 11008;
    m.heads = 32;
    m.kvHeads = 32;
    m.layers = 32;
    return m;
}

// Mistral-7B-v0.1: Llama's layer with grouped-query attention and a 4,096-token sliding window in every layer.
inline roofline::ModelConfig mistral7b()
{
    roofline::ModelConfig m = llama2_13b();
    m.id = "mistral-7b-v0.1";
    m.hidden = 4096;
    m.intermediate = 14336;
    m.heads = 32;
    m.kvHeads = 8;
    m.layers = 32;
    m.slidingWindow = 4096;
    m.windowedLayers = 32;
    return m;
}

// LLaMA-33B (LLaMA 1), charted with Medusa in the seed's source paper.
inline roofline::ModelConfig llama33b()
{
    roofline::ModelConfig m = llama2_13b();
    m.id = "llama-33b";
    m.hidden = 6656;
    m.intermediate = 17920;
    m.heads = 52;
    m.kvHeads = 52;
    m.layers = 60;
    return m;
}

inline roofline::GpuSpec h100Sxm()
{
    roofline::GpuSpec g;
    g.id = "h100-sxm";
    g.name = "H100 SXM";
    g.bandwidthBytesPerSecond = 3350e9;
    g.setPeak(roofline::ComputeType::Fp16, 989.4e12);
    g.setPeak(roofline::ComputeType::Fp8, 1978.9e12);
    g.memoryBytes = 80e9;
    return g;
}

inline roofline::GpuSpec seedA6000()
{
    roofline::GpuSpec g;
    g.id = "a6000-seed";
    g.name = "RTX A6000 (seed chart)";
    g.bandwidthBytesPerSecond = 768e9;
    g.setPeak(roofline::ComputeType::Fp16, 181e12);
    g.memoryBytes = 48e9;
    return g;
}

// The seed chart's scenario (Llama-2-13B on the seed A6000, the default workload: batch 1, sequence 2048,
// fp16), as a scenario and as a session; tests change what they need from there.
inline roofline::Scenario seedScenario()
{
    roofline::Scenario s;
    s.model = llama2_13b();
    s.gpu = seedA6000();
    return s;
}

inline roofline::Session seedSession()
{
    roofline::Session s;
    s.model = llama2_13b();
    s.gpu = seedA6000();
    return s;
}

// A preset library of two models (Llama-2-13B, Llama-2-70B) and two GPUs (the seed A6000, the H100 SXM), in
// that order.
inline roofline::PresetLibrary twoOfEach()
{
    roofline::PresetLibrary p;
    p.models = { llama2_13b(), llama2_70b() };
    p.gpus = { seedA6000(), h100Sxm() };
    return p;
}

// The figures of tests/data/measured/kernels.csv: each kernel ran below the seed A6000's roof at its intensity.
inline std::vector<roofline::MeasuredKernel> kernelsCsv()
{
    return {
        // I = 52,428,800 / 52,449,280 = 0.99961 FLOP/B; 52,428,800 / 85 us = 616.8 GFLOP/s, 80 % of the 767.7 roof.
        roofline::MeasuredKernel { "q_proj", roofline::Phase::Decode, std::nullopt, roofline::OpKind::QProj, 52428800, 52449280, 85e-6 },
        // I = 2565.9 FLOP/B (compute-bound); 1,159,641,169,920 / 9 ms = 128.8 TFLOP/s, 71 % of 181.
        roofline::MeasuredKernel { "gate_proj", roofline::Phase::Prefill, std::nullopt, roofline::OpKind::GateProj, 1159641169920, 451936256, 0.009 },
        // I = 1024 FLOP/B; 114.5 TFLOP/s. No op: no series, no modelled point, no link.
        roofline::MeasuredKernel { "flash_fwd_kernel", roofline::Phase::Prefill, std::nullopt, std::nullopt, 85899345920, 83886080, 0.00075 },
    };
}

// The first op of `kind` among a phase's ops, or nullptr.
inline const roofline::OpCost *findOp(const roofline::PhaseOps &ops, roofline::OpKind kind)
{
    for (const roofline::OpCost &op : ops)
        if (op.op == kind)
            return &op;
    return nullptr;
}
