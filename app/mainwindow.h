#pragma once

#include <QMainWindow>

class QMenu;
class QScrollArea;
class QSettings;
class QTabWidget;

namespace roofline {

class ControlPanel;
class ExplorerState;
class ChartExporter;
class FileController;
class OpTableModel;
class PhaseMapView;
class PresentationMode;
class ResultsModel;
class RooflinePlot;
class SummaryView;
struct ScenarioResults;

// Builds the window and connects its parts: the controls to the state (ControlsBinder), the state to the
// results (ResultsModel), the results to the views (canvas, op table, summary, phase map), the canvas's
// gestures back to the state, and the menus to the file operations (FileController). It holds no inputs
// (ExplorerState does) and computes nothing.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `settings` keeps the recent sessions (FileController); null remembers none.
    MainWindow(ExplorerState *state, QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows a one-line error in the status bar and in a message box, as plain text; nothing if it is empty.
    void showError(const QString &message);
    // Only the chart, full screen, large and high-contrast; the arrow keys step the workload.
    void setPresentation(bool enabled);
    bool isPresenting() const;
    // Asks for a note's text and adds it at a chart coordinate.
    void addNote(double x, double y);

    RooflinePlot *plot() const { return m_plot; }
    ControlPanel *controls() const { return m_controls; }
    OpTableModel *opTable() const { return m_opTable; }
    SummaryView *summary() const { return m_summary; }
    PhaseMapView *phaseMap() const { return m_phaseMap; }
    QTabWidget *views() const { return m_views; }
    FileController *files() const { return m_files; }
    ChartExporter *exports() const { return m_exports; }
    ResultsModel *resultsModel() const { return m_results; }
    const ScenarioResults &results() const;

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    // Unsaved changes: asks to save, discard or stay (FileController::maybeSave).
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildNumbers();
    void connectCanvas();
    void showTitle();
    void rebuildRecentMenu();
    void followPalette();

    ExplorerState *m_state;
    ResultsModel *m_results;
    RooflinePlot *m_plot;
    ControlPanel *m_controls;
    FileController *m_files;
    ChartExporter *m_exports;
    QScrollArea *m_controlScroll;
    OpTableModel *m_opTable;
    SummaryView *m_summary;
    QWidget *m_numbers;
    QTabWidget *m_views;
    PhaseMapView *m_phaseMap;
    QMenu *m_recentMenu = nullptr;
    PresentationMode *m_presentation = nullptr;
};

} // namespace roofline
