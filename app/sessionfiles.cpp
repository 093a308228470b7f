#include "sessionfiles.h"

#include "filewriting.h"
#include "explorerstate.h"
#include "inputerror.h"
#include "jsonreader.h"
#include "chartdata.h"

#include <nlohmann/json.hpp>

#include <QFile>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <optional>

namespace roofline {

FileKind sniffFile(const QString &path)
{
    if (isSessionFileName(path.toStdString()))
        return FileKind::Session;
    try {
        const nlohmann::json json = parseJsonObject(readInputFile(path.toStdString(), MaxSessionFileBytes), path.toStdString());
        if (json.contains("hidden_size"))
            return FileKind::ModelConfig;
        if (json.contains("peak_tflops") || json.contains("memory_bandwidth_gb_per_s"))
            return FileKind::GpuFile;
        if (json.contains("format") && (json.contains("workload") || json.contains("model")))
            return FileKind::Session;
    } catch (const InputError &) {
    }
    return FileKind::Unknown;
}

Session sessionAsShown(const Session &session, const ChartData &shown)
{
    Session asShown = session;
    if (std::any_of(session.annotations.begin(), session.annotations.end(), [](const Annotation &a) { return a.point.has_value(); }))
        asShown.annotations = annotationsAsShown(session.annotations, shown);
    return asShown;
}

QString saveSessionFile(const QString &path, const Session &session, const ChartData &shown)
{
    const std::string text = sessionToJson(sessionAsShown(session, shown));
    if (text.size() > MaxSessionFileBytes)
        return path + QStringLiteral(": not saved: the session would be ") + QString::number(text.size())
            + QStringLiteral(" bytes, more than the ") + QString::number(MaxSessionFileBytes)
            + QStringLiteral(" a session may hold (remove measured kernels or notes)");
    // Written whole or not at all (filewriting.h): a link is followed, a device or FIFO refused, the old file kept on any failure.
    return writeFileAtomically(path, QByteArray::fromStdString(text));
}

std::optional<Session> loadSessionFile(const QString &path, const PresetLibrary &presets, QString *error,
                                       QStringList *warnings)
{
    try {
        std::vector<std::string> skipped;
        std::string text;
        if (path.startsWith(QLatin1String(":/"))) { // an example compiled into the binary
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                throw InputError(path.toStdString(), {}, "no such example");
            text = file.readAll().toStdString();
        } else {
            text = readInputFile(path.toStdString(), MaxSessionFileBytes);
        }
        Session session = parseSession(text, path.toStdString(), presets, skipped);
        if (warnings)
            for (const std::string &line : skipped)
                *warnings << QString::fromStdString(line);
        return session;
    } catch (const InputError &e) {
        if (error)
            *error = QString::fromStdString(e.what());
    }
    return std::nullopt;
}

void rememberLastSession(QSettings &settings, const Session *session, const LastSessionFile &file)
{
    if (session)
        settings.setValue(QStringLiteral("lastSession"), QByteArray::fromStdString(sessionToJson(*session)));
    else
        settings.remove(QStringLiteral("lastSession"));
    settings.setValue(QStringLiteral("lastSessionPath"), file.path);
    settings.setValue(QStringLiteral("lastSessionModified"), file.modified);
}

LastSessionFile lastSessionFile(QSettings &settings)
{
    return LastSessionFile { settings.value(QStringLiteral("lastSessionPath")).toString(),
                             settings.value(QStringLiteral("lastSessionModified")).toBool() };
}

bool restoreLastSession(QSettings &settings, ExplorerState &state, const PresetLibrary &presets)
{
    const QByteArray last = settings.value(QStringLiteral("lastSession")).toByteArray();
    if (last.isEmpty())
        return false;
    try {
        std::vector<std::string> warnings;
        state.loadSession(parseSession(last.toStdString(), "last session", presets, warnings));
    } catch (const InputError &) {
        return false;
    }
    return true;
}

} // namespace roofline
