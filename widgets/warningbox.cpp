#include "warningbox.h"

#include "charttheme.h"
#include "qcp.h"

#include <algorithm>
#include <cmath>

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
    for (const bool bottom : { false, true }) {
        m_text->setPositionAlignment(Qt::AlignLeft | (bottom ? Qt::AlignBottom : Qt::AlignTop));
        m_text->position->setCoords(axes.left() + inset, bottom ? axes.bottom() - inset : top + inset);
        const QRectF here = box(); // lays the text out: once per corner, not once per marker
        if (std::none_of(taken.begin(), taken.end(), [&here](const QRectF &t) { return t.intersects(here); }))
            return;
    }
    m_text->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_text->position->setCoords(axes.left() + inset, top + inset);
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
