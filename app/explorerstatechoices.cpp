#include "explorerstate.h"
#include "explorerstate_p.h"

#include "evaluation.h"

#include <QUndoStack>

#include <utility>

// The state's choices of model and GPU, the lists the pickers show, and a session opened from a file.

namespace roofline {

using namespace stateinternal;

void ExplorerState::selectModel(int index)
{
    if (index < 0 || index >= int(m_models.size()) || index == m_now.modelIndex)
        return;
    Snapshot next = m_now;
    next.modelIndex = index;
    next.session.model = m_models[std::size_t(index)];
    change(tr("Choose model"), NoMerge, std::move(next));
}

void ExplorerState::selectGpu(int index)
{
    if (index < 0 || index >= int(m_gpus.size()) || (index == m_now.gpuIndex && !m_now.session.gpuCustomised))
        return;
    Snapshot next = m_now;
    next.gpuIndex = index;
    next.session.gpuCustomised = false;
    next.session.gpu = m_gpus[std::size_t(index)];
    // A compute type the new GPU does not publish falls back to its fp16 tensor peak.
    next.session.workload.computeType = publishedComputeType(next.session.gpu, next.session.workload.computeType);
    change(tr("Choose GPU"), NoMerge, std::move(next));
}

void ExplorerState::swapGpus()
{
    if (!m_now.session.secondGpu)
        return;
    Snapshot next = m_now;
    Session &s = next.session;
    std::swap(s.gpu, *s.secondGpu);
    s.opsOnSecondGpu = false;
    // Each picker names its GPU: one edited, or not among the presets, joins them (as a session's does).
    const std::size_t before = m_gpus.size();
    for (const GpuSpec *gpu : { &s.gpu, &*s.secondGpu })
        if (indexOfGpu(*gpu) < 0)
            m_gpus.push_back(*gpu);
    if (m_gpus.size() != before)
        Q_EMIT choicesChanged();
    next.gpuIndex = indexOfGpu(s.gpu);
    s.gpuCustomised = false; // its figures are the entry's own
    s.gpuBaseId.clear();
    s.workload.computeType = publishedComputeType(s.gpu, s.workload.computeType);
    change(tr("Swap the GPUs"), NoMerge, std::move(next));
}

int ExplorerState::addModel(const ModelConfig &model)
{
    m_models.push_back(model);
    Q_EMIT choicesChanged();
    selectModel(int(m_models.size()) - 1);
    return m_now.modelIndex;
}

int ExplorerState::addGpu(const GpuSpec &gpu)
{
    m_gpus.push_back(gpu);
    Q_EMIT choicesChanged();
    selectGpu(int(m_gpus.size()) - 1);
    return m_now.gpuIndex;
}

int ExplorerState::indexOfGpu(const GpuSpec &gpu) const
{
    for (std::size_t i = 0; i < m_gpus.size(); ++i)
        if (m_gpus[i] == gpu)
            return int(i);
    return -1;
}

int ExplorerState::indexOfModel(const ModelConfig &model) const
{
    for (std::size_t i = 0; i < m_models.size(); ++i)
        if (m_models[i] == model)
            return int(i);
    return -1;
}

void ExplorerState::loadSession(const Session &given)
{
    // A session with its ops on the second GPU opens with the two swapped: the GPU's controls edit the one the
    // ops run on, and the chart is the same.
    Session session = given;
    if (session.opsOnSecondGpu && session.secondGpu) {
        std::swap(session.gpu, *session.secondGpu);
        session.gpuCustomised = false;
        session.gpuBaseId.clear();
    }
    session.opsOnSecondGpu = false;
    Snapshot next;
    next.session = session;
    bool grew = false;
    next.modelIndex = indexOfModel(session.model);
    if (next.modelIndex < 0) {
        m_models.push_back(session.model);
        next.modelIndex = int(m_models.size()) - 1;
        grew = true;
    }
    // The picker's entry is the customised GPU's base when this library knows it; otherwise the session's GPU
    // stands as its own entry, so that the picker and Reset never name a GPU the session did not.
    const int base = session.gpuCustomised && !session.gpuBaseId.empty() ? indexOf(m_gpus, session.gpuBaseId) : -1;
    if (base >= 0) {
        next.gpuIndex = base;
    } else {
        next.gpuIndex = indexOfGpu(session.gpu);
        if (next.gpuIndex < 0) {
            m_gpus.push_back(session.gpu);
            next.gpuIndex = int(m_gpus.size()) - 1;
            grew = true;
        }
    }
    // A second GPU the pickers lack joins them too, so that its picker names it (it showed "None").
    if (session.secondGpu && indexOfGpu(*session.secondGpu) < 0) {
        m_gpus.push_back(*session.secondGpu);
        grew = true;
    }
    if (grew)
        Q_EMIT choicesChanged();
    m_loading = true; // modified or not is told once, at the end
    m_undo->clear();
    restore(next);
    m_now.session.exportSettings = session.exportSettings;
    setPhaseMapChoice(session.phaseMap);
    setView(session.view);
    m_loading = false;
    markSaved();
}

bool ExplorerState::isModified() const
{
    return !m_undo->isClean() || m_now.session.view != m_savedView || !(m_now.session.phaseMap == m_savedPhaseMap);
}

void ExplorerState::markSaved()
{
    m_undo->setClean();
    m_savedView = m_now.session.view;
    m_savedPhaseMap = m_now.session.phaseMap;
    updateModified();
}

void ExplorerState::markUnsaved()
{
    m_undo->resetClean();
    updateModified();
}

void ExplorerState::updateModified()
{
    if (!m_loading && isModified() != m_modified) {
        m_modified = !m_modified;
        Q_EMIT modifiedChanged(m_modified);
    }
}

} // namespace roofline
