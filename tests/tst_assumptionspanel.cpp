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
        QVERIFY(!control<QCheckBox>(panel, "causalMask")->isVisible());
        control<QToolButton>(panel, "header")->click();
        QVERIFY(panel.isExpanded());
        QVERIFY(control<QCheckBox>(panel, "causalMask")->isVisible());
        panel.setExpanded(false);
        QVERIFY(!control<QCheckBox>(panel, "causalMask")->isVisible());
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
            QCOMPARE(control<QCheckBox>(panel, "causalMask")->isChecked(), a.causalMask);
            QCOMPARE(control<QCheckBox>(panel, "allLogits")->isChecked(), a.allPrefillLogits);
            QCOMPARE(control<QCheckBox>(panel, "fuseQkv")->isChecked(), a.fuseQkv);
            QCOMPARE(control<QCheckBox>(panel, "fuseGateUp")->isChecked(), a.fuseGateUp);
            QCOMPARE(control<QCheckBox>(panel, "countNonGemm")->isChecked(), a.countNonGemm);
            QCOMPARE(control<QComboBox>(panel, "embeddingType")->currentText(),
                     a.embeddingType ? QString::fromUtf8(dtypeName(*a.embeddingType).data()) : control<QComboBox>(panel, "embeddingType")->itemText(0));
            QCOMPARE(control<QComboBox>(panel, "scoreType")->currentText(),
                     a.scoreType ? QString::fromUtf8(dtypeName(*a.scoreType).data()) : control<QComboBox>(panel, "scoreType")->itemText(0));
        }
        QCOMPARE(changed.count(), 0);
    }

    void reportsTheWholeSetTyped()
    {
        AssumptionsPanel panel;
        const Assumptions start { false, false, std::nullopt, DType::Fp32, false, false, true };
        panel.setAssumptions(start);
        QSignalSpy changed(&panel, &AssumptionsPanel::assumptionsChanged);
        control<QCheckBox>(panel, "causalMask")->click();
        QCOMPARE(changed.count(), 1);
        Assumptions expected = start;
        expected.causalMask = true;
        QVERIFY(changed.at(0).at(0).value<Assumptions>() == expected);
        // The first entry of a type box is "as the weights" / "as the activations": no type of its own.
        control<QComboBox>(panel, "scoreType")->setCurrentIndex(0);
        Q_EMIT control<QComboBox>(panel, "scoreType")->activated(0);
        QCOMPARE(changed.count(), 2);
        QVERIFY(!changed.at(1).at(0).value<Assumptions>().scoreType.has_value());
        control<QComboBox>(panel, "embeddingType")->setCurrentIndex(control<QComboBox>(panel, "embeddingType")->findText(QStringLiteral("int8")));
        Q_EMIT control<QComboBox>(panel, "embeddingType")->activated(control<QComboBox>(panel, "embeddingType")->currentIndex());
        QCOMPARE(changed.at(2).at(0).value<Assumptions>().embeddingType, std::optional(DType::Int8));
    }
};

QTEST_MAIN(TestAssumptionsPanel)
#include "tst_assumptionspanel.moc"
