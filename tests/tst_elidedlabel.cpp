#include "elidedlabel.h"

#include <QApplication>
#include <QFontMetrics>
#include <QTest>

using namespace roofline;

class TestElidedLabel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Narrower than its text, it ends with "…" and fits its width; wide again, it shows the whole text. The
    // tooltip always holds the whole text, and the text never asks the layout for more width.
    void shortensToItsWidthAndBack()
    {
        ElidedLabel label;
        const QString text = QStringLiteral("Hover a point for its numbers; right-click to label it; wheel to zoom, drag to pan");
        label.setFullText(text);
        label.show();
        QVERIFY(QTest::qWaitForWindowExposed(&label));
        label.resize(label.fontMetrics().horizontalAdvance(text) + 10, 20);
        QCOMPARE(label.text(), text);
        label.resize(120, 20);
        QVERIFY2(label.text().endsWith(QChar(0x2026)), qPrintable(label.text()));
        QVERIFY(label.text().size() < text.size());
        QVERIFY(label.fontMetrics().horizontalAdvance(label.text()) <= 120);
        QVERIFY(text.startsWith(label.text().chopped(1)));
        QCOMPARE(label.toolTip(), text);
        QCOMPARE(label.fullText(), text);
        label.resize(label.fontMetrics().horizontalAdvance(text) + 10, 20);
        QCOMPARE(label.text(), text);
        QCOMPARE(label.sizePolicy().horizontalPolicy(), QSizePolicy::Ignored);
        // A new text is shortened for the width it has now.
        label.resize(60, 20);
        label.setFullText(QStringLiteral("Each cell is one batch size and sequence length"));
        QVERIFY2(label.text().startsWith(QLatin1String("Each")) && label.text().endsWith(QChar(0x2026)), qPrintable(label.text()));
    }
};

QTEST_MAIN(TestElidedLabel)
#include "tst_elidedlabel.moc"
