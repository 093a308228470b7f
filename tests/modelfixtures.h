#pragma once

#include "gpuspec.h"
#include "modelconfig.h"

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
