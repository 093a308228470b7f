#include "testutil.h"

#include "chartdata.h"
#include "explorerstate.h"
#include "inputlimits.h"
#include "modelfixtures.h"
#include "sessionfiles.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>

#include <limits>
#include <utility>

using namespace roofline;

namespace {
// The two models and GPUs of twoOfEach(), the H100 first: the default GPU (the seed A6000) is not the first of
// the list, so an index taken for an id shows.
PresetLibrary h100First()
{
    PresetLibrary presets = twoOfEach();
    std::swap(presets.gpus[0], presets.gpus[1]);
    return presets;
}
}

class TestExplorerState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsFromTheDefaults()
    {
        ExplorerState state(h100First());
        QCOMPARE(state.session().model.id, std::string("llama-2-13b"));
        QCOMPARE(state.session().gpu.id, std::string("a6000-seed")); // not the first in the list
        QCOMPARE(state.gpuIndex(), 1);
        QCOMPARE(state.session().workload.batch, qint64(1));
        QCOMPARE(state.session().workload.seq, qint64(2048));
    }

    // Presentation mode's arrows: one step doubles or halves, within the limits.
    void keyboardStepsDoubleAndHalve()
    {
        ExplorerState state(h100First());
        state.stepBatch(true);
        QCOMPARE(state.session().workload.batch, qint64(2));
        state.stepBatch(false);
        state.stepBatch(false); // below 1: stays at 1
        QCOMPARE(state.session().workload.batch, qint64(1));
        state.stepSeq(false);
        QCOMPARE(state.session().workload.seq, qint64(1024));
        state.stepSeq(true);
        state.stepSeq(true);
        QCOMPARE(state.session().workload.seq, qint64(4096));
        state.setBatch(BatchRange.max);
        state.stepBatch(true);
        QCOMPARE(state.session().workload.batch, qint64(BatchRange.max));
    }

    // A legend click toggles; a note is trimmed, and an empty one adds nothing.
    void legendClicksAndNotes()
    {
        ExplorerState state(h100First());
        state.toggleSeriesVisible(Series::QkPvAr);
        QVERIFY(!state.session().seriesVisible[std::size_t(Series::QkPvAr)]);
        state.toggleSeriesVisible(Series::QkPvAr);
        QVERIFY(state.session().seriesVisible[std::size_t(Series::QkPvAr)]);
        state.toggleSeriesVisible(Series::None); // not a series: nothing
        state.addNote(10.0, 1e12, "  \n\t ");
        QVERIFY(state.session().annotations.empty());
        state.addNote(10.0, 1e12, "\n decode stays memory-bound \n");
        QCOMPARE(state.session().annotations.size(), std::size_t(1));
        QCOMPARE(state.session().annotations[0].text, std::string("decode stays memory-bound"));
        QCOMPARE(state.session().annotations[0].kind, Annotation::Kind::Note);
        QCOMPARE(state.session().annotations[0].x, 10.0);
    }

    // The state keeps only frames a chart can show.
    void framesAreKeptWithinTheLimits()
    {
        ExplorerState state(h100First());
        QSignalSpy changed(&state, &ExplorerState::viewChanged);
        state.setView(ViewRange { 1.0, 100.0, 1e11, 1e14 });
        QCOMPARE(state.session().view, std::optional(ViewRange { 1.0, 100.0, 1e11, 1e14 }));
        QCOMPARE(changed.count(), 1);
        for (const double bad : { std::nan(""), std::numeric_limits<double>::infinity() }) {
            state.setView(ViewRange { bad, 100.0, 1e11, 1e14 });
            state.setView(ViewRange { 1.0, 100.0, 1e11, bad });
        }
        QCOMPARE(state.session().view, std::optional(ViewRange { 1.0, 100.0, 1e11, 1e14 })); // unchanged
        QCOMPARE(changed.count(), 1);
        // Narrower than a decade: a decade about the same centre; 10 to 20 FLOP/B is centred on sqrt(200).
        state.setView(ViewRange { 10.0, 20.0, 1e11, 1e14 });
        QCOMPARE(changed.count(), 2);
        const ViewRange v = *state.session().view;
        ROOFLINE_COMPARE_REL(v.xMin, std::sqrt(200.0) / std::sqrt(10.0), 1e-12);
        ROOFLINE_COMPARE_REL(v.xMax, std::sqrt(200.0) * std::sqrt(10.0), 1e-12);
        QCOMPARE(v.yMin, 1e11);
        // Past the limits: cut to them.
        state.setView(ViewRange { ChartIntensityRange.min / 100.0, ChartIntensityRange.max * 100.0, 1e11, 1e14 });
        QCOMPARE(state.session().view->xMin, ChartIntensityRange.min);
        QCOMPARE(state.session().view->xMax, ChartIntensityRange.max);
        state.setView(std::nullopt);
        QVERIFY(!state.session().view);
    }

    void settersClampAndEmitOnce()
    {
        ExplorerState state(h100First());
        QSignalSpy spy(&state, &ExplorerState::changed);
        state.setBatch(32);
        QCOMPARE(spy.count(), 1);
        state.setBatch(32.2); // rounds to the same batch: no signal
        QCOMPARE(spy.count(), 1);
        state.setBatch(1e12); // beyond what a session holds: the limit (inputlimits.h)
        QCOMPARE(state.session().workload.batch, BatchRange.max);
        state.setSeq(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(state.session().workload.seq, qint64(1));
        state.setSeq(-5);
        QCOMPARE(spy.count(), 3);
    }

    // Whatever the sweep's boxes are given, the state keeps what a session file holds and reads back:
    // each range inside its limits with low <= high, the tokens' step at least 1.
    void sweepRangesAreClampedToWhatASessionHolds()
    {
        ExplorerState state(h100First());
        SweepSettings sweep;
        sweep.batchMin = 0;
        sweep.batchMax = -3;
        sweep.seqMin = 5000;
        sweep.seqMax = 20;
        sweep.tokensMin = -1;
        sweep.tokensMax = 1000000;
        sweep.tokensStep = 0;
        state.setSweep(sweep);
        const SweepSettings &held = state.session().sweep;
        QCOMPARE(held.batchMin, qint64(1));
        QCOMPARE(held.batchMax, qint64(1));
        QCOMPARE(held.seqMin, qint64(5000));
        QCOMPARE(held.seqMax, qint64(5000));
        QCOMPARE(held.tokensMin, TokensPerStepRange.min);
        QCOMPARE(held.tokensMax, TokensPerStepRange.max);
        QCOMPARE(held.tokensStep, qint64(1));
        std::vector<std::string> warnings;
        const Session read = parseSession(sessionToJson(state.session()), "s.roofline", h100First(), warnings);
        QVERIFY(read.sweep == held);
    }

    // The accepted tokens are kept within 1 and the tokens verified (a non-number is 1), one undo step each, and
    // saved; fewer tokens verified take them down too, so the state never holds more accepted than verified.
    void acceptedTokensAreClampedAndUndoable()
    {
        ExplorerState state(h100First());
        state.setTokensPerStep(8);
        state.setAcceptedTokens(3.25);
        QCOMPARE(state.session().workload.acceptedTokensPerStep, 3.25);
        const int at = state.undoStack()->index();
        state.setAcceptedTokens(0.2);
        QCOMPARE(state.session().workload.acceptedTokensPerStep, 1.0);
        state.setAcceptedTokens(std::numeric_limits<double>::quiet_NaN());
        QCOMPARE(state.session().workload.acceptedTokensPerStep, 1.0);
        state.setAcceptedTokens(1e9);
        QCOMPARE(state.session().workload.acceptedTokensPerStep, 8.0); // the 8 verified
        state.setAcceptedTokens(6);
        state.setTokensPerStep(4);
        QCOMPARE(state.session().workload.acceptedTokensPerStep, 4.0);
        state.setTokensPerStep(1);
        QCOMPARE(state.session().workload.acceptedTokensPerStep, 1.0);
        state.undoStack()->undo(); // tokens 4 again, and what they accepted
        QCOMPARE(state.session().workload.tokensPerStep, qint64(4));
        QCOMPARE(state.session().workload.acceptedTokensPerStep, 4.0);
        state.undoStack()->setIndex(at);
        QCOMPARE(state.session().workload.acceptedTokensPerStep, 3.25);
        QCOMPARE(state.session().workload.tokensPerStep, qint64(8));
        std::vector<std::string> warnings;
        const Session read = parseSession(sessionToJson(state.session()), "s.roofline", h100First(), warnings);
        QCOMPARE(read.workload.acceptedTokensPerStep, 3.25);
    }

    // The phase map's choice is the state's: set once (one signal), not an undo step, kept through undo, and
    // taken from an opened session.
    void thePhaseMapChoiceIsTheStates()
    {
        ExplorerState state(h100First());
        QSignalSpy chosen(&state, &ExplorerState::phaseMapChoiceChanged);
        const PhaseMapChoice share { GridQuantity::ComputeBoundShare, Series::QkPvAr };
        state.setBatch(8);
        state.setPhaseMapChoice(share);
        state.setPhaseMapChoice(share);
        QCOMPARE(chosen.count(), 1);
        QVERIFY(state.session().phaseMap == share);
        QCOMPARE(state.undoStack()->count(), 1); // the batch only
        state.undoStack()->undo();
        QCOMPARE(state.session().workload.batch, qint64(1));
        QVERIFY(state.session().phaseMap == share);
        Session opened = state.session();
        opened.phaseMap = PhaseMapChoice { GridQuantity::MemoryFits, Series::QkvMlpInit };
        state.loadSession(opened);
        QVERIFY(state.session().phaseMap == opened.phaseMap);
        QCOMPARE(chosen.count(), 2);
    }

    void editingTheGpuMakesItCustom()
    {
        ExplorerState state(h100First());
        state.setBandwidthGbps(1000);
        QVERIFY(state.isGpuCustomised());
        QCOMPARE(state.session().gpu.name, std::string("Custom (from RTX A6000 (seed chart))"));
        QCOMPARE(state.session().gpu.bandwidthBytesPerSecond, 1e12);
        QCOMPARE(state.session().gpu.peak(ComputeType::Fp16).value(), 181e12);
        state.setPeakTflops(200);
        QCOMPARE(state.session().gpu.peak(ComputeType::Fp16).value(), 200e12);
        QCOMPARE(state.session().gpu.name, std::string("Custom (from RTX A6000 (seed chart))"));
        state.resetGpu();
        QVERIFY(!state.isGpuCustomised());
        QCOMPARE(state.session().gpu, *h100First().findGpu("a6000-seed"));
    }

    void aCustomGpuOfAnUnknownBaseStandsAsItsOwn()
    {
        // A session whose GPU was customised from a GPU this library does not have (a GPU file not loaded now):
        // the picker's entry and Reset are the session's GPU itself, not the GPU shown before it opened.
        ExplorerState state(h100First());
        state.selectGpu(0); // the H100
        Session session = seedSession();
        session.gpu.name = "Custom (from Lab GPU)";
        session.gpu.bandwidthBytesPerSecond = 1234e9;
        session.gpuCustomised = true;
        session.gpuBaseId = "lab-gpu";
        state.loadSession(session);
        QCOMPARE(state.gpus().size(), std::size_t(3));
        QCOMPARE(state.gpuIndex(), 2);
        QCOMPARE(state.baseGpu().bandwidthBytesPerSecond, 1234e9);
        state.resetGpu();
        QCOMPARE(state.session().gpu.bandwidthBytesPerSecond, 1234e9); // not the H100's 3350 GB/s
    }

    void choosingAGpuDropsTheEdits()
    {
        ExplorerState state(h100First());
        state.setPeakTflops(10);
        state.selectGpu(0);
        QVERIFY(!state.isGpuCustomised());
        QCOMPARE(state.session().gpu.bandwidthBytesPerSecond, 3350e9);
        QSignalSpy spy(&state, &ExplorerState::changed);
        state.selectGpu(7); // out of range: ignored
        state.selectGpu(-1);
        QCOMPARE(spy.count(), 0);
    }

    void eachChangeNamesThePartItTouched()
    {
        // The views redo only what shows the part that changed (statesnapshot.h): a label or a series is no input.
        ExplorerState state(h100First());
        QSignalSpy spy(&state, &ExplorerState::changed);
        const auto last = [&spy] { return spy.back().front().value<StateParts>(); };
        state.setBatch(8);
        QCOMPARE(last(), StateParts(StatePart::Inputs));
        state.selectGpu(state.gpuIndex() == 0 ? 1 : 0);
        QCOMPARE(last(), StateParts(StatePart::Inputs));
        state.setSeriesVisible(Series::QkPvAr, false);
        QCOMPARE(last(), StateParts(StatePart::Look));
        state.setShowAllCeilings(true);
        QCOMPARE(last(), StateParts(StatePart::Look));
        state.addNote(10, 100, "a note");
        QCOMPARE(last(), StateParts(StatePart::Annotations));
        QCOMPARE(spy.count(), 5);
        state.moveAnnotation(0, 5, 5);
        QCOMPARE(last(), StateParts(StatePart::Annotations));
        QCOMPARE(spy.count(), 6);
        // Undo names the part it takes back; the frame and the export settings are no part and emit nothing here.
        state.undoStack()->undo();
        QCOMPARE(last(), StateParts(StatePart::Annotations));
        state.setView(ViewRange { 1, 1e4, 1e11, 1e15 });
        state.setExportSettings(ExportSettings { 800, 600, 2.0, true });
        QCOMPARE(spy.count(), 7);
        // A session that differs in all three.
        Session other = state.session();
        other.workload.batch = 64;
        other.seriesVisible = AllSeries;
        other.annotations = {};
        state.loadSession(other);
        QCOMPARE(last(), StatePart::Inputs | StatePart::Look | StatePart::Annotations);
    }

    void oneDragIsOneUndoStep()
    {
        ExplorerState state(h100First());
        QUndoStack *undo = state.undoStack();
        state.beginDrag();
        for (double batch : { 2.0, 4.0, 8.0, 16.0 })
            state.setBatch(batch);
        state.endDrag();
        QCOMPARE(undo->count(), 1);
        state.beginDrag();
        state.setBatch(64);
        state.endDrag();
        QCOMPARE(undo->count(), 2); // a second drag is a second step
        undo->undo();
        QCOMPARE(state.session().workload.batch, qint64(16));
        undo->undo();
        QCOMPARE(state.session().workload.batch, qint64(1));
        undo->redo();
        QCOMPARE(state.session().workload.batch, qint64(16));
        // Outside a drag (spin box edits, keys) every change is its own step.
        state.setSeq(100);
        state.setSeq(200);
        QCOMPARE(undo->count(), 3);
    }

    void everyKindOfChangeUndoes()
    {
        ExplorerState state(h100First());
        const ExplorerState::Snapshot start { state.session(), state.modelIndex(), state.gpuIndex() };
        state.selectModel(1);
        state.selectGpu(0);
        state.setPeakTflops(500);
        state.setFlashAttention(true);
        state.setSeriesVisible(Series::QkPvAr, false);
        state.pinCurrent();
        state.setSecondGpu(1);
        state.swapGpus();
        state.addAnnotation(Annotation { Annotation::Kind::Note, "note", 10, 1e12, 0, 0 });
        state.moveAnnotation(0, 5, 5);
        SweepSettings sweep;
        sweep.mode = SweepMode::Seq;
        state.setSweep(sweep);
        QCOMPARE(state.undoStack()->count(), 11);
        while (state.undoStack()->canUndo())
            state.undoStack()->undo();
        const ExplorerState::Snapshot end { state.session(), state.modelIndex(), state.gpuIndex() };
        QVERIFY(end == start);
    }

    void pinsAndSecondGpu()
    {
        ExplorerState state(h100First());
        state.setBatch(8);
        state.pinCurrent();
        QCOMPARE(state.session().pins.size(), std::size_t(1));
        QCOMPARE(state.session().pins[0].scenario.workload.batch, qint64(8));
        QVERIFY(QString::fromStdString(state.session().pins[0].label).contains(QLatin1String("batch 8")));
        state.setBatch(64); // the pin stays where it was
        QCOMPARE(state.session().pins[0].scenario.workload.batch, qint64(8));
        state.removePin(5); // out of range: nothing
        QCOMPARE(state.session().pins.size(), std::size_t(1));
        state.clearPins();
        QVERIFY(state.session().pins.empty());
        const std::size_t undoSteps = std::size_t(state.undoStack()->count());
        state.swapGpus(); // no second GPU yet: nothing to swap
        QCOMPARE(std::size_t(state.undoStack()->count()), undoSteps);
        state.setSecondGpu(0);
        QCOMPARE(state.session().secondGpu->id, std::string("h100-sxm"));
        state.setSecondGpu(-1);
        QVERIFY(!state.session().secondGpu.has_value());
    }

    void badAnnotationsAreRefused()
    {
        ExplorerState state(h100First());
        state.addAnnotation(Annotation { Annotation::Kind::Note, "x", -1, 1, 0, 0 });
        state.addAnnotation(Annotation { Annotation::Kind::Note, "x", std::numeric_limits<double>::infinity(), 1, 0, 0 });
        // Outside what a session file reads back (intensity 1e-9..1e12 FLOP/B, 1e-6..1e21 FLOP/s): a note saved
        // there would make the file refuse to open.
        state.addAnnotation(Annotation { Annotation::Kind::Note, "x", 1e13, 1e12, 0, 0 });
        state.addAnnotation(Annotation { Annotation::Kind::Note, "x", 10, 1e22, 0, 0 });
        QVERIFY(state.session().annotations.empty());
        QCOMPARE(state.undoStack()->count(), 0);
        // At the edges it is kept, saved and read back.
        state.addAnnotation(Annotation { Annotation::Kind::Note, "edge", 1e12, 1e21, 0, 0 });
        QCOMPARE(state.session().annotations.size(), std::size_t(1));
        std::vector<std::string> warnings;
        const Session back = parseSession(sessionToJson(state.session()), "edge.roofline", h100First(), warnings);
        QCOMPARE(back.annotations.size(), std::size_t(1));
        QCOMPARE(back.annotations[0].x, 1e12);
    }

    void pinsStopAtTheSessionLimit()
    {
        ExplorerState state(h100First());
        QSignalSpy refused(&state, &ExplorerState::limitReached);
        for (std::size_t i = 0; i < MaxPins; ++i) {
            state.setBatch(double(i % 1024 + 1));
            state.pinCurrent();
        }
        QCOMPARE(state.session().pins.size(), MaxPins);
        QCOMPARE(refused.count(), 0);
        const int steps = state.undoStack()->count();
        state.pinCurrent();
        QCOMPARE(state.session().pins.size(), MaxPins);
        QCOMPARE(state.undoStack()->count(), steps); // refused: no step
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.takeFirst().at(0).toString(),
                 QStringLiteral("A session holds at most 100 pins: remove one to pin another."));
    }

    void notesStopAtTheSessionLimit()
    {
        ExplorerState state(h100First());
        QSignalSpy refused(&state, &ExplorerState::limitReached);
        for (std::size_t i = 0; i < MaxAnnotations; ++i)
            state.addAnnotation(Annotation { Annotation::Kind::Note, std::to_string(i), 10, 1e12, 0, 0 });
        QCOMPARE(state.session().annotations.size(), MaxAnnotations);
        QCOMPARE(refused.count(), 0);
        state.addAnnotation(Annotation { Annotation::Kind::Note, "one too many", 10, 1e12, 0, 0 });
        QCOMPARE(state.session().annotations.size(), MaxAnnotations);
        QCOMPARE(state.session().annotations.back().text, std::string("999"));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.takeFirst().at(0).toString(),
                 QStringLiteral("A session holds at most 1000 labels and notes: delete one to add another."));
    }

    void aNoteLongerThanTheLimitIsCut()
    {
        ExplorerState state(h100First());
        QSignalSpy refused(&state, &ExplorerState::limitReached);
        // 9,999 bytes of ASCII then a two-byte character: the cut keeps the character whole or drops it.
        const std::string text = std::string(MaxAnnotationChars - 1, 'a') + "\u00e9" + std::string(500, 'b');
        state.addAnnotation(Annotation { Annotation::Kind::Note, text, 10, 1e12, 0, 0 });
        QCOMPARE(state.session().annotations.size(), std::size_t(1));
        QCOMPARE(state.session().annotations[0].text, std::string(MaxAnnotationChars - 1, 'a'));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(refused.takeFirst().at(0).toString(),
                 QStringLiteral("A label or note holds at most 10000 bytes of text: the rest of this one was cut."));
        const std::string exact(MaxAnnotationChars, 'c');
        state.addAnnotation(Annotation { Annotation::Kind::Note, exact, 10, 1e12, 0, 0 });
        QCOMPARE(state.session().annotations[1].text, exact);
        QCOMPARE(refused.count(), 0);
    }

    void aPinLabelHasACap()
    {
        PresetLibrary presets = h100First();
        presets.gpus[1].name = std::string(std::size_t(3) * 1024 * 1024, 'G'); // a 3 MB name from a GPU file
        ExplorerState state(presets);
        state.pinCurrent();
        const std::string &label = state.session().pins[0].label;
        QCOMPARE(label.size(), MaxPinLabelChars);
        QCOMPARE(label.substr(0, 34), std::string("pinned: batch 1, seq 2048, GGGGGGG"));
        QCOMPARE(label.substr(label.size() - 3), std::string("\u2026"));
    }

    void stepsShareWhatTheyDidNotChange()
    {
        ExplorerState state(h100First());
        Session measured = state.session();
        measured.measured = std::vector<MeasuredKernel>(
            50000, MeasuredKernel { std::string(100, 'k'), Phase::Decode, std::nullopt, OpKind::QProj, 1e9, 1e8, 1e-4 });
        state.loadSession(measured);
        const SharedList<MeasuredKernel> kernels = state.session().measured;
        // 200 arrow-key steps: no step copies the kernels.
        for (int i = 0; i < 200; ++i) {
            state.setBatch(i % 2 ? 1 : 2);
            QVERIFY(state.session().measured.sharesStorageWith(kernels));
        }
        QCOMPARE(state.undoStack()->count(), 200); // the opened session starts the history
        const std::size_t perStep = 2 * sizeof(ExplorerState::Snapshot) + 1024; // the snapshots and the names in them
        QVERIFY2(state.undoBytes() <= 200 * perStep, qPrintable(QString::number(state.undoBytes())));
        for (int i = 0; i < 200; ++i) {
            state.undoStack()->undo();
            QVERIFY(state.session().measured.sharesStorageWith(kernels));
        }
        QVERIFY(!state.undoStack()->canUndo());
    }

    // A session opened is the saved one and starts its own history: nothing before it is undone into it. It is
    // unsaved while it differs from the saved one: an undo step away from it, or another frame or phase-map
    // choice; undone, zoomed or chosen back, it is saved again (a zoom back to the file's frame asked to save).
    void unsavedMeansDifferentFromTheSavedSession()
    {
        ExplorerState state(h100First());
        QSignalSpy modified(&state, &ExplorerState::modifiedChanged);
        state.setBatch(8);
        QVERIFY(state.isModified());
        Session opened = state.session();
        opened.workload.batch = 4;
        opened.view = ViewRange { 1, 1e4, 1e11, 1e15 };
        state.loadSession(opened);
        QVERIFY(!state.isModified());
        QVERIFY(!state.undoStack()->canUndo());
        QCOMPARE(state.session().workload.batch, qint64(4));
        QCOMPARE(modified.count(), 2);
        QCOMPARE(modified.at(1).at(0).toBool(), false);

        state.setView(ViewRange { 2, 1e4, 1e11, 1e15 });
        QVERIFY(state.isModified());
        state.setView(opened.view);
        QVERIFY(!state.isModified());
        state.setView(std::nullopt); // the fitted frame is another frame than the file's
        QVERIFY(state.isModified());
        state.setView(opened.view);
        const PhaseMapChoice before = state.session().phaseMap;
        state.setPhaseMapChoice(PhaseMapChoice { GridQuantity::MemoryFits, Series::QkvMlpInit });
        QVERIFY(state.isModified());
        state.setPhaseMapChoice(before);
        QVERIFY(!state.isModified());
        state.setBatch(16);
        QVERIFY(state.isModified());
        state.undoStack()->undo();
        QVERIFY(!state.isModified());
        QCOMPARE(modified.count(), 10); // each turn reported once, as it happened

        // Saved at a new frame: that frame is the saved one.
        state.setView(ViewRange { 3, 1e4, 1e11, 1e15 });
        state.markSaved();
        QVERIFY(!state.isModified());
        state.setView(opened.view);
        QVERIFY(state.isModified());
        state.setView(ViewRange { 3, 1e4, 1e11, 1e15 });
        // Changes restored from a session never saved: no undo or frame makes it saved, only a save.
        state.markUnsaved();
        QVERIFY(state.isModified());
        state.setBatch(2);
        state.undoStack()->undo();
        QVERIFY(state.isModified());
        state.markSaved();
        QVERIFY(!state.isModified());
    }

    void theUndoHistoryIsBoundedByMemory()
    {
        ExplorerState state(h100First());
        Session notes = state.session();
        notes.annotations = std::vector<Annotation>(
            MaxAnnotations, Annotation { Annotation::Kind::Note, std::string(MaxAnnotationChars, 'n'), 10, 1e12, 0, 0 });
        state.loadSession(notes);
        state.undoStack()->setClean(); // as after saving
        // Each move makes a new list of 1,000 notes of 10 kB: 10 MB a step, 2 GB for 200 steps if nothing is dropped.
        for (int i = 0; i < 200; ++i)
            state.moveAnnotation(i % int(MaxAnnotations), i, -i);
        QVERIFY2(state.undoBytes() <= ExplorerState::MaxUndoBytes, qPrintable(QString::number(state.undoBytes())));
        const std::size_t listBytes = MaxAnnotations * (sizeof(Annotation) + MaxAnnotationChars + 1);
        const int expected = int(ExplorerState::MaxUndoBytes / listBytes); // each step holds the list it replaced
        QCOMPARE(state.undoStack()->count(), expected);
        QVERIFY(!state.undoStack()->isClean());
        QCOMPARE(state.undoStack()->cleanIndex(), -1); // the saved state was among the steps dropped
        // What is kept still undoes, step by step, to the oldest step kept.
        for (int i = 0; i < expected; ++i)
            state.undoStack()->undo();
        QCOMPARE(state.session().annotations[std::size_t(200 - expected)].dx, 0.0); // the oldest move kept, undone
        QCOMPARE(state.session().annotations[199].dx, 0.0);
        QCOMPARE(state.session().annotations[std::size_t(199 - expected)].dx, double(199 - expected)); // dropped: stays
        QVERIFY(!state.undoStack()->canUndo());
        // And redoes.
        while (state.undoStack()->canRedo())
            state.undoStack()->redo();
        QCOMPARE(state.session().annotations[199].dx, 199.0);
    }

    // Export settings are kept within what an export takes, as every other setter's figure is.
    void exportSettingsAreKeptInRange()
    {
        ExplorerState state(h100First());
        state.setExportSettings(ExportSettings { 10, 100000, std::numeric_limits<double>::quiet_NaN(), true });
        QCOMPARE(state.session().exportSettings.width, int(ExportSideRange.min));
        QCOMPARE(state.session().exportSettings.height, int(ExportSideRange.max));
        QCOMPARE(state.session().exportSettings.scale, ExportScaleRange.min);
        QVERIFY(state.session().exportSettings.dark);
        state.setExportSettings(ExportSettings { 800, 600, 2.0, false });
        QVERIFY(state.session().exportSettings == (ExportSettings { 800, 600, 2.0, false }));
    }

    void stepCountIsBounded()
    {
        ExplorerState state(h100First());
        state.setBatch(2);
        state.undoStack()->setClean();
        // 1 + 1050 steps: the 1001st drops the oldest tenth at once (101 steps, down to 900), 50 more make 950.
        for (int i = 0; i < ExplorerState::MaxUndoSteps + 50; ++i)
            state.setSeq(i % 2 ? 100 : 200);
        QCOMPARE(state.undoStack()->count(), 950);
        QCOMPARE(state.undoStack()->cleanIndex(), -1);
        for (int i = 0; i < 50; ++i)
            state.setSeq(i % 2 ? 100 : 200); // up to the limit, the last at 100
        QCOMPARE(state.undoStack()->count(), ExplorerState::MaxUndoSteps);
        state.undoStack()->setClean();
        state.setSeq(300); // one more drops 101; the saved state moves down with the rest, from 1000 to 899
        QCOMPARE(state.undoStack()->count(), 900);
        QCOMPARE(state.undoStack()->cleanIndex(), 899);
        state.undoStack()->undo();
        QVERIFY(state.undoStack()->isClean());
        QCOMPARE(state.session().workload.seq, qint64(100));
    }

    void addedFilesAreSelected()
    {
        ExplorerState state(h100First());
        QSignalSpy choices(&state, &ExplorerState::choicesChanged);
        ModelConfig mine = llama2_13b();
        mine.name = "mine";
        QCOMPARE(state.addModel(mine), 2);
        QCOMPARE(state.session().model.name, std::string("mine"));
        QCOMPARE(choices.count(), 1);
    }

    // What the window had when it closed comes back at the next start, as one state with no undo history; a
    // stored session that no longer reads (cut short, not UTF-8) leaves the defaults.
    void lastSessionComesBackAtStart()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        const PresetLibrary presets = h100First();
        {
            ExplorerState closing(presets);
            closing.selectModel(1); // Llama-2-70B
            closing.selectGpu(0); // H100
            closing.setBatch(16);
            closing.setSeq(4096);
            closing.setDTypes(DType::Fp8, DType::Fp16, DType::Fp8);
            closing.pinCurrent();
            rememberLastSession(settings, &closing.session(), LastSessionFile { QStringLiteral("/tmp/a.roofline"), true });
        }
        QCOMPARE(lastSessionFile(settings).path, QStringLiteral("/tmp/a.roofline"));
        QVERIFY(lastSessionFile(settings).modified);
        ExplorerState opening(presets);
        QVERIFY(restoreLastSession(settings, opening, presets));
        QCOMPARE(opening.session().model.id, std::string("llama-2-70b"));
        QCOMPARE(opening.session().gpu.id, std::string("h100-sxm"));
        QCOMPARE(opening.modelIndex(), 1);
        QCOMPARE(opening.gpuIndex(), 0);
        QCOMPARE(opening.session().workload.batch, qint64(16));
        QCOMPARE(opening.session().workload.seq, qint64(4096));
        QCOMPARE(opening.session().workload.weightType, DType::Fp8);
        QCOMPARE(opening.session().workload.kvType, DType::Fp8);
        QCOMPARE(opening.session().pins.size(), std::size_t(1));
        QCOMPARE(opening.undoStack()->count(), 0); // nothing to undo into on a fresh start

        const auto staysAtTheDefaults = [&](const QByteArray &stored) {
            settings.setValue(QStringLiteral("lastSession"), stored);
            ExplorerState state(presets);
            QVERIFY(!restoreLastSession(settings, state, presets));
            QCOMPARE(state.session().model.id, std::string("llama-2-13b"));
            QCOMPARE(state.session().workload.batch, qint64(1));
            QCOMPARE(state.undoStack()->count(), 0);
        };
        staysAtTheDefaults(QByteArray());
        staysAtTheDefaults(R"({"format": "roofline-session", "workload": )"); // cut short
        staysAtTheDefaults(QByteArray("\xff\xfe{}", 4));
    }
};

QTEST_MAIN(TestExplorerState)
#include "tst_explorerstate.moc"
