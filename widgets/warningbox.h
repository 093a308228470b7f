#pragma once

#include <QRectF>
#include <QString>

#include <vector>

class QCustomPlot;
class QCPItemText;
class QCPLayer;

namespace roofline {

struct ChartTheme;

// The chart's warning (a workload that does not fit the memory): bold text in a box inside the axes, where it
// covers nothing. It reads the face's theme; the face tells it what else is drawn.
class WarningBox
{
public:
    // Drawn on `layer` (the top one: it changes with the workload).
    WarningBox(QCustomPlot *plot, QCPLayer *layer, const ChartTheme &theme);

    void applyTheme();
    // Shows `text` (none: hidden) in the top-left corner of `axes`, under `roofY` when the compute roof runs in
    // the axes' top third (left of the memory roof's climb); if it would cover one of `taken` there, in the
    // bottom-left corner, under the memory roof, where no modelled point can be; else further right along the
    // bottom edge, then the top one; where every place covers something, where it covers fewest. Inset by the
    // theme's warning inset from the axes.
    void place(const QString &text, const QRectF &axes, double roofY, const std::vector<QRectF> &taken);

    // As last placed: its text and box in pixels of the canvas, or nothing while hidden.
    QString text() const;
    QRectF box() const;

private:
    QCPItemText *m_text;
    const ChartTheme &m_theme;
};

} // namespace roofline
