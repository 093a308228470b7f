#include "mainwindow.h"

#include "chartexport.h"
#include "controlpanel.h"
#include "explorerstate.h"
#include "exportdialog.h"
#include "inputerror.h"
#include "jsonreader.h"
#include "optablemodel.h"
#include "rooflineplot.h"
#include "summaryview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QVBoxLayout>

namespace roofline {

MainWindow::MainWindow(ExplorerState *state, QWidget *parent)
    : QMainWindow(parent)
    , m_state(state)
    , m_plot(new RooflinePlot(this))
    , m_controls(new ControlPanel(this))
    , m_opTable(new OpTableModel(this))
    , m_sortedOps(new QSortFilterProxyModel(this))
    , m_opView(new QTableView(this))
    , m_summary(new SummaryView(this))
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
    connect(m_opTable, &QAbstractItemModel::modelReset, m_opView, &QTableView::resizeColumnsToContents);
    m_opView->horizontalHeader()->setStretchLastSection(true);
    m_opView->setAlternatingRowColors(true);
    m_opView->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *numbers = new QWidget(this);
    auto *numbersLayout = new QVBoxLayout(numbers);
    numbersLayout->setContentsMargins(0, 0, 0, 0);
    numbersLayout->addWidget(m_summary);
    numbersLayout->addWidget(m_opView, 1);

    auto *left = new QSplitter(Qt::Vertical, this);
    left->addWidget(m_plot);
    left->addWidget(numbers);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 1);
    left->setSizes({ 700, 260 });
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_controls);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(m_controls->sizeHint().width() + 24);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(scroll);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 0);
    setCentralWidget(split);
    createMenus();
    statusBar()->showMessage(tr("Hover a point for its numbers; wheel to zoom, drag to pan; click a legend entry to hide a series."));

    connect(m_controls, &ControlPanel::modelChosen, m_state, &ExplorerState::selectModel);
    connect(m_controls, &ControlPanel::gpuChosen, m_state, &ExplorerState::selectGpu);
    connect(m_controls, &ControlPanel::batchChanged, m_state, &ExplorerState::setBatch);
    connect(m_controls, &ControlPanel::seqChanged, m_state, &ExplorerState::setSeq);
    connect(m_controls, &ControlPanel::peakTflopsChanged, m_state, &ExplorerState::setPeakTflops);
    connect(m_controls, &ControlPanel::bandwidthGbpsChanged, m_state, &ExplorerState::setBandwidthGbps);
    connect(m_controls, &ControlPanel::flashAttentionChanged, m_state, &ExplorerState::setFlashAttention);
    connect(m_controls, &ControlPanel::resetGpuRequested, m_state, &ExplorerState::resetGpu);
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
    connect(m_state, &ExplorerState::scenarioChanged, this, &MainWindow::refresh);
    connect(m_state, &ExplorerState::choicesChanged, this, &MainWindow::refreshChoices);

    refreshChoices();
    refresh();
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
    resize(available.size() * 0.9);
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open &config.json…"), this, [this] { Q_EMIT m_controls->openModelFileRequested(); });
    file->addAction(tr("Open &GPU file…"), this, [this] { Q_EMIT m_controls->openGpuFileRequested(); });
    file->addSeparator();
    QAction *exportAction = file->addAction(tr("&Export…"), this, &MainWindow::exportWithDialog);
    exportAction->setShortcut(Qt::CTRL | Qt::Key_E);
    QAction *copy = file->addAction(tr("&Copy chart"), this, &MainWindow::copyChart);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WindowShortcut);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *reset = view->addAction(tr("&Reset view"), m_plot, &RooflinePlot::resetView);
    reset->setShortcut(Qt::CTRL | Qt::Key_0);
    view->addAction(tr("Reset &GPU figures"), m_state, &ExplorerState::resetGpu);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Roofline Explorer"), this, [this] {
        QMessageBox::about(this, tr("About Roofline Explorer"),
                           tr("<b>Roofline Explorer</b> %1<br>Where every operator of an LLM sits on a GPU's roofline."
                              "<br><br>GPL-3.0-or-later. Built with Qt and QCustomPlot.")
                               .arg(QCoreApplication::applicationVersion()));
    });
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
    const Scenario &scenario = m_state->scenario();
    m_results.recompute(scenario);
    m_plot->setData(m_results.chart);
    m_opTable->setEvaluation(m_results.evaluation);
    m_summary->setEvaluation(m_results.evaluation);

    ControlValues values;
    values.modelIndex = m_state->modelIndex();
    values.gpuIndex = m_state->gpuIndex();
    values.batch = double(scenario.workload.batch);
    values.seq = double(scenario.workload.seq);
    values.peakTflops = m_results.evaluation.roof.peakFlopsPerSecond / 1e12;
    values.bandwidthGbps = scenario.gpu.bandwidthBytesPerSecond / 1e9;
    values.flashAttention = scenario.workload.flashAttention;
    values.gpuCustomised = m_state->isGpuCustomised();
    values.gpuNote = QString::fromStdString(scenario.gpu.note);
    m_controls->setValues(values);
    setWindowTitle(QString::fromStdString(m_results.chart.title) + QStringLiteral(" — Roofline Explorer"));
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

QString MainWindow::exportTo(const QString &path, const QSize &size, double scale)
{
    const QString error = exportChart(*m_plot, path, size, scale);
    if (error.isEmpty()) {
        m_lastExportPath = path;
        m_exportSize = size;
        m_exportScale = scale;
        statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
    }
    return error;
}

void MainWindow::showError(const QString &message)
{
    if (message.isEmpty())
        return;
    statusBar()->showMessage(message, 10000);
    QMessageBox::warning(this, tr("Roofline Explorer"), message);
}

void MainWindow::exportWithDialog()
{
    const QString suggestion = m_lastExportPath.isEmpty() ? QDir::home().filePath(QStringLiteral("roofline.png")) : m_lastExportPath;
    ExportDialog dialog(suggestion, m_exportSize, m_exportScale, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    showError(exportTo(dialog.path(), dialog.size(), dialog.scale()));
}

void MainWindow::copyChart()
{
    QApplication::clipboard()->setImage(m_plot->renderImage(m_exportSize, 1.0));
    statusBar()->showMessage(tr("Chart copied to the clipboard"), 3000);
}

} // namespace roofline
