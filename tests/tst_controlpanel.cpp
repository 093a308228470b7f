#include "testutil.h"

#include "assumptionspanel.h"
#include "controlpanel.h"
#include "inputlimits.h"
#include "logslider.h"

#include <QAction>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QToolButton>
#include <QMainWindow>
#include <QComboBox>
#include <QPushButton>
#include <QLabel>
#include <QApplication>
#include <QScrollArea>
#include <QSignalSpy>
#include <QWheelEvent>

#include <cmath>
#include <QSlider>
#include <QSpinBox>
#include <QStandardItemModel>

using namespace roofline;

Q_DECLARE_METATYPE(roofline::DType)
Q_DECLARE_METATYPE(roofline::ComputeType)
Q_DECLARE_METATYPE(roofline::SweepMode)

namespace {
// The user picks the entry with this text from a combo box.
void pick(QComboBox *box, const QString &text)
{
    const int index = box->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    box->setCurrentIndex(index);
    Q_EMIT box->activated(index);
}
} // namespace

class TestControlPanel : public QObject
{
    Q_OBJECT
private:
    // Every signal of the panel, spied.
    static std::vector<std::unique_ptr<QSignalSpy>> spyAll(ControlPanel &panel)
    {
        std::vector<std::unique_ptr<QSignalSpy>> spies;
        const QMetaObject *meta = panel.metaObject();
        for (int i = meta->methodOffset(); i < meta->methodCount(); ++i)
            if (meta->method(i).methodType() == QMetaMethod::Signal)
                spies.push_back(std::make_unique<QSignalSpy>(&panel, meta->method(i)));
        return spies;
    }

private Q_SLOTS:
    void slidersSpanTheWindowsRanges()
    {
        ControlPanel panel;
        QCOMPARE(control<LogSlider>(panel, "batch")->minimum(), SliderBatchRange.min);
        QCOMPARE(control<LogSlider>(panel, "batch")->maximum(), SliderBatchRange.max);
        QCOMPARE(control<LogSlider>(panel, "seq")->maximum(), SliderSeqRange.max);
        QCOMPARE(control<LogSlider>(panel, "peak")->minimum(), SliderPeakTflopsRange.min);
        QCOMPARE(control<LogSlider>(panel, "bandwidth")->maximum(), SliderBandwidthGBpsRange.max);
        // The tokens per step reach what a session accepts.
        QCOMPARE(control<QSpinBox>(panel, "tokensPerStep")->maximum(), int(TokensPerStepRange.max));
    }

    // The GPU's note is muted text in the palette's own colour (a fixed #555 was unreadable on a dark palette),
    // and shown as plain text.
    void theGpuNoteFollowsThePalette()
    {
        ControlPanel panel;
        QCOMPARE(control<QLabel>(panel, "gpuNote")->foregroundRole(), QPalette::PlaceholderText);
        QVERIFY(control<QLabel>(panel, "gpuNote")->styleSheet().isEmpty());
        QCOMPARE(control<QLabel>(panel, "gpuNote")->textFormat(), Qt::PlainText);
    }

    void showingValuesEmitsNothing()
    {
        ControlPanel panel;
        panel.setModelNames({ QStringLiteral("A"), QStringLiteral("B") });
        panel.setGpuNames({ QStringLiteral("G1"), QStringLiteral("G2") });
        const auto spies = spyAll(panel);
        ControlValues values;
        values.modelIndex = 1;
        values.batch = 64;
        values.seq = 8192;
        values.weightType = DType::Int4;
        values.kvType = DType::Fp8;
        values.computeType = ComputeType::Fp8;
        values.computeTypeAvailable = { true, true, false, true };
        values.sweep.mode = SweepMode::TokensPerStep;
        values.sweep.tokensMin = 8;
        values.sweep.tokensMax = 64;
        values.tokensPerStep = 4;
        values.acceptedTokens = 2.5;
        values.efficiency.enabled = true;
        values.efficiency.compute = 0.55;
        panel.setValues(values);
        for (const auto &spy : spies)
            QCOMPARE(spy->count(), 0);
        QCOMPARE(control<QComboBox>(panel, "model")->currentIndex(), 1);
        QCOMPARE(control<LogSlider>(panel, "batch")->value(), 64.0);
        QCOMPARE(control<LogSlider>(panel, "seq")->value(), 8192.0);
        QCOMPARE(control<QComboBox>(panel, "weightType")->currentText(), QStringLiteral("int4"));
        QCOMPARE(control<QComboBox>(panel, "kvType")->currentText(), QStringLiteral("fp8"));
        QCOMPARE(control<QComboBox>(panel, "computeType")->currentText(), QStringLiteral("fp8"));
        QCOMPARE(control<QComboBox>(panel, "sweepMode")->currentText(), QStringLiteral("Tokens per step (8 to 64)")); // the session's range
        QCOMPARE(control<QSpinBox>(panel, "tokensPerStep")->value(), 4);
        QCOMPARE(control<QDoubleSpinBox>(panel, "acceptedTokens")->value(), 2.5);
        QVERIFY(control<QDoubleSpinBox>(panel, "acceptedTokens")->isEnabled()); // 4 tokens a step: some may be refused
        QVERIFY(control<QCheckBox>(panel, "efficiency")->isChecked());
        // int8 has no peak on this GPU: it cannot be chosen.
        auto *types = qobject_cast<QStandardItemModel *>(control<QComboBox>(panel, "computeType")->model());
        QVERIFY(!types->item(control<QComboBox>(panel, "computeType")->findText(QStringLiteral("int8")))->isEnabled());
        QVERIFY(types->item(control<QComboBox>(panel, "computeType")->findText(QStringLiteral("fp8")))->isEnabled());
    }

    // In a narrow panel the practical ceilings' figures go under their check box rather than beside it (that row
    // set the panel's least width, and with it how much of a small window the chart keeps).
    void theCeilingsRowWrapsInANarrowPanel()
    {
        ControlPanel panel;
        panel.resize(panel.sizeHint());
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        auto *check = control<QCheckBox>(panel, "efficiency");
        auto *compute = control<QSpinBox>(panel, "computeEfficiency");
        const auto middle = [&panel](QWidget *w) { return w->mapTo(&panel, QPoint()).y() + w->height() / 2; };
        QVERIFY(std::abs(middle(compute) - middle(check)) <= 2); // wide: beside it
        const int beside = check->width() + compute->width() + control<QSpinBox>(panel, "bandwidthEfficiency")->width();
        panel.resize(panel.minimumSizeHint().width(), panel.sizeHint().height() * 2);
        QCoreApplication::processEvents();
        QVERIFY2(compute->mapTo(&panel, QPoint()).y() >= check->mapTo(&panel, QPoint()).y() + check->height(),
                 qPrintable(QStringLiteral("%1 against %2").arg(compute->mapTo(&panel, QPoint()).y()).arg(check->mapTo(&panel, QPoint()).y())));
        QVERIFY(panel.minimumSizeHint().width() < beside + 40);
    }

    // The batch and sequence boxes take what the command line and a session take (up to 1e9), beyond their
    // sliders' tracks (1024 and 131072): a batch of 4096 typed is 4096, and a session's 100000 is shown as it is.
    void theWorkloadBoxesTakeTheWholeRange()
    {
        ControlPanel panel;
        QSignalSpy batch(&panel, &ControlPanel::batchChanged);
        auto *batchBox = control<LogSlider>(panel, "batch")->spinBox();
        batchBox->setValue(4096);
        QCOMPARE(batch.count(), 1);
        QCOMPARE(batch.front().front().toDouble(), 4096.0);
        QCOMPARE(batchBox->maximum(), double(BatchRange.max));
        QCOMPARE(control<LogSlider>(panel, "seq")->spinBox()->maximum(), double(SeqRange.max));
        ControlValues values;
        values.batch = 100000;
        values.seq = 1000000;
        panel.setValues(values);
        QCOMPARE(batchBox->value(), 100000.0);
        QCOMPARE(control<LogSlider>(panel, "seq")->value(), 1000000.0);
        QVERIFY(batchBox->toolTip().contains(QLatin1String("1024")));
        // So do the GPU's boxes: a file's 20,000 TFLOP/s and 5.5 GB/s, beyond the tracks (1 to 5000, 10 to 10000).
        values.peakTflops = 20000;
        values.bandwidthGbps = 5.5;
        panel.setValues(values);
        QCOMPARE(control<LogSlider>(panel, "peak")->value(), 20000.0);
        QCOMPARE(control<LogSlider>(panel, "peak")->spinBox()->value(), 20000.0);
        QCOMPARE(control<LogSlider>(panel, "bandwidth")->spinBox()->value(), 5.5);
        QCOMPARE(control<LogSlider>(panel, "bandwidth")->slider()->value(), 0); // at the track's end
    }

    // The efficiency boxes show whole percents; a session's 73.5 % and 84.5 % are not written back rounded when
    // the practical ceilings are switched on, or when the other box is edited.
    void efficiencyKeepsWhatTheUserDidNotEdit()
    {
        ControlPanel panel;
        ControlValues values;
        values.efficiency = Efficiency { false, 0.735, 0.845 };
        panel.setValues(values);
        QCOMPARE(control<QSpinBox>(panel, "computeEfficiency")->value(), 74); // shown rounded
        QSignalSpy enabled(&panel, &ControlPanel::efficiencyEnabledChanged);
        QSignalSpy compute(&panel, &ControlPanel::computeEfficiencyChanged);
        QSignalSpy bandwidth(&panel, &ControlPanel::bandwidthEfficiencyChanged);
        control<QCheckBox>(panel, "efficiency")->click();
        QCOMPARE(enabled.count(), 1);
        QCOMPARE(enabled.at(0).at(0).toBool(), true);
        QCOMPARE(compute.count() + bandwidth.count(), 0); // the shares as the state has them
        control<QSpinBox>(panel, "computeEfficiency")->setValue(60);
        QCOMPARE(compute.count(), 1);
        QCOMPARE(compute.at(0).at(0).toDouble(), 0.60);
        QCOMPARE(bandwidth.count(), 0);
        control<QSpinBox>(panel, "bandwidthEfficiency")->setValue(90);
        QCOMPARE(bandwidth.count(), 1);
        QCOMPARE(bandwidth.at(0).at(0).toDouble(), 0.90);
    }

    // The picker names an edited GPU as the chart's title does, in its preset's place, and the preset again once reset.
    void anEditedGpuIsNamedInThePicker()
    {
        ControlPanel panel;
        panel.setGpuNames({ QStringLiteral("H100 SXM"), QStringLiteral("RTX A6000 (seed chart)") });
        ControlValues values;
        values.gpuIndex = 1;
        panel.setValues(values);
        QCOMPARE(control<QComboBox>(panel, "gpu")->currentText(), QStringLiteral("RTX A6000 (seed chart)"));
        values.gpuCustomised = true;
        values.gpuName = QStringLiteral("Custom (from RTX A6000 (seed chart))");
        panel.setValues(values);
        QCOMPARE(control<QComboBox>(panel, "gpu")->currentText(), QStringLiteral("Custom (from RTX A6000 (seed chart))"));
        QCOMPARE(control<QComboBox>(panel, "gpu")->itemText(0), QStringLiteral("H100 SXM"));
        // The list refilled (a GPU file opened): still named so.
        panel.setGpuNames({ QStringLiteral("H100 SXM"), QStringLiteral("RTX A6000 (seed chart)"), QStringLiteral("Opened") });
        QCOMPARE(control<QComboBox>(panel, "gpu")->itemText(1), QStringLiteral("Custom (from RTX A6000 (seed chart))"));
        values.gpuCustomised = false;
        values.gpuName = QStringLiteral("RTX A6000 (seed chart)");
        panel.setValues(values);
        QCOMPARE(control<QComboBox>(panel, "gpu")->currentText(), QStringLiteral("RTX A6000 (seed chart)"));
    }

    // In the scrolling panel the wheel scrolls: a combo box, spin box or slider under the pointer takes the
    // wheel only once it has the focus.
    void theWheelScrollsThePanelNotItsInputs()
    {
        QScrollArea area;
        auto *panel = new ControlPanel;
        panel->setGpuNames({ QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C") });
        ControlValues values;
        values.gpuIndex = 1;
        values.batch = 8;
        values.tokensPerStep = 4;
        panel->setValues(values);
        area.setWidget(panel);
        area.resize(300, 200); // the panel is taller: the area scrolls
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        QSignalSpy picked(panel, &ControlPanel::gpuChosen);
        const auto wheel = [](QWidget *target) {
            const QPointF at(target->width() / 2.0, target->height() / 2.0);
            QWheelEvent event(at, target->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(target, &event);
            return event.isAccepted();
        };
        QComboBox *gpu = control<QComboBox>(*panel, "gpu");
        // Not taken: a real turn goes on to the scroll area (sendEvent here does not pass it up).
        QVERIFY(!wheel(gpu));
        QCOMPARE(gpu->currentIndex(), 1);
        QCOMPARE(picked.count(), 0);
        QVERIFY(!wheel(control<LogSlider>(*panel, "batch")->slider()));
        QVERIFY(!wheel(control<QSpinBox>(*panel, "tokensPerStep")));
        QCOMPARE(control<LogSlider>(*panel, "batch")->value(), 8.0);
        QCOMPARE(control<QSpinBox>(*panel, "tokensPerStep")->value(), 4);
        // Once focused (a click, or Tab), it takes the wheel.
        gpu->setFocus();
        QTRY_VERIFY(gpu->hasFocus());
        QVERIFY(wheel(gpu));
        QCOMPARE(gpu->currentIndex(), 2);
        QCOMPARE(picked.count(), 1);
    }

    // At its least width (a small window's panel) every slider keeps a track to drag: the peak and bandwidth
    // rows, whose number boxes are wide ("10000.0 TFLOP/s"), shrank to a bare handle at 800 x 600.
    void atItsLeastWidthEverySliderKeepsATrack()
    {
        ControlPanel panel;
        panel.resize(panel.minimumSizeHint().width(), 2000);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const auto sliders = panel.findChildren<LogSlider *>();
        QCOMPARE(sliders.size(), 4);
        const int track = panel.fontMetrics().averageCharWidth() * 10;
        for (const LogSlider *slider : sliders)
            QVERIFY2(slider->slider()->width() >= track, qPrintable(QStringLiteral("%1 px of %2").arg(slider->slider()->width()).arg(track)));
    }

    // The accepted tokens matter only when a step verifies more than one: the box is off at 1 a step.
    void acceptedTokensFollowTokensPerStep()
    {
        ControlPanel panel;
        panel.setValues(ControlValues {});
        QVERIFY(!control<QDoubleSpinBox>(panel, "acceptedTokens")->isEnabled());
        QCOMPARE(control<QDoubleSpinBox>(panel, "acceptedTokens")->minimum(), AcceptedTokensRange.min);
        QCOMPARE(control<QDoubleSpinBox>(panel, "acceptedTokens")->maximum(), 1.0);
        ControlValues values;
        values.tokensPerStep = 8;
        panel.setValues(values);
        QVERIFY(control<QDoubleSpinBox>(panel, "acceptedTokens")->isEnabled());
        QCOMPARE(control<QDoubleSpinBox>(panel, "acceptedTokens")->maximum(), 8.0); // no more accepted than verified
        control<QDoubleSpinBox>(panel, "acceptedTokens")->setValue(9);
        QCOMPARE(control<QDoubleSpinBox>(panel, "acceptedTokens")->value(), 8.0);
        QSignalSpy accepted(&panel, &ControlPanel::acceptedTokensChanged);
        control<QDoubleSpinBox>(panel, "acceptedTokens")->setValue(3.5);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(accepted.at(0).at(0).toDouble(), 3.5);
    }

    // The modelling choices sit folded under their header; shown values emit nothing; a click reports
    // every choice typed.
    void assumptionsAreFoldedAndReportedTyped()
    {
        ControlPanel panel;
        AssumptionsPanel *assumptions = control<AssumptionsPanel>(panel, "assumptions");
        QVERIFY(!assumptions->isExpanded());
        QVERIFY(!control<QCheckBox>(*assumptions, "causalMask")->isVisibleTo(&panel));
        control<QToolButton>(*assumptions, "header")->click();
        QVERIFY(assumptions->isExpanded());
        QVERIFY(control<QCheckBox>(*assumptions, "causalMask")->isVisibleTo(&panel));
        QSignalSpy changed(&panel, &ControlPanel::assumptionsChanged);
        ControlValues values;
        values.assumptions = Assumptions { true, true, DType::Fp16, DType::Fp32, true, false, false };
        panel.setValues(values);
        QCOMPARE(changed.count(), 0);
        QVERIFY(control<QCheckBox>(*assumptions, "causalMask")->isChecked());
        QCOMPARE(control<QComboBox>(*assumptions, "embeddingType")->currentText(), QStringLiteral("fp16"));
        QCOMPARE(control<QComboBox>(*assumptions, "scoreType")->currentText(), QStringLiteral("fp32"));
        QVERIFY(!control<QCheckBox>(*assumptions, "countNonGemm")->isChecked());
        control<QCheckBox>(*assumptions, "fuseGateUp")->setChecked(true);
        QCOMPARE(changed.count(), 1);
        Assumptions expected = values.assumptions;
        expected.fuseGateUp = true;
        QVERIFY(changed.at(0).at(0).value<Assumptions>() == expected);
        // "as the activations" is no type of its own.
        control<QComboBox>(*assumptions, "scoreType")->setCurrentIndex(0);
        Q_EMIT control<QComboBox>(*assumptions, "scoreType")->activated(0);
        QVERIFY(!changed.at(1).at(0).value<Assumptions>().scoreType.has_value());
    }

    // Every field shown, both ways: each box follows the values it is given, from on to off and back (a box
    // left as it was would silently put its old value back with the next change of another).
    void assumptionsShowEveryFieldBothWays()
    {
        ControlPanel panel;
        AssumptionsPanel *assumptions = control<AssumptionsPanel>(panel, "assumptions");
        const auto shows = [&](const Assumptions &a) {
            QCOMPARE(control<QCheckBox>(*assumptions, "causalMask")->isChecked(), a.causalMask);
            QCOMPARE(control<QCheckBox>(*assumptions, "allLogits")->isChecked(), a.allPrefillLogits);
            QCOMPARE(control<QCheckBox>(*assumptions, "fuseQkv")->isChecked(), a.fuseQkv);
            QCOMPARE(control<QCheckBox>(*assumptions, "fuseGateUp")->isChecked(), a.fuseGateUp);
            QCOMPARE(control<QCheckBox>(*assumptions, "countNonGemm")->isChecked(), a.countNonGemm);
            QCOMPARE(control<QComboBox>(*assumptions, "embeddingType")->currentIndex() == 0, !a.embeddingType.has_value());
            QCOMPARE(control<QComboBox>(*assumptions, "scoreType")->currentIndex() == 0, !a.scoreType.has_value());
            if (a.embeddingType)
                QCOMPARE(control<QComboBox>(*assumptions, "embeddingType")->currentText(), QString::fromUtf8(dtypeName(*a.embeddingType).data()));
            if (a.scoreType)
                QCOMPARE(control<QComboBox>(*assumptions, "scoreType")->currentText(), QString::fromUtf8(dtypeName(*a.scoreType).data()));
        };
        const Assumptions on { true, true, DType::Int8, DType::Fp32, true, true, true };
        const Assumptions off { false, false, std::nullopt, std::nullopt, false, false, false };
        for (const Assumptions &a : { on, off, on, Assumptions {}, off }) {
            ControlValues values;
            values.assumptions = a;
            panel.setValues(values);
            shows(a);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void choicesAreReportedTyped()
    {
        ControlPanel panel;
        panel.setValues(ControlValues {}); // fp16 throughout, the default sweep
        QSignalSpy dtypes(&panel, &ControlPanel::dtypesChanged);
        QSignalSpy compute(&panel, &ControlPanel::computeTypeChanged);
        QSignalSpy sweep(&panel, &ControlPanel::sweepChanged);
        // The user picks int8 weights: the three types are reported as the enum, whatever the list's order.
        pick(control<QComboBox>(panel, "weightType"), QStringLiteral("int8"));
        QCOMPARE(dtypes.count(), 1);
        QCOMPARE(dtypes.at(0).at(0).value<DType>(), DType::Int8);
        QCOMPARE(dtypes.at(0).at(1).value<DType>(), DType::Fp16);
        pick(control<QComboBox>(panel, "computeType"), QStringLiteral("fp32 (non-tensor)"));
        QCOMPARE(compute.at(0).at(0).value<ComputeType>(), ComputeType::Fp32);
        pick(control<QComboBox>(panel, "sweepMode"), QStringLiteral("None"));
        QCOMPARE(sweep.at(0).at(0).value<SweepMode>(), SweepMode::None);
        QCOMPARE(sweep.at(0).at(1).toLongLong(), 1); // the default sweep's batch range, 1 to 32
        QCOMPARE(sweep.at(0).at(2).toLongLong(), 32);
    }

    void aSweepsRangesAreEditableWhereItSpansThem()
    {
        ControlPanel panel;
        ControlValues values;
        const auto editable = [&panel](const char *name) { return control<QSpinBox>(panel, name)->isEnabled(); };
        const std::pair<SweepMode, std::pair<bool, bool>> cases[] { { SweepMode::Both, { true, true } },
                                                                   { SweepMode::Batch, { true, false } },
                                                                   { SweepMode::Seq, { false, true } },
                                                                   { SweepMode::None, { false, false } },
                                                                   { SweepMode::TokensPerStep, { false, false } } };
        for (const auto &[mode, spans] : cases) {
            values.sweep.mode = mode;
            panel.setValues(values);
            QCOMPARE(editable("sweepBatchMin"), spans.first);
            QCOMPARE(editable("sweepBatchMax"), spans.first);
            QCOMPARE(editable("sweepSeqMin"), spans.second);
            QCOMPARE(editable("sweepSeqMax"), spans.second);
        }
    }

    void theSecondGpuPickerReportsTheGpusIndex()
    {
        // "None" heads the list and is -1; each GPU is reported by its place in the list the panel was given.
        ControlPanel panel;
        panel.setGpuNames({ QStringLiteral("A6000"), QStringLiteral("H100"), QStringLiteral("L4") });
        panel.setValues(ControlValues {});
        auto *second = control<QComboBox>(panel, "secondGpu");
        QCOMPARE(second->currentText(), QStringLiteral("None"));
        QSignalSpy chosen(&panel, &ControlPanel::secondGpuChosen);
        pick(second, QStringLiteral("L4"));
        pick(second, QStringLiteral("A6000"));
        pick(second, QStringLiteral("None"));
        QCOMPARE(chosen.count(), 3);
        QCOMPARE(chosen.at(0).at(0).toInt(), 2);
        QCOMPARE(chosen.at(1).at(0).toInt(), 0);
        QCOMPARE(chosen.at(2).at(0).toInt(), -1);
        // The state's choice shown back: H100, then none; swapping the two is offered only with one.
        ControlValues values;
        values.secondGpuIndex = 1;
        panel.setValues(values);
        QCOMPARE(second->currentText(), QStringLiteral("H100"));
        QVERIFY(control<QPushButton>(panel, "swapGpus")->isEnabled());
        values.secondGpuIndex = -1;
        panel.setValues(values);
        QCOMPARE(second->currentText(), QStringLiteral("None"));
        QVERIFY(!control<QPushButton>(panel, "swapGpus")->isEnabled());
        QCOMPARE(chosen.count(), 3); // showing is not choosing
    }

    void undoKeysInANumberBoxAreTheWindows()
    {
        // Ctrl+Z in the batch box or the tokens box drops a number typed and not entered, then undoes the window's
        // last step, never the box's own typing history; Ctrl+E exports.
        QMainWindow window;
        auto *panel = new ControlPanel(&window);
        window.setCentralWidget(panel);
        QAction undo(QStringLiteral("Undo"), &window);
        undo.setShortcut(QKeySequence::Undo);
        QAction redo(QStringLiteral("Redo"), &window);
        redo.setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
        QAction exportChart(QStringLiteral("Export"), &window);
        exportChart.setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
        window.addActions({ &undo, &redo, &exportChart });
        QSignalSpy undone(&undo, &QAction::triggered);
        QSignalSpy redone(&redo, &QAction::triggered);
        QSignalSpy exported(&exportChart, &QAction::triggered);
        window.show();
        window.activateWindow(); // under X11 without a window manager nothing else activates it
        QVERIFY(QTest::qWaitForWindowActive(&window));
        for (QAbstractSpinBox *box : { static_cast<QAbstractSpinBox *>(control<LogSlider>(*panel, "batch")->spinBox()),
                                       static_cast<QAbstractSpinBox *>(control<QSpinBox>(*panel, "tokensPerStep")) }) {
            QLineEdit *edit = box->findChild<QLineEdit *>();
            edit->setFocus();
            const QString shown = edit->text();
            QTest::keyClicks(edit, QStringLiteral("16"));
            const QString typed = edit->text();
            QVERIFY(typed != shown);
            // Typed and not entered: the first Ctrl+Z drops the typing, and is not the window's.
            QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
            QCOMPARE(edit->text(), shown);
            QCOMPARE(undone.count(), box == control<LogSlider>(*panel, "batch")->spinBox() ? 0 : 1);
            // Nothing typed: Ctrl+Z is the window's Undo; the redo keys are the window's.
            QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
            QTest::keyClicks(edit, QStringLiteral("16"));
            const QString retyped = edit->text();
            QTest::keyClick(edit, Qt::Key_Y, Qt::ControlModifier);
            QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
            QCOMPARE(edit->text(), retyped); // the box's own history was not used
            // Ctrl+E is the window's Export, not the edit's "end of line".
            QTest::keyClick(edit, Qt::Key_E, Qt::ControlModifier);
        }
        QCOMPARE(undone.count(), 2); // one for each box, after its typing was dropped
        QCOMPARE(redone.count(), 4);
        QCOMPARE(exported.count(), 2);
    }

    void onlyControlsThatDifferAreTouched()
    {
        // The slider being dragged already shows the value the state answers with: it is not set again (its
        // spin box would lose the digit being typed, its handle would jump under the pointer).
        ControlPanel panel;
        ControlValues values;
        panel.setValues(values);
        QSignalSpy batch(control<LogSlider>(panel, "batch"), &LogSlider::valueChanged);
        control<LogSlider>(panel, "batch")->setValue(8); // the user moves it: one signal
        QCOMPARE(batch.count(), 1);
        values.batch = 8;
        panel.setValues(values); // the state's answer
        QCOMPARE(batch.count(), 1);
        QCOMPARE(control<LogSlider>(panel, "batch")->value(), 8.0);
        // The peak comes back through FLOP/s, a last bit off (97.3e12 / 1e12 need not be 97.3): the same value,
        // and the slider keeps its own.
        auto *peak = control<LogSlider>(panel, "peak");
        peak->setValue(97.3);
        values.peakTflops = std::nextafter(97.3, 1000.0);
        panel.setValues(values);
        QVERIFY(peak->value() == 97.3); // exactly: QCOMPARE takes doubles a last bit apart as equal
        values.peakTflops = 97.4; // a different value is shown
        panel.setValues(values);
        QCOMPARE(peak->value(), 97.4);
        // A choice the state refused shows the state's value again (the state kept fp16).
        control<QComboBox>(panel, "computeType")->setCurrentIndex(control<QComboBox>(panel, "computeType")->findText(QStringLiteral("int8")));
        panel.setValues(values);
        QCOMPARE(control<QComboBox>(panel, "computeType")->currentText(), QStringLiteral("fp16 / bf16 tensor"));
    }
};

QTEST_MAIN(TestControlPanel)
#include "tst_controlpanel.moc"
