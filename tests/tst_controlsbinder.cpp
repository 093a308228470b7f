#include "testutil.h"

#include "controlpanel.h"
#include "controlsbinder.h"
#include "explorerstate.h"
#include "logslider.h"
#include "modelfixtures.h"

#include <QCheckBox>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QUndoStack>

using namespace roofline;

// The binder between the control panel and the state: the panel's gestures become the state's setters, and what
// the state holds is shown back on the panel.
class TestControlsBinder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void thePanelShowsTheState()
    {
        ExplorerState state(twoOfEach());
        ControlPanel panel;
        ControlsBinder binder(&panel, &state);
        // The pickers are filled from the state's lists and show its choice: the seed session's.
        auto *gpu = control<QComboBox>(panel, "gpu");
        QCOMPARE(gpu->count(), int(state.gpus().size()) + 2); // and a separator, "Open GPU file…"
        QCOMPARE(gpu->currentText(), QString::fromStdString(state.session().gpu.name));
        QCOMPARE(control<LogSlider>(panel, "batch")->value(), 1.0);
        QCOMPARE(control<LogSlider>(panel, "seq")->value(), 2048.0);
        // The seed chart's A6000 (modelfixtures.h): 768e9 B/s is 768 GB/s, 181e12 FLOP/s is 181 TFLOP/s.
        QCOMPARE(control<LogSlider>(panel, "bandwidth")->value(), 768.0);
        QCOMPARE(control<LogSlider>(panel, "peak")->value(), 181.0);
        // A change of the state, and its undo, are shown.
        state.setBatch(16);
        QCOMPARE(control<LogSlider>(panel, "batch")->value(), 16.0);
        state.setShowAllCeilings(true);
        QVERIFY(control<QCheckBox>(panel, "ceilings")->isChecked());
        state.undoStack()->undo();
        state.undoStack()->undo();
        QCOMPARE(control<LogSlider>(panel, "batch")->value(), 1.0);
        QVERIFY(!control<QCheckBox>(panel, "ceilings")->isChecked());
    }

    void aSecondGpuFromASessionIsNamedInItsPicker()
    {
        // A session's second GPU that the pickers lack (a GPU file not opened now) joins them: its picker names
        // it (it showed "None"). With the ops placed on it, the session opens with the two swapped: the GPU
        // picker and sliders show the GPU the ops run on, the chart is the same.
        ExplorerState state(twoOfEach());
        ControlPanel panel;
        ControlsBinder binder(&panel, &state);
        Session session = state.session();
        GpuSpec mine = h100Sxm();
        mine.id = "my-card";
        mine.name = "My card";
        mine.bandwidthBytesPerSecond = 1000e9;
        session.secondGpu = mine;
        session.opsOnSecondGpu = true;
        state.loadSession(session);
        QCOMPARE(state.gpus().size(), std::size_t(3));
        QCOMPARE(control<QComboBox>(panel, "gpu")->currentText(), QStringLiteral("My card"));
        QCOMPARE(control<LogSlider>(panel, "bandwidth")->value(), 1000.0);
        QCOMPARE(control<QComboBox>(panel, "secondGpu")->currentText(), QString::fromStdString(session.gpu.name));
        QVERIFY(!state.session().opsOnSecondGpu);
        QCOMPARE(state.scenario().gpu.bandwidthBytesPerSecond, 1000e9); // the ops' roofs, as the file had them
        QVERIFY(control<QPushButton>(panel, "swapGpus")->isEnabled());
    }

    void theUsersGesturesBecomeTheStatesChanges()
    {
        ExplorerState state(twoOfEach());
        ControlPanel panel;
        ControlsBinder binder(&panel, &state);
        QSignalSpy changes(&state, &ExplorerState::changed);
        // A slider moved by the user: one change, the state's batch the slider's.
        QSlider *batch = control<LogSlider>(panel, "batch")->slider();
        batch->setValue(batch->value() + 200);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(double(state.session().workload.batch), control<LogSlider>(panel, "batch")->value());
        // Another GPU picked: the state's GPU is that entry.
        auto *gpu = control<QComboBox>(panel, "gpu");
        const int other = state.gpuIndex() == 0 ? 1 : 0;
        gpu->setCurrentIndex(other);
        Q_EMIT gpu->activated(other);
        QCOMPARE(state.gpuIndex(), other);
        QCOMPARE(state.session().gpu, state.gpus()[std::size_t(other)]);
        // One of the practical ceilings' shares edited: the other keeps the state's own figure.
        Efficiency efficiency = state.session().efficiency;
        efficiency.enabled = true;
        efficiency.compute = 0.8;
        efficiency.bandwidth = 0.655; // not a whole percent: the box shows 66 %, and must not write it back
        state.setEfficiency(efficiency);
        control<QSpinBox>(panel, "computeEfficiency")->setValue(50);
        QCOMPARE(state.session().efficiency.compute, 0.5);
        QCOMPARE(state.session().efficiency.bandwidth, 0.655);
        QVERIFY(state.session().efficiency.enabled);
    }
};

QTEST_MAIN(TestControlsBinder)
#include "tst_controlsbinder.moc"
