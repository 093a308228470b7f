#pragma once

#include "charttheme.h"
#include "session.h"
#include "sharedlist.h"

#include <QPointF>
#include <QRect>
#include <QSize>

#include <optional>
#include <utility>
#include <vector>

class QCustomPlot;
class QCPItemLine;
class QCPItemText;
class QCPLayer;

namespace roofline {

// The annotations part of the canvas: labels pinned to points (a box with an arrow to the point) and free
// notes, placed in pixels from their anchor and kept inside the axes, dragged with the mouse, and found under
// the pointer. Notes and labels of fixed points move only with the frame, so they are drawn in its image;
// labels that follow a current point move with it at every workload step, so they are drawn on the top layer
// with the points, as is the one being dragged.
class AnnotationLayer
{
public:
    AnnotationLayer(QCustomPlot *plot, QCPLayer *frameLayer, QCPLayer *topLayer, const ChartTheme &theme);

    // What a change of the annotations needs redrawn: nothing, the top layer (only labels that follow points
    // changed), or the frame's image too.
    enum class Redraw { Nothing, Top, Frame };
    // Items are added or removed at the end and reused in place: one note more does not remake a thousand.
    Redraw setAnnotations(const SharedList<Annotation> &annotations);
    const SharedList<Annotation> &annotations() const { return m_annotations; }
    // Labels that follow current points: where each one's point is drawn now and what it says there, by the
    // label's index in the annotations (given after them; a label not listed is drawn as it was made). Only
    // these change at a workload step, and the list copies none of the other annotations.
    struct Followed {
        std::size_t index = 0;
        double x = 0, y = 0; // the point, in data coordinates
        std::string text;
        bool shown = true; // its point's series is shown: a label of a hidden series hides with it
        bool operator==(const Followed &) const = default;
    };
    Redraw follow(std::vector<Followed> followed);
    // An annotation's whole text as drawn (a label that follows its point says what the point is now).
    const std::string &textOf(std::size_t index) const;
    int count() const { return int(m_annotations.size()); }
    void applyTheme(); // the theme changed: every label and note styled again
    // Places every label for `frame` and the current layout, if they, their boxes, a drag or the frame moved
    // since the last placement (not at every workload step).
    void place(const ViewRange &frame);

    // The size of the box a label of `text` is drawn in, in pixels, in the current look.
    QSizeF boxFor(const std::string &text) const;

    // The annotation whose box is under a pixel position (the topmost), or -1.
    int at(const QPointF &position) const;
    // The annotation last clicked, which the Delete key removes, or -1; drawn with the theme's selected border
    // (on the screen only: exports draw none). `select` returns whether the selection changed.
    int selected() const { return m_selected; }
    bool select(int index);
    // Exports show no selection: off while one is drawn, back after.
    void showSelection(bool show);

    // A drag: the label follows the pointer; at the end, the offset it was dropped at (if it moved), for the
    // caller to make an undoable change of. `dragTo` returns true on the first move, when the label leaves the
    // frame's image for the top layer.
    bool isDragging() const { return m_dragged >= 0; }
    void beginDrag(int index, const QPointF &origin);
    bool dragTo(const QPointF &position);
    struct Drop {
        int index = -1;
        double dx = 0, dy = 0; // the label's new offset from its anchor, in pixels
    };
    struct DragEnd {
        bool moved = false; // the label left the frame's image: redraw it
        std::optional<Drop> drop;
    };
    DragEnd endDrag();

    // What an annotation shows: its text (shortened) and its box in pixels, empty while it is not drawn.
    QString shownText(int index) const;
    QRect shownBox(int index) const;

private:
    // False for a label whose point's series is hidden (Followed::shown).
    bool isShown(std::size_t index) const;
    QSize boxOf(const QString &shown) const;
    void style(std::size_t index);
    void showText(std::size_t index); // the item shows textOf(index), measured and styled if it changed
    std::pair<double, double> anchorOf(std::size_t index) const; // in data coordinates
    QCPLayer *homeLayer(std::size_t index) const; // where an annotation is drawn while it is not dragged
    void markMoved(bool onlyFollowers); // to be placed again: all of them, or the labels that follow points
    QRect boxRect(std::size_t index) const; // where an annotation's box is drawn, in pixels

    QCustomPlot *m_plot = nullptr;
    QCPLayer *m_frameLayer = nullptr;
    QCPLayer *m_topLayer = nullptr;
    SharedList<Annotation> m_annotations;
    std::vector<Followed> m_followed;
    std::vector<int> m_followedAt; // by annotation: its entry in m_followed, or -1
    std::vector<std::pair<QCPItemText *, QCPItemLine *>> m_items;
    std::vector<QSize> m_boxes; // each text's box, measured when its text or font changes
    const ChartTheme &m_theme; // the face's
    int m_dragged = -1;
    int m_selected = -1;
    bool m_showSelection = true;
    QPointF m_dragOrigin;
    QPointF m_dragDelta; // how far the dragged label has moved since the press
    bool m_dragMoved = false;
    // What the annotations were placed for; `m_moved` when they, their boxes or a drag moved since.
    struct PlacedFrame {
        ViewRange frame;
        QRect axes;
        bool operator==(const PlacedFrame &) const = default;
    };
    PlacedFrame m_placed;
    bool m_moved = true;
    bool m_onlyFollowersMoved = false; // only labels on the top layer changed: the others stay where they are
};

} // namespace roofline
