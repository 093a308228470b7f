#pragma once

#include "chartdata.h"
#include "chartframe.h"
#include "session.h"

#include <QFont>
#include <QLineF>
#include <QRect>
#include <QRectF>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QCPLayer;
class QCPMarginGroup;

namespace roofline {

class AnnotationLayer;
class BackgroundFill;
class BufferedPlot;
struct ChartTheme;
class PointsLayer;
class RoofsLayer;
class TitleBlock;
class WarningBox;

// The log-log roofline canvas: the public face of its parts. It holds the chart it was given, hands it to the
// roofs, points and annotations parts (roofslayer.h, pointslayer.h, annotationlayer.h), fits the frame
// (chartframe.h), styles every part from one theme (charttheme.h), coalesces redraws, and turns the user's
// gestures into signals. It draws what it is given and computes no FLOPs, bytes or times: only where things
// go on the screen (the frame, markers set side by side, labels' places).
class RooflinePlot : public QWidget
{
    Q_OBJECT
public:
    explicit RooflinePlot(QWidget *parent = nullptr);
    ~RooflinePlot() override;

    // Steps that leave the pins, the measured kernels and the annotations as they were (the same shared
    // storage) leave their graphs and items alone.
    void setData(const ChartData &data);
    const ChartData &data() const { return m_data; }
    // Labels pinned to points and free notes; dragged by the user, they report annotationMoved.
    void setAnnotations(const SharedList<Annotation> &annotations);
    int annotationCount() const;
    // The annotation whose text is under a pixel position of the canvas, or -1.
    int annotationAt(const QPointF &position) const;

    // What the chart shows of its data (which series, every ceiling or not, a fixed frame or the fitted one):
    // its owner's choice, which the canvas draws and never changes. A click on a series' legend entry only
    // asks (seriesToggleRequested); a zoom or pan is reported (viewChanged), and until the owner answers with
    // a view, new data does not move the frame under the user's hand. A frame that cannot be drawn on log
    // axes (usableFrame) leaves the axes as they were.
    void setView(const ChartView &view);
    const ChartView &view() const { return m_view; }
    // The frame on the axes: the view's, the user's gesture not yet answered, or fitted: the seed's frame (x 0.6
    // to 10k FLOP/B, y 10G to 300T FLOP/s) widened to take in every shown point and roof.
    ViewRange viewRange() const;
    // Where a chart coordinate is drawn, in pixels of the canvas.
    QPointF pixelOf(double intensity, double flopsPerSecond) const;

    // Presentation: large fonts, thick roofs, big markers. Dark: light text on a dark canvas (the screen
    // follows the system palette; exports are drawn in the style they ask for).
    void setPresentation(bool enabled);
    bool isPresentation() const { return m_presentation; }
    void setDark(bool dark);
    bool isDark() const { return m_dark; }
    // While the user drags a slider the markers are drawn without antialiasing (a third faster at
    // 1920x1080); when the drag ends the chart is redrawn in full quality. Exports always antialias.
    void setDragging(bool dragging);
    // The label the context menu's "Label" asks for (labelRequested): the point's numbers (pointLabel), anchored
    // where its marker is drawn, its box beside the point and off the other markers (labelOffset); under a
    // heading (a pin's name) for a pinned point. A label of a current point follows it; others stay.
    Annotation labelFor(const ChartPoint &point, std::string_view heading = {}) const;

    // The point under a pixel position of the canvas (within a few pixels), or nullptr.
    const ChartPoint *pointAt(const QPointF &position) const;
    // Every point within a few pixels, nearest first.
    std::vector<const ChartPoint *> pointsAt(const QPointF &position) const;
    // The measured point under a pixel position, or nullptr.
    const ChartData::MeasuredPoint *measuredAt(const QPointF &position) const;
    // The chart as an image of exactly exportPixelSize(size, scale) pixels, laid out for `size` (fonts in
    // proportion), in the export style (`dark` or light, never presentation), whatever the screen shows.
    QImage renderImage(const QSize &size, double scale = 1.0, bool dark = false);
    // Draws the chart laid out at `layout` on `device` (an SVG or PDF writer), in the export style, moved down
    // by `down` units of the device and then scaled by (scaleX, scaleY); every pen gets a real width, as
    // vector editors drop cosmetic 0-width pens. False if the device could not be painted on.
    bool paintVector(QPaintDevice *device, const QSize &layout, double scaleX, double scaleY, double down, bool dark);

    // The widget that paints the chart, for code that only needs it as a QWidget (grabbing it shows what the
    // screen shows).
    QWidget *canvasWidget() const;

    // Below this size the chart takes the compact look (ChartTheme): smaller text and legend.
    static constexpr QSize CompactBelow { 640, 420 };
    bool isCompact() const { return m_compact; }
    // Whether the legend is drawn below the frame (in columns) rather than inside it: when, in one column, it
    // would take more than a third of the canvas's height or width (placeLegend).
    bool isLegendOutside() const;

Q_SIGNALS:
    // The user clicked a series' legend entry.
    void seriesToggleRequested(roofline::Series series);
    // After each (coalesced) redraw: `full` when grid, axes and legend were redrawn too.
    void replotted(bool full);
    // From the chart's context menu and label drags; the window turns them into undoable state changes.
    void labelRequested(const roofline::Annotation &label);
    void noteRequested(double intensity, double flopsPerSecond);
    void annotationMoved(int index, double dx, double dy);
    void annotationRemoveRequested(int index);
    // The user zoomed or panned: viewRange() is the frame they chose.
    void viewChanged();
    // The user asked for the fitted frame back (the chart's context menu).
    void resetViewRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    friend class RooflinePlotProbe; // reads back what was drawn
    class ExportStyle;
    void buildFrame();
    void applyTheme();
    bool fitFrame(); // the seed frame widened to the data; true if the axes changed
    bool showFrame(const ViewRange &frame); // true if the axes changed
    void fitToView();
    void placeLabels();
    void placeWarning();
    void clampRanges();
    void requestReplot(bool full);
    void reportGesture();
    void replotNow();
    bool showToolTip(const QPoint &position, const QPoint &globalPosition);
    void refreshToolTip(); // a tooltip of the canvas still shown says what is under it now
    void showContextMenu(const QPoint &position, const QPoint &globalPosition);

    BufferedPlot *m_plot = nullptr;
    BackgroundFill *m_background = nullptr;
    std::unique_ptr<TitleBlock> m_titles;
    std::unique_ptr<WarningBox> m_warning; // in a corner of the axes where it covers nothing
    QCPLayer *m_frameLayer = nullptr;
    QCPLayer *m_topLayer = nullptr;
    ChartData m_data;
    ChartView m_view; // the parts read it
    std::unique_ptr<ChartTheme> m_theme; // every colour, pen and font of the current look
    std::unique_ptr<RoofsLayer> m_roofs;
    std::unique_ptr<PointsLayer> m_points;
    std::unique_ptr<AnnotationLayer> m_annotations;
    SharedList<Annotation> m_givenAnnotations; // as the owner gave them (with the labels that follow points, showAnnotations places them)
    bool m_presentation = false;
    bool m_dark = false;
    bool m_compact = false;
    QCPMarginGroup *m_legendMargins = nullptr; // lines the legend below the frame up with it (placeLegend)
    // Where the canvas's tooltip was asked for, and what it said (to tell it from another widget's).
    QPoint m_toolTipAt;
    QString m_toolTipText;
    bool m_gesturePending = false; // a zoom or pan not yet reported
    bool m_replotPending = false;
    bool m_fullReplotPending = false;
};

} // namespace roofline
