#pragma once

class QAbstractSpinBox;

namespace roofline {

// Makes a spin box leave the undo and redo keys (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) to the window, and the window's
// keys a line edit would otherwise take for editing (Ctrl+E, which is "end of line" on X11; Ctrl+P; Ctrl+N). A spin box's line
// edit keeps its own typing history and takes those keys while it has focus: the window's Edit > Undo did nothing
// for three presses, then the edit's history set values the user never entered (batch 1 on the way back from
// 16 to 64). Every change the box makes is already one step of the window's undo history, and a typed number
// is one change: it counts when the user presses Enter or leaves the box (typing "16" changed the value to 1,
// then to 16: two undo steps, with the chart jumping to batch 1 between). Arrows and the wheel step at once.
// Ctrl+Z with a number typed and not yet entered drops the typing (the box shows its value again); the next
// Ctrl+Z is the window's.
void leaveUndoToWindow(QAbstractSpinBox *box);

} // namespace roofline
