#include "mainwindow.h"

#include "chartexport.h"
#include "controlpanel.h"
#include "explorerstate.h"
#include "exportdialog.h"
#include "inputerror.h"
#include "jsonreader.h"
#include "optablemodel.h"
#include "phasemapview.h"
#include "rooflineplot.h"
#include "sessionfiles.h"
#include "summaryview.h"
#include "units.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeyEvent>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <memory>

namespace roofline {

namespace {
constexpr int MaxRecentFiles = 8;
const QString SessionFilter = QStringLiteral("Roofline sessions (*.roofline);;All files (*)");

// Messages carry text from files (names, values, paths): shown as written, never as markup.
void showPlainMessage(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text)
{
    QMessageBox box(icon, title, text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

// A menu entry's text as written: '&' would otherwise mark a mnemonic.
QString menuText(const QString &text)
{
    QString escaped = text;
    return escaped.replace(QLatin1Char('&'), QLatin1String("&&"));
}

QString labelFor(const ChartPoint &p)
{
    return QStringLiteral("%1 %2\n%3 FLOP/B, %4FLOP/s, %5-bound")
        .arg(QString::fromUtf8(opName(p.op).data()), QString::fromUtf8(phaseName(p.phase).data()),
             QString::fromStdString(formatSi(p.intensity)), QString::fromStdString(formatSi(p.attainableFlopsPerSecond)),
             p.bound == Bound::Memory ? QStringLiteral("memory") : QStringLiteral("compute"));
}
}

MainWindow::MainWindow(ExplorerState *state, QWidget *parent)
    : QMainWindow(parent)
    , m_state(state)
    , m_plot(new RooflinePlot(this))
    , m_controls(new ControlPanel(this))
    , m_controlScroll(new QScrollArea(this))
    , m_opTable(new OpTableModel(this))
    , m_sortedOps(new QSortFilterProxyModel(this))
    , m_opView(new QTableView(this))
    , m_summary(new SummaryView(this))
    , m_numbers(new QWidget(this))
    , m_views(new QTabWidget(this))
    , m_phaseMap(new PhaseMapView(this))
{
    m_sortedOps->setSourceModel(m_opTable);
    m_sortedOps->setSortRole(OpTableModel::SortRole);
    m_opView->setModel(m_sortedOps);
    m_opView->setSortingEnabled(true);
    m_opView->sortByColumn(-1, Qt::AscendingOrder);
    m_opView->verticalHeader()->hide();
    m_opView->verticalHeader()->setDefaultSectionSize(m_opView->fontMetrics().height() + 6);
    // Columns are sized once (and when the rows change), not on every slider step: ResizeToContents
    // measures every cell at each change and cost more than the whole chart update.
    m_opView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_opView->horizontalHeader()->setStretchLastSection(true);
    connect(m_opTable, &QAbstractItemModel::modelReset, m_opView, &QTableView::resizeColumnsToContents);
    m_opView->setAlternatingRowColors(true);
    m_opView->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *numbersLayout = new QVBoxLayout(m_numbers);
    numbersLayout->setContentsMargins(0, 0, 0, 0);
    numbersLayout->addWidget(m_summary);
    numbersLayout->addWidget(m_opView, 1);

    m_views->addTab(m_plot, tr("Roofline"));
    m_views->addTab(m_phaseMap, tr("Phase map"));
    m_views->setDocumentMode(true);
    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_views);
    left->addWidget(m_numbers);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);
    left->setSizes({ 700, 260 });
    m_controlScroll->setWidget(m_controls);
    m_controlScroll->setWidgetResizable(true);
    m_controlScroll->setMinimumWidth(m_controls->sizeHint().width() + 24);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(m_controlScroll);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    setCentralWidget(split);
    setAcceptDrops(true);
    createMenus();
    statusBar()->showMessage(tr("Hover a point for its numbers; right-click to label it; wheel to zoom, drag to pan; "
                                "click a legend entry to hide a series."));

    ExplorerState *s = m_state;
    connect(m_controls, &ControlPanel::modelChosen, s, &ExplorerState::selectModel);
    connect(m_controls, &ControlPanel::gpuChosen, s, &ExplorerState::selectGpu);
    connect(m_controls, &ControlPanel::batchChanged, s, &ExplorerState::setBatch);
    connect(m_controls, &ControlPanel::seqChanged, s, &ExplorerState::setSeq);
    connect(m_controls, &ControlPanel::peakTflopsChanged, s, &ExplorerState::setPeakTflops);
    connect(m_controls, &ControlPanel::bandwidthGbpsChanged, s, &ExplorerState::setBandwidthGbps);
    connect(m_controls, &ControlPanel::flashAttentionChanged, s, &ExplorerState::setFlashAttention);
    connect(m_controls, &ControlPanel::resetGpuRequested, s, &ExplorerState::resetGpu);
    connect(m_controls, &ControlPanel::dragStarted, s, &ExplorerState::beginDrag);
    connect(m_controls, &ControlPanel::dragFinished, s, &ExplorerState::endDrag);
    connect(m_controls, &ControlPanel::dragStarted, m_plot, [this] { m_plot->setDragging(true); });
    connect(m_controls, &ControlPanel::dragFinished, m_plot, [this] { m_plot->setDragging(false); });
    connect(m_controls, &ControlPanel::secondGpuChosen, s, &ExplorerState::setSecondGpu);
    connect(m_controls, &ControlPanel::opsOnSecondGpuChanged, s, &ExplorerState::setOpsOnSecondGpu);
    connect(m_controls, &ControlPanel::pinRequested, s, &ExplorerState::pinCurrent);
    connect(m_controls, &ControlPanel::clearPinsRequested, s, &ExplorerState::clearPins);
    connect(m_controls, &ControlPanel::sweepChanged, s, [s](int mode, double bMin, double bMax, double sMin, double sMax) {
        SweepSettings sweep;
        sweep.mode = static_cast<SweepMode>(std::clamp(mode, 0, 4));
        sweep.tokensMin = s->session().sweep.tokensMin;
        sweep.tokensMax = s->session().sweep.tokensMax;
        sweep.tokensStep = s->session().sweep.tokensStep;
        sweep.batchMin = std::int64_t(bMin);
        sweep.batchMax = std::int64_t(bMax);
        sweep.seqMin = std::int64_t(sMin);
        sweep.seqMax = std::int64_t(sMax);
        s->setSweep(sweep);
    });
    connect(m_controls, &ControlPanel::openModelFileRequested, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a Hugging Face config.json"), QDir::homePath(),
                                                          tr("JSON (*.json);;All files (*)"));
        if (!path.isEmpty())
            showError(openModelFile(path));
    });
    connect(m_controls, &ControlPanel::openGpuFileRequested, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a GPU file"), QDir::homePath(),
                                                          tr("JSON (*.json);;All files (*)"));
        if (!path.isEmpty())
            showError(openGpuFile(path));
    });
    connect(m_controls, &ControlPanel::dtypesChanged, s, [s](int w, int a, int kv) {
        s->setDTypes(static_cast<DType>(std::clamp(w, 0, 5)), static_cast<DType>(std::clamp(a, 0, 5)),
                     static_cast<DType>(std::clamp(kv, 0, 5)));
    });
    connect(m_controls, &ControlPanel::computeTypeChanged, s,
            [s](int type) { s->setComputeType(static_cast<ComputeType>(std::clamp(type, 0, ComputeTypeCount - 1))); });
    connect(m_controls, &ControlPanel::tokensPerStepChanged, s, [s](int tokens) { s->setTokensPerStep(tokens); });
    connect(m_controls, &ControlPanel::showAllCeilingsChanged, s, &ExplorerState::setShowAllCeilings);
    connect(m_controls, &ControlPanel::efficiencyChanged, s, [s](bool enabled, double compute, double bandwidth) {
        s->setEfficiency(Efficiency { enabled, compute, bandwidth });
    });
    connect(m_phaseMap, &PhaseMapView::choiceChanged, this, &MainWindow::refreshPhaseMap);
    connect(m_views, &QTabWidget::currentChanged, this, &MainWindow::refreshPhaseMap);
    connect(m_plot, &RooflinePlot::seriesVisibilityChanged, s, &ExplorerState::setSeriesVisible);
    connect(m_plot, &RooflinePlot::labelRequested, s, [s](const ChartPoint &point) {
        Annotation label;
        label.kind = Annotation::Kind::PointLabel;
        label.text = labelFor(point).toStdString();
        label.x = point.intensity;
        label.y = point.attainableFlopsPerSecond;
        label.dx = 40;
        label.dy = -50;
        s->addAnnotation(label);
    });
    connect(m_plot, &RooflinePlot::noteRequested, this, &MainWindow::addNote);
    connect(m_plot, &RooflinePlot::annotationMoved, s, &ExplorerState::moveAnnotation);
    connect(m_plot, &RooflinePlot::annotationRemoveRequested, s, &ExplorerState::removeAnnotation);
    connect(m_plot, &RooflinePlot::viewChanged, s, [this] { m_state->setView(m_plot->viewRange()); });
    connect(s, &ExplorerState::scenarioChanged, this, &MainWindow::refresh);
    connect(s, &ExplorerState::choicesChanged, this, &MainWindow::refreshChoices);
    connect(s, &ExplorerState::limitReached, this, &MainWindow::showError);
    connect(s->undoStack(), &QUndoStack::cleanChanged, this, [this] { setWindowModified(!m_state->undoStack()->isClean()); });

    refreshChoices();
    refresh();
    followPalette();
    rebuildRecentMenu();
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
    resize(available.size() * 0.9);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open session…"), QKeySequence::Open, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open session"), QDir::homePath(), SessionFilter);
        if (!path.isEmpty()) {
            QStringList warnings;
            const QString error = openSession(path, &warnings);
            showError(error);
            if (error.isEmpty() && !warnings.isEmpty())
                showPlainMessage(this, QMessageBox::Information, tr("Session opened with changes"), warnings.join(QLatin1Char('\n')));
        }
    });
    m_recentMenu = file->addMenu(tr("Open &recent"));
    QMenu *examples = file->addMenu(tr("Open e&xample"));
    for (const QString &name : QDir(QStringLiteral(":/sessions")).entryList(QDir::Files)) {
        const QString path = QStringLiteral(":/sessions/") + name;
        examples->addAction(QFileInfo(name).completeBaseName(), this, [this, path] { showError(openSession(path)); });
    }
    file->addAction(tr("&Save session"), QKeySequence::Save, this, [this] {
        QString path = m_sessionPath;
        if (path.isEmpty())
            path = QFileDialog::getSaveFileName(this, tr("Save session"), QDir::home().filePath(QStringLiteral("chart.roofline")),
                                                SessionFilter);
        if (!path.isEmpty())
            showError(saveSession(path));
    });
    file->addAction(tr("Save session &as…"), QKeySequence::SaveAs, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save session as"),
                                                          m_sessionPath.isEmpty() ? QDir::home().filePath(QStringLiteral("chart.roofline")) : m_sessionPath,
                                                          SessionFilter);
        if (!path.isEmpty())
            showError(saveSession(path));
    });
    file->addSeparator();
    file->addAction(tr("Open &config.json…"), this, [this] { Q_EMIT m_controls->openModelFileRequested(); });
    file->addAction(tr("Open &GPU file…"), this, [this] { Q_EMIT m_controls->openGpuFileRequested(); });
    file->addSeparator();
    file->addAction(tr("&Import measured kernels…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import measured kernels"), QDir::homePath(),
                                                          tr("Measurements (*.csv *.json);;All files (*)"));
        if (!path.isEmpty())
            showError(importMeasurements(path));
    });
    file->addAction(tr("Remove measured kernels"), this, [this] { m_state->setMeasured({}); });
    file->addSeparator();
    file->addAction(tr("&Export chart…"), QKeySequence(Qt::CTRL | Qt::Key_E), this, &MainWindow::exportWithDialog);
    QAction *copy = file->addAction(tr("&Copy chart"), QKeySequence::Copy, this, &MainWindow::copyChart);
    copy->setShortcutContext(Qt::WindowShortcut);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_state->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_state->undoStack()->createRedoAction(this, tr("&Redo"));
    // Both redo keys, each bound once and named explicitly: under X11's key scheme QKeySequence::Redo is
    // Ctrl+Shift+Z, and listing it beside Ctrl+Shift+Z bound that key twice, which Qt refuses as ambiguous.
    redo->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu *chart = menuBar()->addMenu(tr("&Chart"));
    chart->addAction(tr("&Pin scenario"), QKeySequence(Qt::CTRL | Qt::Key_P), m_state, &ExplorerState::pinCurrent);
    chart->addAction(tr("Remove &last pin"), this, [this] { m_state->removePin(int(m_state->session().pins.size()) - 1); });
    chart->addAction(tr("Remove &all pins"), m_state, &ExplorerState::clearPins);
    chart->addSeparator();
    chart->addAction(tr("Add a &note…"), this, [this] {
        const ViewRange view = m_plot->viewRange();
        addNote(std::sqrt(view.xMin * view.xMax), std::sqrt(view.yMin * view.yMax));
    });
    chart->addAction(tr("&Reset view"), QKeySequence(Qt::CTRL | Qt::Key_0), this, [this] {
        m_plot->resetView();
        m_state->setView(std::nullopt);
    });
    chart->addAction(tr("Reset &GPU figures"), m_state, &ExplorerState::resetGpu);
    chart->addSeparator();
    QAction *present = chart->addAction(tr("Pre&sentation mode"), QKeySequence(Qt::Key_F5), this,
                                        [this] { setPresentation(!m_presenting); });
    present->setShortcutContext(Qt::ApplicationShortcut);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    help->addAction(tr("&About Roofline Explorer"), this, [this] {
        QMessageBox::about(this, tr("About Roofline Explorer"),
                           tr("<b>Roofline Explorer</b> %1<br>Where every operator of an LLM sits on a GPU's roofline."
                              "<br><br>GPL-3.0-or-later. Built with Qt and QCustomPlot.")
                               .arg(QCoreApplication::applicationVersion()));
    });
}

void MainWindow::showShortcuts()
{
    QMessageBox::information(
        this, tr("Keyboard shortcuts"),
        tr("<table cellpadding=3>"
           "<tr><td><b>Ctrl+O</b></td><td>Open a session</td></tr>"
           "<tr><td><b>Ctrl+S</b>, <b>Ctrl+Shift+S</b></td><td>Save the session, save as</td></tr>"
           "<tr><td><b>Ctrl+E</b></td><td>Export the chart (PNG, SVG, PDF)</td></tr>"
           "<tr><td><b>Ctrl+C</b></td><td>Copy the chart as an image</td></tr>"
           "<tr><td><b>Ctrl+Z</b>; <b>Ctrl+Shift+Z</b> or <b>Ctrl+Y</b></td><td>Undo; redo</td></tr>"
           "<tr><td><b>Ctrl+P</b></td><td>Pin the current scenario</td></tr>"
           "<tr><td><b>Ctrl+0</b></td><td>Reset the view</td></tr>"
           "<tr><td><b>F5</b></td><td>Presentation mode; <b>Esc</b> leaves it</td></tr>"
           "<tr><td><b>← →</b></td><td>In presentation: halve or double the batch</td></tr>"
           "<tr><td><b>↑ ↓</b></td><td>In presentation: double or halve the sequence length</td></tr>"
           "<tr><td><b>Delete</b></td><td>Delete the label last clicked</td></tr>"
           "</table>"));
}

void MainWindow::refreshChoices()
{
    QStringList models;
    for (const ModelConfig &m : m_state->models())
        models << QString::fromStdString(m.name);
    QStringList gpus;
    for (const GpuSpec &g : m_state->gpus())
        gpus << QString::fromStdString(g.name);
    m_controls->setModelNames(models);
    m_controls->setGpuNames(gpus);
}

void MainWindow::refresh()
{
    const Session &session = m_state->session();
    m_results.recompute(session);
    for (int i = 0; i < SeriesCount; ++i)
        m_plot->setSeriesVisible(static_cast<Series>(i), session.seriesVisible[std::size_t(i)]);
    m_plot->setShowAllCeilings(session.showAllCeilings);
    m_plot->setData(m_results.chart);
    m_plot->setAnnotations(session.annotations);
    m_opTable->setEvaluation(m_results.evaluation, m_results.chart.measured);
    m_summary->setEvaluation(m_results.evaluation);

    ControlValues values;
    values.modelIndex = m_state->modelIndex();
    values.gpuIndex = m_state->gpuIndex();
    values.batch = double(session.workload.batch);
    values.seq = double(session.workload.seq);
    values.peakTflops = session.gpu.peak(session.workload.computeType).value_or(0.0) / 1e12;
    values.bandwidthGbps = session.gpu.bandwidthBytesPerSecond / 1e9;
    values.flashAttention = session.workload.flashAttention;
    values.gpuCustomised = m_state->isGpuCustomised();
    values.gpuNote = QString::fromStdString(session.gpu.note);
    values.secondGpuIndex = -1;
    if (session.secondGpu)
        for (std::size_t i = 0; i < m_state->gpus().size(); ++i)
            if (m_state->gpus()[i] == *session.secondGpu)
                values.secondGpuIndex = int(i);
    values.opsOnSecondGpu = session.opsOnSecondGpu;
    values.pinCount = int(session.pins.size());
    values.sweepMode = int(session.sweep.mode);
    values.sweepBatchMin = double(session.sweep.batchMin);
    values.sweepBatchMax = double(session.sweep.batchMax);
    values.sweepSeqMin = double(session.sweep.seqMin);
    values.sweepSeqMax = double(session.sweep.seqMax);
    values.weightType = int(session.workload.weightType);
    values.activationType = int(session.workload.activationType);
    values.kvType = int(session.workload.kvType);
    values.computeType = int(session.workload.computeType);
    values.computeTypeAvailable.clear();
    for (int i = 0; i < ComputeTypeCount; ++i)
        values.computeTypeAvailable << session.gpu.peak(static_cast<ComputeType>(i)).has_value();
    values.tokensPerStep = int(session.workload.tokensPerStep);
    values.efficiencyEnabled = session.efficiency.enabled;
    values.computeEfficiency = session.efficiency.compute;
    values.bandwidthEfficiency = session.efficiency.bandwidth;
    values.showAllCeilings = session.showAllCeilings;
    m_controls->setValues(values);
    refreshPhaseMap();
    // "[*]" is where Qt shows the unsaved-changes mark; a title without it makes setWindowModified warn.
    const QString chart = QString::fromStdString(m_results.chart.title);
    if (m_sessionPath.isEmpty())
        setWindowTitle(chart + QStringLiteral("[*] — Roofline Explorer"));
    else
        setWindowTitle(QFileInfo(m_sessionPath).fileName() + QStringLiteral("[*] — ") + chart + QStringLiteral(" — Roofline Explorer"));
}

QString MainWindow::openModelFile(const QString &path)
{
    try {
        const ModelConfig model = parseModelConfig(readInputFile(path.toStdString()), path.toStdString(),
                                                   QFileInfo(path).completeBaseName().toStdString());
        m_state->addModel(model);
    } catch (const InputError &error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

QString MainWindow::openGpuFile(const QString &path)
{
    try {
        const GpuSpec gpu = parseGpuFile(readInputFile(path.toStdString()), path.toStdString());
        m_state->addGpu(gpu);
    } catch (const InputError &error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

QString MainWindow::openSession(const QString &path, QStringList *warnings)
{
    PresetLibrary known;
    known.models = m_state->models();
    known.gpus = m_state->gpus();
    QString error;
    const std::optional<Session> session = loadSessionFile(path, known, &error, warnings);
    if (!session)
        return error;
    m_sessionPath = path;
    m_state->loadSession(*session);
    if (session->view)
        m_plot->setViewRange(*session->view);
    else
        m_plot->resetView();
    m_state->undoStack()->setClean();
    if (!path.startsWith(QLatin1String(":/")))
        rememberRecent(path);
    else
        m_sessionPath.clear(); // an example: Save asks where
    refresh();
    return {};
}

QString MainWindow::saveSession(const QString &path)
{
    const QString error = saveSessionFile(path, m_state->session());
    if (!error.isEmpty())
        return error;
    m_sessionPath = path;
    m_state->undoStack()->setClean();
    rememberRecent(path);
    refresh();
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return {};
}

QString MainWindow::openAnyFile(const QString &path)
{
    switch (sniffFile(path)) {
    case FileKind::Session:
        return openSession(path);
    case FileKind::ModelConfig:
        return openModelFile(path);
    case FileKind::GpuFile:
        return openGpuFile(path);
    case FileKind::Unknown:
        break;
    }
    // Neither kind: let the GPU loader say precisely what is wrong with it.
    const QString error = openGpuFile(path);
    return error.isEmpty() ? QString() : error;
}

QString MainWindow::exportTo(const QString &path, const QSize &size, double scale, bool dark)
{
    ExportFormat format;
    const QSize pixels = exportPixelSize(size, scale);
    const bool large = exportFormatForPath(path, &format) && format == ExportFormat::Png
        && exportSizeProblem(size, scale, format).isEmpty() && qint64(pixels.width()) * pixels.height() > LargeExportPixels;
    bool cancelled = false;
    const QString error = large ? exportLargePng(path, size, scale, dark, &cancelled) : exportChart(*m_plot, path, size, scale, dark);
    if (cancelled) {
        statusBar()->showMessage(tr("Export cancelled: nothing was written"), 5000);
        return {};
    }
    if (error.isEmpty()) {
        m_lastExportPath = path;
        m_state->setExportSettings(ExportSettings { size.width(), size.height(), scale, dark });
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
    }
    return error;
}

QString MainWindow::exportLargePng(const QString &path, const QSize &size, double scale, bool dark, bool *cancelled)
{
    // A large PNG takes seconds (8192 x 8192: about 2 s, half drawing, half encoding). The window shows a
    // progress dialog that can cancel; the drawing stays on this thread (QCustomPlot is a widget), the
    // encoding runs on another while this one keeps the window alive. A cancelled export writes nothing.
    const QSize pixels = exportPixelSize(size, scale);
    QProgressDialog progress(tr("Exporting a %1 x %2-pixel PNG…").arg(pixels.width()).arg(pixels.height()), tr("Cancel"), 0, 0, this);
    progress.setWindowTitle(tr("Export"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    QCoreApplication::processEvents();
    const auto wasCancelled = [&] {
        *cancelled = progress.wasCanceled();
        return *cancelled;
    };
    if (wasCancelled())
        return {};
    const QImage image = m_plot->renderImage(size, scale, dark);
    QCoreApplication::processEvents();
    if (wasCancelled())
        return {};
    progress.setLabelText(tr("Encoding a %1 x %2-pixel PNG…").arg(pixels.width()).arg(pixels.height()));
    QByteArray bytes;
    std::unique_ptr<QThread> worker(QThread::create([&bytes, image] { bytes = encodePng(image); }));
    QEventLoop loop;
    connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    // Cancel does not stop the encoder, whose result is then dropped: waiting for it keeps its data alive.
    loop.exec();
    worker->wait();
    if (wasCancelled())
        return {};
    return writeExport(path, bytes);
}

void MainWindow::refreshPhaseMap()
{
    // Computed only while it is shown: a slider step on the roofline tab does not pay for it.
    if (m_views->currentWidget() != m_phaseMap)
        return;
    computePhaseMap(m_state->scenario(), m_phaseMap->quantity(), m_phaseMap->series(), 96, m_phaseMapData);
    m_phaseMap->setData(m_phaseMapData);
}

QString MainWindow::importMeasurements(const QString &path)
{
    try {
        m_state->setMeasured(parseMeasuredKernels(readInputFile(path.toStdString()), path.toStdString()));
    } catch (const InputError &error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

void MainWindow::showError(const QString &message)
{
    if (message.isEmpty())
        return;
    statusBar()->showMessage(message, 10000); // the status bar draws plain text
    showPlainMessage(this, QMessageBox::Warning, tr("Roofline Explorer"), message);
}

void MainWindow::exportWithDialog()
{
    const QString suggestion = m_lastExportPath.isEmpty() ? QDir::home().filePath(QStringLiteral("roofline.png")) : m_lastExportPath;
    const ExportSettings &settings = m_state->session().exportSettings;
    ExportDialog dialog(suggestion, QSize(settings.width, settings.height), settings.scale, settings.dark, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    showError(exportTo(dialog.path(), dialog.size(), dialog.scale(), dialog.dark()));
}

void MainWindow::copyChart()
{
    const ExportSettings &settings = m_state->session().exportSettings;
    const QSize size(settings.width, settings.height);
    // The stored size may be an SVG's (up to 16384 a side): the clipboard gets an image, under the PNG limits.
    if (const QString problem = exportSizeProblem(size, 1.0, ExportFormat::Png); !problem.isEmpty()) {
        showError(tr("Chart not copied: %1; export it as SVG or PDF, or choose a smaller size in Export.").arg(problem));
        return;
    }
    QApplication::clipboard()->setImage(m_plot->renderImage(size, 1.0, settings.dark));
    statusBar()->showMessage(tr("Chart copied to the clipboard"), 3000);
}

void MainWindow::addNote(double x, double y)
{
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(this, tr("Add a note"), tr("Note:"), QString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    Annotation note;
    note.kind = Annotation::Kind::Note;
    note.text = text.trimmed().toStdString();
    note.x = x;
    note.y = y;
    m_state->addAnnotation(note);
}

void MainWindow::rememberRecent(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentSessions")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > MaxRecentFiles)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentSessions"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentSessions")).toStringList();
    for (const QString &path : recent)
        m_recentMenu->addAction(menuText(QDir::toNativeSeparators(path)), this, [this, path] { showError(openSession(path)); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && !event->mimeData()->urls().isEmpty() && event->mimeData()->urls().constFirst().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            showError(openAnyFile(url.toLocalFile()));
    event->acceptProposedAction();
}

void MainWindow::setPresentation(bool enabled)
{
    if (enabled == m_presenting)
        return;
    m_presenting = enabled;
    // Only the chart, full screen, large and high-contrast; the arrow keys step the workload.
    m_controlScroll->setVisible(!enabled);
    m_numbers->setVisible(!enabled);
    menuBar()->setVisible(!enabled);
    statusBar()->setVisible(!enabled);
    m_plot->setPresentation(enabled);
    if (enabled) {
        m_wasMaximized = isMaximized();
        showFullScreen();
        setFocus();
    } else if (m_wasMaximized) {
        showMaximized();
    } else {
        showNormal();
    }
}

void MainWindow::keyPressEvent(QKeyEvent *event)
{
    if (m_presenting) {
        const Workload &w = m_state->session().workload;
        switch (event->key()) {
        case Qt::Key_Escape:
            setPresentation(false);
            return;
        case Qt::Key_Left:
            m_state->setBatch(double(w.batch) / 2.0);
            return;
        case Qt::Key_Right:
            m_state->setBatch(double(w.batch) * 2.0);
            return;
        case Qt::Key_Up:
            m_state->setSeq(double(w.seq) * 2.0);
            return;
        case Qt::Key_Down:
            m_state->setSeq(double(w.seq) / 2.0);
            return;
        default:
            break;
        }
    }
    QMainWindow::keyPressEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        followPalette();
    QMainWindow::changeEvent(event);
}

void MainWindow::followPalette()
{
    // The canvas follows the system's light or dark palette; exports are always drawn light.
    m_plot->setDark(palette().color(QPalette::Window).lightness() < 128);
}

} // namespace roofline
