#include "charttheme.h"

#include "charttext.h"
#include "units.h"

#include <QMap>

#include <array>
#include <cmath>

namespace roofline {

namespace {
class SiLogTicker : public QCPAxisTickerLog
{
protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override { return QString::fromStdString(formatSi(tick)); }
};

class PowerOfTwoTicker : public QCPAxisTickerLog
{
protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        // Exact whole numbers (16384, not "16K" beside a colour scale's decimal "10k").
        return QString::fromStdString(formatNumber(std::round(tick), 'f', 0));
    }
};

// Measured kernels and their links of no known series are drawn in dark grey.
QColor measuredColor(Series series)
{
    return series == Series::None ? QColor(0x55, 0x55, 0x55) : seriesColor(series);
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

QFont scaled(const QFont &font, double factor, bool bold = false)
{
    QFont result = font;
    result.setPointSizeF(font.pointSizeF() * factor);
    result.setBold(bold);
    return result;
}
} // namespace

QSharedPointer<QCPAxisTickerLog> siLogTicker()
{
    auto ticker = QSharedPointer<SiLogTicker>::create();
    ticker->setLogBase(10.0);
    ticker->setSubTickCount(8);
    return ticker;
}

QSharedPointer<QCPAxisTickerLog> powerOfTwoTicker()
{
    auto ticker = QSharedPointer<PowerOfTwoTicker>::create();
    ticker->setLogBase(2.0);
    ticker->setSubTickCount(0);
    return ticker;
}

ChartTheme ChartTheme::make(const QFont &base, bool dark, bool presentation, bool compact)
{
    ChartTheme t;
    // Presentation multiplies fonts and markers by 1.7 and pens by 2 (pins by 1.6); compact, text by 0.85;
    // dark swaps the neutrals.
    const double f = presentation ? 1.7 : compact ? 0.85 : 1.0;
    const double pen = presentation ? 2.0 : 1.0;
    t.m_penScale = pen;
    t.m_markerScale = f;
    t.m_pinScale = presentation ? 1.6 : 1.0;
    t.m_textScale = f;
    t.annotationPadding = t.padding(QMargins(6, 4, 6, 4));
    t.legendPadding = t.padding(QMargins(7, 5, 7, 4)); // QCustomPlot's own
    t.warningPadding = t.padding(QMargins(6, 3, 6, 3));
    t.warningInset = 8.0 * f;
    t.legendInset = t.padding(QMargins(12, 12, 12, 12));
    t.labelGap = 10.0 * f;
    t.legendNameChars = compact ? 24 : MaxLegendNameChars;
    t.ceilingLabelPadding = t.padding(QMargins(0, 0, 6, 2));
    t.peakLabelPadding = t.padding(QMargins(0, 0, 6, 3));
    t.ridgeLabelPadding = t.padding(QMargins(4, 0, 4, 4));
    t.bandwidthLabelPadding = t.padding(QMargins(0, 0, 0, 3));
    t.annotationKeepIn = 2.0 * f;
    t.arrowGap = 6.0 * f;
    t.arrowShortest = 8.0 * f;
    t.annotationReach = 2.0 * f;

    t.font = scaled(base, f);
    t.titleFont = scaled(t.font, 1.45, true);
    t.subtitleFont = scaled(t.font, 0.95);
    t.axisLabelFont = scaled(t.font, 1.15);
    t.text = dark ? QColor(0xe8, 0xe8, 0xe8) : QColor(Qt::black);
    t.mutedText = dark ? QColor(0xaa, 0xaa, 0xaa) : QColor(0x55, 0x55, 0x55);
    t.hiddenText = QColor(0x88, 0x88, 0x88);
    t.warningFont = scaled(t.font, 1.0, true);
    t.warningText = warningColor();

    t.background = dark ? QColor(0x1e, 0x1f, 0x22) : QColor(Qt::white);
    t.warningBrush = withAlpha(t.background, 235);
    t.warningBorder = QPen(t.warningText, 1.0);
    t.axisPen = QPen(t.text, pen);
    t.gridPen = QPen(dark ? QColor(0x4a, 0x4b, 0x50) : QColor(0xcc, 0xcc, 0xcc), 0);
    t.subGridPen = QPen(dark ? QColor(0x2e, 0x2f, 0x33) : QColor(0xee, 0xee, 0xee), 0);
    t.legendBrush = dark ? QColor(0x26, 0x27, 0x2b, 235) : QColor(255, 255, 255, 225);
    t.legendBorder = QPen(dark ? QColor(0x55, 0x55, 0x5a) : QColor(0xbb, 0xbb, 0xbb));
    t.legendIconSize = QSize(int(28 * f), int(18 * f));

    const QColor blue = memoryRoofColor();
    const QColor red = computeRoofColor();
    t.memoryRoof = QPen(blue, 2.0 * pen, Qt::DashLine);
    t.computeRoof = QPen(red, 2.0 * pen, Qt::DashLine);
    t.practicalMemoryRoof = QPen(withAlpha(blue, 110), 1.6 * pen, Qt::SolidLine);
    t.practicalComputeRoof = QPen(withAlpha(red, 110), 1.6 * pen, Qt::SolidLine);
    const QColor second = dark ? QColor(0xcc, 0xcc, 0xcc) : QColor(0x44, 0x44, 0x44);
    t.secondMemoryRoof = QPen(second, 1.8 * pen, Qt::DotLine);
    t.secondComputeRoof = QPen(second, 1.8 * pen, Qt::DashDotLine);
    t.secondRidge = QPen(second, 1.2 * pen, Qt::DotLine);
    t.ridge = QPen(ridgeColor(), 1.6 * pen, Qt::DashLine);
    t.ceiling = QPen(QColor(0x80, 0x80, 0x80), 1.2 * pen, Qt::DotLine);
    t.bandwidthLabel = blue;
    t.peakLabel = computeBoundColor();
    t.ridgeLabel = ridgeLabelColor(dark);

    t.annotationText = t.text;
    t.labelBrush = t.background;
    t.noteBrush = dark ? QColor(0x4a, 0x44, 0x22) : QColor(0xff, 0xf8, 0xd0);
    t.annotationBorder = QPen(dark ? QColor(0x77, 0x77, 0x77) : QColor(0x99, 0x99, 0x99));
    t.annotationSelectedBorder = QPen(dark ? QColor(0x5c, 0xa8, 0xff) : QColor(0x00, 0x5f, 0xd0), 2.0 * pen);
    t.annotationArrow = QPen(dark ? QColor(0xaa, 0xaa, 0xaa) : QColor(0x55, 0x55, 0x55), 1.2 * pen);
    t.annotationHead = QCPLineEnding(QCPLineEnding::esSpikeArrow, 8 * f, 10 * f);
    QMap<double, QColor> stops;
    for (const auto &[at, colour] : viridisStops())
        stops.insert(at, colour);
    t.phaseMapGradient.setColorStops(stops);
    t.phaseMapGradient.setNanHandling(QCPColorGradient::nhTransparent);
    t.phaseMapBoundary = QPen(phaseMapOverlayColor(), 2.5, Qt::DashLine);
    // Washed pale, not dark: on viridis dark means fast, and what does not fit is not fast.
    t.phaseMapBeyond = QColor(255, 255, 255, 150);
    t.phaseMapPoint = QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(phaseMapOverlayColor(), 2.5), computeRoofColor(), 14);
    t.phaseMapLegendBrush = QColor(0x26, 0x27, 0x2b, 220);
    t.phaseMapLegendBorder = QPen(QColor(0x55, 0x55, 0x5a));
    t.phaseMapLegendText = QColor(0xe8, 0xe8, 0xe8);
    return t;
}

QCPScatterStyle ChartTheme::currentMarker(Series series) const
{
    return QCPScatterStyle(QCPScatterStyle::ssCross, QPen(seriesColor(series), 2.4 * m_penScale), Qt::NoBrush, 2 * markerRadius());
}

QCPScatterStyle ChartTheme::hiddenMarker(Series series) const
{
    QCPScatterStyle marker = currentMarker(series);
    marker.setPen(QPen(hiddenText, marker.pen().widthF()));
    return marker;
}

QCPScatterStyle ChartTheme::sweepMarker(Series series) const
{
    return QCPScatterStyle(QCPScatterStyle::ssCross, QPen(withAlpha(seriesColor(series), 115), 1.3 * m_penScale), Qt::NoBrush,
                           7 * m_markerScale);
}

QCPScatterStyle ChartTheme::pinMarker(std::size_t shape, Series series) const
{
    return QCPScatterStyle(PinShapes[shape % PinShapes.size()], QPen(withAlpha(seriesColor(series), 130), 1.5 * m_pinScale),
                           Qt::NoBrush, 9 * m_pinScale);
}

QCPScatterStyle ChartTheme::pinLegendMarker(std::size_t shape) const
{
    // In the legend a pin stands for points of every series: its shape in the text's colour, as large as a
    // current point's marker so that it reads beside theirs (it was a 9 px grey ring).
    return QCPScatterStyle(PinShapes[shape % PinShapes.size()], QPen(text, 2.0 * m_pinScale), Qt::NoBrush, 2 * markerRadius());
}

QCPScatterStyle ChartTheme::measuredMarker(Series series) const
{
    // ssCircle with a brush: ssDisc fills with the pen's colour, which would hide the white outline.
    return QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::white, 1.2 * m_penScale), measuredColor(series), 10 * m_markerScale);
}

QPen ChartTheme::measuredLink(Series series) const
{
    return QPen(withAlpha(measuredColor(series), 170), 1.0 * m_penScale);
}

QMargins ChartTheme::padding(const QMargins &screen) const
{
    const auto grown = [this](int pixels) { return int(std::lround(pixels * m_textScale)); };
    return QMargins(grown(screen.left()), grown(screen.top()), grown(screen.right()), grown(screen.bottom()));
}

} // namespace roofline
