#pragma once

#include "chartdata.h"
#include "session.h"

#include <QWidget>

#include <array>
#include <memory>

class QCustomPlot;
class QCPGraph;
class QCPItemLine;
class QCPItemText;
class QCPTextElement;
class QCPAbstractLegendItem;
class QCPLegend;
class QCPLayer;
class QCPLayerable;


namespace roofline {

// The log-log roofline canvas: the two roofs, the ridge, and the six series (current operating point
// prominent, sweep points small and light). It draws what it is given and computes nothing.
class RooflinePlot : public QWidget
{
    Q_OBJECT
public:
    explicit RooflinePlot(QWidget *parent = nullptr);
    ~RooflinePlot() override;

    // A note shows at most this many lines of this many characters on the chart (its tooltip shows more): a
    // note of 10,000 characters would cover the chart and cost a redraw its every glyph.
    static constexpr int MaxNoteLines = 8;
    static constexpr int MaxNoteLineChars = 80;
    // The legend names this many pins at most; beyond, one entry "pins (N)" stands for them all, so the legend
    // never grows over the chart. A legend name is shortened to this many characters.
    static constexpr int MaxPinLegendEntries = 4;
    static constexpr int MaxLegendNameChars = 80;
    // Up to this many measured kernels are each joined to their modelled point; beyond, one line per op and
    // phase joins the modelled point to the geometric mean of its kernels (thousands of lines into one point
    // read as a blot and cost a redraw each step).
    static constexpr std::size_t MaxKernelLinks = 256;

    // Steps that leave the pins, the measured kernels and the annotations as they were (the same shared
    // storage) leave their graphs and items alone.
    void setData(const ChartData &data);
    // Labels pinned to points and free notes; dragged by the user, they report annotationMoved.
    void setAnnotations(const SharedList<Annotation> &annotations);
    int annotationCount() const { return int(m_annotations.size()); }
    // The annotation whose text is under a pixel position of the canvas, or -1.
    int annotationAt(const QPointF &position) const;
    QCPItemText *annotationText(int index) const;
    int pinCount() const { return int(m_data.pins.size()); }
    // The legend entry naming a pin (index < MaxPinLegendEntries), in the legend while pins are few.
    QCPGraph *pinLegendGraph(int index) const { return m_pinLegend[std::size_t(index)]; }
    // The legend entry "pins (N)", in the legend while pins are many.
    QCPGraph *pinSummaryGraph() const { return m_pinSummary; }
    // The ghosts of a pin's points of one series; pins of the same marker shape share a graph.
    QCPGraph *pinGraph(int index, Series series) const
    {
        return m_pinGraphs[std::size_t(index) % m_pinGraphs.size()][std::size_t(series)];
    }
    QCPGraph *secondMemoryRoof() const { return m_secondMemoryRoof; }
    QCPGraph *secondComputeRoof() const { return m_secondComputeRoof; }
    // The current frame, and setting one (which counts as the user's own).
    ViewRange viewRange() const;
    void setViewRange(const ViewRange &range);

    // Presentation: large fonts, thick roofs, big markers. Dark: light text on a dark canvas (the screen
    // follows the system palette; exports are always drawn light).
    void setPresentation(bool enabled);
    bool isPresentation() const { return m_presentation; }
    // While the user drags a slider the markers are drawn without antialiasing (a third faster at
    // 1920x1080); when the drag ends the chart is redrawn in full quality. Exports always antialias.
    void setDragging(bool dragging);
    void setDark(bool dark);
    bool isDark() const { return m_dark; }
    // Every compute ceiling the GPU publishes as a labelled line (as Intel Advisor draws them).
    void setShowAllCeilings(bool show);
    int visibleCeilingCount() const;
    // The line of ChartData::ceilings[index] (one per compute type), shown or not.
    QCPGraph *ceilingGraph(int index) const { return m_ceilingGraphs[std::size_t(index)]; }
    QCPGraph *practicalMemoryRoof() const { return m_practicalMemory; }
    // The title as last drawn: the chart's title, shortened in the middle with "…" when wider than the chart.
    QString titleShown() const;
    QCPGraph *practicalComputeRoof() const { return m_practicalCompute; }
    QCPGraph *measuredGraph(Series series) const { return m_measured[std::size_t(series)]; }
    int measuredLinkCount() const;
    // The lines from measured kernels (or the middle of an op's kernels) to their modelled points, in the order
    // of the kernels, or nullptr past the last; one with an end out of the frame is hidden.
    QCPItemLine *measuredLink(int index) const
    {
        return index >= 0 && std::size_t(index) < m_measuredLinks.size() ? m_measuredLinks[std::size_t(index)] : nullptr;
    }
    // The measured point under a pixel position, or nullptr.
    const ChartData::MeasuredPoint *measuredAt(const QPointF &position) const;
    // `modelled`: the current point it measures, if any (ChartData::modelledPoint).
    static QString measuredTooltip(const ChartData::MeasuredPoint &point, const ChartPoint *modelled);
    const ChartData &data() const { return m_data; }

    // The seed's frame (x 0.6 to 10k FLOP/B, y 10G to 300T FLOP/s), widened to take in every point and roof.
    void resetView();
    // Whether the user zoomed or panned since the last reset; while not, new data re-fits the frame.
    bool isViewCustomised() const { return m_viewCustomised; }

    void setSeriesVisible(Series series, bool visible);
    bool isSeriesVisible(Series series) const;

    // The point under a pixel position of the canvas (within a few pixels), or nullptr.
    const ChartPoint *pointAt(const QPointF &position) const;
    // Every point within a few pixels, nearest first.
    std::vector<const ChartPoint *> pointsAt(const QPointF &position) const;
    static QString tooltipText(const ChartPoint &point);

    // The chart as an image of exactly exportPixelSize(size, scale) pixels, laid out for `size` (fonts in
    // proportion).
    // `dark`: the export style (light by default, for slides), whatever the screen shows.
    QImage renderImage(const QSize &size, double scale = 1.0, bool dark = false);

    // Where the pieces are, for tests and for export: the underlying plot.
    QCustomPlot *customPlot() const { return m_plot; }
    // The widget that paints the chart (the QCustomPlot), for code that only needs it as a QWidget.
    QWidget *canvasWidget() const;
    QCPGraph *currentGraph(Series series) const { return m_current[static_cast<std::size_t>(series)]; }
    QCPGraph *sweepGraph(Series series) const { return m_sweep[static_cast<std::size_t>(series)]; }
    QCPGraph *memoryRoof() const { return m_memoryRoof; }
    QCPGraph *computeRoof() const { return m_computeRoof; }
    QCPItemLine *ridgeLine() const { return m_ridgeLine; }

Q_SIGNALS:
    void seriesVisibilityChanged(roofline::Series series, bool visible);
    // After each (coalesced) redraw: `full` when grid, axes and legend were redrawn too.
    void replotted(bool full);
    // From the chart's context menu and label drags; the window turns them into undoable state changes.
    void labelRequested(const roofline::ChartPoint &point);
    void noteRequested(double intensity, double flopsPerSecond);
    void annotationMoved(int index, double dx, double dy);
    void annotationRemoveRequested(int index);
    void viewChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildPlot();
    bool fitFrame(); // the seed frame widened to the data; true if the axes changed
    void fitToView();
    void requestReplot(bool full);
    void replotNow();
    void updateRoofLabels();
    void onLegendClick(QCPLegend *legend, QCPAbstractLegendItem *item);
    void clampRanges();
    void updateAnnotations();
    void styleAnnotation(std::size_t index);
    void endAnnotationDrag();
    QRect annotationRect(std::size_t index) const; // where an annotation's box is drawn, in pixels
    void showPinsInLegend();
    void fillPinGraphs();
    void fillMeasuredGraphs();
    void collectLinkSources();
    // The box the measured kernels of each series (and of none) span, kept when the kernels change, so that
    // fitting the frame does not pass over 100,000 kernels at every step.
    void updateMeasuredExtent();
    struct Extent {
        double xMin = 0.0, xMax = 0.0, yMin = 0.0, yMax = 0.0;
        bool empty = true;
    };
    std::array<Extent, SeriesCount + 1> m_measuredExtent {};
    void updateLinks();
    void applyStyle();
    QColor backgroundColor() const;
    void showContextMenu(const QPoint &position, const QPoint &globalPosition);

    QCustomPlot *m_plot = nullptr;
    QCPLayerable *m_background = nullptr;
    QCPTextElement *m_title = nullptr;
    QCPTextElement *m_subtitle = nullptr; // keeps the subtitle's row in the layout
    QCPItemText *m_subtitleText = nullptr;
    QCPLayer *m_dataLayer = nullptr;
    std::array<QCPGraph *, SeriesCount> m_current {};
    std::array<QCPGraph *, SeriesCount> m_sweep {};
    QCPGraph *m_memoryRoof = nullptr;
    QCPGraph *m_computeRoof = nullptr;
    QCPItemLine *m_ridgeLine = nullptr;
    QCPItemText *m_ridgeText = nullptr;
    QCPItemText *m_bandwidthText = nullptr;
    QCPItemText *m_peakText = nullptr;
    ChartData m_data;
    struct ViewCache; // graph buffers reused across updates, and the frame they were cut for
    std::unique_ptr<ViewCache> m_cache;
    std::array<std::array<QCPGraph *, SeriesCount>, 4> m_pinGraphs {}; // by marker shape, then series
    std::array<QCPGraph *, MaxPinLegendEntries> m_pinLegend {};
    QCPGraph *m_pinSummary = nullptr;
    // What the pin and measured graphs were filled for: they are cut to the frame and, for the kernels,
    // thinned to one marker per pixel, so a new frame or size fills them again.
    struct FilledFrame {
        double xLower = 0, xUpper = 0, yLower = 0, yUpper = 0;
        QSize size;
        bool operator==(const FilledFrame &) const = default;
    };
    FilledFrame m_filledFrame;
    // What the annotations were placed for; `moved` when they, their boxes or a drag moved since.
    struct PlacedFrame {
        double xLower = 0, xUpper = 0, yLower = 0, yUpper = 0;
        QRect axes;
        bool operator==(const PlacedFrame &) const = default;
    };
    PlacedFrame m_annotationFrame;
    bool m_annotationsMoved = true;
    bool m_pinsDirty = true;
    bool m_measuredDirty = true;
    // Where each link starts and which modelled point it ends at (one per kernel, or per op and phase).
    struct LinkSource {
        double x = 0, y = 0;
        Series series = Series::None;
        ChartData::MeasuredPoint::Modelled modelled;
    };
    std::vector<LinkSource> m_linkSources;
    QCPGraph *m_secondMemoryRoof = nullptr;
    QCPGraph *m_secondComputeRoof = nullptr;
    QCPItemLine *m_secondRidge = nullptr;
    std::vector<QCPGraph *> m_ceilingGraphs;
    std::vector<QCPItemText *> m_ceilingTexts;
    bool m_showAllCeilings = false;
    QCPGraph *m_practicalMemory = nullptr;
    QCPGraph *m_practicalCompute = nullptr;
    std::array<QCPGraph *, SeriesCount + 1> m_measured {}; // the last one for kernels of no known series
    std::vector<QCPItemLine *> m_measuredLinks;
    SharedList<Annotation> m_annotations;
    std::vector<std::pair<QCPItemText *, QCPItemLine *>> m_annotationItems;
    std::vector<QSize> m_annotationBoxes; // each text's box, measured when its text or font changes
    int m_draggedAnnotation = -1;
    int m_selectedAnnotation = -1;
    QPointF m_dragOrigin;
    QPointF m_dragDelta; // how far the dragged label has moved since the press
    bool m_dragMoved = false;
    bool m_presentation = false;
    bool m_dark = false;
    bool m_viewCustomised = false;
    bool m_replotPending = false;
    bool m_fullReplotPending = false;
};

} // namespace roofline
