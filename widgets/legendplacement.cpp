#include "legendplacement.h"

#include "qcp.h"

#include <algorithm>

namespace roofline {

namespace {
// QCustomPlot's own padding of a legend, kept whichever side it is.
constexpr QMargins Padding { 7, 5, 7, 4 };
} // namespace

bool legendBelowFrame(const QCustomPlot &plot)
{
    return plot.legend->layout() == plot.plotLayout();
}

bool placeLegend(QCustomPlot &plot, QCPMarginGroup &frameMargins)
{
    QCPLegend *legend = plot.legend;
    // (In columns the grid has empty cells: itemCount() counts them, item() gives nullptr for them.)
    QSize column;
    int entries = 0;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (const QCPAbstractLegendItem *entry = legend->item(i)) {
            const QSize item = entry->minimumOuterSizeHint();
            column = QSize(std::max(column.width(), item.width()), column.height() + item.height() + legend->rowSpacing());
            ++entries;
        }
    }
    column += QSize(Padding.left() + Padding.right(), Padding.top() + Padding.bottom());
    // The size the chart is laid out in: the widget's, or an export's (which lays out without resizing it).
    const QSize canvas = plot.viewport().size();
    // Below only where a column of it takes at most half the width: beside the axis's labels it must fit in
    // the frame's width (a narrow, tall export keeps it inside rather than widen the frame past the image).
    const int across = canvas.width() - 80;
    const bool below = entries > 0 && column.width() * 2 <= canvas.width()
        && (column.height() * 3 > canvas.height() || column.width() * 3 > canvas.width());
    // Columns as wide as the widest entry, across the canvas less the axis's labels.
    const int columns = below ? std::clamp(across / std::max(1, column.width() + legend->columnSpacing()), 1, entries) : 0;
    if (below == legendBelowFrame(plot) && columns == legend->wrap())
        return false;
    if (legend->layout())
        legend->layout()->take(legend);
    plot.plotLayout()->simplify();
    legend->setWrap(columns);
    legend->setFillOrder(below ? QCPLayoutGrid::foColumnsFirst : QCPLayoutGrid::foRowsFirst, true);
    // Below, its sides take the frame's margins (its entries start where the axes do); inside, its own padding.
    QCPMarginGroup *group = below ? &frameMargins : nullptr;
    legend->setAutoMargins(below ? QCP::msLeft | QCP::msRight : QCP::msNone);
    legend->setMargins(Padding);
    legend->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    plot.axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    if (below) {
        const int row = plot.plotLayout()->rowCount();
        plot.plotLayout()->addElement(row, 0, legend);
        plot.plotLayout()->setRowStretchFactor(row, 0.001);
    } else {
        plot.axisRect()->insetLayout()->addElement(legend, Qt::AlignBottom | Qt::AlignRight);
    }
    return true;
}

} // namespace roofline
