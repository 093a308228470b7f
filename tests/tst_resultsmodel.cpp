#include "testutil.h"

#include "explorerstate.h"
#include "modelfixtures.h"
#include "resultsmodel.h"

#include <QSignalSpy>
#include <QUndoStack>

using namespace roofline;

// The one place the window's results are computed: recomputed when the state's inputs change, announced typed,
// and the phase map only while it is shown.
class TestResultsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recomputesWhenTheInputsChange()
    {
        ExplorerState state(twoOfEach());
        ResultsModel results(&state);
        QSignalSpy available(&results, &ResultsModel::resultsAvailable);
        results.recompute();
        QCOMPARE(available.count(), 1);
        QCOMPARE(results.computations(), 1);
        // The same numbers as the scenario evaluated alone: the seed chart's decode step, 1 x 2048.
        const Evaluation alone = state.scenario().evaluate();
        QCOMPARE(results.results().evaluation.decodeStepSeconds(), alone.decodeStepSeconds());
        QCOMPARE(results.results().chart.current.front().batch, qint64(1));

        state.setBatch(8);
        QCOMPARE(available.count(), 2);
        QCOMPARE(results.computations(), 2);
        QCOMPARE(results.results().chart.current.front().batch, qint64(8));
        QCOMPARE(results.results().evaluation.decodeStepSeconds(), state.scenario().evaluate().decodeStepSeconds());
        // An undo is a change of the inputs too.
        state.undoStack()->undo();
        QCOMPARE(results.computations(), 3);
        QCOMPARE(results.results().chart.current.front().batch, qint64(1));
    }

    void aNoteOrASeriesHiddenComputesNothing()
    {
        ExplorerState state(twoOfEach());
        ResultsModel results(&state);
        results.recompute();
        QSignalSpy available(&results, &ResultsModel::resultsAvailable);
        state.addNote(10, 1e12, "a note");
        state.moveAnnotation(0, 20, 20);
        state.setSeriesVisible(Series::QkPvAr, false);
        state.setShowAllCeilings(true);
        state.setView(ViewRange { 1, 1e3, 1e11, 1e14 });
        QCOMPARE(available.count(), 0);
        QCOMPARE(results.computations(), 1);
    }

    void thePhaseMapIsComputedOnlyWhileShown()
    {
        ExplorerState state(twoOfEach());
        ResultsModel results(&state);
        QSignalSpy maps(&results, &ResultsModel::phaseMapAvailable);
        results.recompute();
        state.setBatch(4);
        QCOMPARE(maps.count(), 0); // not shown: a step does not pay for it
        results.setPhaseMapShown(true);
        QCOMPARE(maps.count(), 1); // shown: computed now, for the state as it is
        QCOMPARE(results.phaseMap().batch, 4.0);
        QCOMPARE(results.phaseMap().values.size(), std::size_t(PhaseMapCells * PhaseMapCells));
        results.setPhaseMapShown(true); // nothing changed since
        QCOMPARE(maps.count(), 1);
        state.setBatch(16);
        QCOMPARE(maps.count(), 2);
        QCOMPARE(results.phaseMap().batch, 16.0);
        // Another quantity: computed again for it, though the inputs did not change.
        PhaseMapChoice choice = state.session().phaseMap;
        choice.quantity = GridQuantity::PrefillSeconds;
        state.setPhaseMapChoice(choice);
        QCOMPARE(maps.count(), 3);
        QCOMPARE(results.phaseMap().quantity, GridQuantity::PrefillSeconds);
        QCOMPARE(results.computations(), 3);
        // Hidden again: steps leave it as it was.
        results.setPhaseMapShown(false);
        state.setBatch(32);
        QCOMPARE(maps.count(), 3);
        QCOMPARE(results.phaseMap().batch, 16.0);
    }
};

QTEST_MAIN(TestResultsModel)
#include "tst_resultsmodel.moc"
