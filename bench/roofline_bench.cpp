// The benchmark suite. Each benchmark's target (median, 2-core machine) is in README's Performance section.
#include "chartdata.h"
#include "chartexport.h"
#include "controlpanel.h"
#include "explorerstate.h"
#include "grid.h"
#include "inputlimits.h"
#include "mainwindow.h"
#include "presets.h"
#include "charttext.h"
#include "rooflineplot.h"
#include "scenarioresults.h"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QTemporaryDir>
#include <QUndoStack>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <optional>

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

// One typed step of the state (an undo step each, as typed numbers and presentation's arrow keys make) with
// the undo history full: the state alone, no window.
void BM_StateStepFullHistory(benchmark::State &state)
{
    ExplorerState explorer(presets());
    for (int i = 0; i < ExplorerState::MaxUndoSteps; ++i)
        explorer.setSeq(i % 2 ? 1024.0 : 2048.0);
    std::int64_t i = 0;
    for (auto _ : state)
        explorer.setSeq(++i % 2 ? 1024.0 : 2048.0);
    state.counters["undo_steps"] = double(explorer.undoStack()->count());
}
BENCHMARK(BM_StateStepFullHistory)->Unit(benchmark::kMicrosecond);

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
void sliderDrag(benchmark::State &state, Step step, const std::optional<Session> &session = std::nullopt)
{
    ExplorerState explorer(presets());
    if (session)
        explorer.loadSession(*session);
    MainWindow window(&explorer, nullptr);
    window.plot()->setFixedSize(1920, 1080);
    window.show();
    QCoreApplication::processEvents();
    QWidget *plot = window.plot()->canvasWidget();
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

// A label that follows q_proj's decode point, which moves at every batch step.
Annotation followedLabel()
{
    return Annotation { Annotation::Kind::PointLabel, "q_proj decode", 1.0, 1e12, 40, -40, Annotation::Point { OpKind::QProj, Phase::Decode } };
}

// A batch step with a label on a point: the label moves with the point.
void BM_SliderStepFollowedLabel(benchmark::State &state)
{
    Session session;
    session.model = *presets().findModel(DefaultModelId);
    session.gpu = *presets().findGpu(DefaultGpuId);
    session.annotations = { followedLabel() };
    sliderDrag(state, [](ExplorerState &explorer, std::int64_t i) { explorer.setBatch(double(i)); }, session);
}
BENCHMARK(BM_SliderStepFollowedLabel)->Unit(benchmark::kMillisecond);

// A session at every limit a session has: 100 pins, 1,000 annotations of the longest text (one a label that
// follows its point), 100,000 measured kernels (each naming its op and phase, so each is joined to its modelled
// point).
Session heavySession()
{
    Session session;
    session.model = *presets().findModel(DefaultModelId);
    session.gpu = *presets().findGpu(DefaultGpuId);
    std::vector<Pin> pins;
    for (std::size_t i = 0; i < MaxPins; ++i) {
        Pin pin;
        pin.scenario = session.scenario();
        pin.scenario.workload.batch = std::int64_t(i % 32 + 1);
        pin.scenario.workload.seq = std::int64_t(128) << (i / 32);
        pin.label = "pinned: batch " + std::to_string(pin.scenario.workload.batch) + ", seq "
            + std::to_string(pin.scenario.workload.seq) + ", RTX A6000, Llama-2-13B";
        pins.push_back(std::move(pin));
    }
    session.pins = std::move(pins);
    std::string line(79, 'x');
    line += '\n';
    std::string text;
    while (text.size() + line.size() <= MaxAnnotationChars)
        text += line;
    text.resize(MaxAnnotationChars, 'y');
    std::vector<Annotation> notes;
    for (std::size_t i = 0; i < MaxAnnotations; ++i)
        notes.push_back(Annotation { Annotation::Kind::Note, text, std::pow(10.0, double(i % 40) / 10.0),
                                     std::pow(10.0, 10.0 + double(i % 37) / 9.0), 0, 0 });
    notes.back() = followedLabel();
    session.annotations = std::move(notes);
    static constexpr std::array ops { OpKind::QProj, OpKind::KProj, OpKind::VProj, OpKind::OProj,
                                      OpKind::GateProj, OpKind::UpProj, OpKind::DownProj };
    std::vector<MeasuredKernel> kernels;
    for (std::size_t i = 0; i < MaxMeasuredKernels; ++i) {
        MeasuredKernel k;
        k.op = ops[i % ops.size()];
        k.phase = i % 2 ? Phase::Decode : Phase::Prefill;
        k.name = std::string(opName(*k.op));
        k.flops = 1e9 * double(i % 97 + 1);
        k.bytes = 1e8 * double(i % 89 + 1);
        k.seconds = 1e-4 * double(i % 83 + 1);
        kernels.push_back(std::move(k));
    }
    session.measured = std::move(kernels);
    return session;
}

// One batch-slider step with that session loaded: the step must cost what it costs without it.
void BM_SliderStepHeavySession(benchmark::State &state)
{
    sliderDrag(state, [](ExplorerState &explorer, std::int64_t i) { explorer.setBatch(double(i)); }, heavySession());
}
BENCHMARK(BM_SliderStepHeavySession)->Unit(benchmark::kMillisecond);

// A bandwidth step with that session: the whole chart is redrawn, notes, pins and kernels included.
void BM_SliderStepBandwidthHeavySession(benchmark::State &state)
{
    sliderDrag(state, [](ExplorerState &explorer, std::int64_t i) { explorer.setBandwidthGbps(500.0 + double(i)); },
               heavySession());
}
BENCHMARK(BM_SliderStepBandwidthHeavySession)->Unit(benchmark::kMillisecond);

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
