#include "rooflineplot.h"

#include "annotationlayer.h"
#include "bufferedplot.h"

#include "charttheme.h"
#include "exportlayout.h"

#include "qcp.h"

#include <utility>

// The canvas's exports: the chart drawn for a PNG, SVG or PDF file in the export's style.

namespace roofline {

// For the length of an export: the chart in the export's style (light or dark, never presentation or compact),
// antialiased throughout and on an opaque background; the screen's style comes back afterwards.
class RooflinePlot::ExportStyle
{
public:
    ExportStyle(RooflinePlot &plot, bool dark)
        : m_plot(plot)
        , m_dark(std::exchange(plot.m_dark, dark))
        , m_presentation(std::exchange(plot.m_presentation, false))
        , m_compact(std::exchange(plot.m_compact, false))
        , m_restyled(m_dark != dark || m_presentation || m_compact)
        , m_antialiased(plot.m_plot->antialiasedElements())
    {
        if (m_restyled)
            plot.applyTheme();
        plot.m_annotations->showSelection(false); // a selected label is the screen's, not the chart's
        // Exports are scaled, where unantialiased 1-pixel grid lines snap unevenly: antialias everything.
        plot.m_plot->setAntialiasedElements(QCP::aeAll);
    }
    ~ExportStyle()
    {
        m_plot.m_plot->setAntialiasedElements(m_antialiased);
        m_plot.m_annotations->showSelection(true);
        if (m_restyled) {
            m_plot.m_dark = m_dark;
            m_plot.m_presentation = m_presentation;
            m_plot.m_compact = m_compact;
            m_plot.applyTheme();
        }
        m_plot.requestReplot(true); // the labels were placed for the export's layout
    }
    ExportStyle(const ExportStyle &) = delete;
    ExportStyle &operator=(const ExportStyle &) = delete;

private:
    RooflinePlot &m_plot;
    const bool m_dark;
    const bool m_presentation;
    const bool m_compact;
    const bool m_restyled;
    const QCP::AntialiasedElements m_antialiased;
};

QImage RooflinePlot::renderImage(const QSize &size, double scale, bool dark)
{
    // Lay the chart out at a size where the fonts read as they do on screen, then scale to the pixels
    // asked for: a 1920x1080 export is laid out at 1280x720 and drawn at 1.5x; a 64x16384 one is laid out
    // 256 wide (not 3), so its axes fit, and drawn at a quarter.
    const QSize layout = exportLayoutSize(size);
    const ExportStyle style(*this, dark);
    // The image has exactly the pixels asked for (exportPixelSize): each axis is scaled to fill it, so the
    // layout's rounding does not show. Opaque, so that PNG encodes three channels, not four.
    QImage image(exportPixelSize(size, scale), QImage::Format_RGB32);
    if (image.isNull())
        return image;
    image.fill(m_theme->background);
    QCPPainter painter(&image);
    const double scaleX = double(image.width()) / layout.width();
    const double scaleY = double(image.height()) / layout.height();
    // As QCustomPlot's toPixmap: real pen widths when enlarging, cosmetic ones (never lost) when shrinking.
    if (scaleX > 1.0 && scaleY > 1.0)
        painter.setMode(QCPPainter::pmNonCosmetic);
    painter.scale(scaleX, scaleY);
    m_plot->toPainter(&painter, layout.width(), layout.height());
    return image;
}

bool RooflinePlot::paintVector(QPaintDevice *device, const QSize &layout, double scaleX, double scaleY, double down, bool dark)
{
    const ExportStyle style(*this, dark);
    QCPPainter painter;
    if (!painter.begin(device))
        return false;
    painter.translate(0.0, down);
    painter.scale(scaleX, scaleY);
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
    m_plot->toPainter(&painter, layout.width(), layout.height());
    return painter.end();
}

} // namespace roofline
