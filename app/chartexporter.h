#pragma once

#include <QObject>
#include <QSize>
#include <QString>

class QWidget;

namespace roofline {

class ExplorerState;
class RooflinePlot;

// The window's chart exports: a PNG, SVG or PDF file (the Export dialog, or a path and size given), and the
// clipboard. Writing is the export's (chartexport.h: rendered whole, then written atomically); this class asks,
// shows progress for a large PNG, and remembers the last path and settings (the state's ExportSettings).
class ChartExporter : public QObject
{
    Q_OBJECT
public:
    // Dialogs open over `window`; exports draw `plot`.
    ChartExporter(ExplorerState *state, RooflinePlot *plot, QWidget *window);

    // Empty, or the one-line error; a cancelled large PNG writes nothing and is no error.
    QString exportTo(const QString &path, const QSize &size, double scale, bool dark = false);
    // PNGs of more pixels than this export behind a progress dialog that can cancel.
    static constexpr qint64 LargeExportPixels = qint64(4096) * 4096;
    // Where the Export dialog starts for another session: in the folder of the last export (else the session's,
    // else the home folder), named after the session's file (else "roofline"), in the last export's format
    // (else PNG). Within one session the dialog offers the path last typed.
    static QString suggestedExportPath(const QString &lastExport, const QString &sessionPath);
    // The session shown now is the file at `path` (empty: none): the next dialog is named after it.
    void setSessionPath(const QString &path);
    QString exportSuggestion() const { return m_suggestion; }

public Q_SLOTS:
    void exportDialog();
    void copyChart();

Q_SIGNALS:
    // A one-line error or a passing message for the status bar.
    void failed(const QString &message);
    void statusMessage(const QString &message, int timeoutMs);

private:
    QString exportLargePng(const QString &path, const QSize &size, double scale, bool dark, bool *cancelled);
    void report(const QString &error);

    ExplorerState *m_state;
    RooflinePlot *m_plot;
    QWidget *m_window;
    QString m_suggestion; // where the next Export dialog starts
    QString m_sessionPath;
};

} // namespace roofline
