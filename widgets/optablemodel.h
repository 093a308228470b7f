#pragma once

#include "chartdata.h"
#include "evaluation.h"

#include <QAbstractTableModel>

namespace roofline {

// The ops at the current operating point, both phases, as a table. Display text is in SI units; the
// raw number is under SortRole so a proxy sorts numerically.
class OpTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Op, Phase, Flops, Bytes, Intensity, Attainable, BoundColumn, Time, Share, Measured, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit OpTableModel(QObject *parent = nullptr);

    // `measuredShares`: how close the imported kernels that measure each op came to the roof, as the results
    // computed them (ScenarioResults::measuredShares); an op's row shows its share.
    void setEvaluation(const Evaluation &evaluation, const MeasuredShares &measuredShares = {});
    // Whether any row has a measured share: without one the Measured column has nothing to show.
    bool hasMeasuredShares() const { return !m_measuredShares.empty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    // hasMeasuredShares() changed (kernels that measure an op imported, or the last of them removed).
    void measuredSharesChanged(bool any);

private:
    struct Row {
        OpResult op;
        double share; // of one layer's time; negative for ops that run once per pass
        double measuredShare; // achieved share of the roof; negative when nothing measures the op
    };
    std::vector<Row> m_rows;
    MeasuredShares m_measuredShares;
};

} // namespace roofline
