#pragma once

#include "chartdata.h"
#include "chartframe.h"
#include "charttheme.h"

#include "qcp.h"

#include <array>
#include <optional>
#include <vector>

namespace roofline {

// The points part of the canvas: the current operating point of every op (one graph per series, named in the
// legend), the sweep, the pinned scenarios as ghosts, the measured kernels and the lines joining them to their
// modelled points; and which point lies under a pixel. It reads the canvas's chart, `data`, and its view,
// `view` (which series are shown), and is told when they change.
class PointsLayer
{
public:
    // The legend names this many pins at most; beyond, one entry "pins (N)" stands for them all, so the legend
    // never grows over the chart.
    static constexpr int MaxPinLegendEntries = 4;
    // Up to this many measured kernels are each joined to their modelled point; beyond, one line per op and
    // phase joins the modelled point to the geometric mean of its kernels (thousands of lines into one point
    // read as a blot and cost a redraw each step).
    static constexpr std::size_t MaxKernelLinks = 256;

    // The current points go on `topLayer` (redrawn alone at each step); the rest on the plot's current layer.
    PointsLayer(QCustomPlot *plot, QCPLayer *topLayer, const ChartData &data, const ChartView &view, const ChartTheme &theme);

    // What a new chart changes in this layer's part of the frame's image.
    struct Change {
        bool sweep = false;
        bool pins = false;
        bool pinNames = false; // only what the legend calls them (they are named by what differs from now)
        bool measured = false;
        bool any() const { return sweep || pins || pinNames || measured; }
    };
    // Called before the canvas's chart becomes `next`.
    Change compare(const ChartData &next) const;
    // Called after it did; returns whether the legend changed.
    bool dataChanged(const Change &change);

    // Called after the view's series changed: a hidden series' graphs go, and its legend entry greys out.
    void showSeries();
    // The series whose legend entry is `plottable`, if it is one.
    std::optional<Series> seriesOfLegendEntry(const QCPAbstractPlottable *plottable) const;
    // The pin a legend entry names (its index in the chart's pins), if it is one.
    std::optional<std::size_t> pinOfLegendEntry(const QCPAbstractPlottable *plottable) const;
    // The box the measured kernels span, by series (see fittedFrame).
    const MeasuredExtents &measuredExtents() const { return m_measuredExtents; }

    void applyTheme(); // the theme changed: every marker styled again
    // Hands every graph its points inside `frame` (and the kernels thinned to one per pixel of the axes).
    void fit(const ViewRange &frame);

    // Every shown point within the theme's hover radius of a pixel position: the current points first, nearest
    // first, then the sweep's (a small sweep point under a current cross is not what the pointer is on).
    std::vector<const ChartPoint *> pointsAt(const QPointF &position) const;
    // The pinned point nearest a pixel position within the hover radius, of a shown series: which pin (its index
    // in ChartData::pins) and the point; none when there is none.
    struct PinnedHit {
        std::size_t pin = 0;
        const ChartPoint *point = nullptr;
    };
    std::optional<PinnedHit> pinAt(const QPointF &position) const;
    // The measured kernel under a pixel position, or nullptr.
    const ChartData::MeasuredPoint *measuredAt(const QPointF &position) const;

    // Where each current point's marker is drawn (in chart coordinates, lined up with the chart's current
    // points): at its value, or beside the markers of other series it would cover.
    const std::vector<std::pair<double, double>> &currentDrawn() const { return m_currentDrawn; }
    // The same for the sweep's points, lined up with the chart's sweep.
    const std::vector<std::pair<double, double>> &sweepDrawn() const { return m_sweepDrawn; }
    // Where a point's marker is drawn, in chart coordinates: beside the markers of other series it would
    // cover if it is one of the current or sweep points (currentDrawn(), sweepDrawn()), else at its value.
    std::pair<double, double> drawnAt(const ChartPoint &point) const;
    // Every marker drawn of the current points and the sweep (shown series, in the frame), in chart coordinates.
    std::vector<std::pair<double, double>> markersDrawn() const;

    // The lines shown from kernels to their modelled points, in chart coordinates: (x1, y1) the kernel's end.
    std::vector<QLineF> measuredLinks() const;

private:
    void showPinsInLegend();
    void fillPinGraphs(const ViewRange &frame);
    void fillMeasuredGraphs(const ViewRange &frame);
    void collectLinkSources();
    void updateLinks(const ViewRange &frame);

    QCustomPlot *m_plot = nullptr;
    QCPLayer *m_topLayer = nullptr;
    const ChartData &m_data;
    const ChartView &m_view;
    const ChartTheme &m_theme; // the face's
    bool isShown(Series series) const;

    std::array<QCPGraph *, SeriesCount> m_current {};
    std::array<QCPGraph *, SeriesCount> m_sweep {};
    // Buffers reused across steps.
    std::array<QVector<QCPGraphData>, SeriesCount> m_currentBuffer;
    // Where each current and sweep point's marker was last drawn, in chart coordinates (dodgedPositions).
    std::vector<std::pair<double, double>> m_currentDrawn;
    std::vector<std::pair<double, double>> m_sweepDrawn;
    std::array<QVector<QCPGraphData>, SeriesCount> m_sweepBuffer;
    std::array<std::array<QCPGraph *, SeriesCount>, ChartTheme::PinShapes.size()> m_pinGraphs {}; // by marker shape, then series
    std::array<QCPGraph *, MaxPinLegendEntries> m_pinLegend {};
    QCPGraph *m_pinSummary = nullptr;
    std::array<QCPGraph *, SeriesCount + 1> m_measured {}; // the last one for kernels of no known series
    std::vector<QCPItemLine *> m_links;
    MeasuredExtents m_measuredExtents {};

    // What the pin and measured graphs were filled for: they are cut to the frame and, for the kernels,
    // thinned to one marker per pixel, so a new frame or size fills them again.
    struct FilledFrame {
        ViewRange frame;
        QSize size;
        bool operator==(const FilledFrame &) const = default;
    };
    FilledFrame m_filledFrame;
    bool m_pinsDirty = true;
    bool m_sweepDirty = true; // m_sweepDrawn must be placed again
    bool m_measuredDirty = true;
    // Where each link starts and which modelled point it ends at (one per kernel, or per op and phase).
    std::vector<LinkSource> m_linkSources;
};

} // namespace roofline
