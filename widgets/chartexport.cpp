#include "chartexport.h"

#include "rooflineplot.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>

namespace roofline {

namespace {

// Vector formats: the chart laid out at the size in points, every pen given a real width (cosmetic
// 0-width pens are dropped by vector editors).
bool paintVector(QCustomPlot *plot, QPaintDevice *device, const QSize &layout, double scale)
{
    QCPPainter painter;
    if (!painter.begin(device))
        return false;
    painter.scale(scale, scale);
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    painter.setMode(QCPPainter::pmNonCosmetic);
    plot->toPainter(&painter, layout.width(), layout.height());
    return painter.end();
}

QSize vectorLayout(const QSize &size)
{
    // As for PNG: lay out at a size where fonts read as on screen, then scale the page.
    const double layoutScale = std::max(1.0, size.height() / 720.0);
    return QSize(std::max(1, int(std::lround(size.width() / layoutScale))),
                 std::max(1, int(std::lround(size.height() / layoutScale))));
}

} // namespace

bool exportFormatForPath(const QString &path, ExportFormat *format)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        *format = ExportFormat::Png;
    else if (suffix == QLatin1String("svg"))
        *format = ExportFormat::Svg;
    else if (suffix == QLatin1String("pdf"))
        *format = ExportFormat::Pdf;
    else
        return false;
    return true;
}

QSize exportPixelSize(const QSize &size, double scale)
{
    return QSize(std::max(1, int(std::lround(size.width() * scale))), std::max(1, int(std::lround(size.height() * scale))));
}

QString exportChart(RooflinePlot &plot, const QString &path, const QSize &size, double scale, bool darkStyle)
{
    ExportFormat format;
    if (!exportFormatForPath(path, &format))
        return path + QStringLiteral(": unknown file type (the name must end in .png, .svg or .pdf)");
    if (size.width() < 1 || size.height() < 1 || !std::isfinite(scale) || scale <= 0.0)
        return path + QStringLiteral(": invalid export size");

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return path + QStringLiteral(": cannot write: ") + file.errorString();

    QCustomPlot *custom = plot.customPlot();
    // Vector files leave the app in the chosen export style, whatever the screen shows (PNG does this
    // inside renderImage).
    const bool dark = plot.isDark();
    const bool presentation = plot.isPresentation();
    if (format != ExportFormat::Png) {
        plot.setDark(darkStyle);
        plot.setPresentation(false);
    }
    bool painted = false;
    switch (format) {
    case ExportFormat::Png: {
        const QImage image = plot.renderImage(size, scale, darkStyle);
        // Encode in memory, then write: a failed write (a full disk) is then the file's error, not an error
        // inside libpng (whose error path in Qt leaks its row buffer).
        // Qt maps quality 70 to zlib level 2 ((100 - 70) * 9 / 91): faster than the default level, and for a
        // chart of flat colours the file stays small (about 120 kB at 1920x1080).
        QByteArray png;
        QBuffer buffer(&png);
        painted = !image.isNull() && buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "PNG", 70)
            && file.write(png) == png.size();
        break;
    }
    case ExportFormat::Svg: {
        const QSize layout = vectorLayout(size);
        QSvgGenerator generator;
        generator.setOutputDevice(&file);
        // The file says the size asked for; its drawing is the layout, scaled to fill it.
        generator.setSize(size);
        generator.setResolution(96); // the size in pixels at 96 per inch, as a browser reads it
        generator.setViewBox(QRect(QPoint(0, 0), layout));
        generator.setTitle(QString::fromStdString(plot.data().title));
        generator.setDescription(QString::fromStdString(plot.data().subtitle));
        painted = paintVector(custom, &generator, layout, 1.0);
        break;
    }
    case ExportFormat::Pdf: {
        const QSize layout = vectorLayout(size);
        QPdfWriter writer(&file);
        // Lay out at screen resolution so fonts keep their proportions; the page is the layout in points.
        writer.setResolution(96);
        writer.setCreator(QStringLiteral("Roofline Explorer"));
        writer.setTitle(QString::fromStdString(plot.data().title));
        // The page is the size asked for, in points at 96 pixels per inch; the layout is scaled to fill it.
        writer.setPageLayout(QPageLayout(QPageSize(QSizeF(size) * 0.75, QPageSize::Point, QString(), QPageSize::ExactMatch),
                                         QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        painted = paintVector(custom, &writer, layout, double(size.width()) / layout.width());
        break;
    }
    }
    plot.setDark(dark);
    plot.setPresentation(presentation);
    custom->replot(QCustomPlot::rpQueuedReplot);
    if (!painted || file.error() != QFileDevice::NoError) {
        const QString reason = file.error() != QFileDevice::NoError ? file.errorString() : QStringLiteral("rendering failed");
        file.cancelWriting();
        return path + QStringLiteral(": cannot write: ") + reason;
    }
    if (!file.commit())
        return path + QStringLiteral(": cannot write: ") + file.errorString();
    return {};
}

} // namespace roofline
