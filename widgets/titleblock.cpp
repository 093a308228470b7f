#include "titleblock.h"

#include "charttheme.h"
#include "elidedtextelement.h"

namespace roofline {

TitleBlock::TitleBlock(QCustomPlot *plot, QCPLayer *top, const ChartTheme &theme)
    : m_theme(theme)
{
    QCPLayoutGrid *layout = plot->plotLayout();
    layout->setRowSpacing(0);
    layout->insertRow(0);
    m_title = new ElidedTextElement(plot, QString());
    layout->addElement(0, 0, m_title);
    layout->insertRow(1);
    m_rows = new QCPTextElement(plot, QStringLiteral(" "));
    layout->addElement(1, 0, m_rows);
    QCPLayer *current = plot->currentLayer();
    plot->setCurrentLayer(top);
    m_subtitle = new QCPItemText(plot);
    plot->setCurrentLayer(current);
    m_subtitle->setPositionAlignment(Qt::AlignCenter);
    m_subtitle->setClipToAxisRect(false);
    m_subtitle->setSelectable(false);
    m_subtitle->position->setType(QCPItemPosition::ptAbsolute);
}

void TitleBlock::applyTheme()
{
    m_title->setFont(m_theme.titleFont);
    m_title->setTextColor(m_theme.text);
    m_rows->setFont(m_theme.subtitleFont);
    m_subtitle->setFont(m_theme.subtitleFont);
    m_subtitle->setColor(m_theme.mutedText);
}

bool TitleBlock::setTitle(const QString &title)
{
    if (title == m_title->text())
        return false;
    m_title->setText(title);
    return true;
}

bool TitleBlock::wrapSubtitle(const std::string &subtitle)
{
    const double width = m_rows->outerRect().width() - 24.0;
    if (subtitle != m_wrappedFor.text || width != m_wrappedFor.width || m_subtitle->font() != m_wrappedFor.font) {
        m_wrappedFor = Wrapped { subtitle, width, m_subtitle->font() };
        m_subtitle->setText(wrappedAtSeparators(QString::fromStdString(subtitle), QFontMetricsF(m_subtitle->font()), width));
    }
    // Before the first layout the row has no width: its lines are counted once it has.
    return m_rows->text() != rowsNeeded() && m_rows->outerRect().width() > 0;
}

QString TitleBlock::rowsNeeded() const
{
    return QStringLiteral(" \n").repeated(m_subtitle->text().count(QLatin1Char('\n'))) + QStringLiteral(" ");
}

void TitleBlock::keepRows()
{
    m_rows->setText(rowsNeeded());
}

void TitleBlock::place()
{
    m_subtitle->position->setCoords(m_rows->rect().center());
}

QString TitleBlock::shownTitle() const
{
    return m_title->shown();
}

QString TitleBlock::shownSubtitle() const
{
    return m_subtitle->text();
}

} // namespace roofline
