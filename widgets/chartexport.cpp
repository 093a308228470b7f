#include "chartexport.h"

#include "filewriting.h"
#include "inputlimits.h"
#include "rooflineplot.h"
#include "text.h"

#include <QBuffer>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>

namespace roofline {

namespace {

bool xmlAllows(char32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
}

// `text` without the characters XML 1.0 cannot hold; a surrogate counts only as half of a pair.
QString xmlAllowedOnly(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
        } else if (!c.isSurrogate() && xmlAllows(c.unicode())) {
            out += c;
        }
    }
    return out;
}

// QSvgGenerator (Qt 6.4) writes its title and description as they are, markup included, and escapes the
// chart's text but keeps characters XML cannot hold, so a name from a shared file could make live markup or an
// unreadable file. The generator is therefore given placeholders for the title and description; this drops
// every character XML cannot hold (the generator's own markup has none, so only text from names changes) and
// puts the real title and description in place of the placeholders, escaped.
const QLatin1String SvgTitlePlaceholder("roofline-title-placeholder");
const QLatin1String SvgDescriptionPlaceholder("roofline-description-placeholder");

QByteArray finishSvg(const QByteArray &svg, const QSize &size, const QString &title, const QString &description)
{
    QString text = xmlAllowedOnly(QString::fromUtf8(svg));
    // QSvgGenerator gives the size in millimetres to six digits (64 px became 63.9999) and a viewBox rounded to
    // whole layout units, whose shape can differ from the size asked for (3 x 720 for 64 x 16384). The file
    // states the size in pixels, exactly, and its drawing fills it.
    static const QRegularExpression header(QStringLiteral(R"(<svg width="[^"]*" height="[^"]*")"));
    const QRegularExpressionMatch match = header.match(text);
    if (!match.hasMatch())
        return {};
    text.replace(match.capturedStart(), match.capturedLength(),
                 QStringLiteral(R"(<svg width="%1" height="%2" preserveAspectRatio="none")").arg(size.width()).arg(size.height()));
    const auto fill = [&text](const QString &element, QLatin1String placeholder, const QString &value) {
        const QString open = QLatin1Char('<') + element + QLatin1Char('>');
        const QString close = QStringLiteral("</") + element + QLatin1Char('>');
        const QString from = open + placeholder + close;
        const qsizetype at = text.indexOf(from);
        if (at < 0)
            return false;
        text.replace(at, from.size(), open + xmlEscaped(value) + close);
        return true;
    };
    if (!fill(QStringLiteral("title"), SvgTitlePlaceholder, title)
        || !fill(QStringLiteral("desc"), SvgDescriptionPlaceholder, description))
        return {}; // not the generator's usual output: better no file than one with unchecked text
    return text.toUtf8();
}

// The PDF with its page exactly `size` at 96 pixels per inch (801 pixels: 600.75 points). Qt writes the
// MediaBox in whole points, as "601.000000"; the exact figure is written in its place with as many characters,
// so the offsets in the file's cross-reference table stay right. A file whose box is not found is kept as is.
QByteArray exactMediaBox(QByteArray pdf, const QSize &size)
{
    static const QRegularExpression box(QStringLiteral(R"(/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\])"));
    const QRegularExpressionMatch match = box.match(QString::fromLatin1(pdf));
    if (!match.hasMatch())
        return pdf;
    const auto exact = [](double points, qsizetype length) {
        QByteArray text = QByteArray::number(points, 'f', 6);
        // Rounding up can add a digit (999.75 became 1000): pad the exact figure with zeros.
        while (text.size() < length)
            text += '0';
        return text;
    };
    const QByteArray width = exact(size.width() * 0.75, match.capturedLength(1));
    const QByteArray height = exact(size.height() * 0.75, match.capturedLength(2));
    if (width.size() != match.capturedLength(1) || height.size() != match.capturedLength(2))
        return pdf;
    pdf.replace(match.capturedStart(2), height.size(), height);
    pdf.replace(match.capturedStart(1), width.size(), width);
    return pdf;
}

// The file's bytes, rendered in memory; empty if rendering failed. Writing them is left to one checked write:
// the SVG and PDF writers do not check theirs, and libpng's error path in Qt leaks its row buffer.
QByteArray renderFile(RooflinePlot &plot, ExportFormat format, const QSize &size, double scale, bool darkStyle)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return {};
    if (format == ExportFormat::Png)
        return encodePng(plot.renderImage(size, scale, darkStyle));

    // Vector files leave the app in the chosen export style, whatever the screen shows (paintExport).
    const QString title = QString::fromStdString(plot.data().title);
    const ChartData &chart = plot.data();
    const QString description = QString::fromStdString(chart.warning.empty() ? chart.subtitle
                                                                              : chart.subtitle + std::string(SubtitleSeparator) + chart.warning);
    const QSize layout = exportLayoutSize(size);
    bool painted = false;
    if (format == ExportFormat::Svg) {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        // The file says the size asked for; its drawing is the layout, scaled to fill it.
        generator.setSize(size);
        generator.setResolution(96); // the size in pixels at 96 per inch, as a browser reads it
        generator.setViewBox(QRect(QPoint(0, 0), layout));
        generator.setTitle(SvgTitlePlaceholder);
        generator.setDescription(SvgDescriptionPlaceholder);
        painted = plot.paintVector(&generator, layout, 1.0, 1.0, 0.0, darkStyle);
    } else {
        QPdfWriter writer(&buffer);
        // Lay out at screen resolution so fonts keep their proportions; the page is the layout in points.
        writer.setResolution(96);
        writer.setCreator(QStringLiteral("Roofline Explorer"));
        writer.setTitle(title);
        // The page is the size asked for, in points at 96 pixels per inch; the layout is scaled to fill it.
        const QSizeF page = QSizeF(size) * 0.75;
        writer.setPageLayout(QPageLayout(QPageSize(page, QPageSize::Point, QString(), QPageSize::ExactMatch),
                                         QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        // Qt (6.4) writes the page in whole points and puts the drawing's top at the rounded height; the box
        // is set to the exact size afterwards (exactMediaBox), so the drawing is moved down by the rounding.
        const double rounding = (writer.pageLayout().fullRectPoints().height() - page.height()) / 0.75;
        painted = plot.paintVector(&writer, layout, double(size.width()) / layout.width(),
                                   double(size.height()) / layout.height(), rounding, darkStyle);
    }
    if (!painted)
        return {};
    buffer.close();
    return format == ExportFormat::Svg ? finishSvg(bytes, size, title, description) : exactMediaBox(bytes, size);
}

QString scaleText(double scale)
{
    return QString::number(scale, 'g', 6);
}

} // namespace

bool exportFormatForPath(const QString &path, ExportFormat *format)
{
    const std::optional<ExportFormat> found = ExportFormatNames.fromName(QFileInfo(path).suffix().toLower().toStdString());
    if (!found)
        return false;
    *format = *found;
    return true;
}

namespace {
QString latin1(std::string_view text)
{
    return QString::fromLatin1(text.data(), qsizetype(text.size()));
}
} // namespace

QString exportSuffixList()
{
    QStringList suffixes;
    for (const auto &entry : ExportFormatNames.entries)
        suffixes << QStringLiteral(".") + latin1(entry.name);
    const QString last = suffixes.takeLast();
    return suffixes.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

QString exportSuffixRule()
{
    return QStringLiteral("the name must end in ") + exportSuffixList();
}

QString exportFileFilter()
{
    QStringList filters;
    for (const auto &entry : ExportFormatNames.entries)
        filters << latin1(entry.label) + QStringLiteral(" (*.") + latin1(entry.name) + QLatin1Char(')');
    return filters.join(QStringLiteral(";;"));
}

QString exportSizeProblem(const QSize &size, double scale, ExportFormat format)
{
    const QString asked = QString::number(size.width()) + QLatin1Char('x') + QString::number(size.height());
    const QString perSide
        = QStringLiteral("over the limit of ") + QString::number(ExportSideRange.max) + QStringLiteral(" pixels a side");
    if (size.width() < 1 || size.height() < 1 || !std::isfinite(scale) || scale <= 0.0)
        return asked + QStringLiteral(" at scale ") + scaleText(scale) + QStringLiteral(" is not a valid export size");
    if (format != ExportFormat::Png) {
        if (size.width() > ExportSideRange.max || size.height() > ExportSideRange.max)
            return asked + QStringLiteral(" is ") + perSide;
        return {};
    }
    // In doubles: an absurd scale must not overflow before it is refused.
    const double width = std::max(1.0, std::round(size.width() * scale));
    const double height = std::max(1.0, std::round(size.height() * scale));
    const QString image = asked + QStringLiteral(" at scale ") + scaleText(scale) + QStringLiteral(" makes a ")
        + QString::number(width, 'f', 0) + QLatin1Char('x') + QString::number(height, 'f', 0)
        + QStringLiteral("-pixel image");
    if (width > ExportSideRange.max || height > ExportSideRange.max)
        return image + QStringLiteral(", ") + perSide;
    if (width * height > double(MaxExportPixels)) {
        QString limit = QString::number(MaxExportPixels) + QStringLiteral(" pixels");
        if (const auto side = std::llround(std::sqrt(double(MaxExportPixels))); side * side == MaxExportPixels)
            limit += QStringLiteral(" (") + QString::number(side) + QLatin1Char('x') + QString::number(side)
                + QLatin1Char(')');
        return image + QStringLiteral(" (") + QString::number(width * height, 'f', 0)
            + QStringLiteral(" pixels), over the limit of ") + limit;
    }
    return {};
}

QString xmlEscaped(const QString &text)
{
    QString out;
    const QString allowed = xmlAllowedOnly(text);
    out.reserve(allowed.size());
    for (const QChar c : allowed) {
        switch (c.unicode()) {
        case '&': out += QLatin1String("&amp;"); break;
        case '<': out += QLatin1String("&lt;"); break;
        case '>': out += QLatin1String("&gt;"); break;
        case '"': out += QLatin1String("&quot;"); break;
        case '\'': out += QLatin1String("&apos;"); break;
        default: out += c;
        }
    }
    return out;
}

QByteArray encodePng(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    // Qt maps quality 70 to zlib level 2 ((100 - 70) * 9 / 91): faster than the default level, and for a
    // chart of flat colours the file stays small (about 120 kB at 1920x1080).
    if (image.isNull() || !buffer.open(QIODevice::WriteOnly) || !image.save(&buffer, "PNG", 70))
        return {};
    return bytes;
}

namespace {

// A message holds a path as the user typed it: cleaned and bounded as every other error is (one line, no
// control or bidi characters, at most 2,000 bytes with the cause kept at the end).
QString messageLineOf(const QString &message)
{
    return QString::fromStdString(messageLine(message.toStdString()));
}

} // namespace

QString writeExport(const QString &path, const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return messageLineOf(path + QStringLiteral(": cannot export: rendering failed"));
    return writeFileAtomically(path, bytes);
}

QString exportChart(RooflinePlot &plot, const QString &path, const QSize &size, double scale, bool darkStyle,
                    ExportFailure *failure)
{
    const auto fail = [failure](ExportFailure kind, const QString &error) {
        if (failure)
            *failure = kind;
        return messageLineOf(error);
    };
    if (failure)
        *failure = ExportFailure::None;
    ExportFormat format;
    if (!exportFormatForPath(path, &format))
        return fail(ExportFailure::Request,
                    path + QStringLiteral(": unknown file type (") + exportSuffixRule() + QLatin1Char(')'));
    if (const QString problem = exportSizeProblem(size, scale, format); !problem.isEmpty())
        return fail(ExportFailure::Request, path + QStringLiteral(": cannot export: ") + problem);
    QSaveFile file;
    if (const QString error = openForWriting(file, path); !error.isEmpty())
        return fail(ExportFailure::Writing, error);
    const QByteArray bytes = renderFile(plot, format, size, scale, darkStyle);
    if (bytes.isEmpty()) {
        file.cancelWriting();
        return fail(ExportFailure::Rendering, path + QStringLiteral(": cannot export: rendering failed"));
    }
    if (const QString error = finishWriting(file, path, bytes); !error.isEmpty())
        return fail(ExportFailure::Writing, error);
    return {};
}

} // namespace roofline
