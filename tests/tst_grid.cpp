#include "testutil.h"

#include "grid.h"
#include "inputlimits.h"
#include "modelfixtures.h"

#include <cmath>
#include <limits>

using namespace roofline;

class TestGrid : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theCellUnderAPointAndWhatItSays()
    {
        // A 3 x 2 map by hand: batches 1, 8, 64 (log-spaced: 8 is the middle); sequences 128, 4096; at batch 8
        // lengths up to 2000 fit.
        PhaseMap map;
        map.grid = GridSpec { { 1, 8, 64 }, { 128, 4096 } };
        map.values = { 0.01, 0.02, 0.04, 0.03, 0.06, 0.12 };
        map.fitsBoundary = { { 1, 100000 }, { 8, 2000 }, { 64, 100 } };
        // Batch 10 is nearest 8 on log axes (log 10 / log 64 x 2 = 1.107 columns); sequence 3000 nearest 4096
        // (log(3000/128) / log 32 = 0.91 rows): row 1, column 1, 0.06, and 4096 > 2000 does not fit.
        const auto cell = map.cellAt(10, 3000);
        QVERIFY(cell);
        QCOMPARE(cell->batch, std::int64_t(8));
        QCOMPARE(cell->seq, std::int64_t(4096));
        QCOMPARE(cell->value, 0.06);
        QVERIFY(!cell->fits);
        // Sequence 400: log(400/128) / log 32 = 0.33, row 0: 0.02 at (8, 128), which fits.
        QCOMPARE(map.cellAt(10, 400)->value, 0.02);
        QVERIFY(map.cellAt(10, 400)->fits);
        // Half a cell beyond the last column (a column is log 64 / 2 = 3 octaves wide: 64 x 2^1.5 = 181) is still
        // the map; beyond, not.
        QCOMPARE(map.cellAt(180, 128)->batch, std::int64_t(64));
        QVERIFY(!map.cellAt(182, 128));
        QVERIFY(!map.cellAt(0.3, 128)); // under 1 / 2^1.5 = 0.354
        QVERIFY(!map.cellAt(std::nan(""), 128));
        QVERIFY(!map.cellAt(8, 0));
        PhaseMap empty;
        QVERIFY(!empty.cellAt(8, 128));

        QCOMPARE(formatGridValue(GridQuantity::DecodeStepSeconds, 0.0357), std::string("35.7 ms per step"));
        QCOMPARE(formatGridValue(GridQuantity::DecodeTokensPerSecond, 28.01), std::string("28 tokens/s"));
        QCOMPARE(formatGridValue(GridQuantity::PrefillSeconds, 0.382), std::string("382 ms to first token"));
        QCOMPARE(formatGridValue(GridQuantity::ComputeBoundShare, 0.724), std::string("72% of the time compute-bound"));
        QCOMPARE(formatGridValue(GridQuantity::MemoryFits, 1.0), std::string("fits in memory"));
        QCOMPARE(formatGridValue(GridQuantity::MemoryFits, 0.0), std::string("does not fit in memory"));
        QCOMPARE(formatGridValue(GridQuantity::DecodeStepSeconds, std::nan("")), std::string("not computed"));
    }

    // The colour scale's ticks carry their unit: 0.1 s read "100m" (milli-what?) beside "16K" batches.
    // A log colour scale is ticked at three places or more whatever its span.
    void logScaleTicksAtLeastThree()
    {
        // 0.01 s to 2 s: three powers of ten inside.
        QCOMPARE(logScaleTicks(0.01, 2.0), (std::vector<double> { 0.01, 0.1, 1.0 }));
        // Decode tokens/s from 28 to 2,900: only 100 and 1,000 are powers of ten; 1-2-5 gives 50, 100, 200, 500,
        // 1,000 and 2,000.
        QCOMPARE(logScaleTicks(28.0, 2900.0), (std::vector<double> { 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0 }));
        // 300 to 700: every whole hundred.
        QCOMPARE(logScaleTicks(300.0, 700.0), (std::vector<double> { 300.0, 400.0, 500.0, 600.0, 700.0 }));
        // 1.11 to 1.19: the ends, to three figures.
        QCOMPARE(logScaleTicks(1.1111, 1.1999), (std::vector<double> { 1.11, 1.2 }));
        // Twelve decades: every second power of ten, at most six ticks.
        QCOMPARE(logScaleTicks(1e-6, 1e5), (std::vector<double> { 1e-6, 1e-4, 1e-2, 1.0, 1e2, 1e4 }));
        QVERIFY(logScaleTicks(0.0, 1.0).empty());
        QVERIFY(logScaleTicks(2.0, 1.0).empty());
    }

    void colourScaleTicks()
    {
        QCOMPARE(formatGridTick(GridQuantity::DecodeStepSeconds, 0.1), std::string("100 ms"));
        QCOMPARE(formatGridTick(GridQuantity::PrefillSeconds, 2.0), std::string("2 s"));
        QCOMPARE(formatGridTick(GridQuantity::PrefillSeconds, 1e-5), std::string("10 µs"));
        QCOMPARE(formatGridTick(GridQuantity::DecodeTokensPerSecond, 1e4), std::string("10k"));
        QCOMPARE(formatGridTick(GridQuantity::DecodeTokensPerSecond, 0.5), std::string("0.5"));
        QCOMPARE(formatGridTick(GridQuantity::ComputeBoundShare, 0.5), std::string("50%"));
        QCOMPARE(formatGridTick(GridQuantity::MemoryFits, 0.75), std::string("fits"));
        QCOMPARE(formatGridTick(GridQuantity::MemoryFits, 0.25), std::string("does not fit"));
        // The window's titles leave the unit to the ticks; the CSV's names keep it.
        QCOMPARE(gridQuantityTitle(GridQuantity::DecodeStepSeconds), std::string_view("decode time per step"));
        QCOMPARE(gridQuantityName(GridQuantity::DecodeStepSeconds), std::string_view("decode time per step (s)"));
        QCOMPARE(gridQuantityTitle(GridQuantity::PrefillSeconds), std::string_view("time to first token"));
        QCOMPARE(gridQuantityTitle(GridQuantity::DecodeTokensPerSecond), std::string_view("decode tokens/s"));
    }

    // The phase map's colour scale: log for what spans decades, over the finite values above 0.
    void colourScaleOfAMap()
    {
        QVERIFY(gridQuantityIsLogScale(GridQuantity::DecodeStepSeconds));
        QVERIFY(gridQuantityIsLogScale(GridQuantity::PrefillSeconds));
        QVERIFY(gridQuantityIsLogScale(GridQuantity::DecodeTokensPerSecond));
        QVERIFY(!gridQuantityIsLogScale(GridQuantity::ComputeBoundShare));
        QVERIFY(!gridQuantityIsLogScale(GridQuantity::MemoryFits));
        PhaseMap map;
        QCOMPARE(map.positiveRange(), std::pair(0.0, 0.0));
        map.values = { 0.0, -1.0, std::nan(""), std::numeric_limits<double>::infinity(), 2.0, 5e-3 };
        QCOMPARE(map.positiveRange(), std::pair(5e-3, 2.0));
        map.values = { 0.0, -3.0 };
        QCOMPARE(map.positiveRange(), std::pair(0.0, 0.0));

        // Two batches by three lengths; at batch 1 lengths up to 1000 fit, at batch 8 up to 100. Beyond, the
        // times are far larger (50, 900): the scale spans the fitting cells' 1e-3 to 4e-2 alone.
        map.grid.batches = { 1, 8 };
        map.grid.seqs = { 10, 100, 1000 };
        map.values = { 1e-3, 2e-3, // seq 10
                       1e-2, 4e-2, // seq 100
                       3e-2, 900.0 }; // seq 1000: batch 8 does not fit
        map.fitsBoundary = { { 1.0, 1000.0 }, { 8.0, 100.0 } };
        QCOMPARE(map.fittingRange(), std::pair(1e-3, 4e-2));
        QCOMPARE(map.positiveRange(), std::pair(1e-3, 900.0));
        // Nothing fits: the whole map's range; no boundary: likewise.
        map.fitsBoundary = { { 1.0, 0.0 }, { 8.0, 0.0 } };
        QCOMPARE(map.fittingRange(), std::pair(1e-3, 900.0));
        map.fitsBoundary.clear();
        QCOMPARE(map.fittingRange(), std::pair(1e-3, 900.0));
    }

    void logSpaced()
    {
        QCOMPARE(GridSpec::logSpaced(1, 1024, 11), (std::vector<std::int64_t> { 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024 }));
        QVERIFY(GridSpec::logSpaced(10, 1, 5).empty());
        // From a start other than 1: 2 * 4^(i/2) for i = 0, 1, 2.
        QCOMPARE(GridSpec::logSpaced(2, 8, 3), (std::vector<std::int64_t> { 2, 4, 8 }));
        QCOMPARE(GridSpec::logSpaced(5, 5, 1), (std::vector<std::int64_t> { 5 }));
        QVERIFY(GridSpec::logSpaced(0, 8, 3).empty()); // a log scale cannot start at 0
        QVERIFY(GridSpec::logSpaced(1, 8, 0).empty());
    }

    void decodeTimeMatchesTheFullEvaluation()
    {
        GridSpec grid { { 1, 8, 64 }, { 128, 4096 } };
        std::vector<double> values;
        evaluateGrid(llama2_13b(), seedA6000(), Workload {}, grid, GridQuantity::DecodeStepSeconds, Series::QkvMlpAr, values);
        QCOMPARE(values.size(), std::size_t(6));
        Workload w;
        w.batch = 8;
        w.seq = 4096; // row 1, column 1
        ROOFLINE_COMPARE_REL(values[1 * 3 + 1], evaluate(llama2_13b(), seedA6000(), w).decodeStepSeconds(), 1e-12);
        evaluateGrid(llama2_13b(), seedA6000(), Workload {}, grid, GridQuantity::DecodeTokensPerSecond, Series::QkvMlpAr, values);
        ROOFLINE_COMPARE_REL(values[1 * 3 + 1], evaluate(llama2_13b(), seedA6000(), w).decodeTokensPerSecond(), 1e-12);
    }

    void computeBoundShare()
    {
        // Decode projections at batch 1 are memory-bound (0); at batch 1024 (intensity ~850 > 235.7) compute-bound (1).
        GridSpec grid { { 1, 1024 }, { 128 } };
        std::vector<double> values;
        evaluateGrid(llama2_13b(), seedA6000(), Workload {}, grid, GridQuantity::ComputeBoundShare, Series::QkvMlpAr, values);
        QCOMPARE(values[0], 0.0);
        QCOMPARE(values[1], 1.0);
        // A prefill series is judged on prefill: q, k, v, o at 2,048 tokens (1137.8 FLOP/B > 235.7) are all
        // compute-bound, whatever the batch.
        evaluateGrid(llama2_13b(), seedA6000(), Workload {}, GridSpec { { 1, 8 }, { 2048 } }, GridQuantity::ComputeBoundShare,
                     Series::QkvMlpInit, values);
        QCOMPARE(values, (std::vector<double> { 1.0, 1.0 }));
    }

    // Tokens per second count the tokens a step keeps: batch 8 with 4 tokens verified and 2.5 accepted per
    // step is 20 tokens a step (not the 32 verified).
    void tokensPerSecondCountsTokensPerStep()
    {
        Workload w;
        w.tokensPerStep = 4;
        w.acceptedTokensPerStep = 2.5;
        std::vector<double> tokens, seconds;
        const GridSpec grid { { 8 }, { 2048 } };
        evaluateGrid(llama2_13b(), seedA6000(), w, grid, GridQuantity::DecodeTokensPerSecond, Series::QkvMlpAr, tokens);
        evaluateGrid(llama2_13b(), seedA6000(), w, grid, GridQuantity::DecodeStepSeconds, Series::QkvMlpAr, seconds);
        ROOFLINE_COMPARE_REL(tokens[0], 20.0 / seconds[0], 1e-12);
        w.batch = 8;
        w.seq = 2048;
        ROOFLINE_COMPARE_REL(tokens[0], evaluate(llama2_13b(), seedA6000(), w).decodeTokensPerSecond(), 1e-12);
    }

    void memoryBoundary()
    {
        // (48e9 - 26,031,728,640 B of weights) / (2 * 40 layers * 40 heads * 128 * 2 B per token) = 26,816.7 tokens.
        ROOFLINE_COMPARE_REL(maxFittingSeq(llama2_13b(), Workload {}, 48e9, 1), (48e9 - 26031728640.0) / 819200.0, 1e-12);
        ROOFLINE_COMPARE_REL(maxFittingSeq(llama2_13b(), Workload {}, 48e9, 4), (48e9 - 26031728640.0) / 819200.0 / 4.0, 1e-12);
        QCOMPARE(maxFittingSeq(llama2_13b(), Workload {}, 20e9, 1), 0.0); // the weights alone do not fit
        // Each part priced at its own type: int4 weights (13,015,864,320 parameters x 0.5 B = 6,507,932,160 B)
        // and an fp8 KV cache (2 * 40 layers * 40 heads * 128 * 1 B = 409,600 B per token):
        // (48e9 - 6,507,932,160) / 409,600 = 101,298.99 tokens.
        Workload quantised;
        quantised.weightType = DType::Int4;
        quantised.kvType = DType::Fp8;
        ROOFLINE_COMPARE_REL(maxFittingSeq(llama2_13b(), quantised, 48e9, 1), (48e9 - 6507932160.0) / 409600.0, 1e-12);
        ROOFLINE_COMPARE_REL(maxFittingSeq(llama2_13b(), quantised, 48e9, 1), 101298.99375, 1e-9);
        GridSpec grid { { 1, 2 }, { 20000, 30000 } };
        std::vector<double> fits;
        evaluateGrid(llama2_13b(), seedA6000(), Workload {}, grid, GridQuantity::MemoryFits, Series::QkvMlpAr, fits);
        QCOMPARE(fits, (std::vector<double> { 1, 0, 0, 0 })); // only batch 1 x 20,000 fits
    }

    // Past the window only the full-attention layers' caches grow. Llama-2-13B with a 4,096-token window in 20
    // of its 40 layers, on 48e9 B: 21,968,271,360 B of room after the weights, 819,200 B a token in all layers
    // (20,480 B a layer). 4,096 tokens in every layer take 3,355,443,200 B; the rest, 18,612,828,160 B, holds
    // 18,612,828,160 / 409,600 = 45,441.475 tokens more in the 20 full layers: 49,537.475 in all. (Check: 20 x
    // 4096 x 20480 + 20 x 49537.475 x 20480 = 21,968,271,360.)
    void memoryBoundaryPastTheWindow()
    {
        ModelConfig windowed = llama2_13b();
        windowed.slidingWindow = 4096;
        windowed.windowedLayers = 20;
        ROOFLINE_COMPARE_REL(maxFittingSeq(windowed, Workload {}, 48e9, 1), 49537.475, 1e-12);
        // Within the window the window changes nothing: room for 1,000 tokens is 1,000 tokens.
        ROOFLINE_COMPARE_REL(maxFittingSeq(windowed, Workload {}, 26031728640.0 + 819200.0 * 1000, 1), 1000.0, 1e-12);
        // Every layer windowed (or more named than there are): any length fits, up to the longest a sequence may be.
        windowed.windowedLayers = 40;
        QCOMPARE(maxFittingSeq(windowed, Workload {}, 48e9, 1), double(SeqRange.max));
        windowed.windowedLayers = 60;
        QCOMPARE(maxFittingSeq(windowed, Workload {}, 48e9, 1), double(SeqRange.max));
        // Room for more than the longest sequence is the longest.
        windowed.windowedLayers = 20;
        QCOMPARE(maxFittingSeq(windowed, Workload {}, 1e15, 1), double(SeqRange.max));
    }

    void phaseMap()
    {
        Scenario s = seedScenario();
        s.workload.batch = 16;
        PhaseMap map;
        computePhaseMap(s, GridQuantity::DecodeStepSeconds, Series::QkvMlpAr, 32, map);
        QCOMPARE(map.values.size(), std::size_t(32 * 32));
        QCOMPARE(map.grid.batches.back(), qint64(1024));
        QCOMPARE(map.grid.seqs.back(), qint64(131072));
        QCOMPARE(map.batch, 16.0);
        QCOMPARE(map.fitsBoundary.size(), std::size_t(32));
        for (double v : map.values)
            QVERIFY(std::isfinite(v) && v > 0);
        // The resolution is held between 2 and 2,000 cells a side.
        computePhaseMap(s, GridQuantity::DecodeStepSeconds, Series::QkvMlpAr, 1, map);
        QCOMPARE(map.grid.batches, (std::vector<std::int64_t> { 1, 1024 }));
        QCOMPARE(map.values.size(), std::size_t(4));
        computePhaseMap(s, GridQuantity::MemoryFits, Series::QkvMlpAr, 5000, map);
        QCOMPARE(map.grid.batches.size(), std::size_t(2000));
        QCOMPARE(map.grid.seqs.size(), std::size_t(2000));
    }
};

QTEST_GUILESS_MAIN(TestGrid)
#include "tst_grid.moc"
