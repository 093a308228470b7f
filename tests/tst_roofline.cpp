#include "testutil.h"

#include "roofline.h"

using namespace roofline;

class TestRoofline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ridgeOfTheSeedGpu()
    {
        // 181e12 FLOP/s / 768e9 B/s = 235.677 FLOP/B, the seed chart's green line.
        const Roofline roof { 181e12, 768e9 };
        ROOFLINE_COMPARE_REL(roof.ridge(), 235.677083, 1e-6);
    }
    void attainable_data()
    {
        QTest::addColumn<double>("intensity");
        QTest::addColumn<double>("attainable");
        QTest::addColumn<bool>("memoryBound");
        // Memory-bound: 768e9 B/s * 1 FLOP/B = 768e9 FLOP/s.
        QTest::newRow("memory") << 1.0 << 768e9 << true;
        // Just left of the ridge: 768e9 * 200 = 153.6e12.
        QTest::newRow("below ridge") << 200.0 << 153.6e12 << true;
        // At the ridge both roofs give the peak; by convention it counts as compute-bound.
        QTest::newRow("ridge") << 181e12 / 768e9 << 181e12 << false;
        // Compute-bound: capped at the peak.
        QTest::newRow("compute") << 1000.0 << 181e12 << false;
    }
    void attainable()
    {
        QFETCH(double, intensity);
        QFETCH(double, attainable);
        QFETCH(bool, memoryBound);
        const Roofline roof { 181e12, 768e9 };
        ROOFLINE_COMPARE_REL(roof.attainable(intensity), attainable, 1e-12);
        QCOMPARE(roof.bound(intensity) == Bound::Memory, memoryBound);
    }
    void time()
    {
        const Roofline roof { 181e12, 768e9 };
        // 1 GB at 768 GB/s = 1.30208 ms; 1 GFLOP at 181 TFLOP/s = 5.5 us: memory wins.
        ROOFLINE_COMPARE_REL(roof.time(1e9, 1e9), 1e9 / 768e9, 1e-12);
        // 1 PFLOP with 1 GB: 1e15 / 181e12 = 5.525 s: compute wins.
        ROOFLINE_COMPARE_REL(roof.time(1e15, 1e9), 5.5248618784530386, 1e-12);
    }
    void enablingTheCeilings()
    {
        // Off (the window's suggestion 70 % / 85 %), switched on with the compute share alone: bandwidth is
        // the whole peak, not the suggestion the user never saw.
        Efficiency off;
        off.enable(0.5, std::nullopt);
        QVERIFY(off.enabled);
        QCOMPARE(off.compute, 0.5);
        QCOMPARE(off.bandwidth, 1.0);
        // On already at 60 % / 80 %, given the bandwidth share alone: compute stays at 60 %.
        Efficiency on { true, 0.6, 0.8 };
        on.enable(std::nullopt, 0.9);
        QCOMPARE(on.compute, 0.6);
        QCOMPARE(on.bandwidth, 0.9);
        // Neither share given: off becomes the published roofline (100 % / 100 %), on stays as it was.
        Efficiency none;
        none.enable(std::nullopt, std::nullopt);
        QCOMPARE(none.apply(Roofline { 181e12, 768e9 }).peakFlopsPerSecond, 181e12);
        QCOMPARE(none.apply(Roofline { 181e12, 768e9 }).bandwidthBytesPerSecond, 768e9);
        on.enable(std::nullopt, std::nullopt);
        QCOMPARE(on, (Efficiency { true, 0.6, 0.9 }));
    }
};

QTEST_GUILESS_MAIN(TestRoofline)
#include "tst_roofline.moc"
