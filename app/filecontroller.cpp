#include "filecontroller.h"

#include "explorerstate.h"
#include "resultsmodel.h"
#include "inputerror.h"
#include "jsonreader.h"
#include "sessionfiles.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QUndoStack>

#include <memory>

namespace roofline {

namespace {
const QString SessionFilter = QStringLiteral("Roofline sessions (*%1);;All files (*)").arg(QLatin1String(SessionExtension.data(), qsizetype(SessionExtension.size())));
const QString JsonFilter = QStringLiteral("JSON (*.json);;All files (*)");

QString defaultSessionPath(const QString &directory)
{
    return QDir(directory).filePath(QStringLiteral("chart") + QLatin1String(SessionExtension.data(), qsizetype(SessionExtension.size())));
}

// Runs a loader; its InputError becomes the one-line message, success an empty one.
template<typename Load>
QString errorOf(Load load)
{
    try {
        load();
    } catch (const InputError &error) {
        return QString::fromStdString(error.what());
    }
    return {};
}
} // namespace

FileController::FileController(ExplorerState *state, const ResultsModel *results, QSettings *settings, QWidget *window)
    : QObject(window)
    , m_state(state)
    , m_results(results)
    , m_settings(settings)
    , m_window(window)
{
    // Discarding is of the changes at that moment: a later change is kept again.
    connect(state->undoStack(), &QUndoStack::indexChanged, this, [this] { m_discarded = false; });
    const auto changed = [this] { m_discarded = false; };
    connect(state, &ExplorerState::viewChanged, this, changed);
    connect(state, &ExplorerState::phaseMapChoiceChanged, this, changed);
    connect(state, &ExplorerState::modifiedChanged, this, &FileController::modifiedChanged);
}

bool FileController::isModified() const
{
    return m_state->isModified();
}

void FileController::report(const QString &error)
{
    if (!error.isEmpty())
        Q_EMIT failed(error);
}

QString FileController::openModelFile(const QString &path)
{
    return errorOf([&] {
        m_state->addModel(parseModelConfig(readInputFile(path.toStdString()), path.toStdString(),
                                           QFileInfo(path).completeBaseName().toStdString()));
    });
}

QString FileController::openGpuFile(const QString &path)
{
    return errorOf([&] { m_state->addGpu(parseGpuFile(readInputFile(path.toStdString()), path.toStdString())); });
}

QString FileController::openSession(const QString &path, QStringList *warnings)
{
    PresetLibrary known;
    known.models = m_state->models();
    known.gpus = m_state->gpus();
    QString error;
    QStringList said;
    const std::optional<Session> session = loadSessionFile(path, known, &error, &said);
    if (!session)
        return error;
    if (warnings)
        *warnings = said;
    // An example (a resource) has no path to save to: Save asks where.
    const bool example = path.startsWith(QLatin1String(":/"));
    m_sessionPath = example ? QString() : path;
    m_exampleName = example ? QFileInfo(path).completeBaseName() : QString();
    m_discarded = false; // what was discarded went with the session it belonged to
    // The opened file is the document now, with a history of its own (an undo of the opening kept the new path,
    // and a Save then wrote the old session over the file just opened).
    m_state->loadSession(*session);
    // A file read with warnings (a preset this build lacks, a figure put in range) is not what the session now
    // holds: it is unsaved, so that closing asks and Save is the user's choice, not a silent rewrite.
    if (!said.isEmpty())
        m_state->markUnsaved();
    if (!m_sessionPath.isEmpty())
        rememberRecent(path);
    Q_EMIT sessionPathChanged();
    return {};
}

QString FileController::saveSession(const QString &path)
{
    if (QString error = saveSessionFile(path, m_state->session(), m_results->results().chart); !error.isEmpty())
        return error;
    m_sessionPath = path;
    m_exampleName.clear();
    m_state->markSaved();
    rememberRecent(path);
    Q_EMIT sessionPathChanged();
    Q_EMIT statusMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    return {};
}

QString FileController::openAnyFile(const QString &path)
{
    switch (sniffFile(path)) {
    case FileKind::Session:
        return replaceSession(path);
    case FileKind::ModelConfig:
        return openModelFile(path);
    case FileKind::GpuFile:
    case FileKind::Unknown:
        break;
    }
    // A GPU file, or neither kind: the GPU loader says precisely what is wrong with it.
    return openGpuFile(path);
}

QString FileController::importMeasurements(const QString &path)
{
    return errorOf([&] { m_state->setMeasured(parseMeasuredKernels(readInputFile(path.toStdString()), path.toStdString())); });
}

QStringList FileController::recentSessions() const
{
    return m_settings ? m_settings->value(QStringLiteral("recentSessions")).toStringList() : QStringList();
}

void FileController::rememberRecent(const QString &path)
{
    QStringList recent = recentSessions();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > MaxRecentFiles)
        recent.removeLast();
    if (!m_settings)
        return;
    m_settings->setValue(QStringLiteral("recentSessions"), recent);
    Q_EMIT recentSessionsChanged();
}

QString FileController::sessionDirectory() const
{
    const QString last = m_sessionPath.isEmpty() ? recentSessions().value(0) : m_sessionPath;
    return last.isEmpty() ? QDir::homePath() : QFileInfo(last).absolutePath();
}

QString FileController::replaceSession(const QString &path)
{
    return maybeSave(Leaving::Open) ? openSession(path) : QString();
}

void FileController::newSession()
{
    if (!maybeSave(Leaving::New))
        return;
    PresetLibrary known;
    known.models = m_state->models();
    known.gpus = m_state->gpus();
    m_sessionPath.clear();
    m_exampleName.clear();
    m_discarded = false;
    m_state->loadSession(defaultSession(known));
    Q_EMIT sessionPathChanged();
    Q_EMIT statusMessage(tr("New session"), 3000);
}

bool FileController::maybeSave(Leaving leaving)
{
    m_discarded = false;
    if (!isModified())
        return true;
    const QString name = !m_sessionPath.isEmpty() ? QFileInfo(m_sessionPath).fileName()
        : !m_exampleName.isEmpty()                  ? tr("the example %1").arg(m_exampleName)
                                                    : tr("this new session");
    const QString question = leaving == Leaving::Close ? tr("Save the changes to %1 before closing?")
        : leaving == Leaving::New                        ? tr("Save the changes to %1 before starting a new session?")
                                                         : tr("Save the changes to %1 before opening another session?");
    // Names from files are shown as written, never as markup.
    QMessageBox box(QMessageBox::Warning, tr("Roofline Explorer"), question.arg(name),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(tr("Without saving, they are lost."));
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        saveSessionDialog(false);
        return !isModified(); // not if the save dialog was cancelled or the write failed
    case QMessageBox::Discard:
        m_discarded = true;
        return true;
    default:
        return false;
    }
}

void FileController::rememberLastSession(QSettings &settings) const
{
    if (m_discarded)
        roofline::rememberLastSession(settings, nullptr, LastSessionFile { m_sessionPath, false });
    else
    {
        // As Save writes it: labels that follow points where the chart shows them now.
        const Session shown = sessionAsShown(m_state->session(), m_results->results().chart);
        roofline::rememberLastSession(settings, &shown, LastSessionFile { m_sessionPath, isModified() });
    }
}

bool FileController::restoreLastSession(QSettings &settings)
{
    const LastSessionFile file = lastSessionFile(settings);
    const bool onDisk = !file.path.isEmpty() && QFileInfo(file.path).isFile();
    if (onDisk && !file.modified && openSession(file.path).isEmpty())
        return true;
    PresetLibrary known;
    known.models = m_state->models();
    known.gpus = m_state->gpus();
    if (!roofline::restoreLastSession(settings, *m_state, known))
        return false;
    // Changes never saved come back unsaved, with or without their file: New, Open and closing ask about them.
    if (file.modified)
        m_state->markUnsaved();
    if (onDisk && file.modified) {
        m_sessionPath = file.path;
        Q_EMIT sessionPathChanged();
    }
    return true;
}

void FileController::openSessionDialog()
{
    if (!maybeSave(Leaving::Open))
        return;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open session"), sessionDirectory(), SessionFilter);
    if (path.isEmpty())
        return;
    QStringList warnings;
    const QString error = openSession(path, &warnings);
    report(error);
    if (error.isEmpty() && !warnings.isEmpty()) {
        // Text from files (names, values, paths) is shown as written, never as markup.
        QMessageBox box(QMessageBox::Information, tr("Session opened with changes"), warnings.join(QLatin1Char('\n')),
                        QMessageBox::Ok, m_window);
        box.setTextFormat(Qt::PlainText);
        box.exec();
    }
}

void FileController::saveSessionDialog(bool askForPath)
{
    QString path = m_sessionPath;
    if (askForPath || path.isEmpty())
        path = QFileDialog::getSaveFileName(m_window, askForPath ? tr("Save session as") : tr("Save session"),
                                            path.isEmpty() ? defaultSessionPath(sessionDirectory()) : path, SessionFilter);
    if (!path.isEmpty())
        report(saveSession(path));
}

void FileController::openModelDialog()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open a Hugging Face config.json"), QDir::homePath(), JsonFilter);
    if (!path.isEmpty())
        report(openModelFile(path));
}

void FileController::openGpuDialog()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Open a GPU file"), QDir::homePath(), JsonFilter);
    if (!path.isEmpty())
        report(openGpuFile(path));
}

void FileController::importDialog()
{
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Import measured kernels"), QDir::homePath(),
                                                      tr("Measurements (*.csv *.json);;All files (*)"));
    if (!path.isEmpty())
        report(importMeasurements(path));
}

} // namespace roofline
