#include "testutil.h"

#include "controlpanel.h"
#include "explorerstate.h"
#include "logslider.h"
#include "mainwindow.h"
#include "optablemodel.h"
#include "presetsource.h"
#include "rooflineplot.h"
#include "summaryview.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>

using namespace roofline;

namespace {
// The decode points the model gives for `batch` on the default scenario, by series.
std::vector<std::pair<Series, double>> decodeIntensities(const PresetLibrary &presets, std::int64_t batch)
{
    Scenario s;
    s.model = *presets.findModel(DefaultModelId);
    s.gpu = *presets.findGpu(DefaultGpuId);
    s.workload.batch = batch;
    std::vector<std::pair<Series, double>> out;
    for (const OpResult &op : s.evaluate().decode)
        if (op.cost.series != Series::None)
            out.emplace_back(op.cost.series, op.intensity);
    return out;
}

bool graphHasKey(const QCPGraph *graph, double key)
{
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        if (std::fabs(it->key - key) <= 1e-9 * key)
            return true;
    return false;
}
}

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    PresetLibrary m_presets;
    std::unique_ptr<ExplorerState> m_state;
    std::unique_ptr<MainWindow> m_window;

private Q_SLOTS:
    void initTestCase() { m_presets = loadBuiltInPresets(); }
    void init()
    {
        m_state = std::make_unique<ExplorerState>(m_presets);
        m_window = std::make_unique<MainWindow>(m_state.get());
        m_window->show();
    }
    void cleanup()
    {
        m_window.reset();
        m_state.reset();
    }

    void startsAsTheSeedChart()
    {
        const ChartData &chart = m_window->plot()->data();
        QCOMPARE(QString::fromStdString(chart.title), QStringLiteral("Roofline Model (Llama-2-13B, RTX A6000)"));
        QCOMPARE(m_window->plot()->memoryRoof()->name(), QStringLiteral("768GB/s"));
        QCOMPARE(m_window->plot()->computeRoof()->name(), QStringLiteral("181 TFLOP/s"));
        QCOMPARE(m_window->controls()->batchSlider()->value(), 1.0);
        QCOMPARE(m_window->controls()->seqSlider()->value(), 2048.0);
        QCOMPARE(m_window->controls()->peakSlider()->value(), 181.0);
        QCOMPARE(m_window->controls()->bandwidthSlider()->value(), 768.0);
        QVERIFY(m_window->windowTitle().contains(QLatin1String("Llama-2-13B")));
    }

    void batchSliderMovesTheDecodePoints()
    {
        QSlider *slider = m_window->controls()->batchSlider()->slider();
        slider->setValue(500); // sqrt(1024): batch 32
        QCOMPARE(m_state->scenario().workload.batch, qint64(32));
        for (const auto &[series, intensity] : decodeIntensities(m_presets, 32))
            QVERIFY2(graphHasKey(m_window->plot()->currentGraph(series), intensity), qPrintable(QString::number(intensity)));
        // And not where batch 1 put them (projections at ~1 FLOP/B move to ~32).
        const double oldQProj = decodeIntensities(m_presets, 1).front().second;
        QVERIFY(!graphHasKey(m_window->plot()->currentGraph(Series::QkvMlpAr), oldQProj));
        // The table follows.
        QCOMPARE(m_window->opTable()->rowCount(), int(m_window->results().evaluation.prefill.count
                                                      + m_window->results().evaluation.decode.count));
    }

    void bandwidthSliderMovesTheRoofAndRidge()
    {
        m_window->controls()->bandwidthSlider()->spinBox()->setValue(1536);
        const auto first = m_window->plot()->memoryRoof()->data()->constBegin();
        ROOFLINE_COMPARE_REL(first->value / first->key, 1536e9, 1e-12);
        ROOFLINE_COMPARE_REL(m_window->plot()->ridgeLine()->start->coords().x(), 181e12 / 1536e9, 1e-12);
        QCOMPARE(m_window->plot()->memoryRoof()->name(), QStringLiteral("1536GB/s"));
        QVERIFY(m_state->isGpuCustomised());
        QVERIFY(m_window->controls()->resetGpuButton()->isEnabled());
        QVERIFY(QString::fromStdString(m_window->plot()->data().title).contains(QLatin1String("Custom")));
        m_window->controls()->resetGpuButton()->click();
        QCOMPARE(m_window->plot()->memoryRoof()->name(), QStringLiteral("768GB/s"));
    }

    void gpuPresetUpdatesRoofsAndLabels()
    {
        QComboBox *box = m_window->controls()->gpuBox();
        const int h100 = box->findText(QStringLiteral("H100 SXM"));
        QVERIFY(h100 >= 0);
        box->setCurrentIndex(h100);
        Q_EMIT box->activated(h100);
        QCOMPARE(m_window->plot()->memoryRoof()->name(), QStringLiteral("3350GB/s"));
        QCOMPARE(m_window->plot()->computeRoof()->name(), QStringLiteral("989.4 TFLOP/s"));
        QCOMPARE(m_window->plot()->computeRoof()->data()->constBegin()->value, 989.4e12);
        ROOFLINE_COMPARE_REL(m_window->plot()->ridgeLine()->start->coords().x(), 989.4e12 / 3350e9, 1e-12);
        QCOMPARE(m_window->controls()->bandwidthSlider()->value(), 3350.0);
        QCOMPARE(m_window->controls()->peakSlider()->value(), 989.4);
    }

    void hidingASeries()
    {
        RooflinePlot *plot = m_window->plot();
        plot->customPlot()->replot();
        QCPPlottableLegendItem *item = plot->customPlot()->legend->itemWithPlottable(plot->currentGraph(Series::QkvMlpInit));
        QTest::mouseClick(plot->customPlot(), Qt::LeftButton, {}, item->rect().center());
        QVERIFY(!plot->currentGraph(Series::QkvMlpInit)->visible());
        // It stays hidden when the data changes.
        m_state->setBatch(8);
        QVERIFY(!plot->currentGraph(Series::QkvMlpInit)->visible());
    }

    void badFilesLeaveTheStateAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"hidden_size": 5120, "intermediate_size": 13824, "num_attention_heads": 0})");
        file.close();
        const Scenario before = m_state->scenario();
        const QString error = m_window->openModelFile(path);
        QVERIFY2(error.contains(path) && error.contains(QLatin1String("num_attention_heads")), qPrintable(error));
        QCOMPARE(m_state->scenario().model, before.model);
        QCOMPARE(int(m_state->models().size()), int(m_presets.models.size()));
        QVERIFY(!m_window->openGpuFile(dir.path()).isEmpty()); // a directory
        QCOMPARE(m_state->scenario().gpu, before.gpu);
    }

    void goodFileIsAddedAndShown()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"name": "Lab card", "memory_bandwidth_gb_per_s": 500, "memory_gb": 16, "peak_tflops": {"fp16": 50}})");
        file.close();
        QCOMPARE(m_window->openGpuFile(path), QString());
        QCOMPARE(m_window->controls()->gpuBox()->currentText(), QStringLiteral("Lab card"));
        QCOMPARE(m_window->plot()->memoryRoof()->name(), QStringLiteral("500GB/s"));
    }

    void memoryWarning()
    {
        QVERIFY(!m_window->summary()->showsMemoryWarning());
        m_state->setBatch(64); // 64 sequences of 2048 tokens: 107 GB of KV cache
        QVERIFY(m_window->summary()->showsMemoryWarning());
        QVERIFY(m_window->summary()->text().contains(QLatin1String("Does not fit")));
    }

    void aDragReplotsOncePerEventLoopPass()
    {
        QCoreApplication::processEvents(); // settle the first paint
        QSignalSpy replots(m_window->plot(), &RooflinePlot::replotted);
        QSlider *slider = m_window->controls()->batchSlider()->slider();
        for (int tick = 100; tick <= 1000; tick += 100)
            slider->setValue(tick); // ten steps of a drag within one pass
        QCOMPARE(m_state->scenario().workload.batch, qint64(1024));
        QCOMPARE(replots.count(), 0); // queued, not immediate
        QCoreApplication::processEvents();
        QCOMPARE(replots.count(), 1);
        // Only the points moved: grid, axes and legend were not redrawn.
        QCOMPARE(replots.takeFirst().at(0).toBool(), false);
        // A new GPU renames the roofs in the legend: a full redraw.
        m_state->selectGpu(m_state->gpuIndex() + 1);
        QCoreApplication::processEvents();
        QCOMPARE(replots.count(), 1);
        QCOMPARE(replots.takeFirst().at(0).toBool(), true);
        // Every step reached the model: the points are where batch 1024 puts them.
        // Intensities do not depend on the GPU.
        for (const auto &[series, intensity] : decodeIntensities(m_presets, 1024))
            QVERIFY(graphHasKey(m_window->plot()->currentGraph(series), intensity));
    }

    void copyPutsTheChartOnTheClipboard()
    {
        QApplication::clipboard()->clear();
        const auto actions = m_window->findChildren<QAction *>();
        QAction *copy = nullptr;
        for (QAction *action : actions)
            if (action->shortcut() == QKeySequence(QKeySequence::Copy))
                copy = action;
        QVERIFY(copy);
        copy->trigger();
        const QImage image = QApplication::clipboard()->image();
        QCOMPARE(image.size(), QSize(1920, 1080));
    }

    void exportFromTheWindow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QCOMPARE(m_window->exportTo(path, QSize(1280, 720), 1.0), QString());
        QCOMPARE(QImage(path).size(), QSize(1280, 720));
        QVERIFY(!m_window->exportTo(dir.filePath(QStringLiteral("missing/chart.png")), QSize(1280, 720), 1.0).isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
