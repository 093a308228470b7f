#include "optablemodel.h"

#include "chartcolors.h"
#include "units.h"

#include <QBrush>
#include <QColor>

namespace roofline {

OpTableModel::OpTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void OpTableModel::setEvaluation(const Evaluation &evaluation, const MeasuredShares &measuredShares)
{
    const bool hadMeasuredShares = hasMeasuredShares();
    if (measuredShares != m_measuredShares)
        m_measuredShares = measuredShares;
    std::size_t count = 0;
    for (const PhaseResult *phase : { &evaluation.prefill, &evaluation.decode })
        count += phase->count;
    const bool sameShape = count == m_rows.size();
    if (!sameShape)
        beginResetModel();
    m_rows.resize(count);
    std::size_t i = 0;
    for (const PhaseResult *phase : { &evaluation.prefill, &evaluation.decode }) {
        for (const OpResult &op : *phase) {
            const auto measuredShare = m_measuredShares.find({ op.cost.op, op.cost.phase });
            m_rows[i++] = Row { op, phase->shareOfLayer(op).value_or(-1.0),
                                measuredShare == m_measuredShares.end() ? -1.0 : measuredShare->second };
        }
    }
    if (sameShape)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    else
        endResetModel();
    if (hasMeasuredShares() != hadMeasuredShares)
        Q_EMIT measuredSharesChanged(hasMeasuredShares());
}

int OpTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OpTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OpTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const Row &row = m_rows[std::size_t(index.row())];
    const OpResult &op = row.op;
    const auto text = [](std::string_view s) { return QString::fromUtf8(s.data(), qsizetype(s.size())); };
    const auto si = [](double value, const char *unit) -> QString { return QString::fromStdString(formatSiUnit(value, unit)); };
    const bool memory = op.bound == Bound::Memory;
    // An op without arithmetic (the embedding's table lookup) has no FLOPs to count and no FLOP rate to reach:
    // it is timed by its bytes alone.
    const bool lookup = op.cost.flops == 0.0;

    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Op:
            return text(opName(op.cost.op));
        case Phase:
            return text(phaseName(op.cost.phase));
        case Flops:
            return lookup ? QStringLiteral("0") : si(op.cost.flops, "FLOP");
        case Bytes:
            return si(op.cost.totalBytes(), "B");
        case Intensity:
            return QString::fromStdString(formatRatio(op.intensity));
        case Attainable:
            return lookup ? QStringLiteral("\u2014") : si(op.attainableFlopsPerSecond, "FLOP/s");
        case BoundColumn:
            return text(boundName(op.bound));
        case Time:
            return QString::fromStdString(formatDuration(op.timeSeconds));
        case Share:
            return row.share < 0.0 ? tr("once per pass") : QString::fromStdString(formatPercent(row.share));
        case Measured:
            return row.measuredShare < 0.0 ? QString() : QString::number(row.measuredShare * 100.0, 'f', 1) + tr("% of roof");
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case Op:
            return int(op.cost.op);
        case Phase:
            return int(op.cost.phase);
        case Flops:
            return op.cost.flops;
        case Bytes:
            return op.cost.totalBytes();
        case Intensity:
            return op.intensity;
        case Attainable:
            return op.attainableFlopsPerSecond;
        case BoundColumn:
            return int(op.bound);
        case Time:
            return op.timeSeconds;
        case Share:
            return row.share;
        case Measured:
            return row.measuredShare;
        }
    } else if (role == Qt::TextAlignmentRole) {
        return index.column() >= Flops && index.column() != BoundColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                         : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    } else if (role == Qt::DecorationRole && index.column() == Op && op.cost.series != Series::None) {
        return seriesColor(op.cost.series);
    } else if (role == Qt::ForegroundRole && index.column() == BoundColumn) {
        return QBrush(memory ? memoryBoundColor() : computeBoundColor());
    } else if (role == Qt::ToolTipRole) {
        const ByteSplit &b = op.cost.bytes;
        return QString(tr("%1 (%2)\nweights %3, activations read %4, written %5, KV cache read %6, written %7\nruns %8× per pass")
            .arg(text(opName(op.cost.op)), text(seriesName(op.cost.series)), si(b.weights, "B"), si(b.activationsRead, "B"),
                 si(b.activationsWritten, "B"), si(b.kvRead, "B"), si(b.kvWritten, "B"))
            .arg(op.cost.repeat)
            + (lookup ? tr("\nno arithmetic (a table lookup): timed by its bytes at the memory bandwidth") : QString()));
    }
    return {};
}

QVariant OpTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        // The chart's legend names the phases as the seed chart does; the table by what they are.
        switch (section) {
        case Phase:
            return tr("prefill: the prompt's pass, \"init\" in the chart's legend; decode: one generated token a step, "
                      "\"ar\" (autoregressive) in the legend");
        case Intensity:
            return tr("Arithmetic intensity: FLOPs per byte moved to and from memory");
        case Attainable:
            return tr("The roofline's bound at this intensity: min(peak, bandwidth × intensity)");
        case Share:
            return tr("Of one decoder layer's time in this phase");
        default:
            return {};
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Op:
        return tr("Op");
    case Phase:
        return tr("Phase");
    case Flops:
        return tr("FLOPs");
    case Bytes:
        return tr("Bytes");
    case Intensity:
        return tr("FLOP/B");
    case Attainable:
        return tr("Attainable");
    case BoundColumn:
        return tr("Bound");
    case Time:
        return tr("Time");
    case Share:
        return tr("Share of layer");
    case Measured:
        return tr("Measured");
    }
    return {};
}

} // namespace roofline
