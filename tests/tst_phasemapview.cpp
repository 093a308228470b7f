#include "testutil.h"

#include "modelfixtures.h"
#include "phasemapview.h"

#include "qcp.h"

using namespace roofline;

class TestPhaseMapView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void drawsTheMapItIsGiven()
    {
        // A 3 x 2 map made by hand: batches 1, 8, 64; sequences 128, 4096; values row by row of sequence.
        PhaseMap map;
        map.grid = GridSpec { { 1, 8, 64 }, { 128, 4096 } };
        map.values = { 0.01, 0.02, 0.04, 0.03, 0.06, 0.12 };
        map.quantity = GridQuantity::DecodeStepSeconds;
        map.batch = 8;
        map.seq = 4096;
        map.fitsBoundary = { { 1, 100000 }, { 8, 12000 }, { 64, 1500 } };
        PhaseMapView view;
        view.resize(800, 600);
        view.setData(map);
        QCPColorMapData *data = view.colorMap()->data();
        QCOMPARE(data->keySize(), 3);
        QCOMPARE(data->valueSize(), 2);
        QCOMPARE(data->cell(2, 1), 0.12); // batch 64, sequence 4096
        QCOMPARE(data->cell(1, 0), 0.02); // batch 8, sequence 128
        QCOMPARE(data->keyRange(), QCPRange(1, 64));
        QCOMPARE(data->valueRange(), QCPRange(128, 4096));
        // Decode time: a log colour scale over the values' span.
        QCOMPARE(view.colorMap()->dataRange(), QCPRange(0.01, 0.12));
        // The operating point, and the boundary where the weights and cache stop fitting.
        QCOMPARE(view.currentPoint()->dataCount(), 1);
        QCOMPARE(view.currentPoint()->data()->at(0)->key, 8.0);
        QCOMPARE(view.currentPoint()->data()->at(0)->value, 4096.0);
        QVERIFY(view.fitsBoundary()->dataCount() >= 2);
        QCOMPARE(view.fitsBoundary()->data()->at(1)->key, 8.0);
        QCOMPARE(view.fitsBoundary()->data()->at(1)->value, 12000.0);
    }

    void aShareIsOnALinearScaleNamedForItsSeries()
    {
        PhaseMap map;
        map.grid = GridSpec { { 1, 1024 }, { 128, 4096 } };
        map.values = { 0, 1, 0, 1 };
        map.quantity = GridQuantity::ComputeBoundShare;
        map.series = Series::UpGateDownAr;
        PhaseMapView view;
        view.setData(map);
        QCOMPARE(view.colorMap()->dataRange(), QCPRange(0.0, 1.0));
        QCOMPARE(view.colorMap()->colorScale()->axis()->label(), QStringLiteral("share of the series' time compute-bound: up/gate/down ar"));
    }

    void aMalformedMapLeavesTheViewAsItWas()
    {
        PhaseMap map;
        map.grid = GridSpec { { 1, 8 }, { 128, 4096 } };
        map.values = { 1, 2, 3, 4 };
        PhaseMapView view;
        view.setData(map);
        map.grid = GridSpec { { 1, 8, 64 }, { 128, 4096 } };
        map.values = { 5, 6, 7, 8, 9 }; // one value short of 3 x 2
        view.setData(map);
        QCOMPARE(view.colorMap()->data()->keySize(), 2);
        QCOMPARE(view.colorMap()->data()->cell(1, 1), 4.0);
    }
};

QTEST_MAIN(TestPhaseMapView)
#include "tst_phasemapview.moc"
