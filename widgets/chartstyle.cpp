#include "chartstyle.h"

#include "units.h"

#include <qcustomplot.h>

#include <algorithm>
#include <array>
#include <cmath>

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

QSize exportLayoutSize(const QSize &size)
{
    // Lay out at a size where fonts read as on screen (at most 720 high), then scale to the pixels or page.
    // The short side is laid out at least 256 units wide, a small page being drawn from a larger layout, so
    // the axes and their labels (about 90 units) fit, and rounding to whole units changes the shape by at
    // most 0.2 %. (A 64 x 16384 chart was laid out 3 x 720: 7 % too wide and with no room for its axes.)
    const double shortSide = std::min(size.width(), size.height());
    const double layoutScale = std::min(std::max(1.0, size.height() / 720.0), shortSide / 256.0);
    return QSize(std::max(1, int(std::lround(size.width() / layoutScale))),
                 std::max(1, int(std::lround(size.height() / layoutScale))));
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
