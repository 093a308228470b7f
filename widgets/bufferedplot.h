#pragma once

#include "qcp.h"

#include <memory>

namespace roofline {

// A QCustomPlot whose paint buffers suit a chart where a slider step moves a few marks over a
// static frame. The layers below the top one share an opaque image, copied to the screen without
// blending; the top layer is kept as a recording of its drawing commands and replayed straight onto
// the screen. A step then neither clears nor alpha-blends a full-size transparent buffer, which is
// what QCustomPlot's own pixmap buffers cost at 1920x1080 (most of a step's time).
// Exports are unaffected: toPainter() and the save functions draw the layers directly.
class BufferedPlot : public QCustomPlot
{
    Q_OBJECT
public:
    explicit BufferedPlot(QWidget *parent = nullptr);

    // Call once the layers are final: every layer but the top one logical, the top one buffered.
    // Returns false (and uses QCustomPlot's own buffers) for any other arrangement. The bottom layers must
    // paint every pixel (a background layerable): their image is not cleared between replots.
    bool useRecordedTopLayer();
    // The colour of a buffer no replot has painted yet: the chart's background, so that a resize of a dark chart
    // does not flash white before its replot.
    void setUnpaintedColor(const QColor &color);

private:
    std::shared_ptr<QColor> m_unpainted; // shared with the image buffer
};

} // namespace roofline
