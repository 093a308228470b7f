#include "filewriting.h"

#include "text.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

namespace roofline {

QString writeAll(QIODevice &device, const QByteArray &bytes)
{
    errno = 0;
    const qint64 written = device.write(bytes);
    // Read at once: a write that stops part-way sets no error flag, and errno is then the only word on why.
    const int cause = errno;
    if (written == bytes.size())
        return {};
    const auto *file = qobject_cast<const QFileDevice *>(&device);
    // Qt flags a full disk as a resource error; a short write leaves only errno.
    if (cause == ENOSPC || (file && file->error() == QFileDevice::ResourceError))
        return QStringLiteral("no space left on the device");
    if (written < 0) {
        if ((!file || file->error() == QFileDevice::NoError) && cause != 0)
            return QString::fromLocal8Bit(std::strerror(cause));
        return device.errorString();
    }
    QString reason = QStringLiteral("only %1 of %2 bytes were written").arg(written).arg(bytes.size());
    if (cause != 0)
        reason += QStringLiteral(" (") + QString::fromLocal8Bit(std::strerror(cause)) + QLatin1Char(')');
    return reason;
}

namespace {

// What an existing file that is not a regular file is, for a message.
QString fileKindName(mode_t mode)
{
    if (S_ISDIR(mode))
        return QStringLiteral("a directory");
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO (named pipe)");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("a special file");
}

QString cannotWrite(const QString &path, const QString &reason)
{
    // One line, bounded, as every other error (text.h).
    const QString message = path + QStringLiteral(": cannot write: ") + reason;
    return QString::fromStdString(messageLine(message.toStdString()));
}

} // namespace


QString writeTarget(const QString &path, QString *error)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat target {};
    if (::stat(native.constData(), &target) != 0) {
        // Nothing there yet (or a link to nothing, which QSaveFile follows): the file is created. A missing or
        // unreadable directory is left to QSaveFile's open to report.
        if (errno != ELOOP)
            return path;
        // QSaveFile gives up following a loop and replaces the link itself.
        *error = cannotWrite(path, QStringLiteral("too many levels of symbolic links"));
        return {};
    }
    struct stat link {};
    const bool isLink = ::lstat(native.constData(), &link) == 0 && S_ISLNK(link.st_mode);
    QString resolved = isLink ? QFileInfo(path).canonicalFilePath() : path;
    if (!S_ISREG(target.st_mode)) {
        // Writing "over" a device, FIFO or socket would replace it with a regular file (QSaveFile renames
        // its temporary file onto the name): refused, and nothing is written.
        const QString what = fileKindName(target.st_mode) + QStringLiteral(", not a regular file");
        *error = cannotWrite(path, isLink ? QString(QStringLiteral("it leads to ") + resolved + QStringLiteral(", ") + what)
                                          : QString(QStringLiteral("it is ") + what));
        return {};
    }
    if (resolved.isEmpty()) {
        *error = cannotWrite(path, QStringLiteral("cannot resolve the symbolic link"));
        return {};
    }
    return resolved;
}

QString writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file;
    if (QString error = openForWriting(file, path); !error.isEmpty())
        return error;
    return finishWriting(file, path, bytes);
}

QString openForWriting(QSaveFile &file, const QString &path)
{
    QString error;
    const QString target = writeTarget(path, &error);
    if (target.isEmpty())
        return error;
    file.setFileName(target);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return cannotWrite(path, file.errorString());
    return {};
}

QString finishWriting(QSaveFile &file, const QString &path, const QByteArray &bytes)
{
    if (const QString reason = writeAll(file, bytes); !reason.isEmpty()) {
        file.cancelWriting();
        return cannotWrite(path, reason);
    }
    // QSaveFile gives the new file the old one's permissions, but always writable by its owner (a 0444 file
    // became 0644): put the old permission bits back. Set-user-ID, set-group-ID and sticky bits are not
    // carried over, as cp does not without -p: a chart is not a program.
    const QByteArray target = QFile::encodeName(file.fileName());
    struct stat before {};
    const bool existed = ::stat(target.constData(), &before) == 0;
    if (!file.commit())
        return cannotWrite(path, file.errorString());
    if (existed)
        ::chmod(target.constData(), before.st_mode & 0777);
    return {};
}

} // namespace roofline
