#include "testutil.h"

#include "explorerstate.h"
#include "modelfixtures.h"

#include <QSignalSpy>

using namespace roofline;

namespace {
PresetLibrary twoOfEach()
{
    PresetLibrary presets;
    presets.models = { llama2_13b(), llama2_70b() };
    GpuSpec h100;
    h100.id = "h100-sxm";
    h100.name = "H100 SXM";
    h100.bandwidthBytesPerSecond = 3350e9;
    h100.setPeak(ComputeType::Fp16, 989.4e12);
    h100.memoryBytes = 80e9;
    presets.gpus = { h100, seedA6000() };
    return presets;
}
}

class TestExplorerState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsFromTheDefaults()
    {
        ExplorerState state(twoOfEach());
        QCOMPARE(state.scenario().model.id, std::string("llama-2-13b"));
        QCOMPARE(state.scenario().gpu.id, std::string("a6000-seed")); // not the first in the list
        QCOMPARE(state.gpuIndex(), 1);
        QCOMPARE(state.scenario().workload.batch, qint64(1));
        QCOMPARE(state.scenario().workload.seq, qint64(2048));
    }

    void settersClampAndEmitOnce()
    {
        ExplorerState state(twoOfEach());
        QSignalSpy spy(&state, &ExplorerState::scenarioChanged);
        state.setBatch(32);
        QCOMPARE(spy.count(), 1);
        state.setBatch(32.2); // rounds to the same batch: no signal
        QCOMPARE(spy.count(), 1);
        state.setBatch(1e9);
        QCOMPARE(state.scenario().workload.batch, qint64(1024));
        state.setSeq(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(state.scenario().workload.seq, qint64(1));
        state.setSeq(-5);
        QCOMPARE(spy.count(), 3);
    }

    void editingTheGpuMakesItCustom()
    {
        ExplorerState state(twoOfEach());
        state.setBandwidthGbps(1000);
        QVERIFY(state.isGpuCustomised());
        QCOMPARE(state.scenario().gpu.name, std::string("Custom (from RTX A6000 (seed chart))"));
        QCOMPARE(state.scenario().gpu.bandwidthBytesPerSecond, 1e12);
        QCOMPARE(state.scenario().gpu.peak(ComputeType::Fp16).value(), 181e12);
        state.setPeakTflops(200);
        QCOMPARE(state.scenario().gpu.peak(ComputeType::Fp16).value(), 200e12);
        QCOMPARE(state.scenario().gpu.name, std::string("Custom (from RTX A6000 (seed chart))"));
        state.resetGpu();
        QVERIFY(!state.isGpuCustomised());
        QCOMPARE(state.scenario().gpu, *twoOfEach().findGpu("a6000-seed"));
    }

    void choosingAGpuDropsTheEdits()
    {
        ExplorerState state(twoOfEach());
        state.setPeakTflops(10);
        state.selectGpu(0);
        QVERIFY(!state.isGpuCustomised());
        QCOMPARE(state.scenario().gpu.bandwidthBytesPerSecond, 3350e9);
        QSignalSpy spy(&state, &ExplorerState::scenarioChanged);
        state.selectGpu(7); // out of range: ignored
        state.selectGpu(-1);
        QCOMPARE(spy.count(), 0);
    }

    void addedFilesAreSelected()
    {
        ExplorerState state(twoOfEach());
        QSignalSpy choices(&state, &ExplorerState::choicesChanged);
        ModelConfig mine = llama2_13b();
        mine.name = "mine";
        QCOMPARE(state.addModel(mine), 2);
        QCOMPARE(state.scenario().model.name, std::string("mine"));
        QCOMPARE(choices.count(), 1);
    }
};

QTEST_MAIN(TestExplorerState)
#include "tst_explorerstate.moc"
