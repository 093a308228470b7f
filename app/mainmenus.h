#pragma once

#include <functional>

class QAction;
class QMainWindow;
class QMenu;
class QString;

namespace roofline {

class ExplorerState;
class ChartExporter;
class FileController;

// What the menus ask of the window that holds them (so that they need nothing of MainWindow's header).
struct MenuHandlers {
    std::function<void(const QString &)> showError; // a failed open, as the window shows one
    std::function<void()> addNoteInView; // a note at the middle of the chart's frame
    std::function<void()> togglePresentation;
    // The Chart menu's "Side panel" (checkable, F9): the window ties it to its panel.
    std::function<void(QAction *)> sidePanelAction;
};

// The window's menu bar: File (sessions, models, GPUs, measurements, export), Edit (undo, redo), Chart (pins,
// notes, the view, presentation) and Help. Returns the "Open recent" menu, which the window fills.
QMenu *createMenus(QMainWindow *window, ExplorerState *state, FileController *files, ChartExporter *exports,
                   const MenuHandlers &handlers);

} // namespace roofline
