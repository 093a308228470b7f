#include "rooflineplot.h"

#include "annotationlayer.h"
#include "backgroundfill.h"
#include "bufferedplot.h"
#include "charttext.h"
#include "charttheme.h"
#include "legendplacement.h"
#include "pointslayer.h"
#include "roofslayer.h"
#include "units.h"
#include "titleblock.h"
#include "warningbox.h"

#include <QMouseEvent>
#include <QResizeEvent>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <utility>

namespace roofline {

namespace {

// The annotations as the owner gave them, and labels that follow points (followedPoint) where those points'
// markers are drawn now, with their numbers now (the state's annotations keep what they were made with).
AnnotationLayer::Redraw showAnnotations(AnnotationLayer &layer, const SharedList<Annotation> &given, const ChartData &data,
                                        const PointsLayer &points, const SeriesMask &shown)
{
    const AnnotationLayer::Redraw listed = layer.setAnnotations(given);
    std::vector<AnnotationLayer::Followed> followed;
    for (std::size_t i = 0; i < given.size(); ++i) {
        if (const ChartPoint *p = followedPoint(given[i], data)) {
            const auto [x, y] = points.drawnAt(*p);
            followed.push_back(AnnotationLayer::Followed { i, x, y, pointLabel(*p), isShown(shown, p->series) });
        }
    }
    return std::max(listed, layer.follow(std::move(followed)));
}

} // namespace

RooflinePlot::RooflinePlot(QWidget *parent)
    : QWidget(parent)
    , m_plot(new BufferedPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    buildFrame();
    // One theme, which the parts read and applyTheme replaces in place.
    m_theme = std::make_unique<ChartTheme>(ChartTheme::make(font(), m_dark, m_presentation, m_compact));
    m_titles = std::make_unique<TitleBlock>(m_plot, m_topLayer, *m_theme);
    // The parts, drawn in this order: roofs, then points, then annotations above them.
    m_roofs = std::make_unique<RoofsLayer>(m_plot, m_view, *m_theme);
    m_points = std::make_unique<PointsLayer>(m_plot, m_topLayer, m_data, m_view, *m_theme);
    m_annotations = std::make_unique<AnnotationLayer>(m_plot, m_frameLayer, m_topLayer, *m_theme);
    m_warning = std::make_unique<WarningBox>(m_plot, m_topLayer, *m_theme);
    m_plot->xAxis->setRange(SeedFrame.xMin, SeedFrame.xMax);
    m_plot->yAxis->setRange(SeedFrame.yMin, SeedFrame.yMax);
    applyTheme();
    m_plot->installEventFilter(this);
    setMinimumSize(360, 260);
}

RooflinePlot::~RooflinePlot() = default;

void RooflinePlot::buildFrame()
{
    QCustomPlot &p = *m_plot;
    p.setBackground(Qt::NoBrush);
    m_background = new BackgroundFill(&p);
    p.setNoAntialiasingOnDrag(false);
    // Grid and axes are axis-aligned: antialiasing them costs time on every replot and buys nothing.
    p.setAntialiasedElements(QCP::aeAll);
    p.setNotAntialiasedElements(QCP::aeGrid | QCP::aeSubGrid | QCP::aeAxes);
    p.setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    for (QCPAxis *axis : { p.xAxis, p.yAxis, p.xAxis2, p.yAxis2 }) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    for (QCPAxis *axis : { p.xAxis, p.yAxis }) {
        axis->setTicker(siLogTicker());
        axis->grid()->setSubGridVisible(true);
    }
    p.xAxis->setLabel(QStringLiteral("Operational Intensity (FLOP/Byte)"));
    p.yAxis->setLabel(QStringLiteral("Performance (FLOP/s)"));
    for (QCPAxis *axis : { p.xAxis2, p.yAxis2 }) {
        axis->setVisible(true);
        axis->setTicks(false);
        axis->setTickLabels(false);
    }

    // What a batch or sequence step changes (the points, the subtitle) lives on the top layer, redrawn
    // alone; the frame, the roofs and the legend are redrawn only when they change. The canvas keeps
    // the top layer as recorded drawing commands over one opaque image of everything else (see BufferedPlot).
    // QCustomPlot's overlay layer (selection rectangles, unused here) is made logical so that it shares
    // the frame's image.
    p.layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);
    p.addLayer(QStringLiteral("data"), p.layer(QStringLiteral("overlay")), QCustomPlot::limAbove);
    m_topLayer = p.layer(QStringLiteral("data"));
    m_topLayer->setMode(QCPLayer::lmBuffered);
    m_plot->useRecordedTopLayer();
    m_frameLayer = p.layer(QStringLiteral("main"));
    p.setCurrentLayer(m_frameLayer);

    p.setFocusPolicy(Qt::ClickFocus);
    p.legend->setVisible(true);
    p.legend->setRowSpacing(1);
    p.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);

    connect(m_plot, &QCustomPlot::legendClick, this, [this](QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *) {
        auto *entry = qobject_cast<QCPPlottableLegendItem *>(item);
        if (const auto series = entry ? m_points->seriesOfLegendEntry(entry->plottable()) : std::nullopt)
            Q_EMIT seriesToggleRequested(*series);
    });
    for (QCPAxis *axis : { p.xAxis, p.yAxis })
        connect(axis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this](const QCPRange &) { clampRanges(); });
    // A full replot may have moved the frame, the axes or the legend: cut the data again.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        fitToView();
        showAnnotations(*m_annotations, m_givenAnnotations, m_data, *m_points, m_view.shown);
        placeLabels();
    });
    // Keep the frame on the mirror axes.
    connect(p.xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), p.xAxis2, qOverload<const QCPRange &>(&QCPAxis::setRange));
    connect(p.yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), p.yAxis2, qOverload<const QCPRange &>(&QCPAxis::setRange));
}

void RooflinePlot::applyTheme()
{
    *m_theme = ChartTheme::make(font(), m_dark, m_presentation, m_compact);
    const ChartTheme &t = *m_theme;
    m_background->setColor(t.background);
    m_plot->setUnpaintedColor(t.background);
    m_titles->applyTheme();
    m_warning->applyTheme();
    m_plot->axisRect()->insetLayout()->setMargins(t.legendInset);
    for (QCPAxis *axis : { m_plot->xAxis, m_plot->yAxis, m_plot->xAxis2, m_plot->yAxis2 }) {
        axis->setLabelFont(t.axisLabelFont);
        axis->setTickLabelFont(t.font);
        axis->setLabelColor(t.text);
        axis->setTickLabelColor(t.text);
        axis->setBasePen(t.axisPen);
        axis->setTickPen(t.axisPen);
        axis->setSubTickPen(t.axisPen);
        axis->grid()->setPen(t.gridPen);
        axis->grid()->setSubGridPen(t.subGridPen);
    }
    // The last x tick's label ("10k" at the seed frame's right edge) is centred on the axes' right edge: the
    // margin holds its half, also in presentation's large type (it was cut off there).
    m_plot->axisRect()->setMinimumMargins(QMargins(0, 0, QFontMetrics(t.font).horizontalAdvance(QString::fromStdString(formatSi(SeedFrame.xMax))) / 2 + 4, 0));
    m_plot->legend->setFont(t.font);
    m_plot->legend->setTextColor(t.text);
    m_plot->legend->setBrush(t.legendBrush);
    m_plot->legend->setBorderPen(t.legendBorderWhere(isLegendOutside()));
    m_plot->legend->setIconSize(t.legendIconSize);
    m_plot->legend->setMargins(t.legendPadding); // below the frame, its sides are the frame's again at the next layout
    m_roofs->applyTheme();
    m_points->applyTheme();
    m_annotations->applyTheme();
}

void RooflinePlot::setData(const ChartData &data)
{
    // Roofs, sweep, pins, measured kernels, titles and legend names are drawn outside the top layer: a change
    // to any of them needs a full replot.
    const PointsLayer::Change points = m_points->compare(data);
    m_data = data;
    bool full = m_roofs->setData(m_data);
    full = m_points->dataChanged(points) || points.any() || full;
    full = m_titles->setTitle(QString::fromStdString(m_data.title)) || full;
    if (!m_view.frame && !m_gesturePending)
        full = fitFrame() || full;
    fitToView();
    full = showAnnotations(*m_annotations, m_givenAnnotations, m_data, *m_points, m_view.shown) == AnnotationLayer::Redraw::Frame || full;
    placeLabels();
    requestReplot(full);
}

void RooflinePlot::setView(const ChartView &view)
{
    const ChartView before = std::exchange(m_view, view);
    if (m_view.frame && !usableFrame(*m_view.frame))
        m_view.frame = before.frame;
    if (m_view == before)
        return;
    if (m_view.shown != before.shown)
        m_points->showSeries(); // the legend entries grey out or back
    if (m_view.frame) {
        showFrame(*m_view.frame);
        m_gesturePending = false;
    } else if (before.frame || !m_gesturePending) {
        fitFrame(); // the frame follows the data again, or takes in the series and ceilings now shown
        m_gesturePending = false;
    }
    fitToView();
    placeLabels();
    requestReplot(true); // the legend, the ceilings and the frame live in the frame's image
}

void RooflinePlot::requestReplot(bool full)
{
    m_fullReplotPending = m_fullReplotPending || full;
    if (m_replotPending)
        return;
    m_replotPending = true;
    // Several changes in one event-loop pass make one replot.
    QMetaObject::invokeMethod(this, &RooflinePlot::replotNow, Qt::QueuedConnection);
}

void RooflinePlot::replotNow()
{
    const bool full = m_fullReplotPending;
    m_replotPending = false;
    m_fullReplotPending = false;
    if (full)
        m_plot->replot(QCustomPlot::rpQueuedRefresh); // painted with the other widgets that changed, in one pass
    else
        m_topLayer->replot(); // redraws the top layer's buffer alone (or everything, if buffers are stale)
    refreshToolTip();
    Q_EMIT replotted(full);
}

void RooflinePlot::fitToView()
{
    const ViewRange frame = viewRange();
    m_roofs->fit(frame);
    m_points->fit(frame);
}

void RooflinePlot::placeLabels()
{
    // The subtitle in as many lines as the width needs; its row grows to hold them (the layout is redone once
    // when the count of lines changes).
    const bool rowsChanged = m_titles->wrapSubtitle(m_data.subtitle);
    if (!m_legendMargins)
        m_legendMargins = new QCPMarginGroup(m_plot);
    const bool legendMoved = placeLegend(*m_plot, *m_legendMargins, m_theme->legendPadding);
    if (legendMoved) // below the frame it needs no box of its own
        m_plot->legend->setBorderPen(m_theme->legendBorderWhere(isLegendOutside()));
    if (rowsChanged || legendMoved) {
        m_titles->keepRows();
        for (const auto phase : { QCPLayoutElement::upPreparation, QCPLayoutElement::upMargins, QCPLayoutElement::upLayout })
            m_plot->plotLayout()->update(phase);
        fitToView();
    }
    const ViewRange frame = viewRange();
    m_titles->place();
    m_annotations->place(frame);
    std::vector<QRectF> notes;
    for (int i = 0; i < m_annotations->count(); ++i)
        if (const QRect shown = m_annotations->shownBox(i); !shown.isEmpty())
            notes.emplace_back(shown);
    m_roofs->placeLabels(frame, m_points->markersDrawn(), notes);
    placeWarning();
}

void RooflinePlot::placeWarning()
{
    // What the warning must not cover: labels and notes, the legend inside the frame, the roofs' labels, markers.
    std::vector<QRectF> taken;
    for (int i = 0; i < m_annotations->count(); ++i)
        if (const QRect shown = m_annotations->shownBox(i); !shown.isEmpty())
            taken.emplace_back(shown);
    if (m_plot->legend->visible() && !isLegendOutside())
        taken.emplace_back(m_plot->legend->outerRect());
    for (const QCPItemText *label : m_roofs->labels())
        taken.emplace_back(QRectF(label->topLeft->pixelPosition(), label->bottomRight->pixelPosition()).normalized());
    const double reach = m_theme->markerRadius();
    for (const auto &[x, y] : m_points->markersDrawn()) {
        const QPointF at = pixelOf(x, y);
        taken.emplace_back(at.x() - reach, at.y() - reach, 2 * reach, 2 * reach);
    }
    m_warning->place(QString::fromStdString(m_data.warning), m_plot->axisRect()->rect(),
                     m_plot->yAxis->coordToPixel(m_data.roof.peakFlopsPerSecond), taken);
}

bool RooflinePlot::fitFrame()
{
    return showFrame(fittedFrame(m_data, m_view.shown, m_points->measuredExtents(), m_view.allCeilings));
}

bool RooflinePlot::showFrame(const ViewRange &frame)
{
    if (frame == viewRange())
        return false;
    m_plot->xAxis->setRange(frame.xMin, frame.xMax);
    m_plot->yAxis->setRange(frame.yMin, frame.yMax);
    return true;
}

void RooflinePlot::clampRanges()
{
    const ViewRange now = viewRange();
    const ViewRange clamped = clampedFrame(now);
    if (clamped.xMin != now.xMin || clamped.xMax != now.xMax)
        m_plot->xAxis->setRange(clamped.xMin, clamped.xMax);
    if (clamped.yMin != now.yMin || clamped.yMax != now.yMax)
        m_plot->yAxis->setRange(clamped.yMin, clamped.yMax);
}

ViewRange RooflinePlot::viewRange() const
{
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    return ViewRange { x.lower, x.upper, y.lower, y.upper };
}

void RooflinePlot::reportGesture()
{
    if (!m_gesturePending)
        return;
    // The owner fixes the frame now (setView) or leaves it to follow the data; either way it decided.
    Q_EMIT viewChanged();
    m_gesturePending = false;
}

void RooflinePlot::setAnnotations(const SharedList<Annotation> &annotations)
{
    m_givenAnnotations = annotations;
    const AnnotationLayer::Redraw redraw = showAnnotations(*m_annotations, m_givenAnnotations, m_data, *m_points, m_view.shown);
    if (redraw == AnnotationLayer::Redraw::Nothing)
        return;
    m_annotations->place(viewRange());
    requestReplot(redraw == AnnotationLayer::Redraw::Frame);
}

void RooflinePlot::setPresentation(bool enabled)
{
    if (enabled == m_presentation)
        return;
    m_presentation = enabled;
    applyTheme();
    fitToView();
    requestReplot(true);
}

void RooflinePlot::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const bool compact = width() < CompactBelow.width() || height() < CompactBelow.height();
    if (compact == m_compact)
        return;
    m_compact = compact;
    applyTheme();
    fitToView();
    requestReplot(true);
}

void RooflinePlot::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    applyTheme();
    requestReplot(true);
}

void RooflinePlot::setDragging(bool dragging)
{
    const QCP::AntialiasedElements plain = QCP::aeGrid | QCP::aeSubGrid | QCP::aeAxes;
    m_plot->setNotAntialiasedElements(dragging ? plain | QCP::aeScatters : plain);
    if (!dragging)
        requestReplot(true);
}

} // namespace roofline
