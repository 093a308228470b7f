#pragma once

class QMenu;

namespace roofline {

class ExplorerState;
class FileController;
class MainWindow;

// The window's menu bar: File (sessions, models, GPUs, measurements, export), Edit (undo, redo), Chart (pins,
// notes, the view, presentation) and Help. Returns the "Open recent" menu, which the window fills.
QMenu *createMenus(MainWindow *window, ExplorerState *state, FileController *files);

} // namespace roofline
