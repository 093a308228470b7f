#pragma once

#include <QSize>

// The geometry of an export, shared by the canvas (which draws it) and the export writers (which size the
// file): one place, so that neither needs the other's header.

namespace roofline {

// The size an export of `size` pixels (or points) is laid out at before it is scaled to fill them: fonts read
// as on screen (at most 720 high), and the short side is at least 256 units, so the axes and their labels fit
// in a tall, narrow or small export, which is then drawn from a larger layout. PNG, SVG and PDF share it.
QSize exportLayoutSize(const QSize &size);

// The PNG's pixels for a chart laid out at `size` with `scale`: each side times the scale, rounded to the
// nearest pixel (65 x 1.5 gives 98). The image has exactly these pixels, whatever its shape.
QSize exportPixelSize(const QSize &size, double scale);

} // namespace roofline
