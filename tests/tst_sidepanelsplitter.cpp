#include "testutil.h"

#include "sidepanelsplitter.h"

#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSplitterHandle>
#include <QVBoxLayout>

using namespace roofline;

namespace {
// A panel whose contents want 400 pixels and need at least 300.
class Contents : public QWidget
{
public:
    QSize sizeHint() const override { return { 400, 900 }; }
    QSize minimumSizeHint() const override { return { 300, 200 }; }
};
} // namespace

class TestSidePanelSplitter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aNarrowWindowGivesThePanelAThirdAndNoLessThanItsContentsNeed()
    {
        auto *views = new QLabel(QStringLiteral("chart"));
        auto *panel = new QScrollArea;
        panel->setWidget(new Contents);
        panel->setWidgetResizable(true);
        SidePanelSplitter splitter(views, panel);
        splitter.show();
        QVERIFY(QTest::qWaitForWindowExposed(&splitter));
        // Around the contents: the vertical scroll bar and the frame.
        const int around = panel->verticalScrollBar()->sizeHint().width() + 2 * panel->frameWidth();
        const auto panelWidth = [&](int width) {
            splitter.resize(width, 600);
            QCoreApplication::processEvents();
            return splitter.sizes().at(1);
        };
        // Wide: the contents' natural width. 1500 / 3 = 500 is more than 400 + around.
        QCOMPARE(panelWidth(1500), 400 + around);
        // 1050 / 3 = 350 lies between the least (300 + around) and the natural width.
        if (350 > 300 + around && 350 < 400 + around)
            QCOMPARE(panelWidth(1050), 350);
        // Narrow: no less than the contents' least width, and the chart takes the rest.
        QCOMPARE(panelWidth(800), 300 + around);
        QCOMPARE(splitter.sizes().at(0), 800 - (300 + around) - splitter.handleWidth());
        // The panel folds away when dragged; the chart never does.
        QVERIFY(splitter.isCollapsible(1));
        QVERIFY(!splitter.isCollapsible(0));
    }

    void theUsersWidthHolds()
    {
        auto *panel = new QScrollArea;
        panel->setWidget(new Contents);
        panel->setWidgetResizable(true);
        SidePanelSplitter splitter(new QLabel(QStringLiteral("chart")), panel);
        splitter.resize(1500, 600);
        splitter.show();
        QVERIFY(QTest::qWaitForWindowExposed(&splitter));
        // The user drags the divider: the panel keeps the width they chose when the window changes size.
        QSplitterHandle *handle = splitter.handle(1);
        QVERIFY(handle);
        const QPoint from = handle->rect().center();
        QTest::mousePress(handle, Qt::LeftButton, {}, from);
        QTest::mouseMove(handle, from + QPoint(-150, 0));
        QTest::mouseRelease(handle, Qt::LeftButton, {}, from + QPoint(-150, 0));
        const int chosen = splitter.sizes().at(1);
        QVERIFY(chosen > 400);
        splitter.resize(1300, 600);
        QCoreApplication::processEvents();
        QCOMPARE(splitter.sizes().at(1), chosen);
    }

    // A drag toward the edge stops at the contents' least width (300 + around): the panel never cuts its controls
    // off; it only folds.
    void aDragStopsAtTheControlsLeastWidth()
    {
        auto *panel = new QScrollArea;
        panel->setWidget(new Contents);
        panel->setWidgetResizable(true);
        SidePanelSplitter splitter(new QLabel(QStringLiteral("chart")), panel);
        splitter.resize(1500, 600);
        splitter.show();
        QVERIFY(QTest::qWaitForWindowExposed(&splitter));
        const int around = panel->verticalScrollBar()->sizeHint().width() + 2 * panel->frameWidth();
        QCOMPARE(splitter.sizes().at(1), 400 + around);
        QSplitterHandle *handle = splitter.handle(1);
        const QPoint from = handle->rect().center();
        QTest::mousePress(handle, Qt::LeftButton, {}, from);
        QTest::mouseMove(handle, from + QPoint(140, 0)); // 260 + around: short of the least
        QTest::mouseRelease(handle, Qt::LeftButton, {}, from + QPoint(140, 0));
        QCOMPARE(splitter.sizes().at(1), 300 + around);
    }

    // Folded by a drag to the window's edge, the panel comes back whole: dragged out a little, it opens at its
    // natural width (400 + around at 1500 wide), not at the sliver the drag reached; F9's setPanelShown does the
    // same, and both report it.
    void aFoldedPanelComesBackWhole()
    {
        auto *panel = new QScrollArea;
        panel->setWidget(new Contents);
        panel->setWidgetResizable(true);
        SidePanelSplitter splitter(new QLabel(QStringLiteral("chart")), panel);
        splitter.resize(1500, 600);
        splitter.show();
        QVERIFY(QTest::qWaitForWindowExposed(&splitter));
        const int around = panel->verticalScrollBar()->sizeHint().width() + 2 * panel->frameWidth();
        QSignalSpy shown(&splitter, &SidePanelSplitter::panelShownChanged);
        QSplitterHandle *handle = splitter.handle(1);
        QPoint from = handle->rect().center();
        QTest::mousePress(handle, Qt::LeftButton, {}, from);
        QTest::mouseMove(handle, from + QPoint(600, 0)); // past the edge
        QTest::mouseRelease(handle, Qt::LeftButton, {}, from + QPoint(600, 0));
        QCOMPARE(splitter.sizes().at(1), 0);
        QVERIFY(!splitter.isPanelShown());
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.last().at(0).toBool(), false);
        // Out from the edge by 240 pixels: past the panel's least width (220), short of its whole width.
        from = handle->rect().center();
        QTest::mousePress(handle, Qt::LeftButton, {}, from);
        QTest::mouseMove(handle, from + QPoint(-240, 0));
        QTest::mouseRelease(handle, Qt::LeftButton, {}, from + QPoint(-240, 0));
        QCOMPARE(splitter.sizes().at(1), 400 + around);
        QCOMPARE(shown.count(), 2);
        QCOMPARE(shown.last().at(0).toBool(), true);
        splitter.setPanelShown(false);
        QCOMPARE(splitter.sizes().at(1), 0);
        QCOMPARE(shown.count(), 3);
        splitter.setPanelShown(true);
        QCOMPARE(splitter.sizes().at(1), 400 + around);
        QCOMPARE(shown.count(), 4);
        QVERIFY(splitter.isPanelShown());
    }
};

QTEST_MAIN(TestSidePanelSplitter)
#include "tst_sidepanelsplitter.moc"
