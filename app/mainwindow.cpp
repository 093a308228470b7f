#include "mainwindow.h"

#include "canvasfeed.h"
#include "chartframe.h"
#include "controlpanel.h"
#include "elidedlabel.h"
#include "controlsbinder.h"
#include "explorerstate.h"
#include "chartexporter.h"
#include "filecontroller.h"
#include "mainmenus.h"
#include "notedialog.h"
#include "optablemodel.h"
#include "phasemapview.h"
#include "presentationmode.h"
#include "resultsmodel.h"
#include "rooflineplot.h"
#include "sidepanelsplitter.h"
#include "tablecopy.h"
#include "summaryview.h"

#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenuBar>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace roofline {

MainWindow::MainWindow(ExplorerState *state, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_state(state)
    , m_results(new ResultsModel(state, this))
    , m_plot(new RooflinePlot(this))
    , m_controls(new ControlPanel(this))
    , m_files(new FileController(state, m_results, settings, this))
    , m_exports(new ChartExporter(state, m_plot, this))
    , m_controlScroll(new QScrollArea(this))
    , m_opTable(new OpTableModel(this))
    , m_summary(new SummaryView(this))
    , m_numbers(buildNumbers())
    , m_views(new QTabWidget(this))
    , m_phaseMap(new PhaseMapView(this))
{
    new ControlsBinder(m_controls, state, this); // panel <-> state; a child of the window, which owns it
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
    auto *sides = new SidePanelSplitter(left, m_controlScroll, this);
    setCentralWidget(sides);
    m_presentation = new PresentationMode(this, m_views, m_plot, { m_controlScroll, m_numbers }, state);
    setAcceptDrops(true);
    MenuHandlers handlers;
    handlers.showError = [this](const QString &message) { showError(message); };
    handlers.addNoteInView = [this] {
        const auto [x, y] = frameCentre(m_plot->viewRange());
        addNote(x, y);
    };
    handlers.togglePresentation = [this] { setPresentation(!isPresenting()); };
    handlers.sidePanelAction = [sides](QAction *action) {
        connect(action, &QAction::toggled, sides, &SidePanelSplitter::setPanelShown);
        connect(sides, &SidePanelSplitter::panelShownChanged, action, &QAction::setChecked);
    };
    m_recentMenu = createMenus(this, state, m_files, m_exports, handlers);
    // The status bar's hint is the shown tab's: a lasting part of the bar, which a message or a menu's status tip
    // covers for a while and never clears. It never widens the window: shortened with "…", whole in its tooltip.
    auto *hint = new ElidedLabel(this);
    hint->setObjectName(QStringLiteral("hint"));
    statusBar()->addWidget(hint, 1);
    const auto showHint = [this, hint] {
        hint->setFullText(m_views->currentWidget() == m_phaseMap
                          ? tr("Each cell is one batch size and sequence length; the dashed line is where weights and "
                               "cache stop fitting the GPU's memory (washed pale beyond); the disc is the current workload; "
                               "hover a cell for its value. F9 folds the side panel away and back.")
                          : tr("Hover a point for its numbers; right-click to label it; wheel to zoom, drag to pan; "
                               "click a legend entry to hide a series; F9 folds the side panel away and back."));
    };
    showHint();
    connect(m_views, &QTabWidget::currentChanged, this, showHint);

    // Results flow one way: state -> ResultsModel -> views, each subscribed to what it shows.
    feedCanvas(m_plot, m_state, m_results);
    connect(m_results, &ResultsModel::resultsAvailable, m_opTable,
            [this](const ScenarioResults &results) { m_opTable->setEvaluation(results.evaluation, results.measuredShares); });
    connect(m_results, &ResultsModel::resultsAvailable, m_summary,
            [this](const ScenarioResults &results) { m_summary->setEvaluation(results.evaluation); });
    connect(m_results, &ResultsModel::resultsAvailable, this, &MainWindow::showTitle);
    connectCanvas();
    connect(m_controls, &ControlPanel::openModelFileRequested, m_files, &FileController::openModelDialog);
    connect(m_controls, &ControlPanel::openGpuFileRequested, m_files, &FileController::openGpuDialog);
    connect(m_results, &ResultsModel::phaseMapAvailable, m_phaseMap, &PhaseMapView::setData);
    // The state owns the choice: the view reports a pick and shows what the state holds.
    m_phaseMap->setChoice(state->session().phaseMap);
    connect(m_phaseMap, &PhaseMapView::choiceChanged, state, &ExplorerState::setPhaseMapChoice);
    connect(state, &ExplorerState::phaseMapChoiceChanged, m_phaseMap, [this] { m_phaseMap->setChoice(m_state->session().phaseMap); });
    connect(m_views, &QTabWidget::currentChanged, m_results,
            [this] { m_results->setPhaseMapShown(m_views->currentWidget() == m_phaseMap); });
    connect(m_files, &FileController::failed, this, &MainWindow::showError);
    connect(m_files, &FileController::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_exports, &ChartExporter::failed, this, &MainWindow::showError);
    connect(m_exports, &ChartExporter::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_files, &FileController::sessionPathChanged, this, &MainWindow::showTitle);
    connect(m_files, &FileController::sessionPathChanged, m_exports, [this] { m_exports->setSessionPath(m_files->sessionPath()); });
    connect(m_files, &FileController::recentSessionsChanged, this, &MainWindow::rebuildRecentMenu);
    connect(state, &ExplorerState::limitReached, this, &MainWindow::showError);
    connect(m_files, &FileController::modifiedChanged, this, &QWidget::setWindowModified);

    m_results->recompute();
    followPalette();
    rebuildRecentMenu();
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1600, 1000);
    resize(available.size() * 0.9);
}

MainWindow::~MainWindow() = default;

const ScenarioResults &MainWindow::results() const
{
    return m_results->results();
}

QWidget *MainWindow::buildNumbers()
{
    auto *sorted = new QSortFilterProxyModel(this);
    sorted->setSourceModel(m_opTable);
    sorted->setSortRole(OpTableModel::SortRole);
    auto *table = new QTableView(this);
    table->setModel(sorted);
    table->setSortingEnabled(true);
    table->sortByColumn(-1, Qt::AscendingOrder);
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    // Columns are sized once (and when the rows change), not on every slider step: ResizeToContents
    // measures every cell at each change and cost more than the whole chart update.
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->horizontalHeader()->setStretchLastSection(false); // a wide window leaves space, not one wide column
    connect(m_opTable, &QAbstractItemModel::modelReset, table, &QTableView::resizeColumnsToContents);
    // The Measured column only when imported kernels measure an op (empty, it took the rest of the width).
    table->setColumnHidden(OpTableModel::Measured, !m_opTable->hasMeasuredShares());
    connect(m_opTable, &OpTableModel::measuredSharesChanged, table, [table](bool any) {
        table->setColumnHidden(OpTableModel::Measured, !any);
        table->resizeColumnsToContents();
    });
    table->setAlternatingRowColors(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    copySelectedRowsOnCopyKey(table); // Ctrl+C in the table copies its rows, not the chart
    auto *numbers = new QWidget(this);
    auto *layout = new QVBoxLayout(numbers);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(table, 1);
    return numbers;
}

void MainWindow::connectCanvas()
{
    // The canvas shows what the state holds and reports the user's gestures; the state decides.
    ExplorerState *s = m_state;
    connect(m_plot, &RooflinePlot::viewChanged, s, [this] { m_state->setView(m_plot->viewRange()); });
    connect(m_plot, &RooflinePlot::resetViewRequested, s, [this] { m_state->setView(std::nullopt); });
    connect(m_plot, &RooflinePlot::seriesToggleRequested, s, &ExplorerState::toggleSeriesVisible);
    connect(m_plot, &RooflinePlot::labelRequested, s, &ExplorerState::addAnnotation);
    connect(m_plot, &RooflinePlot::noteRequested, this, &MainWindow::addNote);
    connect(m_plot, &RooflinePlot::annotationMoved, s, &ExplorerState::moveAnnotation);
    connect(m_plot, &RooflinePlot::annotationRemoveRequested, s, &ExplorerState::removeAnnotation);
    connect(m_controls, &ControlPanel::dragStarted, m_plot, [this] { m_plot->setDragging(true); });
    connect(m_controls, &ControlPanel::dragFinished, m_plot, [this] { m_plot->setDragging(false); });
}

void MainWindow::showTitle()
{
    // "[*]" is where Qt shows the unsaved-changes mark; a title without it makes setWindowModified warn.
    const QString chart = QString::fromStdString(m_results->results().chart.title);
    const QString path = m_files->sessionPath();
    setWindowTitle((path.isEmpty() ? QString() : QFileInfo(path).fileName() + QStringLiteral("[*] — ")) + chart
                   + (path.isEmpty() ? QStringLiteral("[*]") : QString()) + QStringLiteral(" — Roofline Explorer"));
}

void MainWindow::showError(const QString &message)
{
    if (message.isEmpty())
        return;
    statusBar()->showMessage(message, 10000); // the status bar draws plain text
    // Messages carry text from files (names, values, paths): shown as written, never as markup.
    QMessageBox box(QMessageBox::Warning, tr("Roofline Explorer"), message, QMessageBox::Ok, this);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

void MainWindow::addNote(double x, double y)
{
    NoteDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        m_state->addNote(x, y, dialog.text().toStdString());
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_files->recentSessions();
    for (const QString &path : recent) {
        QString text = QDir::toNativeSeparators(path);
        text.replace(QLatin1Char('&'), QLatin1String("&&")); // as written: '&' would mark a mnemonic
        m_recentMenu->addAction(text, this, [this, path] { showError(m_files->replaceSession(path)); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.constFirst().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            showError(m_files->openAnyFile(url.toLocalFile()));
    event->acceptProposedAction();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    event->setAccepted(m_files->maybeSave());
}

void MainWindow::setPresentation(bool enabled)
{
    m_presentation->setEnabled(enabled);
}

bool MainWindow::isPresenting() const
{
    return m_presentation->isEnabled();
}

void MainWindow::keyPressEvent(QKeyEvent *event)
{
    if (!m_presentation->handleKey(event->key()))
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
    // The canvas follows the system's light or dark palette; exports are drawn in the style they ask for.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_plot->setDark(dark);
    m_phaseMap->setDark(dark);
}

} // namespace roofline
