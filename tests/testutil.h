#pragma once

#include "inputerror.h"

#include <QFile>
#include <QTest>

#include <cmath>
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
