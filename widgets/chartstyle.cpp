#include "chartstyle.h"

#include "units.h"

#include <qcustomplot.h>

#include <array>

namespace roofline {

QColor seriesColor(Series series)
{
    static const std::array<QColor, SeriesCount> cycle { QColor(0x1f, 0x77, 0xb4), QColor(0xff, 0x7f, 0x0e),
                                                         QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28),
                                                         QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b) };
    const auto index = static_cast<std::size_t>(series);
    return index < cycle.size() ? cycle[index] : QColor(0x7f, 0x7f, 0x7f);
}

QColor ridgeColor()
{
    return QColor(0xe3, 0x77, 0xc2);
}

QColor ridgeLabelColor(bool dark)
{
    return dark ? ridgeColor() : QColor(0xa8, 0x32, 0x7a);
}

namespace {
class SiLogTicker : public QCPAxisTickerLog
{
protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override { return QString::fromStdString(formatSi(tick)); }
};
}

QSharedPointer<QCPAxisTickerLog> siLogTicker(double base, int subTicks)
{
    auto ticker = QSharedPointer<SiLogTicker>::create();
    ticker->setLogBase(base);
    ticker->setSubTickCount(subTicks);
    return ticker;
}

} // namespace roofline
