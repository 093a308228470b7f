#include "sidepanelsplitter.h"

#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>

#include <algorithm>

namespace roofline {

SidePanelSplitter::SidePanelSplitter(QWidget *views, QWidget *panel, QWidget *parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_panel(panel)
{
    addWidget(views);
    addWidget(panel);
    setStretchFactor(0, 1);
    setStretchFactor(1, 0);
    setCollapsible(0, false);
    setCollapsible(1, true);
    // Never narrower than its controls (a drag past that folds it): a panel that cut them off read as broken.
    panel->setMinimumWidth(leastWidth());
    connect(this, &QSplitter::splitterMoved, this, &SidePanelSplitter::dragged);
}

bool SidePanelSplitter::isPanelShown() const
{
    return sizes().value(1) > 0;
}

void SidePanelSplitter::setPanelShown(bool shown)
{
    if (shown != isPanelShown()) {
        const int panel = shown ? panelWidth() : 0;
        setSizes({ std::max(width() - panel - handleWidth(), 0), panel });
    }
    if (shown != m_shown) {
        m_shown = shown;
        Q_EMIT panelShownChanged(shown);
    }
}

void SidePanelSplitter::dragged()
{
    m_userSized = true;
    // Dragged out of its fold: the whole panel, not the sliver the drag began with.
    if (!m_shown && isPanelShown() && sizes().value(1) < panelWidth())
        setSizes({ std::max(width() - panelWidth() - handleWidth(), 0), panelWidth() });
    if (isPanelShown() != m_shown) {
        m_shown = isPanelShown();
        Q_EMIT panelShownChanged(m_shown);
    }
}

int SidePanelSplitter::leastWidth() const
{
    // A scrolling panel's least width is its contents' and the vertical scroll bar's.
    int least = MinimumPanelWidth;
    if (const auto *scroll = qobject_cast<const QScrollArea *>(m_panel); scroll && scroll->widget())
        least = std::max(least, scroll->widget()->minimumSizeHint().width() + scroll->verticalScrollBar()->sizeHint().width()
                                    + 2 * scroll->frameWidth());
    return least;
}

int SidePanelSplitter::panelWidth() const
{
    int natural = m_panel->sizeHint().width();
    if (const auto *scroll = qobject_cast<const QScrollArea *>(m_panel); scroll && scroll->widget())
        natural = scroll->widget()->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 2 * scroll->frameWidth();
    const int least = leastWidth();
    return std::clamp(width() / 3, least, std::max(natural, least));
}

void SidePanelSplitter::resizeEvent(QResizeEvent *event)
{
    QSplitter::resizeEvent(event);
    m_panel->setMinimumWidth(leastWidth()); // the contents' least width may have changed (a font, a language)
    if (m_userSized || event->size().width() <= 0)
        return;
    const int panel = panelWidth();
    setSizes({ std::max(width() - panel - handleWidth(), 0), panel });
}

} // namespace roofline
