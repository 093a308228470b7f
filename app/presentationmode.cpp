#include "presentationmode.h"

#include "explorerstate.h"
#include "rooflineplot.h"

#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>

#include <utility>

namespace roofline {

PresentationMode::PresentationMode(QMainWindow *window, QTabWidget *views, RooflinePlot *plot, std::vector<QWidget *> hidden,
                                   ExplorerState *state)
    : QObject(window)
    , m_window(window)
    , m_views(views)
    , m_plot(plot)
    , m_hidden(std::move(hidden))
    , m_state(state)
{
    m_hidden.push_back(window->menuBar());
    m_hidden.push_back(window->statusBar());
}

void PresentationMode::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    for (QWidget *part : m_hidden)
        part->setVisible(!enabled);
    m_plot->setPresentation(enabled);
    // Presenting shows the roofline alone, without the tabs.
    m_views->tabBar()->setVisible(!enabled);
    if (enabled) {
        m_views->setCurrentWidget(m_plot);
        m_wasMaximized = m_window->isMaximized();
        m_window->showFullScreen();
        m_window->setFocus();
    } else if (m_wasMaximized) {
        m_window->showMaximized();
    } else {
        m_window->showNormal();
    }
}

bool PresentationMode::handleKey(int key)
{
    if (!isEnabled())
        return false;
    switch (key) {
    case Qt::Key_Escape:
        setEnabled(false);
        return true;
    case Qt::Key_Left:
    case Qt::Key_Right:
        m_state->stepBatch(key == Qt::Key_Right);
        return true;
    case Qt::Key_Up:
    case Qt::Key_Down:
        m_state->stepSeq(key == Qt::Key_Up);
        return true;
    default:
        return false;
    }
}

} // namespace roofline
