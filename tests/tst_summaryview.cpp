#include "testutil.h"

#include "modelfixtures.h"
#include "summaryview.h"

using namespace roofline;

class TestSummaryView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headlineFiguresOfTheSeedChart()
    {
        // Llama-2-13B on the seed A6000, batch 1, sequence 2048 (tst_evaluation works them by hand): time to
        // first token 381.649 ms; a decode step moves about the 26.03 GB of weights and the 1.68 GB cache at
        // 768 GB/s: 35.709 ms, 28.0 tokens/s. Memory: 13.016e9 parameters x 2 B = 26.03 GB of weights; the cache
        // 2 (K, V) x 40 layers x 5120 x 2 B x 2048 = 1,677,721,600 B; 27.7 GB of 48 GB.
        SummaryView view;
        view.setEvaluation(evaluate(llama2_13b(), seedA6000(), Workload {}));
        QCOMPARE(view.text(),
                 QStringLiteral("<b>Time to first token</b> 382 ms &nbsp;&nbsp; <b>Decode</b> 35.7 ms per step, 28 tokens/s (28 per "
                                "sequence)<br><b>Memory</b> weights 26 GB + KV cache 1.68 GB = <b>27.7 GB</b> of 48 GB"));
        QVERIFY(!view.showsMemoryWarning());
    }

    // With several tokens verified per step, tokens/s counts the accepted ones and says so: batch 4, 8
    // verified, 3 accepted, a step of 44.011 ms (tst_evaluation): 12 / 0.044011 = 272.7 tokens/s, 68.2 a sequence.
    void tokensPerSecondSaysHowManyAreAccepted()
    {
        Workload w;
        w.batch = 4;
        w.tokensPerStep = 8;
        w.acceptedTokensPerStep = 3;
        SummaryView view;
        view.setEvaluation(evaluate(llama2_13b(), seedA6000(), w));
        QVERIFY2(view.text().contains(QStringLiteral("<b>Decode</b> 44 ms per step, 273 tokens/s at 3 of 8 accepted per step "
                                                     "(68.2 per sequence)")),
                 qPrintable(view.text()));
    }

    // Rates below one token a second read as decimals, never with SI milli ("250m tokens/s"): a step of 4 s
    // at batch 2 is 0.5 tokens/s, 0.25 a sequence.
    void slowRatesAreDecimals()
    {
        Evaluation e;
        e.workload.batch = 2;
        e.decode.timeSeconds = 4.0;
        e.prefill.timeSeconds = 10.0;
        SummaryView view;
        view.setEvaluation(e);
        QVERIFY2(view.text().contains(QStringLiteral("<b>Decode</b> 4 s per step, 0.5 tokens/s (0.25 per sequence)")), qPrintable(view.text()));
    }

    void aCacheTooLargeIsFlaggedWithTheExcess()
    {
        // Batch 64: the cache is 64 x 1.678 GB = 107.37 GB; with the weights 133.41 GB, 85.4 GB over the 48 GB.
        Workload w;
        w.batch = 64;
        SummaryView view;
        view.setEvaluation(evaluate(llama2_13b(), seedA6000(), w));
        QVERIFY(view.showsMemoryWarning());
        QVERIFY2(view.text().contains(QStringLiteral("<b>⚠ Does not fit:</b> weights 26 GB + KV cache 107 GB = <b>133 GB</b> of "
                                                     "48 GB (85.4 GB over)")),
                 qPrintable(view.text()));
        // Back under the limit, the warning goes.
        view.setEvaluation(evaluate(llama2_13b(), seedA6000(), Workload {}));
        QVERIFY(!view.showsMemoryWarning());
        QVERIFY(!view.text().contains(QLatin1String("Does not fit")));
    }

    // A sliding window caps the cache, and the summary says by how much: Mistral-7B-v0.1 at 16,384 tokens caches
    // the 4,096 of its window, 2 x 32 x 4096 x 8 x 128 x 2 = 536,870,912 B; below the window, nothing is said.
    void aSlidingWindowIsNamed()
    {
        Workload w;
        w.seq = 16384;
        SummaryView view;
        view.setEvaluation(evaluate(mistral7b(), seedA6000(), w));
        QVERIFY2(view.text().contains(QStringLiteral("KV cache 537 MB = ")), qPrintable(view.text()));
        QVERIFY2(view.text().contains(QStringLiteral(" (sliding window: 4096 of 16384 tokens cached a sequence)")), qPrintable(view.text()));
        w.seq = 2048;
        view.setEvaluation(evaluate(mistral7b(), seedA6000(), w));
        QVERIFY(!view.text().contains(QLatin1String("sliding window")));
    }
};

QTEST_MAIN(TestSummaryView)
#include "tst_summaryview.moc"
