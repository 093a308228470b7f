#include "testutil.h"

#include "assumptionspanel.h"
#include "units.h"

#include <QCheckBox>
#include <QComboBox>
#include <QSignalSpy>
#include <QToolButton>

using namespace roofline;

Q_DECLARE_METATYPE(roofline::Assumptions)

// The modelling choices' panel on its own: folded until opened, shows what it is given without a word, and
// reports each change of the user's as the whole set of choices.
class TestAssumptionsPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void foldsAndUnfolds()
    {
        AssumptionsPanel panel;
        panel.show();
        QVERIFY(!panel.isExpanded());
        QVERIFY(!panel.causalMaskBox()->isVisible());
        panel.header()->click();
        QVERIFY(panel.isExpanded());
        QVERIFY(panel.causalMaskBox()->isVisible());
        panel.setExpanded(false);
        QVERIFY(!panel.causalMaskBox()->isVisible());
    }

    // Every field, both ways (a box left as it was would put its old value back with the next change).
    void showsEveryFieldBothWaysSilently()
    {
        AssumptionsPanel panel;
        QSignalSpy changed(&panel, &AssumptionsPanel::assumptionsChanged);
        const Assumptions on { true, true, DType::Int8, DType::Fp32, true, true, false };
        const Assumptions off { false, false, std::nullopt, std::nullopt, false, false, true };
        for (const Assumptions &a : { on, off, on, Assumptions {}, off }) {
            panel.setAssumptions(a);
            QVERIFY(panel.assumptions() == a);
            QCOMPARE(panel.causalMaskBox()->isChecked(), a.causalMask);
            QCOMPARE(panel.allLogitsBox()->isChecked(), a.allPrefillLogits);
            QCOMPARE(panel.fuseQkvBox()->isChecked(), a.fuseQkv);
            QCOMPARE(panel.fuseGateUpBox()->isChecked(), a.fuseGateUp);
            QCOMPARE(panel.countNonGemmBox()->isChecked(), a.countNonGemm);
            QCOMPARE(panel.embeddingTypeBox()->currentText(),
                     a.embeddingType ? QString::fromUtf8(dtypeName(*a.embeddingType).data()) : panel.embeddingTypeBox()->itemText(0));
            QCOMPARE(panel.scoreTypeBox()->currentText(),
                     a.scoreType ? QString::fromUtf8(dtypeName(*a.scoreType).data()) : panel.scoreTypeBox()->itemText(0));
        }
        QCOMPARE(changed.count(), 0);
    }

    void reportsTheWholeSetTyped()
    {
        AssumptionsPanel panel;
        const Assumptions start { false, false, std::nullopt, DType::Fp32, false, false, true };
        panel.setAssumptions(start);
        QSignalSpy changed(&panel, &AssumptionsPanel::assumptionsChanged);
        panel.causalMaskBox()->click();
        QCOMPARE(changed.count(), 1);
        Assumptions expected = start;
        expected.causalMask = true;
        QVERIFY(changed.at(0).at(0).value<Assumptions>() == expected);
        // The first entry of a type box is "as the weights" / "as the activations": no type of its own.
        panel.scoreTypeBox()->setCurrentIndex(0);
        Q_EMIT panel.scoreTypeBox()->activated(0);
        QCOMPARE(changed.count(), 2);
        QVERIFY(!changed.at(1).at(0).value<Assumptions>().scoreType.has_value());
        panel.embeddingTypeBox()->setCurrentIndex(panel.embeddingTypeBox()->findText(QStringLiteral("int8")));
        Q_EMIT panel.embeddingTypeBox()->activated(panel.embeddingTypeBox()->currentIndex());
        QCOMPARE(changed.at(2).at(0).value<Assumptions>().embeddingType, std::optional(DType::Int8));
    }
};

QTEST_MAIN(TestAssumptionsPanel)
#include "tst_assumptionspanel.moc"
