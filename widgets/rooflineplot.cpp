#include "rooflineplot.h"

#include "canvas.h"
#include "chartexport.h"
#include "chartstyle.h"
#include "inputlimits.h"
#include "units.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QRegion>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <unordered_set>
#include <utility>

namespace roofline {

namespace {
// The title, shortened in the middle with "…" when it is wider than the chart (a 256-byte model name was
// clipped at both ends), and never asking the layout for more than the chart's width.
class ElidedTextElement : public QCPTextElement
{
public:
    using QCPTextElement::QCPTextElement;
    // What the last draw showed.
    QString shown() const { return m_shown; }

protected:
    void draw(QCPPainter *painter) override
    {
        painter->setFont(mainFont());
        painter->setPen(QPen(mainTextColor()));
        m_shown = QFontMetrics(mainFont()).elidedText(mText, Qt::ElideMiddle, mRect.width());
        painter->drawText(mRect, mTextFlags, m_shown, &mTextBoundingRect);
    }
    QSize minimumOuterSizeHint() const override { return QSize(0, QCPTextElement::minimumOuterSizeHint().height()); }

private:
    QString m_shown;
};


// The seed chart's frame.
constexpr double SeedXMin = 0.6;
constexpr double SeedXMax = 1e4;
constexpr double SeedYMin = 1e10;
constexpr double SeedYMax = 3e14;
// How far zoom and pan may go: beyond this nothing real lives, and log axes need positive ranges.
constexpr double XLimitMin = ChartIntensityRange.min;
constexpr double XLimitMax = ChartIntensityRange.max;
constexpr double YLimitMin = ChartFlopsRange.min;
constexpr double YLimitMax = ChartFlopsRange.max;
// How close the pointer must come to a point for its tooltip.
constexpr double HoverRadiusPixels = 8.0;

// The canvas's background, painted into the bottom paint buffer rather than by QCustomPlot's paintEvent:
// the event then skips a full-viewport fill on every repaint (the buffer already covers every pixel).
class BackgroundFill : public QCPLayerable
{
public:
    explicit BackgroundFill(QCustomPlot *plot)
        : QCPLayerable(plot, QStringLiteral("background"))
    {
    }
    void setColor(const QColor &color) { m_color = color; }

protected:
    void applyDefaultAntialiasingHint(QCPPainter *painter) const override { painter->setAntialiasing(false); }
    // QCPLayer clips each layerable to its clipRect() moved up a pixel: one row more reaches the bottom.
    QRect clipRect() const override { return mParentPlot->viewport().adjusted(0, 0, 0, 1); }
    void draw(QCPPainter *painter) override { painter->fillRect(mParentPlot->viewport(), m_color); }

private:
    QColor m_color = Qt::white;
};

// A roof or ceiling: a graph of straight segments (one, in practice). Drawn as separate lines rather than
// QCustomPlot's polyline: for a single dashed line Qt's raster engine uses its own line rasteriser, which is
// several times faster than the general path stroker a dashed polyline goes through.
class LineGraph : public QCPGraph
{
public:
    LineGraph(QCustomPlot *plot)
        : QCPGraph(plot->xAxis, plot->yAxis)
    {
    }

protected:
    void drawLinePlot(QCPPainter *painter, const QVector<QPointF> &lines) const override
    {
        if (painter->pen().style() == Qt::NoPen || painter->pen().color().alpha() == 0)
            return;
        applyDefaultAntialiasingHint(painter);
        for (qsizetype i = 1; i < lines.size(); ++i)
            painter->drawLine(QLineF(lines[i - 1], lines[i]));
    }
};

// A graph of many identical markers (measured kernels). On a raster painter each marker is a copy of one
// image of it, drawn on whole device pixels, rather than a path filled and stroked anew each time (tens of
// thousands of discs took a second a redraw). Vector exports draw them as shapes.
class MarkerGraph : public QCPGraph
{
public:
    explicit MarkerGraph(QCustomPlot *plot)
        : QCPGraph(plot->xAxis, plot->yAxis)
    {
    }

protected:
    void drawScatterPlot(QCPPainter *painter, const QVector<QPointF> &scatters, const QCPScatterStyle &style) const override
    {
        const QTransform world = painter->transform();
        if (painter->modes().testFlag(QCPPainter::pmVectorized) || world.type() > QTransform::TxScale
            || !qFuzzyCompare(world.m11(), world.m22()) || scatters.size() < 32) {
            QCPGraph::drawScatterPlot(painter, scatters, style);
            return;
        }
        applyScattersAntialiasingHint(painter); // as QCPGraph does: plain markers while a slider is held
        const double scale = world.m11() * painter->device()->devicePixelRatioF();
        const bool antialiased = painter->antialiasing();
        const double centre = std::ceil(style.size() / 2 + style.pen().widthF()) + 1;
        if (m_marker.isNull() || m_markerScale != scale || m_markerAntialiased != antialiased || m_markerPen != style.pen()
            || m_markerBrush != style.brush() || m_markerSize != style.size()) {
            const int side = int(std::ceil(2 * centre * scale));
            m_marker = QImage(side, side, QImage::Format_ARGB32_Premultiplied);
            m_marker.setDevicePixelRatio(scale);
            m_marker.fill(Qt::transparent);
            QCPPainter marker(&m_marker);
            marker.setAntialiasing(antialiased);
            style.applyTo(&marker, style.pen());
            style.drawShape(&marker, QPointF(centre, centre));
            m_markerScale = scale;
            m_markerAntialiased = antialiased;
            m_markerPen = style.pen();
            m_markerBrush = style.brush();
            m_markerSize = style.size();
        }
        for (const QPointF &point : scatters)
            painter->drawImage(QPointF(std::round((point.x() - centre) * scale) / scale, std::round((point.y() - centre) * scale) / scale),
                               m_marker);
    }

private:
    mutable QImage m_marker;
    mutable double m_markerScale = 0;
    mutable bool m_markerAntialiased = false;
    mutable QPen m_markerPen;
    mutable QBrush m_markerBrush;
    mutable double m_markerSize = 0;
};

// A label's or note's text in its box. On a raster painter the box is drawn from an image of it, made when
// its text or style changes, rather than laid out glyph by glyph on every redraw of the frame; vector exports
// draw the text itself.
class AnnotationText : public QCPItemText
{
public:
    explicit AnnotationText(QCustomPlot *plot)
        : QCPItemText(plot)
    {
    }
    // For a text covered by others: its image is made again if it shows.
    void releaseImage() { m_image = QImage(); }

protected:
    void draw(QCPPainter *painter) override
    {
        const QTransform world = painter->transform();
        if (painter->modes().testFlag(QCPPainter::pmVectorized) || world.type() > QTransform::TxScale
            || !qFuzzyCompare(world.m11(), world.m22()) || !qFuzzyIsNull(rotation())) {
            QCPItemText::draw(painter);
            return;
        }
        const double scale = world.m11() * painter->device()->devicePixelRatioF();
        const bool antialiased = painter->antialiasing();
        if (m_image.isNull() || m_scale != scale || m_antialiased != antialiased || m_text != text() || m_font != font()
            || m_color != color() || m_pen != pen() || m_brush != brush() || m_padding != padding()
            || m_alignment != positionAlignment() || m_textAlignment != textAlignment()) {
            // As QCPItemText::draw places them, relative to the position.
            QRect textRect = QFontMetrics(font()).boundingRect(0, 0, 0, 0, Qt::TextDontClip | textAlignment(), text());
            QRect box = textRect.adjusted(-padding().left(), -padding().top(), padding().right(), padding().bottom());
            const QPointF topLeft = getTextDrawPoint(QPointF(0, 0), box, positionAlignment());
            textRect.moveTopLeft(topLeft.toPoint() + QPoint(padding().left(), padding().top()));
            box.moveTopLeft(topLeft.toPoint());
            const int border = int(std::ceil(pen().widthF())) + 1;
            m_bounds = box.adjusted(-border, -border, border, border);
            m_image = QImage((QSizeF(m_bounds.size()) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
            m_image.setDevicePixelRatio(scale);
            m_image.fill(Qt::transparent);
            QCPPainter image(&m_image);
            image.setAntialiasing(antialiased);
            image.translate(-m_bounds.topLeft());
            image.setPen(pen());
            image.setBrush(brush());
            image.drawRect(box);
            image.setBrush(Qt::NoBrush);
            image.setPen(QPen(color()));
            image.setFont(font());
            image.drawText(textRect, Qt::TextDontClip | textAlignment(), text());
            m_scale = scale;
            m_antialiased = antialiased;
            m_text = text();
            m_font = font();
            m_color = color();
            m_pen = pen();
            m_brush = brush();
            m_padding = padding();
            m_alignment = positionAlignment();
            m_textAlignment = textAlignment();
        }
        const QPointF at = position->pixelPosition() + m_bounds.topLeft();
        painter->drawImage(QPointF(std::round(at.x() * scale) / scale, std::round(at.y() * scale) / scale), m_image);
    }

private:
    QImage m_image;
    QRect m_bounds;
    double m_scale = 0;
    bool m_antialiased = false;
    QString m_text;
    QFont m_font;
    QColor m_color;
    QPen m_pen;
    QBrush m_brush;
    QMargins m_padding;
    Qt::Alignment m_alignment;
    Qt::Alignment m_textAlignment;
};

bool usable(double x, double y)
{
    return std::isfinite(x) && std::isfinite(y) && x > 0.0 && y > 0.0;
}

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool sameRoof(const Roofline &a, const Roofline &b)
{
    return a.peakFlopsPerSecond == b.peakFlopsPerSecond && a.bandwidthBytesPerSecond == b.bandwidthBytesPerSecond;
}

// Whether two charts draw the same roofs, ceilings and ridge: those live in the frame's image, which a
// step that only moves points does not redraw.
bool sameRoofs(const ChartData &a, const ChartData &b)
{
    const auto sameOther = [](const ChartData::OtherRoof &x, const ChartData::OtherRoof &y) {
        return sameRoof(x.roof, y.roof) && x.bandwidthLabel == y.bandwidthLabel && x.peakLabel == y.peakLabel;
    };
    const auto sameCeiling = [](const ChartData::Ceiling &x, const ChartData::Ceiling &y) {
        return x.label == y.label && x.flopsPerSecond == y.flopsPerSecond && x.ridge == y.ridge && x.active == y.active;
    };
    return sameRoof(a.roof, b.roof) && a.bandwidthLabel == b.bandwidthLabel && a.peakLabel == b.peakLabel
        && a.ridgeLabel == b.ridgeLabel && a.practicalLabel == b.practicalLabel
        && a.secondRoof.has_value() == b.secondRoof.has_value() && (!a.secondRoof || sameOther(*a.secondRoof, *b.secondRoof))
        && a.practicalRoof.has_value() == b.practicalRoof.has_value()
        && (!a.practicalRoof || sameRoof(*a.practicalRoof, *b.practicalRoof))
        && std::equal(a.ceilings.begin(), a.ceilings.end(), b.ceilings.begin(), b.ceilings.end(), sameCeiling);
}

// Hollow markers for pins, one shape after another.
const std::array<QCPScatterStyle::ScatterShape, 4> PinShapes { QCPScatterStyle::ssCircle, QCPScatterStyle::ssDiamond,
                                                              QCPScatterStyle::ssSquare, QCPScatterStyle::ssTriangle };

// `text` cut to `chars` characters, the last of them an ellipsis, without splitting a surrogate pair.
QString elided(const QString &text, int chars)
{
    if (text.size() <= chars)
        return text;
    qsizetype keep = chars - 1;
    if (keep > 0 && text.at(keep - 1).isHighSurrogate())
        --keep;
    return text.left(keep) + QChar(0x2026);
}

// What a note shows on the chart: its first lines, each shortened; `cut` tells whether anything was left out.
QString noteText(const std::string &text, bool *cut)
{
    const QString all = QString::fromStdString(text);
    const QStringList lines = all.split(QLatin1Char('\n'));
    QStringList shown;
    *cut = lines.size() > RooflinePlot::MaxNoteLines;
    for (qsizetype i = 0; i < lines.size() && i < RooflinePlot::MaxNoteLines; ++i) {
        shown << elided(lines[i], RooflinePlot::MaxNoteLineChars);
        *cut = *cut || shown.back().size() != lines[i].size();
    }
    if (lines.size() > RooflinePlot::MaxNoteLines)
        shown.back() += QStringLiteral(" \u2026");
    return shown.join(QLatin1Char('\n'));
}

// Whether two sets of points put the same markers in the same places.
bool samePlaces(const std::vector<ChartPoint> &a, const std::vector<ChartPoint> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const ChartPoint &x, const ChartPoint &y) {
        return x.series == y.series && x.intensity == y.intensity && x.attainableFlopsPerSecond == y.attainableFlopsPerSecond;
    });
}

// Whether the pinned scenarios, drawn in the frame's image, are unchanged.
bool samePins(const SharedList<ChartData::PinnedPoints> &a, const SharedList<ChartData::PinnedPoints> &b)
{
    return a.sharesStorageWith(b)
        || std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const ChartData::PinnedPoints &x, const ChartData::PinnedPoints &y) {
               return x.label == y.label && samePlaces(x.points, y.points);
           });
}

} // namespace

struct RooflinePlot::ViewCache {
    std::array<QVector<QCPGraphData>, SeriesCount> current;
    std::array<QVector<QCPGraphData>, SeriesCount> sweep;
};

RooflinePlot::RooflinePlot(QWidget *parent)
    : QWidget(parent)
    , m_plot(new Canvas(this))
    , m_cache(std::make_unique<ViewCache>())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    buildPlot();
    m_plot->installEventFilter(this);
    setMinimumSize(480, 320);
}

RooflinePlot::~RooflinePlot() = default;

QWidget *RooflinePlot::canvasWidget() const
{
    return m_plot;
}

void RooflinePlot::buildPlot()
{
    QCustomPlot &p = *m_plot;
    p.setBackground(Qt::NoBrush);
    m_background = new BackgroundFill(&p);
    p.setNoAntialiasingOnDrag(false);
    // Grid and axes are axis-aligned: antialiasing them costs time on every replot and buys nothing.
    p.setAntialiasedElements(QCP::aeAll);
    p.setNotAntialiasedElements(QCP::aeGrid | QCP::aeSubGrid | QCP::aeAxes);
    p.setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    p.plotLayout()->setRowSpacing(0);

    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setBold(true);
    p.plotLayout()->insertRow(0);
    m_title = new ElidedTextElement(&p, QString(), titleFont);
    p.plotLayout()->addElement(0, 0, m_title);
    QFont subtitleFont = font();
    subtitleFont.setPointSizeF(subtitleFont.pointSizeF() * 0.95);
    p.plotLayout()->insertRow(1);
    // The subtitle changes with every slider step, so it is drawn by an item on the data layer; the layout
    // keeps a row of its height free.
    m_subtitle = new QCPTextElement(&p, QStringLiteral(" "), subtitleFont);
    p.plotLayout()->addElement(1, 0, m_subtitle);

    QFont labelFont = font();
    labelFont.setPointSizeF(labelFont.pointSizeF() * 1.15);
    for (QCPAxis *axis : { p.xAxis, p.yAxis }) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(siLogTicker());
        axis->setLabelFont(labelFont);
        axis->grid()->setSubGridVisible(true);
        axis->grid()->setPen(QPen(QColor(0xcc, 0xcc, 0xcc), 0, Qt::SolidLine));
        axis->grid()->setSubGridPen(QPen(QColor(0xee, 0xee, 0xee), 0, Qt::SolidLine));
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    p.xAxis->setLabel(QStringLiteral("Operational Intensity (FLOP/Byte)"));
    p.yAxis->setLabel(QStringLiteral("Performance (FLOP/s)"));
    p.xAxis2->setVisible(true);
    p.yAxis2->setVisible(true);
    p.xAxis2->setTicks(false);
    p.yAxis2->setTicks(false);
    p.xAxis2->setTickLabels(false);
    p.yAxis2->setTickLabels(false);

    // What a batch or sequence step changes (the points, the subtitle) lives on the top layer, redrawn
    // alone; the frame, the roofs and the legend are redrawn only when they change. The canvas keeps
    // the top layer as recorded drawing commands over one opaque image of everything else (see Canvas).
    // QCustomPlot's overlay layer (selection rectangles, unused here) is made logical so that it shares
    // the frame's image.
    p.layer(QStringLiteral("overlay"))->setMode(QCPLayer::lmLogical);
    p.addLayer(QStringLiteral("data"), p.layer(QStringLiteral("overlay")), QCustomPlot::limAbove);
    m_dataLayer = p.layer(QStringLiteral("data"));
    m_dataLayer->setMode(QCPLayer::lmBuffered);
    static_cast<Canvas &>(p).useRecordedTopLayer();
    p.setCurrentLayer(QStringLiteral("main"));

    m_memoryRoof = new LineGraph(&p);
    m_memoryRoof->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 2.0, Qt::DashLine));
    m_computeRoof = new LineGraph(&p);
    m_computeRoof->setPen(QPen(QColor(0xd6, 0x27, 0x28), 2.0, Qt::DashLine));
    // A second GPU's roofs: dotted, in dark grey, with their own legend entries while shown.
    m_secondMemoryRoof = new LineGraph(&p);
    m_secondMemoryRoof->setPen(QPen(QColor(0x44, 0x44, 0x44), 1.8, Qt::DotLine));
    m_secondComputeRoof = new LineGraph(&p);
    m_secondComputeRoof->setPen(QPen(QColor(0x44, 0x44, 0x44), 1.8, Qt::DashDotLine));
    for (QCPGraph *roof : { m_memoryRoof, m_computeRoof, m_secondMemoryRoof, m_secondComputeRoof })
        roof->setSelectable(QCP::stNone);
    m_secondMemoryRoof->removeFromLegend();
    m_secondComputeRoof->removeFromLegend();
    m_practicalMemory = new LineGraph(&p);
    m_practicalCompute = new LineGraph(&p);
    m_practicalMemory->setPen(QPen(QColor(0x1f, 0x77, 0xb4, 110), 1.6, Qt::SolidLine));
    m_practicalCompute->setPen(QPen(QColor(0xd6, 0x27, 0x28, 110), 1.6, Qt::SolidLine));
    m_practicalCompute->removeFromLegend();
    m_practicalMemory->removeFromLegend();
    for (int i = 0; i < ComputeTypeCount; ++i) {
        QCPGraph *ceiling = new LineGraph(&p);
        ceiling->setPen(QPen(QColor(0x80, 0x80, 0x80), 1.2, Qt::DotLine));
        ceiling->removeFromLegend();
        ceiling->setSelectable(QCP::stNone);
        m_ceilingGraphs.push_back(ceiling);
        auto *label = new QCPItemText(&p);
        label->setColor(QColor(0x55, 0x55, 0x55));
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        label->setPadding(QMargins(0, 0, 6, 2));
        label->setClipToAxisRect(true);
        label->setSelectable(false);
        label->position->setType(QCPItemPosition::ptPlotCoords);
        label->setVisible(false);
        m_ceilingTexts.push_back(label);
    }
    m_secondRidge = new QCPItemLine(&p);
    m_secondRidge->setPen(QPen(QColor(0x44, 0x44, 0x44), 1.2, Qt::DotLine));
    m_secondRidge->setSelectable(false);
    m_secondRidge->setVisible(false);

    m_ridgeLine = new QCPItemLine(&p);
    m_ridgeLine->setPen(QPen(ridgeColor(), 1.6, Qt::DashLine));
    m_ridgeLine->setSelectable(false);
    m_ridgeText = new QCPItemText(&p);
    m_ridgeText->setColor(ridgeLabelColor(false));
    m_ridgeText->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    m_ridgeText->setPadding(QMargins(4, 0, 0, 4));
    m_bandwidthText = new QCPItemText(&p);
    m_bandwidthText->setColor(QColor(0x1f, 0x77, 0xb4));
    m_bandwidthText->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    m_bandwidthText->setPadding(QMargins(0, 0, 0, 3));
    m_peakText = new QCPItemText(&p);
    m_peakText->setColor(QColor(0xb2, 0x1f, 0x20));
    m_peakText->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    m_peakText->setPadding(QMargins(0, 0, 6, 3));
    for (QCPItemText *text : { m_ridgeText, m_bandwidthText, m_peakText }) {
        text->setSelectable(false);
        text->setClipToAxisRect(true);
        for (QCPItemPosition *position : text->positions())
            position->setType(QCPItemPosition::ptPlotCoords);
    }

    // The sweep is part of the frame too: a batch or sequence step leaves it where it is (the default
    // sweep spans fixed ranges); when it does move, setData asks for a full replot.
    for (int i = 0; i < SeriesCount; ++i) {
        const QColor color = seriesColor(static_cast<Series>(i));
        QColor light = color;
        light.setAlpha(115);
        QCPGraph *sweep = p.addGraph();
        sweep->setLineStyle(QCPGraph::lsNone);
        sweep->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(light, 1.3), Qt::NoBrush, 7));
        sweep->setAdaptiveSampling(false);
        sweep->removeFromLegend();
        m_sweep[std::size_t(i)] = sweep;
    }
    // Pins: faded hollow markers, one graph per shape and series whatever the number of pins; the legend
    // entries are graphs of their own, with no data.
    for (std::size_t shape = 0; shape < m_pinGraphs.size(); ++shape)
        for (int i = 0; i < SeriesCount; ++i) {
            QCPGraph *graph = p.addGraph();
            graph->setLineStyle(QCPGraph::lsNone);
            graph->setAdaptiveSampling(false);
            graph->setSelectable(QCP::stNone);
            graph->removeFromLegend();
            m_pinGraphs[shape][std::size_t(i)] = graph;
        }
    for (QCPGraph *&entry : m_pinLegend) {
        entry = p.addGraph();
        entry->setLineStyle(QCPGraph::lsNone);
        entry->removeFromLegend();
    }
    m_pinSummary = p.addGraph();
    m_pinSummary->setLineStyle(QCPGraph::lsNone);
    m_pinSummary->removeFromLegend();
    // Measured kernels: filled discs in their series' colour, above the sweep and the pins. They move only
    // with the frame, so they are drawn in its image; the lines joining them to the current points move
    // with every step and are on the top layer.
    for (int i = 0; i <= SeriesCount; ++i) {
        QCPGraph *measured = new MarkerGraph(&p);
        const QColor color = i < SeriesCount ? seriesColor(static_cast<Series>(i)) : QColor(0x55, 0x55, 0x55);
        measured->setLineStyle(QCPGraph::lsNone);
        // ssCircle with a brush: ssDisc fills with the pen's colour, which would hide the white outline.
        measured->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 1.2), color, 10));
        measured->setAdaptiveSampling(false);
        measured->removeFromLegend();
        measured->setSelectable(QCP::stNone);
        m_measured[std::size_t(i)] = measured;
    }
    p.setCurrentLayer(m_dataLayer);
    m_subtitleText = new QCPItemText(&p);
    m_subtitleText->setFont(subtitleFont);
    m_subtitleText->setColor(QColor(0x55, 0x55, 0x55));
    m_subtitleText->setPositionAlignment(Qt::AlignCenter);
    m_subtitleText->setClipToAxisRect(false);
    m_subtitleText->setSelectable(false);
    m_subtitleText->position->setType(QCPItemPosition::ptAbsolute);
    for (int i = 0; i < SeriesCount; ++i) {
        const Series series = static_cast<Series>(i);
        QCPGraph *current = p.addGraph();
        current->setName(qs(seriesName(series)));
        current->setLineStyle(QCPGraph::lsNone);
        current->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(seriesColor(series), 2.4), Qt::NoBrush, 12));
        current->setAdaptiveSampling(false);
        m_current[std::size_t(i)] = current;
    }

    p.setCurrentLayer(QStringLiteral("main"));
    p.setFocusPolicy(Qt::ClickFocus);
    QFont legendFont = font();
    p.legend->setVisible(true);
    p.legend->setFont(legendFont);
    p.legend->setBrush(QColor(255, 255, 255, 225));
    p.legend->setBorderPen(QPen(QColor(0xbb, 0xbb, 0xbb)));
    p.legend->setIconSize(28, 18);
    p.legend->setRowSpacing(1);
    p.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    p.axisRect()->insetLayout()->setMargins(QMargins(12, 12, 12, 12));

    connect(m_plot, &QCustomPlot::legendClick, this,
            [this](QCPLegend *legend, QCPAbstractLegendItem *item, QMouseEvent *) { onLegendClick(legend, item); });
    connect(p.xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange &) { clampRanges(); });
    connect(p.yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange &) { clampRanges(); });
    // A full replot may have moved the frame, the axes or the legend: cut the data again.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this] {
        fitToView();
        updateRoofLabels();
    });
    // Keep the frame on the mirror axes.
    connect(p.xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), p.xAxis2, qOverload<const QCPRange &>(&QCPAxis::setRange));
    connect(p.yAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), p.yAxis2, qOverload<const QCPRange &>(&QCPAxis::setRange));
    p.xAxis2->setScaleType(QCPAxis::stLogarithmic);
    p.yAxis2->setScaleType(QCPAxis::stLogarithmic);

    p.xAxis->setRange(SeedXMin, SeedXMax);
    p.yAxis->setRange(SeedYMin, SeedYMax);
    applyStyle();
}

void RooflinePlot::setData(const ChartData &data)
{
    // Roofs, sweep, pins, measured kernels, titles and legend names are drawn outside the data layer: a
    // change to any of them needs a full replot.
    const bool pinsChanged = !samePins(m_data.pins, data.pins);
    // New roofs make new measured points (their shares of the roof) in the same places: nothing to redraw.
    const auto samePlace = [](const ChartData::MeasuredPoint &a, const ChartData::MeasuredPoint &b) {
        return a.intensity == b.intensity && a.achievedFlopsPerSecond == b.achievedFlopsPerSecond && a.series == b.series
            && a.modelled.has_value() == b.modelled.has_value()
            && (!a.modelled || (a.modelled->op == b.modelled->op && a.modelled->phase == b.modelled->phase));
    };
    const bool measuredChanged = !m_data.measured.sharesStorageWith(data.measured)
        && !std::equal(m_data.measured.begin(), m_data.measured.end(), data.measured.begin(), data.measured.end(), samePlace);
    bool full = !sameRoofs(m_data, data) || !samePlaces(m_data.sweep, data.sweep) || pinsChanged || measuredChanged;
    m_data = data;
    if (measuredChanged)
        updateMeasuredExtent();
    const QString title = qs(m_data.title);
    const QString bandwidth = qs(m_data.bandwidthLabel);
    const QString peak = qs(m_data.peakLabel);
    full = full || title != m_title->text(); // the roofs' names are in sameRoofs
    m_title->setText(title);
    m_memoryRoof->setName(bandwidth);
    m_computeRoof->setName(peak);
    if (pinsChanged) {
        showPinsInLegend();
        m_pinsDirty = true;
    }
    if (measuredChanged) {
        collectLinkSources();
        m_measuredDirty = true;
    }
    const bool second = m_data.secondRoof.has_value();
    const QString secondBandwidth = second ? qs(m_data.secondRoof->bandwidthLabel) : QString();
    const QString secondPeak = second ? qs(m_data.secondRoof->peakLabel) : QString();
    if (second != m_secondMemoryRoof->visible() || secondBandwidth != m_secondMemoryRoof->name()
        || secondPeak != m_secondComputeRoof->name()) {
        full = true;
        m_secondMemoryRoof->setVisible(second);
        m_secondComputeRoof->setVisible(second);
        m_secondMemoryRoof->setName(secondBandwidth);
        m_secondComputeRoof->setName(secondPeak);
        for (QCPGraph *roof : { m_secondMemoryRoof, m_secondComputeRoof }) {
            if (second)
                roof->addToLegend();
            else
                roof->removeFromLegend();
        }
    }
    const bool practical = m_data.practicalRoof.has_value();
    const QString practicalName = qs(m_data.practicalLabel);
    if (practical != m_practicalMemory->visible() || practicalName != m_practicalMemory->name()) {
        full = true;
        m_practicalMemory->setVisible(practical);
        m_practicalCompute->setVisible(practical);
        m_practicalMemory->setName(practicalName);
        if (practical)
            m_practicalMemory->addToLegend();
        else
            m_practicalMemory->removeFromLegend();
    }
    const bool measured = !m_data.measured.empty();
    if (measured != bool(m_plot->legend->itemWithPlottable(m_measured[SeriesCount]))) {
        full = true;
        m_measured[SeriesCount]->setName(tr("measured kernels"));
        if (measured)
            m_measured[SeriesCount]->addToLegend();
        else
            m_measured[SeriesCount]->removeFromLegend();
    }
    m_subtitleText->setText(qs(m_data.subtitle));
    m_ridgeText->setText(qs(m_data.ridgeLabel));
    m_bandwidthText->setText(bandwidth);
    m_peakText->setText(peak);
    if (!m_viewCustomised)
        full = fitFrame() || full;
    fitToView();
    updateRoofLabels();
    requestReplot(full);
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
        m_dataLayer->replot(); // redraws the data layer's buffer alone (or everything, if buffers are stale)
    Q_EMIT replotted(full);
}

void RooflinePlot::fitToView()
{
    // Everything is handed to QCustomPlot already cut to the visible frame: vector exports (Qt's SVG
    // engine ignores clipping) then hold nothing outside the axes, and log axes never see a value <= 0.
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    // Roofs drawn full length, dashed, as in the seed chart; the ridge ends where it meets them.
    const auto fullRoofs = [&](const Roofline &r, QCPGraph *memory, QCPGraph *compute) {
        memory->data()->clear();
        compute->data()->clear();
        const double bw = r.bandwidthBytesPerSecond;
        const double from = std::max(x.lower, y.lower / bw);
        const double to = std::min(x.upper, y.upper / bw);
        if (to > from)
            memory->setData({ from, to }, { bw * from, bw * to }, true);
        if (r.peakFlopsPerSecond >= y.lower && r.peakFlopsPerSecond <= y.upper)
            compute->setData({ x.lower, x.upper }, { r.peakFlopsPerSecond, r.peakFlopsPerSecond }, true);
    };
    // A ridge line stops at the legend's top edge rather than cross the legend.
    const auto ridgeBottom = [&](double ridge) {
        const QRect legend = m_plot->legend->visible() ? m_plot->legend->outerRect() : QRect();
        const double pixel = m_plot->xAxis->coordToPixel(ridge);
        if (legend.isValid() && pixel >= legend.left() && pixel <= legend.right())
            return std::clamp(m_plot->yAxis->pixelToCoord(legend.top()), y.lower, y.upper);
        return y.lower;
    };

    const Roofline &roof = m_data.roof;
    const bool valid = usable(roof.bandwidthBytesPerSecond, roof.peakFlopsPerSecond);
    m_ridgeLine->setVisible(valid);
    m_memoryRoof->data()->clear();
    m_computeRoof->data()->clear();
    if (valid) {
        fullRoofs(roof, m_memoryRoof, m_computeRoof);
        m_ridgeLine->start->setCoords(roof.ridge(), ridgeBottom(roof.ridge()));
        m_ridgeLine->end->setCoords(roof.ridge(), y.upper);
    }

    const auto roofSegments = [&](const Roofline &r, QCPGraph *memory, QCPGraph *compute) {
        memory->data()->clear();
        compute->data()->clear();
        if (!usable(r.bandwidthBytesPerSecond, r.peakFlopsPerSecond))
            return;
        const double from = std::max(x.lower, y.lower / r.bandwidthBytesPerSecond);
        const double to = std::min({ x.upper, y.upper / r.bandwidthBytesPerSecond, r.ridge() });
        if (to > from)
            memory->setData({ from, to }, { r.bandwidthBytesPerSecond * from, r.bandwidthBytesPerSecond * to }, true);
        const double start = std::max(x.lower, r.ridge());
        if (r.peakFlopsPerSecond >= y.lower && r.peakFlopsPerSecond <= y.upper && start < x.upper)
            compute->setData({ start, x.upper }, { r.peakFlopsPerSecond, r.peakFlopsPerSecond }, true);
    };
    // The practical roofs follow the NERSC convention (bandwidth stops at the ridge, compute starts there),
    // so the pair reads as one lighter roofline under the published one.
    if (m_data.practicalRoof)
        roofSegments(*m_data.practicalRoof, m_practicalMemory, m_practicalCompute);
    else {
        m_practicalMemory->data()->clear();
        m_practicalCompute->data()->clear();
    }
    for (std::size_t i = 0; i < m_ceilingGraphs.size(); ++i) {
        QCPGraph *graph = m_ceilingGraphs[i];
        QCPItemText *label = m_ceilingTexts[i];
        graph->data()->clear();
        const bool shown = m_showAllCeilings && i < m_data.ceilings.size() && !m_data.ceilings[i].active
            && m_data.ceilings[i].flopsPerSecond >= y.lower && m_data.ceilings[i].flopsPerSecond <= y.upper;
        graph->setVisible(shown);
        label->setVisible(shown);
        if (!shown)
            continue;
        const double flops = m_data.ceilings[i].flopsPerSecond;
        const double start = std::max(x.lower, m_data.ceilings[i].ridge);
        if (start < x.upper)
            graph->setData({ start, x.upper }, { flops, flops }, true);
        label->setText(qs(m_data.ceilings[i].label));
        label->position->setCoords(x.upper, flops);
    }

    m_secondMemoryRoof->data()->clear();
    m_secondComputeRoof->data()->clear();
    m_secondRidge->setVisible(false);
    if (m_data.secondRoof && usable(m_data.secondRoof->roof.bandwidthBytesPerSecond, m_data.secondRoof->roof.peakFlopsPerSecond)) {
        const Roofline &other = m_data.secondRoof->roof;
        fullRoofs(other, m_secondMemoryRoof, m_secondComputeRoof);
        if (other.ridge() >= x.lower && other.ridge() <= x.upper) {
            // Up to the corner of its roofs only.
            m_secondRidge->start->setCoords(other.ridge(), ridgeBottom(other.ridge()));
            m_secondRidge->end->setCoords(other.ridge(), std::min(y.upper, other.peakFlopsPerSecond));
            m_secondRidge->setVisible(true);
        }
    }

    // Group the points by series; a point that cannot sit on a log axis, or lies outside the frame, is left out.
    const auto inView = [&](double px, double py) {
        return usable(px, py) && px >= x.lower && px <= x.upper && py >= y.lower && py <= y.upper;
    };
    for (auto &points : m_cache->current)
        points.clear();
    for (auto &points : m_cache->sweep)
        points.clear();
    const auto collect = [&](const std::vector<ChartPoint> &points, std::array<QVector<QCPGraphData>, SeriesCount> &out) {
        for (const ChartPoint &point : points) {
            const auto index = static_cast<std::size_t>(point.series);
            if (index < out.size() && inView(point.intensity, point.attainableFlopsPerSecond))
                out[index].append(QCPGraphData(point.intensity, point.attainableFlopsPerSecond));
        }
    };
    collect(m_data.current, m_cache->current);
    collect(m_data.sweep, m_cache->sweep);
    for (std::size_t i = 0; i < std::size_t(SeriesCount); ++i) {
        m_current[i]->data()->set(m_cache->current[i]);
        m_sweep[i]->data()->set(m_cache->sweep[i]);
    }
    const QRect axes = m_plot->axisRect()->rect();
    const FilledFrame frame { x.lower, x.upper, y.lower, y.upper, axes.size() };
    if (frame != m_filledFrame) {
        m_filledFrame = frame;
        m_pinsDirty = true;
        m_measuredDirty = true;
    }
    if (m_pinsDirty)
        fillPinGraphs();
    if (m_measuredDirty)
        fillMeasuredGraphs();
    updateLinks();
}

void RooflinePlot::fillPinGraphs()
{
    m_pinsDirty = false;
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    std::array<std::array<QVector<QCPGraphData>, SeriesCount>, PinShapes.size()> ghosts;
    for (std::size_t pin = 0; pin < m_data.pins.size(); ++pin)
        for (const ChartPoint &point : m_data.pins[pin].points) {
            const auto index = static_cast<std::size_t>(point.series);
            if (index < std::size_t(SeriesCount) && usable(point.intensity, point.attainableFlopsPerSecond)
                && x.contains(point.intensity) && y.contains(point.attainableFlopsPerSecond))
                ghosts[pin % PinShapes.size()][index].append(QCPGraphData(point.intensity, point.attainableFlopsPerSecond));
        }
    for (std::size_t shape = 0; shape < m_pinGraphs.size(); ++shape)
        for (std::size_t i = 0; i < std::size_t(SeriesCount); ++i)
            m_pinGraphs[shape][i]->data()->set(ghosts[shape][i]);
}

void RooflinePlot::fillMeasuredGraphs()
{
    m_measuredDirty = false;
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    // One marker per pixel and series: 100,000 kernels land on far fewer pixels, and markers drawn on the
    // same pixel look like one.
    const QRect axes = m_plot->axisRect()->rect();
    const bool thin = axes.width() > 0 && axes.height() > 0;
    std::unordered_set<std::uint64_t> taken;
    std::array<QVector<QCPGraphData>, SeriesCount + 1> measured;
    for (const ChartData::MeasuredPoint &m : m_data.measured) {
        const auto index = std::min<std::size_t>(std::size_t(m.series), SeriesCount);
        if (index < std::size_t(SeriesCount) && !isSeriesVisible(m.series))
            continue;
        if (!usable(m.intensity, m.achievedFlopsPerSecond) || !x.contains(m.intensity) || !y.contains(m.achievedFlopsPerSecond))
            continue;
        if (thin) {
            const auto pixel = [](double value) { return std::uint64_t(std::clamp(std::lround(value), 0L, 0xFFFFFL)); };
            const std::uint64_t key = std::uint64_t(index) << 40 | pixel(m_plot->xAxis->coordToPixel(m.intensity)) << 20
                | pixel(m_plot->yAxis->coordToPixel(m.achievedFlopsPerSecond));
            if (!taken.insert(key).second)
                continue;
        }
        measured[index].append(QCPGraphData(m.intensity, m.achievedFlopsPerSecond));
    }
    for (std::size_t i = 0; i <= std::size_t(SeriesCount); ++i)
        m_measured[i]->data()->set(measured[i]);
}

void RooflinePlot::collectLinkSources()
{
    m_linkSources.clear();
    std::size_t linked = 0;
    for (const ChartData::MeasuredPoint &m : m_data.measured)
        linked += m.modelled && usable(m.intensity, m.achievedFlopsPerSecond) ? 1 : 0;
    if (linked <= MaxKernelLinks) {
        for (const ChartData::MeasuredPoint &m : m_data.measured)
            if (m.modelled && usable(m.intensity, m.achievedFlopsPerSecond))
                m_linkSources.push_back(LinkSource { m.intensity, m.achievedFlopsPerSecond, m.series, *m.modelled });
        return;
    }
    // Many kernels: one line per op and phase, from the geometric mean of its kernels (their middle on log axes).
    struct Sum {
        double logX = 0, logY = 0;
        std::size_t count = 0;
        Series series = Series::None;
    };
    std::map<std::pair<OpKind, Phase>, Sum> groups;
    for (const ChartData::MeasuredPoint &m : m_data.measured) {
        if (!m.modelled || !usable(m.intensity, m.achievedFlopsPerSecond))
            continue;
        Sum &sum = groups[{ m.modelled->op, m.modelled->phase }];
        sum.logX += std::log(m.intensity);
        sum.logY += std::log(m.achievedFlopsPerSecond);
        sum.series = m.series;
        ++sum.count;
    }
    for (const auto &[key, sum] : groups)
        m_linkSources.push_back(LinkSource { std::exp(sum.logX / double(sum.count)), std::exp(sum.logY / double(sum.count)),
                                             sum.series, ChartData::MeasuredPoint::Modelled { key.first, key.second } });
}

void RooflinePlot::updateLinks()
{
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    const auto inView = [&](double px, double py) { return usable(px, py) && x.contains(px) && y.contains(py); };
    std::size_t links = 0;
    for (const LinkSource &source : m_linkSources) {
        const auto index = std::min<std::size_t>(std::size_t(source.series), SeriesCount);
        if (index < std::size_t(SeriesCount) && !isSeriesVisible(source.series))
            continue;
        ChartData::MeasuredPoint probe;
        probe.modelled = source.modelled;
        const ChartPoint *modelled = m_data.modelledPoint(probe);
        if (!modelled)
            continue;
        // A thin line from the measurement to the modelled point of the same op.
        if (links == m_measuredLinks.size()) {
            auto *line = new QCPItemLine(m_plot);
            line->setLayer(m_dataLayer);
            line->setSelectable(false);
            m_measuredLinks.push_back(line);
        }
        QCPItemLine *line = m_measuredLinks[links++];
        QColor color = index < std::size_t(SeriesCount) ? seriesColor(source.series) : QColor(0x55, 0x55, 0x55);
        color.setAlpha(170);
        line->setPen(QPen(color, 1.0));
        line->start->setCoords(source.x, source.y);
        line->end->setCoords(modelled->intensity, modelled->attainableFlopsPerSecond);
        line->setVisible(inView(source.x, source.y) && inView(modelled->intensity, modelled->attainableFlopsPerSecond));
    }
    for (std::size_t i = links; i < m_measuredLinks.size(); ++i)
        m_measuredLinks[i]->setVisible(false);
}

void RooflinePlot::showPinsInLegend()
{
    // Taken out and put back in order, so the pins keep their place after the series and roofs.
    for (QCPGraph *entry : m_pinLegend)
        entry->removeFromLegend();
    m_pinSummary->removeFromLegend();
    const std::size_t count = m_data.pins.size();
    if (count > m_pinLegend.size()) {
        m_pinSummary->setName(tr("pins (%1)").arg(count));
        m_pinSummary->addToLegend();
    }
    for (std::size_t i = 0; i < m_pinLegend.size(); ++i) {
        m_pinLegend[i]->setName(i < count ? elided(qs(m_data.pins[i].label), MaxLegendNameChars) : QString());
        if (i < count && count <= m_pinLegend.size())
            m_pinLegend[i]->addToLegend();
    }
}

void RooflinePlot::resetView()
{
    fitFrame();
    m_viewCustomised = false;
    requestReplot(true);
}

bool RooflinePlot::fitFrame()
{
    double xMin = SeedXMin, xMax = SeedXMax, yMin = SeedYMin, yMax = SeedYMax;
    const auto include = [&](double x, double y) {
        if (!usable(x, y))
            return;
        xMin = std::min(xMin, x / 1.5);
        xMax = std::max(xMax, x * 1.5);
        yMin = std::min(yMin, y / 1.5);
        yMax = std::max(yMax, y * 1.5);
    };
    for (const auto *points : { &m_data.current, &m_data.sweep })
        for (const ChartPoint &point : *points)
            if (isSeriesVisible(point.series))
                include(point.intensity, point.attainableFlopsPerSecond);
    const Roofline &roof = m_data.roof;
    if (usable(roof.bandwidthBytesPerSecond, roof.peakFlopsPerSecond))
        include(roof.ridge(), roof.peakFlopsPerSecond);
    if (m_data.secondRoof && usable(m_data.secondRoof->roof.bandwidthBytesPerSecond, m_data.secondRoof->roof.peakFlopsPerSecond))
        include(m_data.secondRoof->roof.ridge(), m_data.secondRoof->roof.peakFlopsPerSecond);
    for (const auto &pin : m_data.pins)
        for (const ChartPoint &point : pin.points)
            if (isSeriesVisible(point.series))
                include(point.intensity, point.attainableFlopsPerSecond);
    // Measured kernels too: one far from the modelled ops was left off the chart while the legend listed it.
    for (std::size_t i = 0; i < m_measuredExtent.size(); ++i) {
        const Extent &e = m_measuredExtent[i];
        if (!e.empty && (i == std::size_t(SeriesCount) || isSeriesVisible(static_cast<Series>(i)))) {
            include(e.xMin, e.yMin);
            include(e.xMax, e.yMax);
        }
    }
    const QCPRange x(std::max(xMin, XLimitMin), std::min(xMax, XLimitMax));
    const QCPRange y(std::max(yMin, YLimitMin), std::min(yMax, YLimitMax));
    if (x == m_plot->xAxis->range() && y == m_plot->yAxis->range())
        return false;
    m_plot->xAxis->setRange(x);
    m_plot->yAxis->setRange(y);
    return true;
}

void RooflinePlot::updateMeasuredExtent()
{
    m_measuredExtent = {};
    for (const ChartData::MeasuredPoint &m : m_data.measured) {
        if (!usable(m.intensity, m.achievedFlopsPerSecond))
            continue;
        Extent &e = m_measuredExtent[std::min<std::size_t>(std::size_t(m.series), SeriesCount)];
        e.xMin = e.empty ? m.intensity : std::min(e.xMin, m.intensity);
        e.xMax = e.empty ? m.intensity : std::max(e.xMax, m.intensity);
        e.yMin = e.empty ? m.achievedFlopsPerSecond : std::min(e.yMin, m.achievedFlopsPerSecond);
        e.yMax = e.empty ? m.achievedFlopsPerSecond : std::max(e.yMax, m.achievedFlopsPerSecond);
        e.empty = false;
    }
}

void RooflinePlot::clampRanges()
{
    // Keep at least one decade on each axis (inside one decade the log ticker falls back to linear labels)
    // and stay within the limits.
    const auto clamp = [](QCPAxis *axis, double limitMin, double limitMax) {
        QCPRange range = axis->range();
        double lo = std::max(range.lower, limitMin);
        double hi = std::min(range.upper, limitMax);
        if (!(hi > lo) || hi / lo < 10.0) {
            const double centre = std::sqrt(std::max(lo, limitMin) * std::max(hi, limitMin));
            lo = std::max(centre / std::sqrt(10.0), limitMin);
            hi = std::min(lo * 10.0, limitMax);
        }
        if (lo != range.lower || hi != range.upper)
            axis->setRange(lo, hi);
    };
    clamp(m_plot->xAxis, XLimitMin, XLimitMax);
    clamp(m_plot->yAxis, YLimitMin, YLimitMax);
}

void RooflinePlot::updateRoofLabels()
{
    m_subtitleText->position->setCoords(m_subtitle->rect().center());
    updateAnnotations();
    const Roofline &roof = m_data.roof;
    const bool valid = usable(roof.bandwidthBytesPerSecond, roof.peakFlopsPerSecond);
    for (QCPItemText *text : { m_ridgeText, m_bandwidthText, m_peakText })
        text->setVisible(valid);
    if (!valid)
        return;
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    const double ridge = roof.ridge();

    m_ridgeText->position->setCoords(ridge, m_ridgeLine->start->coords().y());
    m_peakText->position->setCoords(x.upper, roof.peakFlopsPerSecond);

    // The bandwidth label sits on the visible part of the memory roof, a third of the way along it,
    // turned to the line's angle on screen.
    const double bw = roof.bandwidthBytesPerSecond;
    const double from = std::max(x.lower, y.lower / bw);
    const double to = std::min({ x.upper, ridge, y.upper / bw });
    if (!(to > from)) {
        m_bandwidthText->setVisible(false);
        return;
    }
    const double at = std::pow(10.0, std::log10(from) + (std::log10(to) - std::log10(from)) / 3.0);
    m_bandwidthText->position->setCoords(at, bw * at);
    const double x1 = m_plot->xAxis->coordToPixel(from), y1 = m_plot->yAxis->coordToPixel(bw * from);
    const double x2 = m_plot->xAxis->coordToPixel(to), y2 = m_plot->yAxis->coordToPixel(bw * to);
    m_bandwidthText->setRotation(qRadiansToDegrees(std::atan2(y2 - y1, x2 - x1)));
}

void RooflinePlot::setSeriesVisible(Series series, bool visible)
{
    const auto index = static_cast<std::size_t>(series);
    if (index >= std::size_t(SeriesCount) || m_current[index]->visible() == visible)
        return;
    m_current[index]->setVisible(visible);
    m_sweep[index]->setVisible(visible);
    for (auto &graphs : m_pinGraphs)
        graphs[index]->setVisible(visible);
    m_measuredDirty = true; // the series' kernels leave or join the measured graphs
    if (QCPPlottableLegendItem *item = m_plot->legend->itemWithPlottable(m_current[index]))
        item->setTextColor(visible ? (m_dark ? QColor(0xe8, 0xe8, 0xe8) : QColor(Qt::black)) : QColor(0x88, 0x88, 0x88));
    requestReplot(true); // the legend entry greys out
    Q_EMIT seriesVisibilityChanged(series, visible);
}

bool RooflinePlot::isSeriesVisible(Series series) const
{
    const auto index = static_cast<std::size_t>(series);
    return index < std::size_t(SeriesCount) && m_current[index]->visible();
}

void RooflinePlot::onLegendClick(QCPLegend *, QCPAbstractLegendItem *item)
{
    auto *plottableItem = qobject_cast<QCPPlottableLegendItem *>(item);
    if (!plottableItem)
        return;
    for (int i = 0; i < SeriesCount; ++i)
        if (plottableItem->plottable() == m_current[std::size_t(i)])
            setSeriesVisible(static_cast<Series>(i), !m_current[std::size_t(i)]->visible());
}

std::vector<const ChartPoint *> RooflinePlot::pointsAt(const QPointF &position) const
{
    // Nearest first; the operating point before sweep points at the same distance.
    std::vector<std::pair<double, const ChartPoint *>> hits;
    for (const auto *points : { &m_data.current, &m_data.sweep }) {
        for (const ChartPoint &point : *points) {
            if (!isSeriesVisible(point.series) || !usable(point.intensity, point.attainableFlopsPerSecond))
                continue;
            const double dx = m_plot->xAxis->coordToPixel(point.intensity) - position.x();
            const double dy = m_plot->yAxis->coordToPixel(point.attainableFlopsPerSecond) - position.y();
            const double distance = dx * dx + dy * dy;
            if (distance <= HoverRadiusPixels * HoverRadiusPixels)
                hits.emplace_back(distance, &point);
        }
    }
    std::stable_sort(hits.begin(), hits.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<const ChartPoint *> result;
    result.reserve(hits.size());
    for (const auto &hit : hits)
        result.push_back(hit.second);
    return result;
}

const ChartPoint *RooflinePlot::pointAt(const QPointF &position) const
{
    const auto points = pointsAt(position);
    return points.empty() ? nullptr : points.front();
}

QString RooflinePlot::tooltipText(const ChartPoint &p)
{
    const auto si = [](double value) { return QString::fromStdString(formatSi(value)); };
    return QStringLiteral("<b>%1</b> &nbsp;·&nbsp; %2 (%3)<br>batch %4, sequence %5<br>"
                          "%6FLOP, %7B &nbsp;→&nbsp; %8 FLOP/B<br>attainable %9FLOP/s, <b>%10-bound</b><br>"
                          "time %11s per layer")
        .arg(qs(opName(p.op)), qs(seriesName(p.series)), qs(phaseName(p.phase)))
        .arg(p.batch)
        .arg(p.seq)
        .arg(si(p.flops), si(p.bytes), si(p.intensity), si(p.attainableFlopsPerSecond),
             p.bound == Bound::Memory ? QStringLiteral("memory") : QStringLiteral("compute"), si(p.timeSeconds))
        + (p.tokensPerStep > 1 ? QStringLiteral("<br>%1 tokens verified per decode step").arg(p.tokensPerStep) : QString())
        + (p.experts > 0 ? QStringLiteral("<br>weights of %1 of %2 experts read: E·(1 − (1 − k/E)<sup>T</sup>) with k = %3,"
                                          " assuming uniform routing")
                               .arg(p.expertsTouched, 0, 'f', 2)
                               .arg(p.experts)
                               .arg(p.expertsPerToken)
                         : QString());
}

bool RooflinePlot::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot) {
        switch (event->type()) {
        case QEvent::MouseButtonPress: {
            auto *mouse = static_cast<QMouseEvent *>(event);
            const int hit = annotationAt(mouse->position());
            m_selectedAnnotation = hit;
            if (mouse->button() == Qt::LeftButton && hit >= 0) {
                // Dragging a label moves the label, not the chart.
                m_draggedAnnotation = hit;
                m_dragOrigin = mouse->position();
                m_dragDelta = QPointF();
                m_dragMoved = false;
                return true;
            }
            if (mouse->button() == Qt::RightButton) {
                showContextMenu(mouse->position().toPoint(), mouse->globalPosition().toPoint());
                return true;
            }
            break;
        }
        case QEvent::MouseMove:
            if (m_draggedAnnotation >= 0) {
                m_dragDelta = static_cast<QMouseEvent *>(event)->position() - m_dragOrigin;
                const bool first = !std::exchange(m_dragMoved, true);
                if (first) {
                    // While it moves, the label is redrawn alone on the top layer, out of the frame's image.
                    auto [text, arrow] = m_annotationItems[std::size_t(m_draggedAnnotation)];
                    text->setLayer(m_dataLayer);
                    arrow->setLayer(m_dataLayer);
                }
                m_annotationsMoved = true;
                updateAnnotations();
                requestReplot(first);
                return true;
            }
            break;
        case QEvent::MouseButtonRelease:
            if (m_draggedAnnotation >= 0) {
                const int index = m_draggedAnnotation;
                const QPointF delta = m_dragDelta;
                endAnnotationDrag();
                const Annotation &a = m_annotations[std::size_t(index)];
                if (!delta.isNull())
                    Q_EMIT annotationMoved(index, a.dx + delta.x(), a.dy + delta.y());
                return true;
            }
            if (static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton && m_viewCustomised)
                Q_EMIT viewChanged();
            break;
        case QEvent::Wheel:
            m_viewCustomised = true;
            QMetaObject::invokeMethod(this, &RooflinePlot::viewChanged, Qt::QueuedConnection);
            break;
        case QEvent::KeyPress: {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if ((key == Qt::Key_Delete || key == Qt::Key_Backspace) && m_selectedAnnotation >= 0
                && m_selectedAnnotation < annotationCount()) {
                Q_EMIT annotationRemoveRequested(std::exchange(m_selectedAnnotation, -1));
                return true;
            }
            break;
        }
        default:
            break;
        }
    }
    // Only the user's own zoom or pan fixes the frame; new data re-fits it until then.
    if (watched == m_plot
        && (event->type() == QEvent::Wheel
            || (event->type() == QEvent::MouseMove && (static_cast<QMouseEvent *>(event)->buttons() & Qt::LeftButton))))
        m_viewCustomised = true;
    if (watched == m_plot && event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const ChartData::MeasuredPoint *measured = measuredAt(help->pos())) {
            QToolTip::showText(help->globalPos(), measuredTooltip(*measured, m_data.modelledPoint(*measured)), m_plot);
            return true;
        }
        const auto points = pointsAt(help->pos());
        if (points.empty()) {
            // A note shortened on the chart shows more of itself, as plain text.
            const int note = annotationAt(help->pos());
            bool cut = false;
            if (note >= 0)
                noteText(m_annotations[std::size_t(note)].text, &cut);
            if (cut) {
                const QString full = elided(qs(m_annotations[std::size_t(note)].text), 4000);
                QToolTip::showText(help->globalPos(),
                                   QStringLiteral("<p style='white-space:pre-wrap'>") + full.toHtmlEscaped() + QStringLiteral("</p>"), m_plot);
            } else {
                QToolTip::hideText();
            }
            return true;
        }
        // Ops of different series often coincide (every decode projection sits at intensity ~b): name them all.
        QString text = tooltipText(*points.front());
        constexpr std::size_t MaxAlso = 6;
        for (std::size_t i = 1; i < points.size() && i <= MaxAlso; ++i)
            text += (i == 1 ? QStringLiteral("<hr>also here: ") : QStringLiteral(", ")) + qs(opName(points[i]->op))
                + QStringLiteral(" (") + qs(seriesName(points[i]->series)) + QStringLiteral(", b ")
                + QString::number(points[i]->batch) + QStringLiteral(", s ") + QString::number(points[i]->seq)
                + QLatin1Char(')');
        if (points.size() > MaxAlso + 1)
            text += QStringLiteral(" and %1 more").arg(points.size() - MaxAlso - 1);
        QToolTip::showText(help->globalPos(), text, m_plot);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void RooflinePlot::setAnnotations(const SharedList<Annotation> &annotations)
{
    if (annotations.sharesStorageWith(m_annotations))
        return;
    const SharedList<Annotation> before = std::exchange(m_annotations, annotations);
    // Items are added or removed at the end and reused in place: one note more does not remake a thousand.
    const std::size_t reused = std::min(m_annotationItems.size(), m_annotations.size());
    while (m_annotationItems.size() > m_annotations.size()) {
        m_plot->removeItem(m_annotationItems.back().first);
        m_plot->removeItem(m_annotationItems.back().second);
        m_annotationItems.pop_back();
        m_annotationBoxes.pop_back();
    }
    while (m_annotationItems.size() < m_annotations.size()) {
        // Annotations move only with the frame: they are drawn in its image, not on every step.
        auto *arrow = new QCPItemLine(m_plot);
        auto *text = new AnnotationText(m_plot);
        for (QCPAbstractItem *item : { static_cast<QCPAbstractItem *>(arrow), static_cast<QCPAbstractItem *>(text) }) {
            item->setLayer(QStringLiteral("main"));
            item->setSelectable(false);
            item->setClipToAxisRect(true);
        }
        text->position->setType(QCPItemPosition::ptAbsolute);
        arrow->start->setType(QCPItemPosition::ptAbsolute);
        arrow->end->setType(QCPItemPosition::ptAbsolute);
        arrow->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 8, 10));
        text->setPadding(QMargins(6, 4, 6, 4));
        text->setPositionAlignment(Qt::AlignCenter);
        text->setTextAlignment(Qt::AlignLeft);
        m_annotationItems.emplace_back(text, arrow);
        m_annotationBoxes.emplace_back();
    }
    for (std::size_t i = 0; i < m_annotations.size(); ++i) {
        const bool known = i < reused && i < before.size();
        if (!known || before[i].text != m_annotations[i].text || before[i].kind != m_annotations[i].kind) {
            bool cut = false;
            m_annotationItems[i].first->setText(noteText(m_annotations[i].text, &cut));
            styleAnnotation(i);
        }
    }
    if (m_draggedAnnotation >= 0)
        endAnnotationDrag(); // the labels changed under the pointer (an undo from the keyboard)
    if (m_selectedAnnotation >= annotationCount())
        m_selectedAnnotation = -1;
    m_annotationsMoved = true;
    updateAnnotations();
    requestReplot(true);
}

void RooflinePlot::endAnnotationDrag()
{
    if (m_draggedAnnotation < 0)
        return;
    if (std::size_t(m_draggedAnnotation) < m_annotationItems.size()) {
        auto [text, arrow] = m_annotationItems[std::size_t(m_draggedAnnotation)];
        text->setLayer(QStringLiteral("main"));
        arrow->setLayer(QStringLiteral("main"));
    }
    m_draggedAnnotation = -1;
    m_dragDelta = QPointF();
    // Back where the session has it, until the session moves it.
    m_annotationsMoved = true;
    updateAnnotations();
    requestReplot(m_dragMoved);
}

void RooflinePlot::styleAnnotation(std::size_t index)
{
    auto [item, arrow] = m_annotationItems[index];
    const bool note = m_annotations[index].kind == Annotation::Kind::Note;
    QFont base = font();
    base.setPointSizeF(base.pointSizeF() * (m_presentation ? 1.7 : 1.0));
    item->setFont(base);
    item->setColor(m_dark ? QColor(0xe8, 0xe8, 0xe8) : QColor(Qt::black));
    item->setBrush(note ? (m_dark ? QColor(0x4a, 0x44, 0x22) : QColor(0xff, 0xf8, 0xd0)) : backgroundColor());
    item->setPen(QPen(m_dark ? QColor(0x77, 0x77, 0x77) : QColor(0x99, 0x99, 0x99)));
    arrow->setPen(QPen(m_dark ? QColor(0xaa, 0xaa, 0xaa) : QColor(0x55, 0x55, 0x55), 1.2 * (m_presentation ? 2.0 : 1.0)));
    // The box the item draws: the text's bounds, as QCPItemText measures them, and the padding.
    m_annotationBoxes[index] = QFontMetrics(base).boundingRect(0, 0, 0, 0, Qt::TextDontClip | item->textAlignment(), item->text())
                                   .adjusted(-6, -4, 6, 4)
                                   .size();
}

void RooflinePlot::updateAnnotations()
{
    // Placed again only when they, the frame or the layout changed: not at every workload step.
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    const PlacedFrame frame { x.lower, x.upper, y.lower, y.upper, m_plot->axisRect()->rect() };
    if (!m_annotationsMoved && frame == m_annotationFrame)
        return;
    m_annotationsMoved = false;
    m_annotationFrame = frame;
    const QRectF axes = m_plot->axisRect()->rect();
    for (std::size_t i = 0; i < m_annotationItems.size() && i < m_annotations.size(); ++i) {
        const Annotation &a = m_annotations[i];
        const QPointF anchor(m_plot->xAxis->coordToPixel(a.x), m_plot->yAxis->coordToPixel(a.y));
        auto [text, arrow] = m_annotationItems[i];
        const QSizeF box = m_annotationBoxes[i];
        // Keep the whole text inside the axes, wherever the label was dragged or the view moved.
        const QRectF area = axes.adjusted(box.width() / 2 + 2, box.height() / 2 + 2, -box.width() / 2 - 2, -box.height() / 2 - 2);
        QPointF at = anchor + QPointF(a.dx, a.dy) + (int(i) == m_draggedAnnotation ? m_dragDelta : QPointF());
        if (area.isValid())
            at = QPointF(std::clamp(at.x(), area.left(), area.right()), std::clamp(at.y(), area.top(), area.bottom()));
        at = QPointF(std::round(at.x()), std::round(at.y())); // whole pixels: boxes that meet, meet exactly
        text->position->setCoords(at);
        // The arrow runs from the edge of the text box towards the point, stopping just short of it.
        const QPointF towards = anchor - at;
        const double length = std::hypot(towards.x(), towards.y());
        const double scaleToEdge = length > 0
            ? std::min(std::fabs(box.width() / 2 / std::max(std::fabs(towards.x()), 1e-9)),
                       std::fabs(box.height() / 2 / std::max(std::fabs(towards.y()), 1e-9)))
            : 0.0;
        arrow->start->setCoords(at + towards * std::min(scaleToEdge, 1.0));
        arrow->end->setCoords(length > 8 ? anchor - towards / length * 6.0 : anchor);
        arrow->setVisible(a.kind == Annotation::Kind::PointLabel && length > box.height() / 2 + 8);
    }
    // Boxes are opaque and later ones drawn over earlier ones: a text wholly under those above it is not drawn
    // (a thousand notes on one chart mostly cover each other). The dragged one is drawn on top, apart.
    QRegion covered;
    for (int i = int(m_annotationItems.size()) - 1; i >= 0; --i) {
        QCPItemText *text = m_annotationItems[std::size_t(i)].first;
        if (i == m_draggedAnnotation) {
            text->setVisible(true);
            continue;
        }
        const QRect rect = annotationRect(std::size_t(i)).intersected(axes.toAlignedRect());
        const bool hidden = !rect.isEmpty() && QRegion(rect).subtracted(covered).isEmpty();
        text->setVisible(!hidden);
        if (hidden)
            static_cast<AnnotationText *>(text)->releaseImage();
        else
            covered += rect;
    }
}

int RooflinePlot::annotationAt(const QPointF &position) const
{
    // The topmost (last drawn) first; a box is its text's, as measured when the text was set.
    for (int i = int(m_annotationItems.size()) - 1; i >= 0; --i)
        if (QRectF(annotationRect(std::size_t(i))).adjusted(-2, -2, 2, 2).contains(position))
            return i;
    return -1;
}

QRect RooflinePlot::annotationRect(std::size_t index) const
{
    // Where QCPItemText puts a centred box: its size halved and rounded, from the position.
    const QSize box = m_annotationBoxes[index];
    const QPointF at = m_annotationItems[index].first->position->coords();
    return QRect(QPoint(int(std::lround(at.x())), int(std::lround(at.y()))) + QPointF(-box.width() / 2.0, -box.height() / 2.0).toPoint(), box);
}

QCPItemText *RooflinePlot::annotationText(int index) const
{
    return index >= 0 && index < int(m_annotationItems.size()) ? m_annotationItems[std::size_t(index)].first : nullptr;
}

void RooflinePlot::showContextMenu(const QPoint &position, const QPoint &globalPosition)
{
    QMenu menu(this);
    const int annotation = annotationAt(position);
    if (annotation >= 0)
        menu.addAction(tr("Delete this label"), this, [this, annotation] { Q_EMIT annotationRemoveRequested(annotation); });
    if (const ChartPoint *point = pointAt(position)) {
        const ChartPoint copy = *point;
        menu.addAction(tr("Label %1 (%2)").arg(qs(opName(copy.op)), qs(seriesName(copy.series))), this,
                       [this, copy] { Q_EMIT labelRequested(copy); });
    }
    const double x = m_plot->xAxis->pixelToCoord(position.x());
    const double y = m_plot->yAxis->pixelToCoord(position.y());
    menu.addAction(tr("Add a note here…"), this, [this, x, y] { Q_EMIT noteRequested(x, y); });
    menu.addSeparator();
    menu.addAction(tr("Reset view"), this, &RooflinePlot::resetView);
    menu.exec(globalPosition);
}

void RooflinePlot::setShowAllCeilings(bool show)
{
    if (show == m_showAllCeilings)
        return;
    m_showAllCeilings = show;
    fitToView();
    requestReplot(true); // the ceilings live in the frame's image
}

int RooflinePlot::visibleCeilingCount() const
{
    int count = 0;
    for (const QCPGraph *graph : m_ceilingGraphs)
        count += graph->visible() && graph->dataCount() > 0 ? 1 : 0;
    return count;
}

int RooflinePlot::measuredLinkCount() const
{
    int count = 0;
    for (const QCPItemLine *line : m_measuredLinks)
        count += line->visible() ? 1 : 0;
    return count;
}

const ChartData::MeasuredPoint *RooflinePlot::measuredAt(const QPointF &position) const
{
    for (const ChartData::MeasuredPoint &m : m_data.measured) {
        if (!usable(m.intensity, m.achievedFlopsPerSecond))
            continue;
        const double dx = m_plot->xAxis->coordToPixel(m.intensity) - position.x();
        const double dy = m_plot->yAxis->coordToPixel(m.achievedFlopsPerSecond) - position.y();
        if (dx * dx + dy * dy <= HoverRadiusPixels * HoverRadiusPixels)
            return &m;
    }
    return nullptr;
}

QString RooflinePlot::measuredTooltip(const ChartData::MeasuredPoint &m, const ChartPoint *modelled)
{
    const auto si = [](double value) { return QString::fromStdString(formatSi(value)); };
    QString text = QStringLiteral("<b>measured: %1</b><br>%2 FLOP/B, achieved %3FLOP/s in %4s<br><b>%5% of the roof</b> at its intensity")
                       .arg(qs(m.name).toHtmlEscaped(), si(m.intensity), si(m.achievedFlopsPerSecond), si(m.seconds))
                       .arg(m.shareOfRoof * 100.0, 0, 'f', 1);
    if (m.shareOfRoof > 1.02)
        text += QStringLiteral("<br><span style='color:#c62828'><b>⚠ above the roof:</b> check the units, the FLOP "
                               "counting, or sparse math</span>");
    if (modelled)
        text += QStringLiteral("<br>model: %1 FLOP/B, %2FLOP/s (%3 %4)")
                    .arg(si(modelled->intensity), si(modelled->attainableFlopsPerSecond), qs(opName(modelled->op)),
                         qs(phaseName(modelled->phase)));
    return text;
}

ViewRange RooflinePlot::viewRange() const
{
    const QCPRange x = m_plot->xAxis->range();
    const QCPRange y = m_plot->yAxis->range();
    return ViewRange { x.lower, x.upper, y.lower, y.upper };
}

void RooflinePlot::setViewRange(const ViewRange &range)
{
    if (!usable(range.xMin, range.yMin) || !usable(range.xMax, range.yMax) || range.xMax <= range.xMin
        || range.yMax <= range.yMin)
        return;
    m_plot->xAxis->setRange(range.xMin, range.xMax);
    m_plot->yAxis->setRange(range.yMin, range.yMax);
    m_viewCustomised = true;
    requestReplot(true);
}

void RooflinePlot::setPresentation(bool enabled)
{
    if (enabled == m_presentation)
        return;
    m_presentation = enabled;
    applyStyle();
    fitToView();
    requestReplot(true);
}

void RooflinePlot::setDragging(bool dragging)
{
    const QCP::AntialiasedElements plain = QCP::aeGrid | QCP::aeSubGrid | QCP::aeAxes;
    m_plot->setNotAntialiasedElements(dragging ? plain | QCP::aeScatters : plain);
    if (!dragging)
        requestReplot(true);
}

void RooflinePlot::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    applyStyle();
    requestReplot(true);
}

QColor RooflinePlot::backgroundColor() const
{
    return m_dark ? QColor(0x1e, 0x1f, 0x22) : QColor(Qt::white);
}

void RooflinePlot::applyStyle()
{
    // Presentation multiplies fonts, pens and markers; dark swaps the neutral colours.
    const double f = m_presentation ? 1.7 : 1.0;
    const double pen = m_presentation ? 2.0 : 1.0;
    const QColor background = backgroundColor();
    const QColor text = m_dark ? QColor(0xe8, 0xe8, 0xe8) : QColor(Qt::black);
    const QColor muted = m_dark ? QColor(0xaa, 0xaa, 0xaa) : QColor(0x55, 0x55, 0x55);
    const QColor grid = m_dark ? QColor(0x4a, 0x4b, 0x50) : QColor(0xcc, 0xcc, 0xcc);
    const QColor subGrid = m_dark ? QColor(0x2e, 0x2f, 0x33) : QColor(0xee, 0xee, 0xee);
    QFont base = font();
    base.setPointSizeF(base.pointSizeF() * f);

    static_cast<BackgroundFill *>(m_background)->setColor(background);
    QFont title = base;
    title.setPointSizeF(base.pointSizeF() * 1.45);
    title.setBold(true);
    m_title->setFont(title);
    m_title->setTextColor(text);
    QFont subtitle = base;
    subtitle.setPointSizeF(base.pointSizeF() * 0.95);
    m_subtitle->setFont(subtitle);
    m_subtitleText->setFont(subtitle);
    m_subtitleText->setColor(muted);
    QFont label = base;
    label.setPointSizeF(base.pointSizeF() * 1.15);
    for (QCPAxis *axis : { m_plot->xAxis, m_plot->yAxis, m_plot->xAxis2, m_plot->yAxis2 }) {
        axis->setLabelFont(label);
        axis->setTickLabelFont(base);
        axis->setLabelColor(text);
        axis->setTickLabelColor(text);
        axis->setBasePen(QPen(text, pen));
        axis->setTickPen(QPen(text, pen));
        axis->setSubTickPen(QPen(text, pen));
        axis->grid()->setPen(QPen(grid, 0));
        axis->grid()->setSubGridPen(QPen(subGrid, 0));
    }
    m_plot->legend->setFont(base);
    m_plot->legend->setTextColor(text);
    m_plot->legend->setBrush(m_dark ? QColor(0x26, 0x27, 0x2b, 235) : QColor(255, 255, 255, 225));
    m_plot->legend->setBorderPen(QPen(m_dark ? QColor(0x55, 0x55, 0x5a) : QColor(0xbb, 0xbb, 0xbb)));
    m_plot->legend->setIconSize(int(28 * f), int(18 * f));
    for (int i = 0; i < SeriesCount; ++i)
        if (QCPPlottableLegendItem *item = m_plot->legend->itemWithPlottable(m_current[std::size_t(i)]))
            item->setTextColor(m_current[std::size_t(i)]->visible() ? text : QColor(0x88, 0x88, 0x88));

    m_memoryRoof->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 2.0 * pen, Qt::DashLine));
    m_computeRoof->setPen(QPen(QColor(0xd6, 0x27, 0x28), 2.0 * pen, Qt::DashLine));
    m_ridgeLine->setPen(QPen(ridgeColor(), 1.6 * pen, Qt::DashLine));
    m_ridgeText->setColor(ridgeLabelColor(m_dark));
    const QColor secondRoof = m_dark ? QColor(0xcc, 0xcc, 0xcc) : QColor(0x44, 0x44, 0x44);
    m_secondMemoryRoof->setPen(QPen(secondRoof, 1.8 * pen, Qt::DotLine));
    m_secondComputeRoof->setPen(QPen(secondRoof, 1.8 * pen, Qt::DashDotLine));
    m_secondRidge->setPen(QPen(secondRoof, 1.2 * pen, Qt::DotLine));
    for (QCPItemText *roofText : { m_ridgeText, m_bandwidthText, m_peakText })
        roofText->setFont(base);
    for (int i = 0; i < SeriesCount; ++i) {
        const QColor color = seriesColor(static_cast<Series>(i));
        QColor light = color;
        light.setAlpha(115);
        m_sweep[std::size_t(i)]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(light, 1.3 * pen), Qt::NoBrush, 7 * f));
        m_current[std::size_t(i)]->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(color, 2.4 * pen), Qt::NoBrush, 12 * f));
    }
    // Pins: faded series colours, one shape per pin in turn; their legend entries grey.
    const double pinSize = m_presentation ? 1.6 : 1.0;
    const QPen pinLegendPen(QColor(0x77, 0x77, 0x77), 1.5 * pinSize);
    for (std::size_t shape = 0; shape < m_pinGraphs.size(); ++shape)
        for (int i = 0; i < SeriesCount; ++i) {
            QColor color = seriesColor(static_cast<Series>(i));
            color.setAlpha(130);
            m_pinGraphs[shape][std::size_t(i)]->setScatterStyle(
                QCPScatterStyle(PinShapes[shape], QPen(color, 1.5 * pinSize), Qt::NoBrush, 9 * pinSize));
        }
    for (std::size_t i = 0; i < m_pinLegend.size(); ++i)
        m_pinLegend[i]->setScatterStyle(QCPScatterStyle(PinShapes[i % PinShapes.size()], pinLegendPen, Qt::NoBrush, 9 * pinSize));
    m_pinSummary->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, pinLegendPen, Qt::NoBrush, 9 * pinSize));
    for (std::size_t i = 0; i < m_annotationItems.size() && i < m_annotations.size(); ++i)
        styleAnnotation(i);
    m_annotationsMoved = true; // their boxes may have new sizes
}

QImage RooflinePlot::renderImage(const QSize &size, double scale, bool darkStyle)
{
    // Lay the chart out at a size where the fonts read as they do on screen, then scale to the pixels
    // asked for: a 1920x1080 export is laid out at 1280x720 and drawn at 1.5x; a 64x16384 one is laid out
    // 256 wide (not 3), so its axes fit, and drawn at a quarter.
    const QSize layout = exportLayoutSize(size);
    const int width = layout.width();
    const int height = layout.height();
    // Images leave the app in the chosen export style, whatever the screen shows.
    const bool dark = std::exchange(m_dark, darkStyle);
    const bool presentation = std::exchange(m_presentation, false);
    const bool restyled = dark != darkStyle || presentation;
    if (restyled)
        applyStyle();
    // Exports are scaled, where unantialiased 1-pixel grid lines snap unevenly: antialias everything for them.
    const QCP::AntialiasedElements screenElements = m_plot->antialiasedElements();
    m_plot->setAntialiasedElements(QCP::aeAll);
    // An opaque background makes an opaque image: PNG then encodes three channels, not four.
    m_plot->setBackground(backgroundColor());
    // The image has exactly the pixels asked for (exportPixelSize): each axis is scaled to fill it, so the
    // layout's rounding does not show.
    QImage image(exportPixelSize(size, scale), QImage::Format_RGB32);
    if (!image.isNull()) {
        image.fill(backgroundColor());
        QCPPainter painter(&image);
        const double scaleX = double(image.width()) / width;
        const double scaleY = double(image.height()) / height;
        // As QCustomPlot's toPixmap: real pen widths when enlarging, cosmetic ones (never lost) when shrinking.
        if (scaleX > 1.0 && scaleY > 1.0)
            painter.setMode(QCPPainter::pmNonCosmetic);
        painter.scale(scaleX, scaleY);
        m_plot->toPainter(&painter, width, height);
    }
    m_plot->setBackground(Qt::NoBrush);
    m_plot->setAntialiasedElements(screenElements);
    if (restyled) {
        m_dark = dark;
        m_presentation = presentation;
        applyStyle();
    }
    requestReplot(true); // the labels were placed for the export's layout
    return image;
}

QString RooflinePlot::titleShown() const
{
    return static_cast<const ElidedTextElement *>(m_title)->shown();
}

} // namespace roofline
