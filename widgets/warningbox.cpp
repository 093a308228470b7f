#include "warningbox.h"

#include "charttheme.h"
#include "qcp.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <vector>

namespace roofline {

WarningBox::WarningBox(QCustomPlot *plot, QCPLayer *layer, const ChartTheme &theme)
    : m_text(new QCPItemText(plot))
    , m_theme(theme)
{
    m_text->setLayer(layer);
    m_text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_text->setSelectable(false);
    m_text->position->setType(QCPItemPosition::ptAbsolute);
    m_text->setVisible(false);
}

void WarningBox::applyTheme()
{
    m_text->setFont(m_theme.warningFont);
    m_text->setColor(m_theme.warningText);
    m_text->setBrush(m_theme.warningBrush);
    m_text->setPen(m_theme.warningBorder);
    m_text->setPadding(m_theme.warningPadding);
}

void WarningBox::place(const QString &text, const QRectF &axes, double roofY, const std::vector<QRectF> &taken)
{
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
    if (text.isEmpty())
        return;
    const double inset = m_theme.warningInset;
    const double top = std::isfinite(roofY) && roofY > axes.top() && roofY < axes.top() + axes.height() / 3.0 ? roofY : axes.top();
    // The corners first, then along the bottom edge (under the memory roof, where no modelled point can be) and
    // the top one, left to right; the first place that covers nothing wins, else the one covering least.
    struct Place {
        bool bottom;
        double left;
    };
    std::vector<Place> places { { false, axes.left() + inset }, { true, axes.left() + inset } };
    constexpr int Steps = 8;
    for (const bool bottom : { true, false })
        for (int i = 1; i <= Steps; ++i)
            places.push_back({ bottom, axes.left() + inset + (axes.width() - 2 * inset) * i / (Steps + 1) });
    // In one line, then broken after its first ": " into two narrower ones.
    QString twoLines = text;
    if (const qsizetype colon = text.indexOf(QLatin1String(": ")); colon > 0)
        twoLines.replace(colon, 2, QStringLiteral(":\n"));
    std::optional<std::pair<Place, QString>> best;
    std::size_t fewest = std::numeric_limits<std::size_t>::max();
    const std::array<QString, 2> variants { text, twoLines };
    const auto put = [&](const Place &place) {
        m_text->setPositionAlignment(Qt::AlignLeft | (place.bottom ? Qt::AlignBottom : Qt::AlignTop));
        m_text->position->setCoords(place.left, place.bottom ? axes.bottom() - inset : top + inset);
    };
    for (std::size_t v = 0; v < (twoLines == text ? 1U : 2U); ++v) {
        const QString &shown = variants[v];
        m_text->setText(shown);
        // Laid out once per text: elsewhere the box is the same, moved (a step does not lay it out per place).
        put(places.front());
        const QRectF first = box();
        for (const Place &place : places) {
            const QRectF here = first.translated(place.left - places.front().left,
                                                 place.bottom ? axes.bottom() - inset - first.bottom() : top + inset - first.top());
            if (here.right() > axes.right() - inset + 0.5)
                continue;
            const auto covered = std::size_t(std::count_if(taken.begin(), taken.end(), [&here](const QRectF &t) { return t.intersects(here); }));
            if (covered == 0) {
                put(place);
                return;
            }
            if (covered < fewest) {
                fewest = covered;
                best = std::pair(place, shown);
            }
        }
    }
    const auto [chosen, shown] = best.value_or(std::pair(places.front(), text));
    m_text->setText(shown);
    put(chosen);
}

QString WarningBox::text() const
{
    return m_text->visible() ? m_text->text() : QString();
}

QRectF WarningBox::box() const
{
    return m_text->visible() ? QRectF(m_text->topLeft->pixelPosition(), m_text->bottomRight->pixelPosition()).normalized() : QRectF();
}

} // namespace roofline
