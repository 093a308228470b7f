#pragma once

#include <QSplitter>

namespace roofline {

// The window's main views beside a side panel, the chart first. The panel takes its natural width where the
// window is wide, and where it is narrow a third of the window but no less than its contents' least width
// (nor MinimumPanelWidth), so that a small window keeps its room for the chart. The user can drag it narrower,
// where it scrolls sideways, until it folds away; once they drag the divider, the width they chose holds.
class SidePanelSplitter : public QSplitter
{
    Q_OBJECT
public:
    static constexpr int MinimumPanelWidth = 220;
    SidePanelSplitter(QWidget *views, QWidget *panel, QWidget *parent = nullptr);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // The panel's width for the splitter's width now, as above.
    int panelWidth() const;

    QWidget *m_panel;
    bool m_userSized = false;
};

} // namespace roofline
