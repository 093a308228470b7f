// The benchmark suite. Each benchmark's target (median, 2-core machine) is in README's Performance section.
#include "chartdata.h"
#include "chartexport.h"
#include "controlpanel.h"
#include "explorerstate.h"
#include "grid.h"
#include "mainwindow.h"
#include "presets.h"
#include "rooflineplot.h"

#include <benchmark/benchmark.h>

#include <qcustomplot.h>

#include <QApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <memory>

using namespace roofline;

namespace {

const PresetLibrary &presets()
{
    static const PresetLibrary library = loadPresetLibraryFromDirectory(ROOFLINE_PRESET_DIR);
    return library;
}

Scenario seedScenario()
{
    Scenario s;
    s.model = *presets().findModel(DefaultModelId);
    s.gpu = *presets().findGpu(DefaultGpuId);
    return s;
}

// Full model evaluation of one workload: every op of both phases and the totals.
void BM_EvaluateScenario(benchmark::State &state)
{
    const Scenario s = seedScenario();
    Workload w = s.workload;
    std::int64_t batch = 1;
    for (auto _ : state) {
        w.batch = batch;
        batch = batch % 1024 + 1;
        benchmark::DoNotOptimize(evaluate(s.model, s.gpu, w));
    }
}
BENCHMARK(BM_EvaluateScenario);

// The default sweep: 18 workloads.
void BM_EvaluateSweep(benchmark::State &state)
{
    const Scenario s = seedScenario();
    std::vector<Evaluation> out;
    for (auto _ : state) {
        evaluateSweep(s.model, s.gpu, s.workload, s.sweep, out);
        benchmark::DoNotOptimize(out.data());
    }
}
BENCHMARK(BM_EvaluateSweep);

// A phase map: 1000 x 1000 (batch, sequence length) workloads, decode time per step.
void BM_EvaluateGrid(benchmark::State &state)
{
    const Scenario s = seedScenario();
    GridSpec grid { GridSpec::logSpaced(1, 1024, 1000), GridSpec::logSpaced(1, 131072, 1000) };
    std::vector<double> out;
    for (auto _ : state) {
        evaluateGrid(s.model, s.gpu, s.workload, grid, GridQuantity::DecodeStepSeconds, Series::QkvMlpAr, out);
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(state.iterations() * std::int64_t(grid.size()));
}
BENCHMARK(BM_EvaluateGrid)->Unit(benchmark::kMillisecond);

// Counts the paint events a widget receives.
class PaintCounter : public QObject
{
public:
    std::int64_t paints = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        paints += event->type() == QEvent::Paint ? 1 : 0;
        return false;
    }
};

// One step of a slider drag as the window does it: the state changes, the window recomputes and hands
// the results to the canvas, the table and the summary, and the canvas replots (1920x1080 plot area).
// The drag is started as the slider's press starts it (markers drawn without antialiasing until release).
template<typename Step>
void sliderDrag(benchmark::State &state, Step step)
{
    ExplorerState explorer(presets());
    MainWindow window(&explorer);
    window.plot()->setFixedSize(1920, 1080);
    window.show();
    QCoreApplication::processEvents();
    QCustomPlot *plot = window.plot()->customPlot();
    PaintCounter counter;
    plot->installEventFilter(&counter);
    Q_EMIT window.controls()->dragStarted();
    std::int64_t i = 0;
    for (auto _ : state) {
        i = i % 1024 + 1;
        step(explorer, i);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall); // the queued replot
        plot->repaint(); // and the paint that puts it on screen
    }
    Q_EMIT window.controls()->dragFinished();
    state.counters["paints_per_step"] = double(counter.paints) / double(std::max<std::int64_t>(state.iterations(), 1));
    state.counters["plot_width"] = plot->width();
    state.counters["plot_height"] = plot->height();
}

// The batch slider: the points move over an unchanged frame (the target).
void BM_SliderStep(benchmark::State &state)
{
    sliderDrag(state, [](ExplorerState &explorer, std::int64_t i) { explorer.setBatch(double(i)); });
}
BENCHMARK(BM_SliderStep)->Unit(benchmark::kMillisecond);

// The bandwidth slider: the roofs move too, so the whole chart is redrawn on every step.
void BM_SliderStepBandwidth(benchmark::State &state)
{
    sliderDrag(state, [](ExplorerState &explorer, std::int64_t i) { explorer.setBandwidthGbps(500.0 + double(i)); });
}
BENCHMARK(BM_SliderStepBandwidth)->Unit(benchmark::kMillisecond);

void exportBenchmark(benchmark::State &state, const char *name)
{
    ScenarioResults results;
    results.recompute(seedScenario());
    RooflinePlot plot;
    plot.resize(1920, 1080);
    plot.setData(results.chart);
    QTemporaryDir dir;
    const QString path = dir.filePath(QString::fromLatin1(name));
    for (auto _ : state) {
        const QString error = exportChart(plot, path, QSize(1920, 1080));
        if (!error.isEmpty())
            state.SkipWithError(qPrintable(error));
    }
}
void BM_ExportPng(benchmark::State &state)
{
    exportBenchmark(state, "chart.png");
}
void BM_ExportSvg(benchmark::State &state)
{
    exportBenchmark(state, "chart.svg");
}
void BM_ExportPdf(benchmark::State &state)
{
    exportBenchmark(state, "chart.pdf");
}
BENCHMARK(BM_ExportPng)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExportSvg)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExportPdf)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
