#pragma once

#include "chartdata.h"

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


namespace roofline {

// The log-log roofline canvas: the two roofs, the ridge, and the six series (current operating point
// prominent, sweep points small and light). It draws what it is given and computes nothing.
class RooflinePlot : public QWidget
{
    Q_OBJECT
public:
    explicit RooflinePlot(QWidget *parent = nullptr);
    ~RooflinePlot() override;

    void setData(const ChartData &data);
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

    // The chart as an image of `size` pixels, laid out for that size (fonts in proportion).
    QImage renderImage(const QSize &size, double scale = 1.0);

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

    QCustomPlot *m_plot = nullptr;
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
    bool m_viewCustomised = false;
    bool m_replotPending = false;
    bool m_fullReplotPending = false;
};

} // namespace roofline
