#include "phasemapview.h"

#include "charttheme.h"
#include "inputlimits.h"
#include "units.h"

#include "qcp.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace roofline {

namespace {
// The colour scale's ticks as the model writes them for the quantity shown ("100ms", "10k", "50%").
template<class Base>
class GridTicker : public Base
{
public:
    explicit GridTicker(GridQuantity quantity)
        : m_quantity(quantity)
    {
    }

protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        return QString::fromStdString(formatGridTick(m_quantity, tick));
    }

private:
    GridQuantity m_quantity;
};

} // namespace

PhaseMapView::PhaseMapView(QWidget *parent)
    : QWidget(parent)
    , m_quantity(new QComboBox(this))
    , m_series(new QComboBox(this))
    , m_plot(new QCustomPlot(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Colour by"), this));
    row->addWidget(m_quantity);
    row->addWidget(new QLabel(tr("Series"), this));
    row->addWidget(m_series);
    row->addStretch(1);
    layout->addLayout(row);
    // The boxes may be narrower than their longest entry (shortened with "…"), so a small window keeps its chart.
    for (QComboBox *box : { m_quantity, m_series })
        box->setMinimumWidth(box->fontMetrics().averageCharWidth() * 12 + 40);
    layout->addWidget(m_plot, 1);
    for (const GridQuantity q : AllGridQuantities) {
        const auto name = gridQuantityTitle(q);
        m_quantity->addItem(QString::fromUtf8(name.data(), qsizetype(name.size())), int(q));
    }
    for (int i = 0; i < SeriesCount; ++i) {
        const auto name = seriesName(static_cast<Series>(i));
        m_series->addItem(QString::fromUtf8(name.data(), qsizetype(name.size())), i);
    }
    m_series->setCurrentIndex(m_series->findData(int(PhaseMap {}.series))); // the map's own default
    m_series->setToolTip(tr("For the compute-bound share: the series whose regime is mapped"));
    m_series->setEnabled(gridQuantityUsesSeries(choice().quantity));
    connect(m_quantity, &QComboBox::activated, this, [this] {
        m_series->setEnabled(gridQuantityUsesSeries(choice().quantity));
        Q_EMIT choiceChanged(choice());
    });
    connect(m_series, &QComboBox::activated, this, [this] { Q_EMIT choiceChanged(choice()); });

    QCustomPlot &p = *m_plot;
    for (QCPAxis *axis : { p.xAxis, p.yAxis }) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(powerOfTwoTicker());
        axis->grid()->setVisible(false);
    }
    p.xAxis->setLabel(tr("Batch size"));
    p.yAxis->setLabel(tr("Sequence length"));
    p.xAxis->setRange(SliderBatchRange.min, SliderBatchRange.max);
    p.yAxis->setRange(SliderSeqRange.min, SliderSeqRange.max);
    m_map = new QCPColorMap(p.xAxis, p.yAxis);
    m_map->setInterpolate(false);
    m_scale = new QCPColorScale(&p);
    p.plotLayout()->addElement(0, 1, m_scale);
    m_map->setColorScale(m_scale);
    m_viridis = std::make_unique<QCPColorGradient>(); // the theme's (setDark)
    auto *margins = new QCPMarginGroup(&p);
    p.axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    m_scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins);

    // The lengths that do not fit, washed pale above the dashed boundary up to the top of the frame (and its
    // legend swatch shows the wash under the dash, so it reads on the legend's pale ground).
    m_beyond = p.addGraph();
    m_beyond->removeFromLegend();
    m_boundary = p.addGraph();
    m_boundary->setChannelFillGraph(m_beyond);
    m_boundary->setName(tr("does not fit in memory"));
    m_current = p.addGraph();
    m_current->setLineStyle(QCPGraph::lsNone);
    m_current->setName(tr("operating point"));
    // The legend in one row under the map, which it would otherwise cover (every cell is data).
    p.legend->setVisible(true);
    // It sits in the middle of a row of its own, between two empty cells: its width must never bound the map's
    // column (a layout column is as narrow as its narrowest maximum).
    p.axisRect()->insetLayout()->take(p.legend);
    auto *legendRow = new QCPLayoutGrid;
    p.plotLayout()->addElement(1, 0, legendRow);
    p.plotLayout()->setRowStretchFactor(1, 0.001);
    legendRow->addElement(0, 0, new QCPLayoutElement(&p));
    legendRow->addElement(0, 1, p.legend);
    legendRow->addElement(0, 2, new QCPLayoutElement(&p));
    p.legend->setMargins(QMargins(8, 4, 8, 4));
    p.plotLayout()->setMargins(QMargins(0, 0, 0, 4));
    // Its entries side by side, or one above the other where the view is narrower than the row (fitLegend): the
    // legend's width never sets the view's.
    m_plot->setMinimumSize(QSize(240, 200));
    fitLegend();
    m_plot->installEventFilter(this);
    setDark(false);
}

void PhaseMapView::setDark(bool dark)
{
    const ChartTheme t = ChartTheme::make(font(), dark, false);
    QCustomPlot &p = *m_plot;
    p.setBackground(t.background);
    for (QCPAxis *axis : { p.xAxis, p.yAxis, m_scale->axis() }) {
        axis->setBasePen(t.axisPen);
        axis->setTickPen(t.axisPen);
        axis->setSubTickPen(t.axisPen);
        axis->setTickLabelColor(t.text);
        axis->setLabelColor(t.text);
    }
    p.legend->setBrush(t.phaseMapLegendBrush);
    p.legend->setBorderPen(t.phaseMapLegendBorder);
    p.legend->setTextColor(t.phaseMapLegendText);
    *m_viridis = t.phaseMapGradient;
    m_map->setGradient(*m_viridis); // setData cuts it in two levels for the fits map
    m_beyond->setPen(Qt::NoPen); // only the top edge of the fill
    m_boundary->setPen(t.phaseMapBoundary);
    m_wash = t.phaseMapBeyond;
    showBeyond();
    m_current->setScatterStyle(t.phaseMapPoint);
    if (!m_data.values.empty())
        setData(PhaseMap(m_data)); // the map again in the new gradient (two levels for the fits map)
    p.replot(QCustomPlot::rpQueuedReplot);
}

PhaseMapView::~PhaseMapView() = default;

void PhaseMapView::setChoice(const PhaseMapChoice &choice)
{
    const QSignalBlocker quantities(m_quantity);
    const QSignalBlocker series(m_series);
    m_quantity->setCurrentIndex(m_quantity->findData(int(choice.quantity)));
    m_series->setCurrentIndex(m_series->findData(int(choice.series)));
    // A series is chosen only for what is of one series.
    m_series->setEnabled(gridQuantityUsesSeries(choice.quantity));
}

PhaseMapChoice PhaseMapView::choice() const
{
    return PhaseMapChoice { static_cast<GridQuantity>(m_quantity->currentData().toInt()),
                            static_cast<Series>(m_series->currentData().toInt()) };
}

void PhaseMapView::setData(const PhaseMap &map)
{
    const std::size_t nx = map.grid.batches.size();
    const std::size_t ny = map.grid.seqs.size();
    if (nx < 2 || ny < 2 || map.values.size() != nx * ny)
        return;
    // The cells are log-spaced, so on log axes they are evenly spaced in pixels: the image is stretched
    // from the first to the last sample.
    QCPColorMapData *data = m_map->data();
    data->setSize(int(nx), int(ny));
    data->setRange(QCPRange(double(map.grid.batches.front()), double(map.grid.batches.back())),
                   QCPRange(double(map.grid.seqs.front()), double(map.grid.seqs.back())));
    // Whether it fits is drawn from the boundary itself, not cell by cell (which made stairs beside the dashed
    // line): every cell in the colour of "fits", and the region above the line in that of "does not fit".
    const bool exactFits = map.quantity == GridQuantity::MemoryFits
        && std::any_of(map.fitsBoundary.begin(), map.fitsBoundary.end(), [](const auto &point) { return point.second >= 1.0; });
    for (std::size_t j = 0; j < ny; ++j) {
        for (std::size_t i = 0; i < nx; ++i) {
            const double v = exactFits ? 1.0 : map.values[j * nx + i];
            data->setCell(int(i), int(j), std::isfinite(v) ? v : std::nan(""));
        }
    }
    const bool logScale = gridQuantityIsLogScale(map.quantity);
    m_scale->setDataScaleType(logScale ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    const auto [lowest, highest] = map.fittingRange(); // beyond the memory, the wash says enough
    QCPColorGradient gradient = *m_viridis;
    if (map.quantity == GridQuantity::MemoryFits) {
        // Two values, two colours: the bar is two blocks, each named at its middle.
        gradient.setLevelCount(2);
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (const double at : { 0.25, 0.75 })
            ticker->addTick(at, QString::fromStdString(formatGridTick(map.quantity, at)));
        m_scale->axis()->setTicker(ticker);
        m_map->setDataRange(QCPRange(0.0, 1.0));
    } else if (logScale && highest > lowest) {
        // A range of less than three decades still gets three ticks or more (1, 2, 5 times a power of ten).
        auto ticker = QSharedPointer<QCPAxisTickerText>::create();
        for (const double at : logScaleTicks(lowest, highest))
            ticker->addTick(at, QString::fromStdString(formatGridTick(map.quantity, at)));
        ticker->setSubTickCount(0);
        m_scale->axis()->setTicker(ticker);
        m_map->setDataRange(QCPRange(lowest, highest));
    } else {
        m_scale->axis()->setTicker(QSharedPointer<GridTicker<QCPAxisTicker>>::create(map.quantity));
        m_map->setDataRange(QCPRange(0.0, 1.0));
    }
    m_map->setGradient(gradient);
    const auto name = gridQuantityTitle(map.quantity);
    QString label = QString::fromUtf8(name.data(), qsizetype(name.size()));
    if (map.quantity == GridQuantity::ComputeBoundShare) {
        const auto series = seriesName(map.series);
        label += QStringLiteral(": ") + QString::fromUtf8(series.data(), qsizetype(series.size()));
    }
    m_scale->axis()->setLabel(label);

    // Show the edge cells whole: half a (log-spaced) cell beyond the first and last samples.
    const auto halfCell = [](double lo, double hi, std::size_t n) { return std::pow(hi / lo, 0.5 / double(n - 1)); };
    const double fx = halfCell(double(map.grid.batches.front()), double(map.grid.batches.back()), nx);
    const double fy = halfCell(double(map.grid.seqs.front()), double(map.grid.seqs.back()), ny);
    m_plot->xAxis->setRange(double(map.grid.batches.front()) / fx, double(map.grid.batches.back()) * fx);
    m_plot->yAxis->setRange(double(map.grid.seqs.front()) / fy, double(map.grid.seqs.back()) * fy);

    // The boundary is drawn to a decade above the frame at most: it leaves the frame there anyway, and the
    // lengths that fit can be far beyond it (every length fits when every layer is windowed). It runs on over
    // the edge cells' outer halves, level, so that their wash covers them too.
    const double drawnTop = double(map.grid.seqs.back()) * 10.0;
    QVector<double> bx, by;
    for (const auto &[batch, seq] : map.fitsBoundary) {
        if (seq >= 1.0) {
            bx << batch;
            by << std::min(seq, drawnTop);
        }
    }
    if (!bx.isEmpty() && bx.front() == double(map.grid.batches.front())) {
        bx.prepend(bx.front() / fx);
        by.prepend(by.front());
    }
    if (!bx.isEmpty() && bx.back() == double(map.grid.batches.back())) {
        bx.append(bx.back() * fx);
        by.append(by.back());
    }
    m_boundary->setData(bx, by, true);
    m_beyond->setData(bx, QVector<double>(bx.size(), drawnTop * 10.0), true);
    m_current->setData({ map.batch }, { map.seq }, true);
    m_data = map;
    showBeyond();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void PhaseMapView::showBeyond()
{
    if (m_data.quantity == GridQuantity::MemoryFits)
        m_boundary->setBrush(QColor::fromRgb(m_map->gradient().color(0.0, QCPRange(0.0, 1.0)))); // the bar's "does not fit"
    else
        m_boundary->setBrush(m_wash);
}

QImage PhaseMapView::renderImage()
{
    return m_plot->toPixmap(m_plot->width(), m_plot->height()).toImage();
}

QPointF PhaseMapView::pixelOf(double batch, double seq) const
{
    return QPointF(m_plot->xAxis->coordToPixel(batch), m_plot->yAxis->coordToPixel(seq));
}

QString PhaseMapView::toolTipAt(const QPointF &position) const
{
    if (!m_plot->axisRect()->rect().contains(position.toPoint()))
        return {};
    const auto cell = m_data.cellAt(m_plot->xAxis->pixelToCoord(position.x()), m_plot->yAxis->pixelToCoord(position.y()));
    if (!cell)
        return {};
    QString text = tr("batch %1, sequence %2: %3")
                       .arg(cell->batch)
                       .arg(cell->seq)
                       .arg(QString::fromStdString(formatGridValue(m_data.quantity, cell->value)));
    if (!cell->fits && m_data.quantity != GridQuantity::MemoryFits)
        text += QLatin1Char('\n') + tr("⚠ weights + KV cache do not fit in memory");
    return text;
}

void PhaseMapView::fitLegend()
{
    // Side by side where the row fits, else one above the other. The entries' size hints fall short of the text
    // as drawn where the screen and the image disagree on the DPI (by a third under Xvfb), so the legend is given half
    // again what they ask.
    QCPLegend *legend = m_plot->legend;
    legend->setMaximumSize(QWIDGETSIZE_MAX, QWIDGETSIZE_MAX);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    const int room = m_plot->width() - 16;
    const int row = legend->minimumOuterSizeHint().width();
    if (row * 3 / 2 > room)
        legend->setFillOrder(QCPLegend::foRowsFirst);
    const QSize hint = legend->minimumOuterSizeHint();
    legend->setMaximumSize(std::min(hint.width() * 3 / 2, std::max(room, hint.width())), hint.height());
}

bool PhaseMapView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::Resize)
        fitLegend(); // before the plot lays itself out for its new size
    if (watched == m_plot && event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, m_plot);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QString PhaseMapView::scaleLabel() const
{
    return m_scale->axis()->label();
}

QStringList PhaseMapView::scaleTickLabels() const
{
    return m_scale->axis()->tickVectorLabels();
}

QStringList PhaseMapView::axisTickLabels(Qt::Orientation orientation) const
{
    return (orientation == Qt::Horizontal ? m_plot->xAxis : m_plot->yAxis)->tickVectorLabels();
}

} // namespace roofline
