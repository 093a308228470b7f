#pragma once

#include "exportlayout.h"
#include "inputlimits.h"
#include "nametable.h"

#include <QSize>
#include <QString>

class QByteArray;
class QImage;

namespace roofline {

class RooflinePlot;

enum class ExportFormat { Png, Svg, Pdf };

// Each format's file name suffix (without the dot, its name) and the file dialog's name for it (its label), in
// the order offered.
inline constexpr NameTable<ExportFormat, 3> ExportFormatNames { { { { ExportFormat::Png, "png", "PNG image" },
                                                                    { ExportFormat::Svg, "svg", "SVG drawing" },
                                                                    { ExportFormat::Pdf, "pdf", "PDF document" } } } };
// ".png, .svg or .pdf", and "the name must end in .png, .svg or .pdf", for messages.
QString exportSuffixList();
QString exportSuffixRule();
// "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)", for a file dialog.
QString exportFileFilter();

// Why an export failed: the request (file type, size), drawing the chart, or writing the file (the command
// line tells them apart by its exit code).
enum class ExportFailure { None, Request, Rendering, Writing };

// The format a file name asks for, by its extension; false when it is none of .png, .svg, .pdf.
bool exportFormatForPath(const QString &path, ExportFormat *format);

// Why `size` at `scale` cannot be exported as `format`, with the limit it breaks; empty when it can. A PNG's
// pixels are bounded by ExportSideRange.max a side and MaxExportPixels in all; SVG and PDF, which `scale` does not
// touch and whose cost does not grow with their size, only by ExportSideRange.max a side.
QString exportSizeProblem(const QSize &size, double scale, ExportFormat format);

// `text` fit for XML character data and attribute values: & < > " ' escaped, and the characters XML 1.0
// cannot hold (controls other than tab, newline and CR; U+FFFE, U+FFFF; lone surrogates) dropped.
QString xmlEscaped(const QString &text);

// The stages of exportChart, for a caller that shows progress (a large PNG from the window): the image is
// drawn on the GUI thread (RooflinePlot::renderImage), encoded on any thread, then written. encodePng gives
// an empty array on failure; writeExport writes as exportChart does (writeFileAtomically; empty bytes are a
// rendering failure) and returns its one-line error, or an empty string.
QByteArray encodePng(const QImage &image);
QString writeExport(const QString &path, const QByteArray &bytes);

// Writes the chart as it stands to `path`, laid out for `size` (pixels for PNG, points for SVG and PDF);
// `scale` multiplies the PNG's pixels. A size over the limits (exportSizeProblem) is refused. The file is
// rendered in memory first and written in one checked write: on any failure no file is left behind and an
// earlier file at `path` is untouched.
// Returns an empty string on success, else a one-line error. `dark` picks the dark export style; the
// default is light, for slides.
// `failure`, if given, says which stage failed.
QString exportChart(RooflinePlot &plot, const QString &path, const QSize &size, double scale = 1.0, bool dark = false,
                    ExportFailure *failure = nullptr);

} // namespace roofline
