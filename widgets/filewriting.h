#pragma once

#include <QString>

class QByteArray;
class QIODevice;
class QSaveFile;

namespace roofline {

// Writing a file whole or not at all: an export, a saved session.

// Writes all of `bytes` to `device` in one write and checks the count: a write that stops short fails even
// when the device sets no error (a file on a disk that fills up part-way does not). Returns an empty string,
// or the reason: "no space left on the device", "only N of M bytes were written (cause)", or the device's error.
QString writeAll(QIODevice &device, const QByteArray &bytes);

// Where a write to `path` goes, or an empty string with `error` set ("<path>: cannot write: <why>") when the
// path must not be written. Nothing there yet: the path. A symbolic link is followed, so the link stays and the
// file it leads to is replaced (its canonical path is returned). An existing target that is not a regular file
// (a directory, a device, a FIFO, a socket) is refused, as is a link that loops ("too many levels of symbolic
// links").
QString writeTarget(const QString &path, QString *error);

// The two halves of writeFileAtomically, for a caller with work between them (an export opens the file before
// it renders, so a path that cannot be written fails at once). openForWriting opens `file` on writeTarget(path),
// unbuffered: the one write goes straight to the file and its count is what reached it (a buffered tail would
// be written only inside commit(), which does not notice when that write stops short). finishWriting writes
// `bytes` in one checked write (writeAll) and commits; on any failure the file is dropped and an earlier file at
// `path` is untouched. Each returns an empty string, or the one-line error.
QString openForWriting(QSaveFile &file, const QString &path);
QString finishWriting(QSaveFile &file, const QString &path, const QByteArray &bytes);

// Writes `bytes` to `path` atomically (QSaveFile: a temporary file renamed onto the name) after writeTarget's
// checks, in one checked write (writeAll). On any failure nothing is written and an earlier file is untouched.
// The replaced file keeps its permissions (QSaveFile copies them); a hard link to it is not updated, as the
// name gets a new file. Returns an empty string, or the one-line error.
QString writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace roofline
