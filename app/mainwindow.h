#pragma once

#include "chartdata.h"

#include <QMainWindow>

class QTableView;
class QSortFilterProxyModel;

namespace roofline {

class ExplorerState;
class RooflinePlot;
class ControlPanel;
class OpTableModel;
class SummaryView;

// Builds the widgets and wires them: controls → state → model → views. It holds no inputs of its own
// (they live in ExplorerState) and computes nothing (ScenarioResults does).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(ExplorerState *state, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads a user's file into the state. On failure returns the one-line error and changes nothing.
    QString openModelFile(const QString &path);
    QString openGpuFile(const QString &path);
    QString exportTo(const QString &path, const QSize &size, double scale);

    RooflinePlot *plot() const { return m_plot; }
    ControlPanel *controls() const { return m_controls; }
    OpTableModel *opTable() const { return m_opTable; }
    SummaryView *summary() const { return m_summary; }
    const ScenarioResults &results() const { return m_results; }

private:
    void createMenus();
    void refreshChoices();
    void refresh();
    void showError(const QString &message);
    void exportWithDialog();
    void copyChart();

    ExplorerState *m_state;
    ScenarioResults m_results;
    RooflinePlot *m_plot;
    ControlPanel *m_controls;
    OpTableModel *m_opTable;
    QSortFilterProxyModel *m_sortedOps;
    QTableView *m_opView;
    SummaryView *m_summary;
    QString m_lastExportPath;
    QSize m_exportSize { 1920, 1080 };
    double m_exportScale = 1.0;
};

} // namespace roofline
