#pragma once

#include "grid.h"

#include <QImage>
#include <QPointF>
#include <QStringList>
#include <QBrush>
#include <QWidget>

#include <memory>

class QCustomPlot;
class QCPColorGradient;
class QCPColorMap;
class QCPColorScale;
class QCPGraph;
class QComboBox;

namespace roofline {

// The second view: a heat map over batch (x) and sequence length (y), both logarithmic, of a quantity the
// user picks, with the current operating point and the memory-fits boundary. It draws what it is given.
class PhaseMapView : public QWidget
{
    Q_OBJECT
public:
    explicit PhaseMapView(QWidget *parent = nullptr);
    ~PhaseMapView() override;

    // A map whose values do not fill its grid is not drawn: the view keeps the last one.
    void setData(const PhaseMap &map);
    // The map as drawn.
    const PhaseMap &data() const { return m_data; }
    // Light (the default) or dark: the frame, text and legend in the roofline chart's neutrals (ChartTheme).
    void setDark(bool dark);
    // Shows a choice (the state's) without reporting it; the choice shown.
    void setChoice(const PhaseMapChoice &choice);
    PhaseMapChoice choice() const;

    // The chart as the view draws it, at its size now; and where a batch and sequence length are drawn in that
    // image, in pixels, once one was made.
    QImage renderImage();
    QPointF pixelOf(double batch, double seq) const;
    // The title of the colour scale, and the labels of its ticks and of the axes' ticks as last drawn (the
    // image renders them).
    QString scaleLabel() const;
    QStringList scaleTickLabels() const;
    QStringList axisTickLabels(Qt::Orientation orientation) const;
    // What hovering a pixel of the view's chart shows: the cell's batch, length and value, and whether it fits
    // the memory ("batch 8, sequence 4096: 35.7ms per step" and "⚠ weights + KV cache do not fit in memory");
    // empty off the map.
    QString toolTipAt(const QPointF &position) const;

    QComboBox *quantityBox() const { return m_quantity; }
    QComboBox *seriesBox() const { return m_series; }

Q_SIGNALS:
    // The user picked another quantity or series: `choice` is what the boxes show now.
    void choiceChanged(const roofline::PhaseMapChoice &choice);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QComboBox *m_quantity;
    QComboBox *m_series;
    QCustomPlot *m_plot;
    QCPColorMap *m_map;
    QCPColorScale *m_scale;
    std::unique_ptr<QCPColorGradient> m_viridis; // continuous; in two levels for fits / does not fit
    QCPGraph *m_current;
    QCPGraph *m_boundary;
    QCPGraph *m_beyond; // the top of the region that does not fit, which the boundary's wash fills up to
    QBrush m_wash; // the theme's wash over what does not fit
    PhaseMap m_data;
    void fitLegend();
    void showBeyond(); // the region that does not fit: washed, or in the colour of "does not fit" on the fits map
};

} // namespace roofline
