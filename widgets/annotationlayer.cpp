#include "annotationlayer.h"

#include "annotationtext.h"
#include "charttext.h"

#include <QRegion>

#include <algorithm>
#include <cmath>

namespace roofline {

AnnotationLayer::AnnotationLayer(QCustomPlot *plot, QCPLayer *frameLayer, QCPLayer *topLayer, const ChartTheme &theme)
    : m_plot(plot)
    , m_frameLayer(frameLayer)
    , m_topLayer(topLayer)
    , m_theme(theme)
{
}

AnnotationLayer::Redraw AnnotationLayer::setAnnotations(const SharedList<Annotation> &annotations)
{
    if (annotations.sharesStorageWith(m_annotations))
        return Redraw::Nothing;
    const SharedList<Annotation> before = std::exchange(m_annotations, annotations);
    const std::size_t reused = std::min(m_items.size(), m_annotations.size());
    bool frame = m_items.size() != m_annotations.size();
    while (m_items.size() > m_annotations.size()) {
        m_plot->removeItem(m_items.back().first);
        m_plot->removeItem(m_items.back().second);
        m_items.pop_back();
        m_boxes.pop_back();
    }
    while (m_items.size() < m_annotations.size()) {
        auto *arrow = new QCPItemLine(m_plot);
        auto *text = new AnnotationText(m_plot);
        for (QCPAbstractItem *item : { static_cast<QCPAbstractItem *>(arrow), static_cast<QCPAbstractItem *>(text) }) {
            item->setSelectable(false);
            item->setClipToAxisRect(true);
        }
        text->position->setType(QCPItemPosition::ptAbsolute);
        arrow->start->setType(QCPItemPosition::ptAbsolute);
        arrow->end->setType(QCPItemPosition::ptAbsolute);
        text->setPositionAlignment(Qt::AlignCenter);
        text->setTextAlignment(Qt::AlignLeft);
        m_items.emplace_back(text, arrow);
        m_boxes.emplace_back();
    }
    if (m_dragged >= 0) {
        endDrag(); // the labels changed under the pointer (an undo from the keyboard)
        frame = true; // the dragged one goes back into the frame's image
    }
    // Where labels follow points is given again (follow) for these annotations.
    const std::vector<Followed> followedBefore = std::exchange(m_followed, {});
    m_followedAt.assign(m_annotations.size(), -1);
    for (const Followed &f : followedBefore)
        if (f.index < m_items.size())
            showText(f.index);
    bool changed = frame;
    for (std::size_t i = 0; i < m_annotations.size(); ++i) {
        const bool known = i < reused && i < before.size();
        if (known && before[i] == m_annotations[i])
            continue;
        changed = true;
        // A label that follows its point, before and after, is redrawn with the points alone.
        frame = frame || !known || !before[i].point || !m_annotations[i].point;
        auto [text, arrow] = m_items[i];
        if (text->layer() != homeLayer(i)) { // moving an item invalidates both layers' images
            text->setLayer(homeLayer(i));
            arrow->setLayer(homeLayer(i));
        }
        if (!known || before[i].kind != m_annotations[i].kind)
            style(i);
        showText(i);
    }
    if (m_selected >= count())
        m_selected = -1; // its item went with it
    if (!changed)
        return Redraw::Nothing;
    markMoved(!frame);
    return frame ? Redraw::Frame : Redraw::Top;
}

AnnotationLayer::Redraw AnnotationLayer::follow(std::vector<Followed> followed)
{
    followed.erase(std::remove_if(followed.begin(), followed.end(), [this](const Followed &f) {
                       return f.index >= m_annotations.size() || !m_annotations[f.index].point;
                   }),
                   followed.end());
    if (followed == m_followed)
        return Redraw::Nothing;
    const std::vector<Followed> before = std::exchange(m_followed, std::move(followed));
    std::fill(m_followedAt.begin(), m_followedAt.end(), -1);
    for (std::size_t k = 0; k < m_followed.size(); ++k)
        m_followedAt[m_followed[k].index] = int(k);
    for (const std::vector<Followed> *list : { &before, static_cast<const std::vector<Followed> *>(&m_followed) })
        for (const Followed &f : *list)
            if (f.index < m_items.size())
                showText(f.index);
    markMoved(true); // all of them are on the top layer
    return Redraw::Top;
}

const std::string &AnnotationLayer::textOf(std::size_t index) const
{
    const int followed = index < m_followedAt.size() ? m_followedAt[index] : -1;
    return followed >= 0 ? m_followed[std::size_t(followed)].text : m_annotations[index].text;
}

std::pair<double, double> AnnotationLayer::anchorOf(std::size_t index) const
{
    const int followed = index < m_followedAt.size() ? m_followedAt[index] : -1;
    if (followed >= 0)
        return { m_followed[std::size_t(followed)].x, m_followed[std::size_t(followed)].y };
    return { m_annotations[index].x, m_annotations[index].y };
}

void AnnotationLayer::showText(std::size_t index)
{
    const QString shown = noteText(textOf(index));
    if (m_items[index].first->text() == shown)
        return;
    m_items[index].first->setText(shown);
    m_boxes[index] = boxOf(shown);
}

void AnnotationLayer::markMoved(bool onlyFollowers)
{
    m_onlyFollowersMoved = (m_moved ? m_onlyFollowersMoved : true) && onlyFollowers;
    m_moved = true;
}

QCPLayer *AnnotationLayer::homeLayer(std::size_t index) const
{
    return index < m_annotations.size() && m_annotations[index].point ? m_topLayer : m_frameLayer;
}

void AnnotationLayer::applyTheme()
{
    for (std::size_t i = 0; i < m_items.size() && i < m_annotations.size(); ++i)
        style(i);
    markMoved(false); // their boxes may have new sizes
}

void AnnotationLayer::style(std::size_t index)
{
    auto [item, arrow] = m_items[index];
    const bool note = m_annotations[index].kind == Annotation::Kind::Note;
    item->setFont(m_theme.font);
    item->setPadding(m_theme.annotationPadding);
    item->setColor(m_theme.annotationText);
    item->setBrush(note ? m_theme.noteBrush : m_theme.labelBrush);
    item->setPen(int(index) == m_selected && m_showSelection ? m_theme.annotationSelectedBorder : m_theme.annotationBorder);
    arrow->setPen(m_theme.annotationArrow);
    arrow->setHead(m_theme.annotationHead);
    m_boxes[index] = boxOf(item->text()); // the font may be another
}

bool AnnotationLayer::select(int index)
{
    if (index == m_selected)
        return false;
    const int before = std::exchange(m_selected, index);
    for (const int i : { before, index })
        if (i >= 0 && std::size_t(i) < m_items.size() && std::size_t(i) < m_annotations.size())
            style(std::size_t(i));
    return true;
}

void AnnotationLayer::showSelection(bool show)
{
    m_showSelection = show;
    if (m_selected >= 0 && std::size_t(m_selected) < m_items.size() && std::size_t(m_selected) < m_annotations.size())
        style(std::size_t(m_selected));
}

QSizeF AnnotationLayer::boxFor(const std::string &text) const
{
    return boxOf(noteText(text));
}

QSize AnnotationLayer::boxOf(const QString &shown) const
{
    // The box an item draws: the text's bounds, as QCPItemText measures them (left-aligned), and the padding.
    return QFontMetrics(m_theme.font).boundingRect(0, 0, 0, 0, Qt::TextDontClip | Qt::AlignLeft, shown).marginsAdded(m_theme.annotationPadding).size();
}

void AnnotationLayer::place(const ViewRange &frame)
{
    const PlacedFrame placed { frame, m_plot->axisRect()->rect() };
    if (!m_moved && placed == m_placed)
        return;
    // At a workload step only the labels that follow points move; the frame's image keeps the others.
    const bool followersOnly = m_onlyFollowersMoved && placed == m_placed;
    m_moved = false;
    m_onlyFollowersMoved = false;
    m_placed = placed;
    const QRectF axes = placed.axes;
    for (std::size_t i = 0; i < m_items.size() && i < m_annotations.size(); ++i) {
        if (followersOnly && homeLayer(i) != m_topLayer)
            continue;
        const Annotation &a = m_annotations[i];
        const auto [x, y] = anchorOf(i);
        const QPointF anchor(m_plot->xAxis->coordToPixel(x), m_plot->yAxis->coordToPixel(y));
        auto [text, arrow] = m_items[i];
        const QSizeF box = m_boxes[i];
        // Keep the whole text inside the axes, wherever the label was dragged or the view moved.
        const double keepIn = m_theme.annotationKeepIn;
        const QRectF area = axes.adjusted(box.width() / 2 + keepIn, box.height() / 2 + keepIn, -box.width() / 2 - keepIn,
                                          -box.height() / 2 - keepIn);
        QPointF at = anchor + QPointF(a.dx, a.dy) + (int(i) == m_dragged ? m_dragDelta : QPointF());
        // A box wider or taller than the axes starts at their left or top edge, where its text starts.
        at.setX(area.left() <= area.right() ? std::clamp(at.x(), area.left(), area.right()) : area.left());
        at.setY(area.top() <= area.bottom() ? std::clamp(at.y(), area.top(), area.bottom()) : area.top());
        at = QPointF(std::round(at.x()), std::round(at.y())); // whole pixels: boxes that meet, meet exactly
        text->position->setCoords(at);
        // The arrow runs from the edge of the text box towards the point, stopping just short of it.
        const QPointF towards = anchor - at;
        const double length = std::hypot(towards.x(), towards.y());
        const double scaleToEdge = length > 0
            ? std::min(std::fabs(box.width() / 2 / std::max(std::fabs(towards.x()), 1e-9)),
                       std::fabs(box.height() / 2 / std::max(std::fabs(towards.y()), 1e-9)))
            : 0.0;
        arrow->start->setCoords(at + towards * std::min(scaleToEdge, 1.0));
        arrow->end->setCoords(length > m_theme.arrowShortest ? anchor - towards / length * m_theme.arrowGap : anchor);
        arrow->setVisible(a.kind == Annotation::Kind::PointLabel && length > box.height() / 2 + m_theme.arrowShortest);
    }
    // Boxes are opaque and later ones drawn over earlier ones of their layer: a text wholly under those above
    // it is not drawn (a thousand notes on one chart mostly cover each other). The dragged one is drawn on top,
    // apart.
    QRegion coveredInFrame;
    QRegion coveredOnTop;
    for (int i = int(std::min(m_items.size(), m_annotations.size())) - 1; i >= 0; --i) {
        const bool onTop = homeLayer(std::size_t(i)) == m_topLayer;
        if (followersOnly && !onTop)
            continue;
        auto [text, arrow] = m_items[std::size_t(i)];
        if (!isShown(std::size_t(i))) {
            text->setVisible(false);
            arrow->setVisible(false);
            static_cast<AnnotationText *>(text)->releaseImage();
            continue;
        }
        if (i == m_dragged) {
            text->setVisible(true);
            continue;
        }
        QRegion &covered = onTop ? coveredOnTop : coveredInFrame;
        const QRect rect = boxRect(std::size_t(i)).intersected(axes.toAlignedRect());
        const bool hidden = !rect.isEmpty() && QRegion(rect).subtracted(covered).isEmpty();
        text->setVisible(!hidden);
        if (hidden)
            static_cast<AnnotationText *>(text)->releaseImage();
        else
            covered += rect;
    }
}

int AnnotationLayer::at(const QPointF &position) const
{
    // The topmost (last drawn) first; a box is its text's, as measured when the text was set.
    const double reach = m_theme.annotationReach;
    for (int i = int(m_items.size()) - 1; i >= 0; --i)
        if (isShown(std::size_t(i)) && QRectF(boxRect(std::size_t(i))).adjusted(-reach, -reach, reach, reach).contains(position))
            return i;
    return -1;
}

bool AnnotationLayer::isShown(std::size_t index) const
{
    const int followed = index < m_followedAt.size() ? m_followedAt[index] : -1;
    return followed < 0 || m_followed[std::size_t(followed)].shown;
}

QRect AnnotationLayer::boxRect(std::size_t index) const
{
    // Where QCPItemText puts a centred box: its size halved and rounded, from the position.
    const QSize box = m_boxes[index];
    const QPointF at = m_items[index].first->position->coords();
    return QRect(QPoint(int(std::lround(at.x())), int(std::lround(at.y()))) + QPointF(-box.width() / 2.0, -box.height() / 2.0).toPoint(), box);
}

QString AnnotationLayer::shownText(int index) const
{
    return index >= 0 && index < int(m_items.size()) ? m_items[std::size_t(index)].first->text() : QString();
}

QRect AnnotationLayer::shownBox(int index) const
{
    if (index < 0 || index >= int(m_items.size()) || !m_items[std::size_t(index)].first->visible())
        return {};
    return boxRect(std::size_t(index));
}

void AnnotationLayer::beginDrag(int index, const QPointF &origin)
{
    m_dragged = index;
    m_dragOrigin = origin;
    m_dragDelta = QPointF();
    m_dragMoved = false;
}

bool AnnotationLayer::dragTo(const QPointF &position)
{
    m_dragDelta = position - m_dragOrigin;
    const bool first = !std::exchange(m_dragMoved, true);
    if (first) {
        // While it moves, the label is redrawn alone on the top layer, out of the frame's image.
        auto [text, arrow] = m_items[std::size_t(m_dragged)];
        text->setLayer(m_topLayer);
        arrow->setLayer(m_topLayer);
    }
    markMoved(false);
    return first;
}

AnnotationLayer::DragEnd AnnotationLayer::endDrag()
{
    if (m_dragged < 0)
        return {};
    const int index = m_dragged;
    const QPointF delta = m_dragDelta;
    if (std::size_t(index) < m_items.size()) {
        auto [text, arrow] = m_items[std::size_t(index)];
        text->setLayer(homeLayer(std::size_t(index)));
        arrow->setLayer(homeLayer(std::size_t(index)));
    }
    m_dragged = -1;
    m_dragDelta = QPointF();
    // Back where the session has it, until the session moves it.
    markMoved(false);
    DragEnd end { m_dragMoved, std::nullopt };
    if (!delta.isNull() && std::size_t(index) < m_annotations.size()) {
        const Annotation &a = m_annotations[std::size_t(index)];
        end.drop = Drop { index, a.dx + delta.x(), a.dy + delta.y() };
    }
    return end;
}

} // namespace roofline
