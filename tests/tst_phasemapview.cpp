#include "testutil.h"
#include "widgettestutil.h"

#include "modelfixtures.h"
#include "phasemapview.h"

#include <QComboBox>
#include <QImage>
#include <QRegularExpression>
#include <QSignalSpy>

#include <algorithm>
#include <array>

using namespace roofline;

namespace {
// The colour of a fraction of the map's colour scale: viridis, as the view's five stops joined by straight
// lines in RGB.
QColor viridis(double t)
{
    static const std::array<QColor, 5> stops { QColor(0x44, 0x01, 0x54), QColor(0x3b, 0x52, 0x8b), QColor(0x21, 0x91, 0x8c),
                                               QColor(0x5e, 0xc9, 0x62), QColor(0xfd, 0xe7, 0x25) };
    const double at = std::clamp(t, 0.0, 1.0) * 4;
    const int i = std::min(int(at), 3);
    const double f = at - i;
    const auto mix = [f](int a, int b) { return int(std::lround(a + (b - a) * f)); };
    const QColor &a = stops[std::size_t(i)], &b = stops[std::size_t(i) + 1];
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

QString describe(const QImage &image, QPointF at, const QColor &expected)
{
    return QStringLiteral("at (%1, %2): %3, expected %4").arg(at.x()).arg(at.y()).arg(image.pixelColor(at.toPoint()).name(), expected.name());
}
}

class TestPhaseMapView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reportsThePickedChoiceAndShowsTheOneItIsGiven()
    {
        // A choice given is shown and not reported; one the user picks is reported with both halves as the boxes
        // show them.
        PhaseMapView view;
        QSignalSpy picked(&view, &PhaseMapView::choiceChanged);
        const PhaseMapChoice given { GridQuantity::MemoryFits, Series::UpGateDownInit };
        view.setChoice(given);
        QCOMPARE(view.choice(), given);
        QCOMPARE(picked.count(), 0);
        QComboBox *quantities = view.quantityBox();
        const int tokens = quantities->findData(int(GridQuantity::DecodeTokensPerSecond));
        QVERIFY(tokens >= 0);
        quantities->setCurrentIndex(tokens);
        Q_EMIT quantities->activated(tokens);
        QCOMPARE(picked.count(), 1);
        const auto reported = picked.at(0).at(0).value<PhaseMapChoice>();
        QCOMPARE(reported.quantity, GridQuantity::DecodeTokensPerSecond);
        QCOMPARE(reported.series, Series::UpGateDownInit);
        // The series box is for the compute-bound share alone: off for tokens/s, on again for the share.
        QVERIFY(!view.seriesBox()->isEnabled());
        view.setChoice(PhaseMapChoice { GridQuantity::ComputeBoundShare, Series::QkPvAr });
        QVERIFY(view.seriesBox()->isEnabled());
        view.setChoice(given);
        QVERIFY(!view.seriesBox()->isEnabled());
    }

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
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(map);
        QCOMPARE(view.data().values, map.values);
        const QImage image = view.renderImage();
        // Each cell in its value's colour. Decode time: a log colour scale over the span of the cells that fit,
        // 0.01 to 0.06 (batch 64 at sequence 4096 is past its 1500 and does not count): 0.02 (batch 8, sequence
        // 128) is ln 2 / ln 6 = 0.387 of the way up; 0.12, beyond the scale, takes its top. The cell of the operating point is sampled beside its marker. A cell that does not fit (batch 64,
        // sequence 4096: past 1500) is washed pale: white at 150/255 over it (on viridis dark means fast, and
        // what does not fit is not).
        const auto washedOver = [](const QColor &c) {
            const auto pale = [](int v) { return int(std::lround(255.0 * 150.0 / 255.0 + v * (1.0 - 150.0 / 255.0))); };
            return QColor(pale(c.red()), pale(c.green()), pale(c.blue()));
        };
        for (std::size_t j = 0; j < 2; ++j)
            for (std::size_t i = 0; i < 3; ++i) {
                const double value = map.values[j * 3 + i];
                const QColor colour = viridis(std::min(1.0, std::log(value / 0.01) / std::log(6.0)));
                const bool fits = double(map.grid.seqs[j]) <= map.fitsBoundary[i].second;
                const QColor expected = fits ? colour : washedOver(colour);
                const QPointF at = view.pixelOf(double(map.grid.batches[i]), double(map.grid.seqs[j])) + QPointF(i == 1 && j == 1 ? 40 : 0, 0);
                QVERIFY2(pixelIs(image, at, expected, 4), qPrintable(describe(image, at, expected)));
            }
        // The operating point: a red disc ringed in white, at batch 8 and sequence 4096, not at batch 1.
        const QColor red(0xd6, 0x27, 0x28);
        QVERIFY(pixelIs(image, view.pixelOf(8, 4096), red, 10));
        QVERIFY(!pixelIs(image, view.pixelOf(1, 4096), red, 40));
        // The boundary where the weights and cache stop fitting: a white dashed line through (8, 12000) and
        // (64, 1500), and none 25 pixels above it.
        const auto whiteAlong = [&](QPointF offset) {
            const QPointF from = view.pixelOf(8, 12000) + offset, to = view.pixelOf(64, 1500) + offset;
            int hits = 0;
            for (int k = 0; k < 50; ++k) {
                bool white = false;
                for (const QPointF d : { QPointF(0, 0), QPointF(0, 1), QPointF(0, -1), QPointF(1, 0), QPointF(-1, 0) })
                    white = white || pixelIs(image, from + (to - from) * (k / 49.0) + d, Qt::white, 10);
                hits += white ? 1 : 0;
            }
            return hits;
        };
        QVERIFY2(whiteAlong(QPointF()) >= 30, qPrintable(QString::number(whiteAlong(QPointF()))));
        QCOMPARE(whiteAlong(QPointF(0, -25)), 0);
        // Beyond it the cells are washed pale: at batch 40, sequence 4096 (the boundary there is near 2600) the
        // cell of 0.12 (yellow, #fde725) under white at 150/255: 150 + 0.412 x each channel, (254, 245, 165). Below the
        // boundary, at batch 8 and sequence 128, the cell keeps its own colour (checked above).
        const QColor washed(254, 245, 165);
        QVERIFY2(pixelIs(image, view.pixelOf(40, 4096), washed, 6), qPrintable(describe(image, view.pixelOf(40, 4096), washed)));
        // So is the outer half of the last column, beyond batch 64 (the boundary runs on level there, at 1500).
        QVERIFY2(pixelIs(image, view.pixelOf(90, 4096), washed, 6), qPrintable(describe(image, view.pixelOf(90, 4096), washed)));

        // Hovering a cell names it, its value and whether it fits; off the map, nothing.
        QCOMPARE(view.toolTipAt(view.pixelOf(8, 128)), QStringLiteral("batch 8, sequence 128: 20 ms per step"));
        QCOMPARE(view.toolTipAt(view.pixelOf(40, 4096)),
                 QStringLiteral("batch 64, sequence 4096: 120 ms per step\n\u26a0 weights + KV cache do not fit in memory"));
        QCOMPARE(view.toolTipAt(QPointF(2, 2)), QString());
    }

    // The fits map is drawn from the boundary, not cell by cell: just above the dashed line it is the bar's "does
    // not fit" (viridis' bottom, no wash over it), just below it "fits" (its top), whatever the cell's centre says.
    // Its legend is under the map, not on it.
    void theFitsMapFollowsTheBoundaryInTheBarsColours()
    {
        PhaseMap map;
        map.grid = GridSpec { { 1, 8, 64 }, { 128, 4096 } };
        map.quantity = GridQuantity::MemoryFits;
        map.fitsBoundary = { { 1, 100000 }, { 8, 12000 }, { 64, 1500 } };
        map.values = { 1, 1, 1, 1, 1, 0 };
        map.batch = 1;
        map.seq = 128;
        PhaseMapView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(map);
        const QImage image = view.renderImage();
        // Along the line from (8, 12000) to (64, 1500), 12 px above and below its middle.
        const QPointF middle = (view.pixelOf(8, 12000) + view.pixelOf(64, 1500)) / 2.0;
        const QColor doesNotFit = viridis(0.0), fits = viridis(1.0);
        QVERIFY2(pixelIs(image, middle + QPointF(0, -12), doesNotFit, 4), qPrintable(describe(image, middle + QPointF(0, -12), doesNotFit)));
        QVERIFY2(pixelIs(image, middle + QPointF(0, 12), fits, 4), qPrintable(describe(image, middle + QPointF(0, 12), fits)));
        // Batch 64 at 4096 does not fit (its cell's value is 0), and neither does the part of batch 8's column above
        // 12000 (its cell's centre, 4096, fits; the frame runs to 4096 x sqrt(32) = 23170).
        QVERIFY2(pixelIs(image, view.pixelOf(64, 4096), doesNotFit, 4), qPrintable(describe(image, view.pixelOf(64, 4096), doesNotFit)));
        QVERIFY2(pixelIs(image, view.pixelOf(8, 20000), doesNotFit, 4), qPrintable(describe(image, view.pixelOf(8, 20000), doesNotFit)));
        // No legend box over the map: every pixel of the map's area is one of the two colours, the boundary's or
        // the point's.
        int other = 0;
        const QPointF topLeft = view.pixelOf(1, 4096), bottomRight = view.pixelOf(64, 128);
        for (int y = int(topLeft.y()) + 2; y < int(bottomRight.y()); y += 7)
            for (int x = int(topLeft.x()) + 20; x < int(bottomRight.x()); x += 7)
                other += pixelIs(image, QPointF(x, y), doesNotFit, 30) || pixelIs(image, QPointF(x, y), fits, 30) ? 0 : 1;
        QVERIFY2(other < 40, qPrintable(QString::number(other))); // the dashed line's pixels, antialiasing
        // However wide the view, the map takes its width: the legend's row never bounds it.
        view.resize(1600, 600);
        (void)view.renderImage();
        const double mapWidth = view.pixelOf(64, 128).x() - view.pixelOf(1, 128).x();
        QVERIFY2(mapWidth > 1600 * 0.5, qPrintable(QString::number(mapWidth))); // first to last cell centre: two thirds of the map
    }

    void aShareIsOnALinearScaleNamedForItsSeries()
    {
        PhaseMap map;
        map.grid = GridSpec { { 1, 1024 }, { 128, 4096 } };
        map.values = { 0.25, 0.75, 0.5, 1.0 };
        map.quantity = GridQuantity::ComputeBoundShare;
        map.series = Series::UpGateDownAr;
        PhaseMapView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(map);
        QCOMPARE(view.scaleLabel(), QStringLiteral("share of the series' time compute-bound: up/gate/down ar"));
        // From 0 to 1 whatever the values span, in proportion: a quarter is a quarter of the way up.
        const QImage image = view.renderImage();
        for (std::size_t j = 0; j < 2; ++j)
            for (std::size_t i = 0; i < 2; ++i) {
                const QColor expected = viridis(map.values[j * 2 + i]);
                const QPointF at = view.pixelOf(double(map.grid.batches[i]), double(map.grid.seqs[j])) + QPointF(0, 30);
                QVERIFY2(pixelIs(image, at, expected, 4), qPrintable(describe(image, at, expected)));
            }
    }

    // Each tick says what it counts: seconds with their unit ("100 ms", not a bare "100m"), batch sizes and
    // lengths as exact whole numbers (not "16K" beside the scale's decimal "10k"), memory in two named blocks.
    void ticksSayWhatTheyCount()
    {
        PhaseMap map;
        map.grid = GridSpec { { 1, 1024 }, { 1, 131072 } };
        map.values = { 0.01, 0.1, 1.0, 2.0 };
        map.quantity = GridQuantity::DecodeStepSeconds;
        PhaseMapView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(map);
        view.renderImage();
        QCOMPARE(view.scaleTickLabels(), QStringList({ QStringLiteral("10 ms"), QStringLiteral("100 ms"), QStringLiteral("1 s") }));
        const QRegularExpression whole(QStringLiteral("^[0-9]+$"));
        for (const Qt::Orientation axis : { Qt::Horizontal, Qt::Vertical }) {
            const QStringList ticks = view.axisTickLabels(axis);
            QVERIFY2(ticks.size() >= 3, qPrintable(ticks.join(QLatin1Char(' '))));
            for (const QString &tick : ticks)
                QVERIFY2(whole.match(tick).hasMatch(), qPrintable(ticks.join(QLatin1Char(' '))));
        }
        QVERIFY(view.axisTickLabels(Qt::Horizontal).contains(QStringLiteral("1024")));
        // Tokens/s over less than two decades still get ticks enough to read a cell by (1, 2, 5 times a power of ten).
        map.quantity = GridQuantity::DecodeTokensPerSecond;
        map.values = { 28.0, 300.0, 900.0, 2900.0 };
        view.setData(map);
        view.renderImage();
        QCOMPARE(view.scaleTickLabels(), QStringList({ QStringLiteral("50"), QStringLiteral("100"), QStringLiteral("200"),
                                                       QStringLiteral("500"), QStringLiteral("1k"), QStringLiteral("2k") }));

        // Fits or not: two colours, not a gradient through the values in between; the ticks name each block.
        map.quantity = GridQuantity::MemoryFits;
        map.values = { 1.0, 1.0, 0.0, 0.0 };
        view.setData(map);
        const QImage image = view.renderImage();
        QCOMPARE(view.scaleTickLabels(), QStringList({ QStringLiteral("does not fit"), QStringLiteral("fits") }));
        const QPointF fits = view.pixelOf(1, 1) + QPointF(30, -30), not_ = view.pixelOf(1024, 131072) + QPointF(-30, 30);
        QVERIFY2(pixelIs(image, fits, viridis(1.0), 4), qPrintable(describe(image, fits, viridis(1.0))));
        QVERIFY2(pixelIs(image, not_, viridis(0.0), 4), qPrintable(describe(image, not_, viridis(0.0))));
    }

    void aMalformedMapLeavesTheViewAsItWas()
    {
        PhaseMap map;
        map.grid = GridSpec { { 1, 8 }, { 128, 4096 } };
        map.values = { 1, 2, 3, 4 };
        PhaseMapView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(map);
        map.grid = GridSpec { { 1, 8, 64 }, { 128, 4096 } };
        map.values = { 5, 6, 7, 8, 9 }; // one value short of 3 x 2
        view.setData(map);
        QCOMPARE(view.data().grid.batches.size(), std::size_t(2));
        QCOMPARE(view.data().values, (std::vector<double> { 1, 2, 3, 4 }));
        // Still drawn: the 2 x 2 map on a log scale from 1 to 4, its top cell (batch 8, sequence 4096) at the top.
        const QImage image = view.renderImage();
        const QPointF top = view.pixelOf(8, 4096) + QPointF(0, 30);
        QVERIFY2(pixelIs(image, top, viridis(1.0), 4), qPrintable(describe(image, top, viridis(1.0))));
        const QPointF bottom = view.pixelOf(1, 128);
        QVERIFY2(pixelIs(image, bottom, viridis(0.0), 4), qPrintable(describe(image, bottom, viridis(0.0))));
    }

    // The dark palette reaches the phase map too: its frame and text in the roofline chart's dark neutrals,
    // not black text on white beside a dark window.
    void followsTheDarkStyle()
    {
        PhaseMap map;
        map.grid = GridSpec { { 1, 8 }, { 128, 4096 } };
        map.values = { 1, 2, 3, 4 };
        PhaseMapView view;
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(map);
        const auto count = [](const QImage &image, const QColor &colour) {
            int n = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    n += pixelIs(image, QPointF(x, y), colour, 8) ? 1 : 0;
            return n;
        };
        const QColor darkBackground(0x1e, 0x1f, 0x22), darkText(0xe8, 0xe8, 0xe8);
        QImage image = view.renderImage();
        QVERIFY(pixelIs(image, QPointF(2, 2), Qt::white, 0));
        const int lightBlack = count(image, Qt::black), lightPale = count(image, darkText); // pale: antialiasing
        QVERIFY2(lightBlack > 200, qPrintable(QString::number(lightBlack))); // ticks, labels, axes
        view.setDark(true);
        image = view.renderImage();
        QVERIFY2(pixelIs(image, QPointF(2, 2), darkBackground, 0), qPrintable(describe(image, QPointF(2, 2), darkBackground)));
        QVERIFY2(count(image, darkText) > lightPale + 200, qPrintable(QString::number(count(image, darkText))));
        // (The colour bar keeps a dark frame QCustomPlot gives no access to: the map and axes are left of it.)
        // The map's right edge is half a log cell past batch 8: 8 x sqrt(8) = 22.6.
        const QImage leftOfBar = image.copy(0, 0, int(view.pixelOf(22, 128).x()), image.height());
        QVERIFY2(count(leftOfBar, Qt::black) < 20, qPrintable(QString::number(count(leftOfBar, Qt::black))));
        view.setDark(false);
        QVERIFY(pixelIs(view.renderImage(), QPointF(2, 2), Qt::white, 0));
    }
};

QTEST_MAIN(TestPhaseMapView)
#include "tst_phasemapview.moc"
