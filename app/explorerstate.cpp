#include "explorerstate.h"

#include <algorithm>
#include <cmath>

namespace roofline {

namespace {
double clampFinite(double value, double min, double max)
{
    return std::isfinite(value) ? std::clamp(value, min, max) : min;
}

int indexOf(const auto &list, std::string_view id)
{
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].id == id)
            return int(i);
    return 0;
}
}

ExplorerState::ExplorerState(const PresetLibrary &presets, QObject *parent)
    : QObject(parent)
    , m_models(presets.models)
    , m_gpus(presets.gpus)
    , m_modelIndex(indexOf(presets.models, DefaultModelId))
    , m_gpuIndex(indexOf(presets.gpus, DefaultGpuId))
{
    m_scenario.model = m_models.at(std::size_t(m_modelIndex));
    m_scenario.gpu = m_gpus.at(std::size_t(m_gpuIndex));
}

void ExplorerState::selectModel(int index)
{
    if (index < 0 || index >= int(m_models.size()) || index == m_modelIndex)
        return;
    m_modelIndex = index;
    m_scenario.model = m_models[std::size_t(index)];
    Q_EMIT scenarioChanged();
}

void ExplorerState::selectGpu(int index)
{
    if (index < 0 || index >= int(m_gpus.size()) || (index == m_gpuIndex && !m_gpuCustomised))
        return;
    m_gpuIndex = index;
    m_gpuCustomised = false;
    m_scenario.gpu = m_gpus[std::size_t(index)];
    // A compute type the new GPU does not publish falls back to its fp16 tensor peak.
    if (!m_scenario.gpu.peak(m_scenario.workload.computeType))
        m_scenario.workload.computeType = ComputeType::Fp16;
    Q_EMIT scenarioChanged();
}

int ExplorerState::addModel(const ModelConfig &model)
{
    m_models.push_back(model);
    Q_EMIT choicesChanged();
    selectModel(int(m_models.size()) - 1);
    return m_modelIndex;
}

int ExplorerState::addGpu(const GpuSpec &gpu)
{
    m_gpus.push_back(gpu);
    Q_EMIT choicesChanged();
    selectGpu(int(m_gpus.size()) - 1);
    return m_gpuIndex;
}

void ExplorerState::setBatch(double batch)
{
    const auto value = std::int64_t(std::llround(clampFinite(batch, MinBatch, MaxBatch)));
    if (value == m_scenario.workload.batch)
        return;
    m_scenario.workload.batch = value;
    Q_EMIT scenarioChanged();
}

void ExplorerState::setSeq(double seq)
{
    const auto value = std::int64_t(std::llround(clampFinite(seq, MinSeq, MaxSeq)));
    if (value == m_scenario.workload.seq)
        return;
    m_scenario.workload.seq = value;
    Q_EMIT scenarioChanged();
}

void ExplorerState::setFlashAttention(bool enabled)
{
    if (enabled == m_scenario.workload.flashAttention)
        return;
    m_scenario.workload.flashAttention = enabled;
    Q_EMIT scenarioChanged();
}

void ExplorerState::setPeakTflops(double tflops)
{
    applyGpuEdit(clampFinite(tflops, MinPeakTflops, MaxPeakTflops) * 1e12, m_scenario.gpu.bandwidthBytesPerSecond);
}

void ExplorerState::setBandwidthGbps(double gbps)
{
    const auto computeType = m_scenario.workload.computeType;
    applyGpuEdit(m_scenario.gpu.peak(computeType).value_or(0.0),
                 clampFinite(gbps, MinBandwidthGbps, MaxBandwidthGbps) * 1e9);
}

void ExplorerState::applyGpuEdit(double peakFlops, double bandwidth)
{
    GpuSpec &gpu = m_scenario.gpu;
    const auto computeType = m_scenario.workload.computeType;
    if (gpu.peak(computeType) == peakFlops && gpu.bandwidthBytesPerSecond == bandwidth)
        return;
    gpu.setPeak(computeType, peakFlops);
    gpu.bandwidthBytesPerSecond = bandwidth;
    if (!m_gpuCustomised) {
        m_gpuCustomised = true;
        gpu.id.clear();
        gpu.name = "Custom (from " + baseGpu().name + ")";
        gpu.note = "Figures edited by hand from " + baseGpu().name + ".";
    }
    Q_EMIT scenarioChanged();
}

void ExplorerState::resetGpu()
{
    if (!m_gpuCustomised)
        return;
    m_gpuCustomised = false;
    m_scenario.gpu = baseGpu();
    Q_EMIT scenarioChanged();
}

} // namespace roofline
