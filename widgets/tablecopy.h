#pragma once

class QAbstractItemView;
class QString;

namespace roofline {

// The rows selected in `view`, as the view shows them (sorted, hidden columns left out), with the header first:
// one line a row, cells separated by tabs, for pasting into a spreadsheet. Empty without a selection.
QString selectedRowsAsText(const QAbstractItemView &view);

// Ctrl+C (the platform's Copy keys) in `view` copies its selected rows (selectedRowsAsText) rather than reaching
// the window's own Copy; without a selection the window's Copy goes on as before.
void copySelectedRowsOnCopyKey(QAbstractItemView *view);

} // namespace roofline
