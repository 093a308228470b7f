#pragma once

#include "chartdata.h"
#include "chartframe.h"
#include "session.h"

#include <QRectF>

#include <optional>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemLine;
class QCPItemText;

namespace roofline {

struct ChartTheme;

// The roofs part of the canvas: the published memory and compute roofs with the ridge between them, the
// practical roofs under them, a second GPU's roofs, every compute ceiling the GPU publishes, and their labels.
// They change only with the GPU, so they are drawn in the frame's image, not on every workload step. It reads
// the canvas's view, `view` (every ceiling a line of its own, as Intel Advisor draws them, or the active one).
class RoofsLayer
{
public:
    // Creates the graphs and items on the plot's current layer.
    RoofsLayer(QCustomPlot *plot, const ChartView &view, const ChartTheme &theme);

    // Takes the roofs of `data`: names, legend entries and labels. Returns whether anything drawn changed.
    bool setData(const ChartData &data);
    void applyTheme(); // the theme changed: every roof and label styled again
    // Cuts every roof to `frame`; a ridge line stops at the legend's top edge rather than cross the legend.
    void fit(const ViewRange &frame);
    // Places the labels once the layout is known (the bandwidth label turns to the roof's angle on screen and
    // moves along the roof off the `markers` drawn on it, in chart coordinates; the peak's label moves off them
    // too).
    // `notes`: the annotations' boxes in pixels, which the ridges' labels stay off.
    void placeLabels(const ViewRange &frame, const std::vector<std::pair<double, double>> &markers = {},
                     const std::vector<QRectF> &notes = {});
    // The labels shown: ridge, bandwidth, peak, then the ceilings'.
    std::vector<const QCPItemText *> labels() const;

private:
    void placePeakLabel(const ViewRange &frame, const std::vector<std::pair<double, double>> &markers);
    double ridgeFloor(double ridge, const ViewRange &frame) const;
    // A ridge's label at the foot of its line (`ridge`, `floor`): right of the line, else left of it, else lifted
    // above whatever of `taken` (pixel boxes: the legend, labels placed before) it would cover.
    void placeRidgeLabel(QCPItemText *text, double ridge, double floor, const std::vector<QRectF> &taken);

    // What the layer draws, kept to tell whether new data changes it.
    struct Roofs {
        Roofline roof;
        std::string bandwidthLabel, peakLabel, ridgeLabel, practicalLabel;
        std::optional<ChartData::OtherRoof> secondRoof;
        std::optional<Roofline> practicalRoof;
        std::vector<ChartData::Ceiling> ceilings;
    };
    Roofs m_roofs;
    bool m_hasData = false;
    const ChartView &m_view;
    const ChartTheme &m_theme; // the face's

    QCustomPlot *m_plot = nullptr;
    QCPGraph *m_memoryRoof = nullptr;
    QCPGraph *m_computeRoof = nullptr;
    QCPItemLine *m_ridgeLine = nullptr;
    QCPItemText *m_ridgeText = nullptr;
    QCPItemText *m_bandwidthText = nullptr;
    QCPItemText *m_peakText = nullptr;
    QCPGraph *m_practicalMemory = nullptr;
    QCPGraph *m_practicalCompute = nullptr;
    QCPGraph *m_secondMemoryRoof = nullptr;
    QCPGraph *m_secondComputeRoof = nullptr;
    QCPItemLine *m_secondRidge = nullptr;
    QCPItemText *m_secondRidgeText = nullptr;
    std::vector<QCPGraph *> m_ceilingGraphs;
    std::vector<QCPItemText *> m_ceilingTexts;
};

} // namespace roofline
