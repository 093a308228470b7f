#pragma once

#include <QObject>

namespace roofline {

class ControlPanel;
class ExplorerState;
struct ControlValues;

// Joins the control panel to the state, both ways: what the user does in the panel becomes a state change
// (typed, through the state's setters, which clamp), and when the state changes the panel is shown its values
// (ControlPanel::setValues touches only the controls that differ, with their signals blocked, so a step never
// comes back to the control that made it). Opening files from the pickers is the window's (it asks for a path).
class ControlsBinder : public QObject
{
    Q_OBJECT
public:
    ControlsBinder(ControlPanel *panel, ExplorerState *state, QObject *parent = nullptr);

    // What the panel shows for the state as it is now.
    static ControlValues valuesOf(const ExplorerState &state);

private:
    void showChoices();
    void showValues();

    ControlPanel *m_panel;
    ExplorerState *m_state;
};

} // namespace roofline
