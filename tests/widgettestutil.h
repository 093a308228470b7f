#pragma once

// Helpers for the tests that look at what the widgets draw: the canvas's pixels and an exported PDF's page.
// (testutil.h is shared with the model's tests, which link no Qt GUI.)

#include "chartcolors.h"
#include "rooflineplot.h"
#include "rooflineplotprobe.h"

#include <QByteArray>
#include <QColor>
#include <QCoreApplication>
#include <QApplication>
#include <QEvent>
#include <QImage>
#include <QList>
#include <QMenu>
#include <QPointF>
#include <QRect>
#include <QRectF>
#include <QRegularExpression>
#include <QSize>
#include <QStringList>
#include <QTest>
#include <QTimer>
#include <QTransform>
#include <QWidget>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <optional>
#include <vector>

// Right-clicks `at` in `widget` and returns the texts of the context menu that opens; after closing it,
// triggers its first entry that starts with `choose` (none if `choose` is empty).
inline QStringList contextMenuAt(QWidget *widget, const QPoint &at, const QString &choose = {})
{
    QStringList offered;
    QTimer::singleShot(0, widget, [&offered, choose] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        QAction *chosen = nullptr;
        for (QAction *action : menu->actions()) {
            offered << action->text();
            if (!chosen && !choose.isEmpty() && action->text().startsWith(choose))
                chosen = action;
        }
        menu->close();
        if (chosen)
            chosen->trigger();
    });
    QTest::mouseClick(widget, Qt::RightButton, {}, at);
    QCoreApplication::processEvents();
    return offered;
}

// Runs the canvas's queued replot, so that what it shows and where its pixels map are current.
inline void settle()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
}

// The canvas in a window of its own at `size`, exposed, drawing `chart` and laid out (pixelOf maps data to
// the pixels drawn). False if the window never showed. Use as QVERIFY(showChart(plot, chart)).
[[nodiscard]] inline bool showChart(roofline::RooflinePlot &plot, const roofline::ChartData &chart, QSize size = QSize(1280, 720))
{
    plot.resize(size);
    plot.show();
    if (!QTest::qWaitForWindowExposed(&plot))
        return false;
    plot.setData(chart);
    settle();
    return true;
}

// The canvas's view with one choice changed, as its owner would give it: a series shown or hidden, the
// frame fixed (or, with nullopt, fitted to the data again), every ceiling drawn or not.
inline void setShown(roofline::RooflinePlot &plot, roofline::Series series, bool shown)
{
    roofline::ChartView view = plot.view();
    view.shown[std::size_t(series)] = shown;
    plot.setView(view);
}
inline void showOnly(roofline::RooflinePlot &plot, roofline::Series series)
{
    roofline::ChartView view = plot.view();
    for (std::size_t i = 0; i < view.shown.size(); ++i)
        view.shown[i] = i == std::size_t(series);
    plot.setView(view);
}
inline void setFrame(roofline::RooflinePlot &plot, const std::optional<roofline::ViewRange> &frame)
{
    roofline::ChartView view = plot.view();
    view.frame = frame;
    plot.setView(view);
}
inline void setAllCeilings(roofline::RooflinePlot &plot, bool all)
{
    roofline::ChartView view = plot.view();
    view.allCeilings = all;
    plot.setView(view);
}

// What the canvas shows on screen, once its queued replot has run: its paint event draws the canvas's own
// paint buffers (unlike renderImage(), which redraws every layer).
inline QImage screen(const roofline::RooflinePlot &plot)
{
    settle();
    return plot.canvasWidget()->grab().toImage();
}

// Where the canvas last laid out its axes, in pixels: from the frame's top-left corner to its bottom-right one.
inline QRectF axesRectF(const roofline::RooflinePlot &plot)
{
    const roofline::ViewRange frame = plot.viewRange();
    return QRectF(plot.pixelOf(frame.xMin, frame.yMax), plot.pixelOf(frame.xMax, frame.yMin));
}
inline QRect axesRect(const roofline::RooflinePlot &plot)
{
    return axesRectF(plot).toAlignedRect();
}

// A legend entry's box as last laid out, in pixels of the canvas (invalid if no entry has that name), and the box
// of all of them.
inline QRect legendEntry(const roofline::RooflinePlot &plot, const QString &name)
{
    for (const roofline::RooflinePlotProbe::LegendEntry &entry : roofline::RooflinePlotProbe(plot).legendEntries())
        if (entry.name == name)
            return entry.rect;
    return {};
}
inline QStringList legendNames(const roofline::RooflinePlot &plot)
{
    QStringList names;
    for (const roofline::RooflinePlotProbe::LegendEntry &entry : roofline::RooflinePlotProbe(plot).legendEntries())
        names << entry.name;
    return names;
}
inline QRect legendRect(const roofline::RooflinePlot &plot)
{
    QRect box;
    for (const roofline::RooflinePlotProbe::LegendEntry &entry : roofline::RooflinePlotProbe(plot).legendEntries())
        box |= entry.rect;
    return box;
}

// Whether some pixel within `radius` of `at` is within `tolerance` (per channel) of `colour`.
inline bool colourNear(const QImage &image, QPointF at, const QColor &colour, int radius, int tolerance)
{
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p = at.toPoint() + QPoint(dx, dy);
            if (!image.rect().contains(p))
                continue;
            const QColor c = image.pixelColor(p);
            if (std::abs(c.red() - colour.red()) <= tolerance && std::abs(c.green() - colour.green()) <= tolerance
                && std::abs(c.blue() - colour.blue()) <= tolerance)
                return true;
        }
    return false;
}

// How many of a series' current points show their marker on screen: each looked for where the canvas draws it
// (currentMarkers, beside the markers it would cover), within a pixel, in the series' colour.
inline int markersShown(const roofline::RooflinePlot &plot, roofline::Series series)
{
    const QImage image = screen(plot);
    const std::vector<QPointF> markers = roofline::RooflinePlotProbe(plot).currentMarkers();
    int shown = 0;
    for (std::size_t i = 0; i < plot.data().current.size() && i < markers.size(); ++i)
        if (plot.data().current[i].series == series)
            shown += colourNear(image, markers[i], roofline::seriesColor(series), 1, 30) ? 1 : 0;
    return shown;
}

// Whether the pixel at `at` is within `tolerance` (per channel) of `colour`.
inline bool pixelIs(const QImage &image, QPointF at, const QColor &colour, int tolerance)
{
    return colourNear(image, at, colour, 0, tolerance);
}

inline const roofline::ChartPoint &pointOf(const roofline::ChartPoint &p)
{
    return p;
}
inline const roofline::ChartPoint &pointOf(const roofline::ChartPoint *p)
{
    return *p;
}

// Whether `points` (chart points, or pointers to them) holds one of `series` at (x, y), within a relative
// 1e-9 on each axis.
template <typename Points>
bool holds(const Points &points, roofline::Series series, double x, double y)
{
    return std::any_of(std::begin(points), std::end(points), [&](const auto &entry) {
        const roofline::ChartPoint &p = pointOf(entry);
        return p.series == series && std::fabs(p.intensity - x) <= 1e-9 * x && std::fabs(p.attainableFlopsPerSecond - y) <= 1e-9 * y;
    });
}

// A PDF's page box, in points ([0 0 w h]); empty if the file has none.
inline QRectF pdfMediaBox(const QByteArray &pdf)
{
    static const QRegularExpression box(QStringLiteral("/MediaBox \\[\\s*([-0-9.]+)\\s+([-0-9.]+)\\s+([-0-9.]+)\\s+([-0-9.]+)\\s*\\]"));
    const QRegularExpressionMatch m = box.match(QString::fromLatin1(pdf));
    if (!m.hasMatch())
        return {};
    return QRectF(QPointF(m.captured(1).toDouble(), m.captured(2).toDouble()),
                  QPointF(m.captured(3).toDouble(), m.captured(4).toDouble()));
}

// Every rectangle a PDF fills (`x y w h re` then `f` or `f*`), in page points, from its compressed content
// streams: the operators q, Q and cm are followed, so a drawing scaled by its writer lands where it shows. Enough
// of PDF for what Qt's writer puts in a chart's page, not a general reader.
inline std::vector<QRectF> pdfFilledRects(const QByteArray &pdf)
{
    std::vector<QRectF> filled;
    qsizetype at = 0;
    while ((at = pdf.indexOf("stream", at)) >= 0) {
        qsizetype start = at + 6;
        if (start < pdf.size() && pdf[start] == '\r')
            ++start;
        if (start < pdf.size() && pdf[start] == '\n')
            ++start;
        const qsizetype end = pdf.indexOf("endstream", start);
        if (end < 0)
            break;
        at = end + 9;
        // zlib data; qUncompress wants its expected size first, and grows its buffer when that is too small.
        QByteArray packed(4, '\0');
        packed[0] = char(0x00);
        packed[1] = char(0x10); // 1 MiB
        packed += pdf.mid(start, end - start);
        const QByteArray content = qUncompress(packed);
        if (content.isEmpty())
            continue;
        std::vector<double> operands;
        std::vector<QTransform> saved;
        QTransform ctm;
        std::vector<QRectF> path;
        const QList<QByteArray> tokens = content.simplified().split(' ');
        for (const QByteArray &token : tokens) {
            bool number = false;
            const double value = token.toDouble(&number);
            if (number) {
                operands.push_back(value);
                continue;
            }
            const auto last = [&](std::size_t i) { return operands[operands.size() - 1 - i]; };
            if (token == "q") {
                saved.push_back(ctm);
            } else if (token == "Q") {
                if (!saved.empty()) {
                    ctm = saved.back();
                    saved.pop_back();
                }
            } else if (token == "cm" && operands.size() >= 6) {
                ctm = QTransform(last(5), last(4), last(3), last(2), last(1), last(0)) * ctm;
            } else if (token == "re" && operands.size() >= 4) {
                path.push_back(ctm.mapRect(QRectF(last(3), last(2), last(1), last(0))).normalized());
            } else if (token == "f" || token == "f*") {
                filled.insert(filled.end(), path.begin(), path.end());
                path.clear();
            } else if (token == "n" || token == "S" || token == "s" || token == "B" || token == "b") {
                path.clear();
            }
            operands.clear();
        }
    }
    return filled;
}
