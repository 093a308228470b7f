#pragma once

#include "chartcolors.h"
#include "charttext.h"
#include "opcost.h"

#include "qcp.h"

#include <QColor>
#include <QFont>
#include <QPen>
#include <QSharedPointer>

#include <array>

namespace roofline {

// A logarithmic axis ticker whose labels are in SI units, as in the seed chart: 1, 10, 1k; 10G, 100T.
QSharedPointer<QCPAxisTickerLog> siLogTicker();
// Batch sizes and sequence lengths: ticks at powers of two, labelled as exact whole numbers (1, 16, 16384).
QSharedPointer<QCPAxisTickerLog> powerOfTwoTicker();

// Every colour, pen, font and marker of the roofline chart in one of its looks: light or dark, on the screen or
// in presentation (large fonts, thick lines, big markers), and compact for a small canvas (smaller text and
// legend, so the chart keeps its room). Exports are drawn in the light or dark screen look.
// The canvas's parts create their graphs plain and take every style from here, so a look is changed in one
// place and applied the same way at creation, on a switch and for an export.
struct ChartTheme {
    // The look for a widget whose font is `base`.
    static ChartTheme make(const QFont &base, bool dark, bool presentation, bool compact = false);

    // Text: the base font (tick labels, legend, roof labels, annotations), the title, subtitle and axis titles.
    QFont font;
    QFont titleFont;
    QFont subtitleFont;
    QFont axisLabelFont;
    QColor text;
    QColor mutedText; // subtitle, ceiling labels
    QColor hiddenText; // the legend entry of a hidden series
    // A warning on the chart (a workload that does not fit): bold, in the warning colour, in a box of it.
    QFont warningFont;
    QColor warningText;
    QBrush warningBrush;
    QPen warningBorder;

    // The frame.
    QColor background;
    QPen axisPen;
    QPen gridPen;
    QPen subGridPen;
    QBrush legendBrush;
    QPen legendBorder;
    // The legend's border where it stands: boxed inside the frame, none below it.
    QPen legendBorderWhere(bool belowFrame) const { return belowFrame ? QPen(Qt::NoPen) : legendBorder; }
    QSize legendIconSize;

    // Roofs, ridges and ceilings, and their labels.
    QPen memoryRoof;
    QPen computeRoof;
    QPen practicalMemoryRoof;
    QPen practicalComputeRoof;
    QPen secondMemoryRoof;
    QPen secondComputeRoof;
    QPen secondRidge;
    QPen ridge;
    QPen ceiling;
    QColor bandwidthLabel;
    QColor peakLabel;
    QColor ridgeLabel;

    // Points: the current operating point prominent, the sweep small and light, pins hollow and faded (one
    // shape per pin in turn), measured kernels as filled discs (Series::None for kernels of no known series).
    static constexpr std::array<QCPScatterStyle::ScatterShape, 4> PinShapes { QCPScatterStyle::ssCircle,
                                                                              QCPScatterStyle::ssDiamond,
                                                                              QCPScatterStyle::ssSquare,
                                                                              QCPScatterStyle::ssTriangle };
    QCPScatterStyle currentMarker(Series series) const;
    // A hidden series' marker, as its legend entry shows it: the same cross in the hidden text's grey.
    QCPScatterStyle hiddenMarker(Series series) const;
    // How far apart, in pixels, the current markers of series that would cover one another are drawn.
    double markerSpacing() const { return 11.0 * m_markerScale; }
    // Half the size of a current point's cross.
    double markerRadius() const { return 6.0 * m_markerScale; }
    // How near the pointer must come to a point for its tooltip or menu, in pixels.
    double hoverRadius() const { return 8.0 * m_markerScale; }
    QCPScatterStyle sweepMarker(Series series) const;
    QCPScatterStyle pinMarker(std::size_t shape, Series series) const;
    QCPScatterStyle pinLegendMarker(std::size_t shape) const;
    QCPScatterStyle measuredMarker(Series series) const;
    // The line from a measured kernel to its modelled point.
    QPen measuredLink(Series series) const;

    // Labels and notes: a box with a border, an arrow to a labelled point.
    QColor annotationText;
    QBrush labelBrush;
    QBrush noteBrush;
    QPen annotationBorder;
    QPen annotationSelectedBorder; // the one the Delete key would remove
    QPen annotationArrow;
    QCPLineEnding annotationHead; // the arrow's head, at the point

    // Paddings and gaps in pixels, grown and shrunk with the text: the box of a label or note, of the legend, of
    // the warning; the legend's distance from the frame's corner; the gap between a marker and its label's box.
    QMargins annotationPadding;
    QMargins legendPadding;
    QMargins warningPadding;
    double warningInset = 0.0; // the warning's distance from the axes' corner
    QMargins legendInset;
    double labelGap = 0.0;
    // The longest pin name the legend shows, in characters: a compact chart's legend keeps to columns narrow
    // enough to go below the frame rather than cover it.
    int legendNameChars = MaxLegendNameChars;
    // The roofs' labels' distance from their lines: a ceiling's and the peak's (left of their right end), a
    // ridge's (beside its line), the bandwidth's (above its slope).
    QMargins ceilingLabelPadding;
    QMargins peakLabelPadding;
    QMargins ridgeLabelPadding;
    QMargins bandwidthLabelPadding;
    // Labels and notes: kept this far inside the axes; the arrow stops this short of its point (and is drawn only
    // when it would be longer than arrowShortest beyond the box's half height); the pointer finds a box from this
    // far outside it.
    double annotationKeepIn = 0.0;
    double arrowGap = 0.0;
    double arrowShortest = 0.0;
    double annotationReach = 0.0;
    // A padding given for the screen's text, in this look's.
    QMargins padding(const QMargins &screen) const;

    // The phase map's colours: viridis, missing values transparent.
    QCPColorGradient phaseMapGradient;
    // The phase map's overlays: the dashed memory limit, the wash over the lengths that do not fit, the disc of
    // the operating point.
    QPen phaseMapBoundary;
    QBrush phaseMapBeyond;
    QCPScatterStyle phaseMapPoint;
    // Its legend sits on the map's colours and names the overlays, white and pale: on a dark ground in both looks,
    // so that they show in their swatches.
    QBrush phaseMapLegendBrush;
    QPen phaseMapLegendBorder;
    QColor phaseMapLegendText;

private:
    double m_penScale = 1.0;
    double m_markerScale = 1.0;
    double m_pinScale = 1.0;
    double m_textScale = 1.0;
};

} // namespace roofline
