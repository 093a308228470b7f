#pragma once

#include "exportlayout.h"
#include "inputlimits.h"

#include <QSize>
#include <QString>

class QByteArray;
class QImage;
class QIODevice;

namespace roofline {

class RooflinePlot;

enum class ExportFormat { Png, Svg, Pdf };

// Each format's file name suffix (without the dot) and the file dialog's name for it, in the order offered.
struct ExportFormatName {
    ExportFormat format;
    const char *suffix;
    const char *description;
};
inline constexpr ExportFormatName ExportFormats[] { { ExportFormat::Png, "png", "PNG image" },
                                                    { ExportFormat::Svg, "svg", "SVG drawing" },
                                                    { ExportFormat::Pdf, "pdf", "PDF document" } };
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

// Writes all of `bytes` to `device` in one write and checks the count: a write that stops short fails even
// when the device sets no error (a file on a disk that fills up part-way does not). Returns an empty string,
// or the reason: "no space left on the device", "only N of M bytes were written (cause)", or the device's error.
QString writeAll(QIODevice &device, const QByteArray &bytes);

// Where a write to `path` goes, or an empty string with `error` set ("<path>: cannot write: <why>") when the
// path must not be written. Nothing there yet: the path. A symbolic link is followed, so the link stays and the
// file it leads to is replaced (its canonical path is returned). An existing target that is not a regular file
// (a directory, a device, a FIFO, a socket) is refused, as is a link that loops ("too many levels of symbolic
// links").
QString writeTarget(const QString &path, QString *error);

// Writes `bytes` to `path` atomically (QSaveFile: a temporary file renamed onto the name) after writeTarget's
// checks, in one checked write (writeAll). On any failure nothing is written and an earlier file is untouched.
// The replaced file keeps its permissions (QSaveFile copies them); a hard link to it is not updated, as the
// name gets a new file. Returns an empty string, or the one-line error.
QString writeFileAtomically(const QString &path, const QByteArray &bytes);

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
