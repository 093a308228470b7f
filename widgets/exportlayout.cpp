#include "exportlayout.h"

#include <algorithm>
#include <cmath>

namespace roofline {

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

QSize exportPixelSize(const QSize &size, double scale)
{
    return QSize(std::max(1, int(std::lround(size.width() * scale))),
                 std::max(1, int(std::lround(size.height() * scale))));
}

} // namespace roofline
