#pragma once

#include "presets.h"
#include "scenario.h"

#include <QObject>

#include <vector>

namespace roofline {

// The one place the window's inputs live: which model and GPU (presets, plus files the user opened),
// the workload, and any slider edits of the GPU's figures. Setters clamp, return early when nothing
// changed, then emit scenarioChanged() once. It computes nothing; results come from the model layer.
class ExplorerState : public QObject
{
    Q_OBJECT
public:
    // The window's slider ranges; the command line accepts far more.
    static constexpr double MinBatch = 1, MaxBatch = 1024;
    static constexpr double MinSeq = 1, MaxSeq = 131072;
    static constexpr double MinPeakTflops = 1, MaxPeakTflops = 5000;
    static constexpr double MinBandwidthGbps = 10, MaxBandwidthGbps = 10000;

    explicit ExplorerState(const PresetLibrary &presets, QObject *parent = nullptr);

    const Scenario &scenario() const { return m_scenario; }
    const std::vector<ModelConfig> &models() const { return m_models; }
    const std::vector<GpuSpec> &gpus() const { return m_gpus; }
    int modelIndex() const { return m_modelIndex; }
    int gpuIndex() const { return m_gpuIndex; }
    // The GPU as chosen, before any slider edit.
    const GpuSpec &baseGpu() const { return m_gpus[std::size_t(m_gpuIndex)]; }
    bool isGpuCustomised() const { return m_gpuCustomised; }

    void selectModel(int index);
    void selectGpu(int index);
    // Adds a model or GPU the user opened and selects it; returns its index.
    int addModel(const ModelConfig &model);
    int addGpu(const GpuSpec &gpu);

    void setBatch(double batch);
    void setSeq(double seq);
    void setPeakTflops(double tflops);
    void setBandwidthGbps(double gbps);
    void setFlashAttention(bool enabled);
    void resetGpu();

Q_SIGNALS:
    void scenarioChanged();
    void choicesChanged(); // the lists of models or GPUs grew

private:
    void applyGpuEdit(double peakFlops, double bandwidth);

    std::vector<ModelConfig> m_models;
    std::vector<GpuSpec> m_gpus;
    int m_modelIndex = 0;
    int m_gpuIndex = 0;
    bool m_gpuCustomised = false;
    Scenario m_scenario;
};

} // namespace roofline
