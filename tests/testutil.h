#pragma once

#include "inputerror.h"

#include <QFile>
#include <QObject>
#include <QProcess>
#include <QTest>

#include <cmath>
#include <functional>
#include <string>

// Relative comparison for doubles: |actual - expected| <= tolerance * |expected|.
#define ROOFLINE_COMPARE_REL(actual, expected, tolerance)                                                              \
    do {                                                                                                               \
        const double a_ = (actual);                                                                                    \
        const double e_ = (expected);                                                                                  \
        const bool ok_ = std::fabs(a_ - e_) <= (tolerance) * std::fabs(e_);                                            \
        QVERIFY2(ok_, qPrintable(QStringLiteral("%1 = %2, expected %3 (rel. tolerance %4)")                            \
                                     .arg(QStringLiteral(#actual))                                                     \
                                     .arg(a_, 0, 'g', 12)                                                              \
                                     .arg(e_, 0, 'g', 12)                                                              \
                                     .arg(double(tolerance))));                                                        \
    } while (false)

// Writes a small input file for a test; false if it could not.
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// A file's bytes; empty if it could not be read.
inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs `load` and returns the InputError's message, or an empty string when nothing was thrown.
template<typename Load>
QString errorOf(Load load)
{
    try {
        load();
    } catch (const roofline::InputError &error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

#ifdef ROOFLINE_EXECUTABLE
// One run of the program on the command line: its exit code (-1 when it crashed or did not finish within a
// minute), standard output and standard error. `prepare` sets the process up before it starts (environment,
// a file for standard output, what the child does before the program runs).
struct Run {
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};
inline Run runExplorer(const QStringList &arguments, const std::function<void(QProcess &)> &prepare = {})
{
    QProcess process;
    if (prepare)
        prepare(process);
    process.start(QStringLiteral(ROOFLINE_EXECUTABLE), arguments);
    if (!process.waitForFinished(60000))
        return {};
    const bool crashed = process.exitStatus() == QProcess::CrashExit;
    return { crashed ? -1 : process.exitCode(), crashed, process.readAllStandardOutput(), process.readAllStandardError() };
}
#endif

// A panel's control by its object name (each control is named for the value it shows); the test stops if there
// is none of that name and type.
template <typename T>
T *control(const QObject &panel, const char *name)
{
    T *found = panel.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}
