#pragma once

#include "chartdata.h"
#include "grid.h"

#include <QMainWindow>

class QTableView;
class QSortFilterProxyModel;
class QMenu;
class QAction;
class QScrollArea;
class QTabWidget;

namespace roofline {

class ExplorerState;
class RooflinePlot;
class ControlPanel;
class OpTableModel;
class SummaryView;
class PhaseMapView;

// Builds the widgets and wires them: controls → state → model → views. It holds no inputs of its own
// (they live in ExplorerState) and computes nothing (ScenarioResults does).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ExplorerState *state, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Each returns an empty string, or a one-line error (and then changes nothing).
    QString openModelFile(const QString &path);
    QString openGpuFile(const QString &path);
    QString openSession(const QString &path, QStringList *warnings = nullptr);
    QString saveSession(const QString &path);
    // Opens whatever the file is: a session, a config.json or a GPU file (as for a drop).
    QString openAnyFile(const QString &path);
    QString exportTo(const QString &path, const QSize &size, double scale, bool dark = false);
    // PNGs of more pixels than this export behind a progress dialog that can cancel.
    static constexpr qint64 LargeExportPixels = qint64(4096) * 4096;
    // Imports measured kernels (CSV, JSON or Nsight Compute's raw CSV) onto the chart.
    QString importMeasurements(const QString &path);

    // Shows a one-line error in the status bar and in a message box, as plain text; nothing if it is empty.
    void showError(const QString &message);

    void setPresentation(bool enabled);
    bool isPresenting() const { return m_presenting; }
    QString sessionPath() const { return m_sessionPath; }

    RooflinePlot *plot() const { return m_plot; }
    ControlPanel *controls() const { return m_controls; }
    OpTableModel *opTable() const { return m_opTable; }
    SummaryView *summary() const { return m_summary; }
    PhaseMapView *phaseMap() const { return m_phaseMap; }
    QTabWidget *views() const { return m_views; }
    const PhaseMap &phaseMapData() const { return m_phaseMapData; }
    const ScenarioResults &results() const { return m_results; }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    QString exportLargePng(const QString &path, const QSize &size, double scale, bool dark, bool *cancelled);
    void createMenus();
    void refreshChoices();
    void refresh();
    void exportWithDialog();
    void copyChart();
    void addNote(double x, double y);
    void rememberRecent(const QString &path);
    void rebuildRecentMenu();
    void showShortcuts();
    void followPalette();
    void refreshPhaseMap();

    ExplorerState *m_state;
    ScenarioResults m_results;
    RooflinePlot *m_plot;
    ControlPanel *m_controls;
    QScrollArea *m_controlScroll;
    OpTableModel *m_opTable;
    QSortFilterProxyModel *m_sortedOps;
    QTableView *m_opView;
    SummaryView *m_summary;
    QWidget *m_numbers;
    QTabWidget *m_views;
    PhaseMapView *m_phaseMap;
    PhaseMap m_phaseMapData;
    QMenu *m_recentMenu = nullptr;
    QString m_sessionPath;
    QString m_lastExportPath;
    bool m_presenting = false;
    bool m_wasMaximized = false;
};

} // namespace roofline
