#include "rooflineplot.h"

#include "annotationlayer.h"
#include "bufferedplot.h"
#include "chartframe.h"
#include "charttext.h"
#include "charttheme.h"
#include "pointslayer.h"

#include "qcp.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QToolTip>

#include <cmath>

// The canvas's input: the user's mouse and keys turned into signals (zoom and pan reported, labels dragged,
// series toggled from the legend), tooltips and the context menu, and the label it offers for a point.

namespace roofline {

namespace {
// The most points under the pointer its menu offers to label.
constexpr std::size_t MaxLabelChoices = 6;
} // namespace

bool RooflinePlot::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_plot)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const int hit = m_annotations->at(mouse->position());
        if (m_annotations->select(hit))
            requestReplot(true); // its border shows it (the frame's image holds the labels)
        if (mouse->button() == Qt::LeftButton && hit >= 0) {
            // Dragging a label moves the label, not the chart.
            m_annotations->beginDrag(hit, mouse->position());
            return true;
        }
        if (mouse->button() == Qt::RightButton) {
            showContextMenu(mouse->position().toPoint(), mouse->globalPosition().toPoint());
            return true;
        }
        break;
    }
    case QEvent::MouseMove:
        if (m_annotations->isDragging()) {
            const bool first = m_annotations->dragTo(static_cast<QMouseEvent *>(event)->position());
            m_annotations->place(viewRange());
            requestReplot(first);
            return true;
        }
        // A pan under way: reported on release.
        if (static_cast<QMouseEvent *>(event)->buttons() & Qt::LeftButton)
            m_gesturePending = true;
        break;
    case QEvent::MouseButtonRelease:
        if (m_annotations->isDragging()) {
            const AnnotationLayer::DragEnd end = m_annotations->endDrag();
            m_annotations->place(viewRange());
            requestReplot(end.moved);
            if (end.drop)
                Q_EMIT annotationMoved(end.drop->index, end.drop->dx, end.drop->dy);
            return true;
        }
        if (static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton)
            reportGesture();
        break;
    case QEvent::Wheel:
        // QCustomPlot zooms after this filter: the frame is reported once the turn (or a burst of them) is done.
        m_gesturePending = true;
        QMetaObject::invokeMethod(this, &RooflinePlot::reportGesture, Qt::QueuedConnection);
        break;
    case QEvent::KeyPress: {
        const int key = static_cast<QKeyEvent *>(event)->key();
        const int selected = m_annotations->selected();
        if ((key == Qt::Key_Delete || key == Qt::Key_Backspace) && selected >= 0 && selected < m_annotations->count()) {
            m_annotations->select(-1); // the state's change replots
            Q_EMIT annotationRemoveRequested(selected);
            return true;
        }
        break;
    }
    case QEvent::ToolTip: {
        auto *help = static_cast<QHelpEvent *>(event);
        return showToolTip(help->pos(), help->globalPos());
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void RooflinePlot::refreshToolTip()
{
    // After an undo, a step of the arrow keys or a slider moved from the keyboard, the pointer has not moved: the
    // tooltip it opened would keep the old numbers, or name a point no longer there.
    if (m_toolTipText.isEmpty() || !QToolTip::isVisible() || QToolTip::text() != m_toolTipText)
        return;
    showToolTip(m_toolTipAt, m_plot->mapToGlobal(m_toolTipAt));
    if (!QToolTip::isVisible())
        m_toolTipText.clear();
}

bool RooflinePlot::showToolTip(const QPoint &position, const QPoint &globalPosition)
{
    const auto show = [&](const QString &text) {
        m_toolTipAt = position;
        m_toolTipText = text;
        QToolTip::showText(globalPosition, text, m_plot);
    };
    if (const ChartData::MeasuredPoint *measured = measuredAt(position)) {
        show(measuredTooltip(*measured, m_data.modelledPoint(*measured)));
        return true;
    }
    // A series' legend entry says what the series is.
    if (auto *entry = qobject_cast<QCPPlottableLegendItem *>(m_plot->layoutElementAt(position))) {
        if (const auto series = m_points->seriesOfLegendEntry(entry->plottable())) {
            show(seriesTooltip(*series));
            return true;
        }
        // A pin's entry, shortened to the legend's width, says the whole scenario.
        if (const auto pin = m_points->pinOfLegendEntry(entry->plottable())) {
            show(pinLegendTooltip(*pin < m_data.pinNames.size() ? m_data.pinNames[*pin] : std::string(), m_data.pins[*pin].label));
            return true;
        }
    }
    // The current points come first; a pin's point as near as the sweep's nearest says which pin it is, then its
    // numbers (pins often sit on the sweep's points, whose tooltip hid them).
    const auto points = pointsAt(position);
    const auto pinned = m_points->pinAt(position);
    const auto away = [&position](QPointF at) { return QLineF(at, position).length(); };
    const bool sweepNearest = !points.empty() && points.front() >= m_data.sweep.data()
        && points.front() < m_data.sweep.data() + m_data.sweep.size();
    const auto drawn = [this](const ChartPoint &p) {
        const auto [x, y] = m_points->drawnAt(p);
        return pixelOf(x, y);
    };
    if (pinned && (points.empty() || (sweepNearest && away(pixelOf(pinned->point->intensity, pinned->point->attainableFlopsPerSecond)) <= away(drawn(*points.front()))))) {
        show(pinnedTooltip(m_data.pins[pinned->pin].label, *pinned->point));
        return true;
    }
    if (!points.empty()) {
        show(pointsTooltip(points));
        return true;
    }
    // A note shortened on the chart shows more of itself, as plain text; so does one wider than the axes, which
    // cut it.
    const int note = m_annotations->at(position);
    bool cut = false;
    if (note >= 0) {
        noteText(m_annotations->textOf(std::size_t(note)), &cut);
        cut = cut || !m_plot->axisRect()->rect().contains(m_annotations->shownBox(note));
    }
    if (cut) {
        show(noteTooltip(m_annotations->textOf(std::size_t(note))));
    } else {
        m_toolTipText.clear();
        QToolTip::hideText();
    }
    return true;
}

void RooflinePlot::showContextMenu(const QPoint &position, const QPoint &globalPosition)
{
    QMenu menu(this);
    const int annotation = m_annotations->at(position);
    if (annotation >= 0)
        menu.addAction(m_annotations->annotations()[std::size_t(annotation)].kind == Annotation::Kind::Note ? tr("Delete this note")
                                                                                                        : tr("Delete this label"),
                       this, [this, annotation] { Q_EMIT annotationRemoveRequested(annotation); });
    const auto name = [](std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); };
    // Every point under the pointer can be labelled (qk and pv of one phase coincide), nearest first.
    const std::vector<const ChartPoint *> points = pointsAt(position);
    for (std::size_t i = 0; i < points.size() && i < MaxLabelChoices; ++i) {
        const ChartPoint &point = *points[i];
        // A sweep's point says so, with its workload: it is not the operating point's and does not follow it.
        const bool swept = !m_data.sweep.empty() && &point >= m_data.sweep.data() && &point < m_data.sweep.data() + m_data.sweep.size();
        const QString text = swept ? tr("Label %1 (%2), sweep point: batch %3, sequence %4")
                                         .arg(name(opName(point.op)), name(seriesName(point.series)))
                                         .arg(point.batch)
                                         .arg(point.seq)
                                   : tr("Label %1 (%2)").arg(name(opName(point.op)), name(seriesName(point.series)));
        menu.addAction(text, this, [this, label = labelFor(point)] { Q_EMIT labelRequested(label); });
    }
    if (const auto pinned = points.empty() ? m_points->pinAt(position) : std::nullopt) {
        // A pin's point: its label says which pin, and stays where it is put.
        menu.addAction(tr("Label pinned %1 (%2)").arg(name(opName(pinned->point->op)), name(seriesName(pinned->point->series))), this,
                       [this, label = labelFor(*pinned->point, m_data.pins[pinned->pin].label)] { Q_EMIT labelRequested(label); });
    }
    const double x = m_plot->xAxis->pixelToCoord(position.x());
    const double y = m_plot->yAxis->pixelToCoord(position.y());
    menu.addAction(tr("Add a note here…"), this, [this, x, y] { Q_EMIT noteRequested(x, y); });
    menu.addSeparator();
    // The state owns the frame: the menu asks, as the window's Ctrl+0 does.
    menu.addAction(tr("Reset view"), this, &RooflinePlot::resetViewRequested);
    menu.exec(globalPosition);
}

Annotation RooflinePlot::labelFor(const ChartPoint &point, std::string_view heading) const
{
    const std::string text = heading.empty() ? pointLabel(point) : std::string(heading) + "\n" + pointLabel(point);
    const auto [x, y] = m_points->drawnAt(point);
    const QPointF at = pixelOf(x, y);
    std::vector<std::pair<double, double>> markers;
    for (const auto &[mx, my] : m_points->markersDrawn()) {
        const QPointF pixel = pixelOf(mx, my);
        markers.emplace_back(pixel.x(), pixel.y());
    }
    const QSizeF box = m_annotations->boxFor(text);
    const QRect axes = m_plot->axisRect()->rect();
    std::vector<PixelBox> taken; // the labels and notes drawn
    for (int i = 0; i < m_annotations->count(); ++i)
        if (const QRect shown = m_annotations->shownBox(i); !shown.isEmpty())
            taken.push_back(PixelBox { double(shown.left()), double(shown.top()), double(shown.right()), double(shown.bottom()) });
    const auto [dx, dy] = labelOffset({ at.x(), at.y() }, box.width(), box.height(), markers, m_theme->markerRadius(), m_theme->labelGap,
                                      PixelBox { double(axes.left()), double(axes.top()), double(axes.right()), double(axes.bottom()) },
                                      taken);
    Annotation label { Annotation::Kind::PointLabel, text, x, y, std::round(dx), std::round(dy) };
    // A label of a current point follows it (showAnnotations); one of a sweep or pinned point stays.
    if (const ChartPoint *current = m_data.currentPoint(point.op, point.phase); current && heading.empty()
        && current->batch == point.batch && current->seq == point.seq && current->intensity == point.intensity)
        label.point = Annotation::Point { point.op, point.phase };
    return label;
}

} // namespace roofline
