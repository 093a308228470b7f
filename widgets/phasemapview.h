#pragma once

#include "grid.h"

#include <QWidget>

class QCustomPlot;
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

    void setData(const PhaseMap &map);
    GridQuantity quantity() const;
    Series series() const;

    QCustomPlot *customPlot() const { return m_plot; }
    QCPColorMap *colorMap() const { return m_map; }
    QCPGraph *currentPoint() const { return m_current; }
    QCPGraph *fitsBoundary() const { return m_boundary; }
    QComboBox *quantityBox() const { return m_quantity; }
    QComboBox *seriesBox() const { return m_series; }

Q_SIGNALS:
    // The user picked another quantity or series: the window recomputes.
    void choiceChanged();

private:
    QComboBox *m_quantity;
    QComboBox *m_series;
    QCustomPlot *m_plot;
    QCPColorMap *m_map;
    QCPColorScale *m_scale;
    QCPGraph *m_current;
    QCPGraph *m_boundary;
};

} // namespace roofline
