#include "chartcolors.h"

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

QColor memoryRoofColor()
{
    return seriesColor(Series::QkvMlpInit);
}

QColor computeRoofColor()
{
    return QColor(0xd6, 0x27, 0x28);
}

QColor memoryBoundColor()
{
    return QColor(0x1f, 0x5f, 0xa0);
}

QColor computeBoundColor()
{
    return QColor(0xb2, 0x1f, 0x20);
}

QColor warningColor()
{
    return QColor(0xc6, 0x28, 0x28);
}

std::array<std::pair<double, QColor>, 5> viridisStops()
{
    return { std::pair(0.0, QColor(0x44, 0x01, 0x54)), std::pair(0.25, QColor(0x3b, 0x52, 0x8b)),
             std::pair(0.5, QColor(0x21, 0x91, 0x8c)), std::pair(0.75, QColor(0x5e, 0xc9, 0x62)),
             std::pair(1.0, QColor(0xfd, 0xe7, 0x25)) };
}

QColor phaseMapOverlayColor()
{
    return QColor(Qt::white);
}

} // namespace roofline
