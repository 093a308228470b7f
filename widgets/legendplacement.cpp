#include "legendplacement.h"

#include "qcp.h"

#include <algorithm>

namespace roofline {

bool legendBelowFrame(const QCustomPlot &plot)
{
    return plot.legend->layout() == plot.plotLayout();
}

bool placeLegend(QCustomPlot &plot, QCPMarginGroup &frameMargins, const QMargins &padding)
{
    QCPLegend *legend = plot.legend;
    // (In columns the grid has empty cells: itemCount() counts them, item() gives nullptr for them.)
    QSize column;
    int entries = 0, rowHeight = 0;
    for (int i = 0; i < legend->itemCount(); ++i) {
        if (const QCPAbstractLegendItem *entry = legend->item(i)) {
            const QSize item = entry->minimumOuterSizeHint();
            column = QSize(std::max(column.width(), item.width()), column.height() + item.height() + legend->rowSpacing());
            rowHeight = std::max(rowHeight, item.height() + legend->rowSpacing());
            ++entries;
        }
    }
    const int paddingX = padding.left() + padding.right(), paddingY = padding.top() + padding.bottom();
    column += QSize(paddingX, paddingY);
    // The size the chart is laid out in: the widget's, or an export's (which lays out without resizing it).
    const QSize canvas = plot.viewport().size();
    const bool crowded = column.height() * 3 > canvas.height() || column.width() * 3 > canvas.width();
    // Below, in columns as wide as the widest entry across the frame's width (the canvas less the axis's
    // labels); only where that makes two columns or more and takes at most a third of the height (else the
    // frame would lose more than the legend covers: a narrow, tall export, or eleven entries at 470 x 400).
    const QMargins axisMargins = plot.axisRect()->margins(); // the axes' tick labels and titles, as last laid out
    const int frameWidth = canvas.width() - axisMargins.left() - axisMargins.right();
    const int columns = std::clamp(frameWidth / std::max(1, column.width() - paddingX + legend->columnSpacing()), 1,
                                   std::max(1, entries));
    const int rows = (entries + columns - 1) / columns;
    const bool below = entries > 0 && crowded && columns >= 2 && (rows * rowHeight + paddingY) * 3 <= canvas.height();
    const int wrap = below ? columns : 0;
    if (below == legendBelowFrame(plot) && wrap == legend->wrap())
        return false;
    if (legend->layout())
        legend->layout()->take(legend);
    plot.plotLayout()->simplify();
    legend->setWrap(wrap);
    legend->setFillOrder(below ? QCPLayoutGrid::foColumnsFirst : QCPLayoutGrid::foRowsFirst, true);
    // Below, its sides take the frame's margins (its entries start where the axes do); inside, its own padding.
    QCPMarginGroup *group = below ? &frameMargins : nullptr;
    legend->setAutoMargins(below ? QCP::msLeft | QCP::msRight : QCP::msNone);
    legend->setMargins(padding);
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
