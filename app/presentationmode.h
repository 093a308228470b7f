#pragma once

#include <QObject>

#include <vector>

class QMainWindow;
class QTabWidget;
class QWidget;

namespace roofline {

class ExplorerState;
class RooflinePlot;

// Presentation mode, and whether the window is in it: the window full screen with the roofline chart alone (the
// `hidden` parts, the menus, the status bar and the tabs put away), the canvas in its large look; the arrow keys
// step the batch and the sequence length, Esc leaves. Leaving gives the window back as it was (maximised or not).
class PresentationMode : public QObject
{
    Q_OBJECT
public:
    PresentationMode(QMainWindow *window, QTabWidget *views, RooflinePlot *plot, std::vector<QWidget *> hidden,
                     ExplorerState *state);

    // The one record of it: the canvas is told, and draws its large look while it lasts.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // A key pressed in the window: true if presentation took it (only while presenting).
    bool handleKey(int key);

private:
    QMainWindow *m_window;
    QTabWidget *m_views;
    RooflinePlot *m_plot;
    std::vector<QWidget *> m_hidden;
    ExplorerState *m_state;
    bool m_enabled = false;
    bool m_wasMaximized = false;
};

} // namespace roofline
