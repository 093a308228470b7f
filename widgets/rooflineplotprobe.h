#pragma once

#include "rooflineplot.h"

#include <QLineF>
#include <QPointF>
#include <QRect>
#include <QRectF>
#include <QString>

#include <vector>

namespace roofline {

// What a chart last drew, read back by value: its texts as shown, and its boxes and markers in pixels of the
// canvas. For checks of the drawing (the tests read the chart through it); the window never needs it, so the
// chart's own interface stays what the window uses.
class RooflinePlotProbe
{
public:
    explicit RooflinePlotProbe(const RooflinePlot &plot)
        : m_face(plot)
    {
    }

    // The title as last drawn: the chart's title, shortened in the middle with "…" when wider than the chart.
    QString titleShown() const;
    // The subtitle as last placed: broken into lines at its "  ·  " separators where it is wider than the chart.
    QString subtitleShown() const;
    // The chart's warning as drawn (empty when there is none) and its box in pixels of the canvas.
    QString warningShown() const;
    QRectF warningBox() const;

    // The legend's entries as last laid out, top to bottom: each one's name and its box in pixels of the canvas
    // (a click on a series' entry asks to toggle it).
    struct LegendEntry {
        QString name;
        QRect rect;
    };
    std::vector<LegendEntry> legendEntries() const;
    // An annotation as last placed: the text it shows (its first lines, shortened) and its box in pixels of the
    // canvas, empty while it is wholly under later ones and so not drawn.
    struct AnnotationShown {
        QString text;
        QRect box;
    };
    AnnotationShown annotationShown(int index) const;
    // The roofs' labels as last placed and shown (ridge, bandwidth, peak, every ceiling's): the text, where it
    // is anchored in pixels of the canvas, and its turn in degrees (the bandwidth label follows its roof).
    struct RoofLabel {
        QString text;
        QPointF anchor;
        double rotation = 0.0;
        QRectF box; // unturned: the box the text is drawn in before its turn
    };
    std::vector<RoofLabel> roofLabels() const;
    // The lines drawn from measured kernels to their modelled points, in pixels of the canvas: one per kernel or,
    // beyond a few hundred linked kernels, one per op and phase from the middle of its kernels.
    std::vector<QLineF> measuredLinks() const;
    // Where each current point's marker is drawn, in pixels of the canvas, lined up with data().current: at
    // its value, or beside the markers of other series it would cover (dodgedPositions).
    std::vector<QPointF> currentMarkers() const;
    // The same for the sweep's points, lined up with data().sweep.
    std::vector<QPointF> sweepMarkers() const;

private:
    const RooflinePlot &m_face;
};

} // namespace roofline
