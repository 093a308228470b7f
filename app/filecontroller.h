#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QSettings;
class QWidget;

namespace roofline {

class ExplorerState;
class ResultsModel;

// Everything the window reads from files, and its sessions: open, save, the recent list, the last session; a
// model's config.json, a GPU file, measured kernels (charts are written by ChartExporter). Each operation
// returns an empty string or a one-line error, and on error changes nothing; the ...Dialog slots ask for a path
// first and report errors through `failed`. Reading and checking is the model's (loaders, the session reader);
// writing a session is sessionfiles.h's; this class chooses, asks and remembers.
class FileController : public QObject
{
    Q_OBJECT
public:
    // Dialogs open over `window`. A session is saved as `results` computed it (what the chart shows). The recent
    // list is kept in `settings` (the application's; a test's own file); without settings nothing is remembered.
    FileController(ExplorerState *state, const ResultsModel *results, QSettings *settings, QWidget *window);

    QString openModelFile(const QString &path);
    QString openGpuFile(const QString &path);
    // `warnings` gets what a session's reader skipped (unknown presets, a newer format's fields).
    QString openSession(const QString &path, QStringList *warnings = nullptr);
    QString saveSession(const QString &path);
    // Opens whatever the file is: a session, a config.json or a GPU file (as for a drop).
    QString openAnyFile(const QString &path);
    // Imports measured kernels (CSV, JSON or Nsight Compute's raw CSV) onto the chart.
    QString importMeasurements(const QString &path);

    // The session file the window shows (empty for a new session or an example).
    QString sessionPath() const { return m_sessionPath; }
    // Where the Open and Save dialogs start: the folder of the session shown, else of the last one opened or
    // saved, else the home folder.
    QString sessionDirectory() const;

    // Whether the session differs from its file (ExplorerState::isModified). (The export's last size is written
    // too, but as a preference: an export changes nothing.)
    bool isModified() const;

    // Before the window closes, or another session replaces this one: with changes not saved (isModified),
    // asks whether to save them, discard them or stay. True when it may go on:
    // nothing unsaved, saved, or discarded (discardedChanges()).
    enum class Leaving { Close, Open, New };
    bool maybeSave(Leaving leaving = Leaving::Close);
    // Another session in place of this one, as the user asks for it (Open, Open recent, an example, a dropped
    // file): unsaved changes first (maybeSave). Empty if opened or if the user stayed; else the error.
    QString replaceSession(const QString &path);
    // File > New: the default session (defaultSession, from the presets the pickers hold) with no file and an
    // empty undo history, after unsaved changes are dealt with (maybeSave).
    void newSession();
    bool discardedChanges() const { return m_discarded; }
    // The session for the next start (sessionfiles.h): as shown, tied to its file, marked modified if it is.
    // Changes the user discarded are not kept: a session with a file comes back as the file holds it, one
    // without is forgotten.
    void rememberLastSession(QSettings &settings) const;
    // At start: a session saved in its file opens from there, tied to it (its name in the title, Save writes
    // there); one with unsaved changes comes back as it was, tied to its file if that still exists and marked
    // modified; one without a file, as it was. The undo history starts empty. False when there is none or it no
    // longer reads (dropped, not shown as an error at every start).
    bool restoreLastSession(QSettings &settings);
    // The sessions opened or saved last, newest first (at most MaxRecentFiles), as the settings given at
    // construction hold them; none without settings.
    QStringList recentSessions() const;
    static constexpr int MaxRecentFiles = 8;

public Q_SLOTS:
    void openSessionDialog();
    void saveSessionDialog(bool askForPath);
    void openModelDialog();
    void openGpuDialog();
    void importDialog();

Q_SIGNALS:
    // A one-line error or a passing message for the status bar.
    void failed(const QString &message);
    void statusMessage(const QString &message, int timeoutMs);
    void sessionPathChanged();
    void modifiedChanged(bool modified);
    void recentSessionsChanged();

private:
    void rememberRecent(const QString &path);
    void report(const QString &error);

    ExplorerState *m_state;
    const ResultsModel *m_results;
    QSettings *m_settings;
    QWidget *m_window;
    QString m_sessionPath;
    QString m_exampleName; // the example shown, which has no file to save to
    bool m_discarded = false;
};

} // namespace roofline
