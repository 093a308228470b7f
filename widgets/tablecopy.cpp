#include "tablecopy.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QStringList>
#include <QTableView>

#include <algorithm>

namespace roofline {

namespace {

class CopyKeyFilter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        const auto *view = qobject_cast<QAbstractItemView *>(watched);
        const bool copy = view && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)
            && static_cast<QKeyEvent *>(event)->matches(QKeySequence::Copy);
        if (!copy || !view->selectionModel() || !view->selectionModel()->hasSelection())
            return QObject::eventFilter(watched, event);
        // Taken before the window's shortcut sees it (ShortcutOverride), then done on the key press.
        event->accept();
        if (event->type() == QEvent::KeyPress)
            QApplication::clipboard()->setText(selectedRowsAsText(*view));
        return true;
    }
};

} // namespace

QString selectedRowsAsText(const QAbstractItemView &view)
{
    const QAbstractItemModel *model = view.model();
    if (!model || !view.selectionModel())
        return {};
    std::vector<int> rows;
    for (const QModelIndex &index : view.selectionModel()->selectedIndexes())
        rows.push_back(index.row());
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.empty())
        return {};
    const auto *table = qobject_cast<const QTableView *>(&view);
    std::vector<int> columns;
    for (int c = 0; c < model->columnCount(); ++c)
        if (!table || !table->isColumnHidden(c))
            columns.push_back(c);
    QStringList lines;
    QStringList header;
    for (const int c : columns)
        header << model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    lines << header.join(QLatin1Char('\t'));
    for (const int r : rows) {
        QStringList cells;
        for (const int c : columns)
            cells << model->index(r, c).data(Qt::DisplayRole).toString().simplified();
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void copySelectedRowsOnCopyKey(QAbstractItemView *view)
{
    view->installEventFilter(new CopyKeyFilter(view));
}

} // namespace roofline
