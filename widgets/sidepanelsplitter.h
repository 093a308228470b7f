#pragma once

#include <QSplitter>

namespace roofline {

// The window's main views beside a side panel, the chart first. The panel takes its natural width where the
// window is wide, and where it is narrow a third of the window but no less than its contents' least width
// (nor MinimumPanelWidth), so that a small window keeps its room for the chart. The user can drag it down to
// that least width, never cutting its controls off, and further to fold it away; once they drag the divider,
// the width they chose holds. A
// folded panel comes back whole (setPanelShown, or dragged out from the edge): at the width it would take, never
// at a sliver that cuts its contents.
class SidePanelSplitter : public QSplitter
{
    Q_OBJECT
public:
    static constexpr int MinimumPanelWidth = 220;
    SidePanelSplitter(QWidget *views, QWidget *panel, QWidget *parent = nullptr);

    bool isPanelShown() const;
    // Folds the panel away, or brings it back at its width (as above).
    void setPanelShown(bool shown);

Q_SIGNALS:
    void panelShownChanged(bool shown);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // The panel's width for the splitter's width now, as above, and the least it may take.
    int panelWidth() const;
    int leastWidth() const;

    void dragged();

    QWidget *m_panel;
    bool m_userSized = false;
    bool m_shown = true; // as last reported
};

} // namespace roofline
