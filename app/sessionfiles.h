#pragma once

#include "chartdata.h"
#include "presets.h"
#include "session.h"

#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace roofline {

class ExplorerState;

// What a file dropped on the window, or named on the command line, holds.
enum class FileKind { Session, ModelConfig, GpuFile, Unknown };

// By extension (.roofline), else by the keys of its JSON: "hidden_size" for a model, "peak_tflops"
// for a GPU, "format" with "workload" for a session.
FileKind sniffFile(const QString &path);

// The session as the chart shows it: labels that follow points with those points' places and numbers now
// (annotationsAsShown, from `shown`, the chart computed for it). What Save and the next start keep.
Session sessionAsShown(const Session &session, const ChartData &shown);

// Writes the session atomically, as an export is written (writeFileAtomically: a symbolic link is followed,
// a target that is not a regular file is refused). Labels that follow points are written as `shown` draws them
// (annotationsAsShown): the chart computed for this session. Returns an empty string, or a one-line error.
QString saveSessionFile(const QString &path, const Session &session, const ChartData &shown);

// Reads a session file. On failure returns nullopt with the one-line error; `warnings` gets what was
// skipped (unknown presets, a newer format's fields).
std::optional<Session> loadSessionFile(const QString &path, const PresetLibrary &presets, QString *error,
                                       QStringList *warnings);

// The session the window had when it last closed, kept in the settings for the next start: the session itself
// under "lastSession" (none: forgotten), and the file it was tied to under "lastSessionPath" (empty for none),
// with whether it held changes not saved there under "lastSessionModified".
struct LastSessionFile {
    QString path;
    bool modified = false;
};
void rememberLastSession(QSettings &settings, const Session *session, const LastSessionFile &file);
LastSessionFile lastSessionFile(QSettings &settings);
// Puts the last session back into `state`, with an empty undo history. Returns false, leaving `state` as it
// was, when there is none or it no longer reads (a preset since removed, a damaged value): it is dropped, not
// shown as an error at every start.
bool restoreLastSession(QSettings &settings, ExplorerState &state, const PresetLibrary &presets);

} // namespace roofline
