#include "testutil.h"

#include "modelfixtures.h"
#include "optablemodel.h"

#include <QSignalSpy>

using namespace roofline;

namespace {
int rowOf(const OpTableModel &table, const QString &op, const QString &phase)
{
    for (int row = 0; row < table.rowCount(); ++row)
        if (table.data(table.index(row, OpTableModel::Op), Qt::DisplayRole).toString() == op
            && table.data(table.index(row, OpTableModel::Phase), Qt::DisplayRole).toString() == phase)
            return row;
    return -1;
}
} // namespace

class TestOpTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyOpOfBothPhasesWithItsFigures()
    {
        const Evaluation e = evaluate(llama2_13b(), seedA6000(), Workload {});
        OpTableModel table;
        table.setEvaluation(e);
        QCOMPARE(table.rowCount(), int(e.prefill.count + e.decode.count));
        QCOMPARE(table.columnCount(), int(OpTableModel::ColumnCount));
        // gate_proj in prefill (tst_evaluation, timeToFirstTokenByHand): 2Thf = 2 x 2048 x 5120 x 13824 =
        // 289.91 GFLOP, compute-bound on the seed GPU, 1,601.714 us, 16.81 % of the 9,529.184 us layer.
        const int gate = rowOf(table, QStringLiteral("gate_proj"), QStringLiteral("prefill"));
        QVERIFY(gate >= 0);
        const auto number = [&](int row, int column) { return table.data(table.index(row, column), OpTableModel::SortRole).toDouble(); };
        ROOFLINE_COMPARE_REL(number(gate, OpTableModel::Flops), 2.0 * 2048 * 5120 * 13824, 1e-12);
        ROOFLINE_COMPARE_REL(number(gate, OpTableModel::Time), 1601.714e-6, 1e-6);
        ROOFLINE_COMPARE_REL(number(gate, OpTableModel::Share), 1601.714 / 9529.184, 1e-6);
        QCOMPARE(table.data(table.index(gate, OpTableModel::BoundColumn), Qt::DisplayRole).toString(), QStringLiteral("compute"));
        // The same op in decode at batch 1 is memory-bound.
        const int decode = rowOf(table, QStringLiteral("gate_proj"), QStringLiteral("decode"));
        QCOMPARE(table.data(table.index(decode, OpTableModel::BoundColumn), Qt::DisplayRole).toString(), QStringLiteral("memory"));
        // The tooltip splits the bytes: weights 5120 x 13824 x 2 = 141.56 MB.
        const QString tip = table.data(table.index(gate, OpTableModel::Op), Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QLatin1String("weights 142 MB")), qPrintable(tip));
        QVERIFY2(!tip.contains(QLatin1String("KV read")) && tip.contains(QLatin1String("KV cache read")), qPrintable(tip));
        // The phase's header ties the table's names to the legend's (the seed chart's "init" and "ar").
        const QString phases = table.headerData(OpTableModel::Phase, Qt::Horizontal, Qt::ToolTipRole).toString();
        QVERIFY2(phases.contains(QLatin1String("prefill")) && phases.contains(QLatin1String("\"init\""))
                     && phases.contains(QLatin1String("decode")) && phases.contains(QLatin1String("\"ar\" (autoregressive)")),
                 qPrintable(phases));
    }

    void aLookupShowsNoFlopsAndNoRate()
    {
        // The embedding reads one row per token and adds nothing: 0 FLOPs, no FLOP rate to reach ("0 FLOP" and
        // "0 FLOP/s" read as a unit with nothing in it). Its time is its bytes at the bandwidth: 2048 tokens x
        // 5120 x 2 B = 20.97 MB read and as much written, 41.94 MB / 768 GB/s = 54.61 us.
        const Evaluation e = evaluate(llama2_13b(), seedA6000(), Workload {});
        OpTableModel table;
        table.setEvaluation(e);
        const int row = rowOf(table, QStringLiteral("embedding"), QStringLiteral("prefill"));
        QVERIFY(row >= 0);
        const auto shown = [&](int column, int role = Qt::DisplayRole) { return table.data(table.index(row, column), role).toString(); };
        QCOMPARE(shown(OpTableModel::Flops), QStringLiteral("0"));
        QCOMPARE(shown(OpTableModel::Attainable), QString(QChar(0x2014)));
        QCOMPARE(shown(OpTableModel::Bytes), QStringLiteral("41.9 MB"));
        QCOMPARE(shown(OpTableModel::Time), QStringLiteral("54.6 \u00b5s"));
        QVERIFY2(shown(OpTableModel::Op, Qt::ToolTipRole).contains(QLatin1String("no arithmetic (a table lookup)")),
                 qPrintable(shown(OpTableModel::Op, Qt::ToolTipRole)));
        // An op with arithmetic keeps its figures and says nothing of lookups.
        const int gate = rowOf(table, QStringLiteral("gate_proj"), QStringLiteral("prefill"));
        QCOMPARE(table.data(table.index(gate, OpTableModel::Flops), Qt::DisplayRole).toString(), QStringLiteral("290 GFLOP"));
        QVERIFY(!table.data(table.index(gate, OpTableModel::Op), Qt::ToolTipRole).toString().contains(QLatin1String("lookup")));
    }

    void theMeasuredColumnGivesTheKernelsShareOfTheRoof()
    {
        // Two kernels measure q_proj in decode: 40 % of the roof for 1 s and 100 % for 1 s, so 70 % of the roof
        // together (measuredSharesByOp); nothing measures o_proj.
        const Evaluation e = evaluate(llama2_13b(), seedA6000(), Workload {});
        const auto kernel = [](double share) {
            ChartData::MeasuredPoint m;
            m.op = OpKind::QProj;
            m.phase = Phase::Decode;
            m.shareOfRoof = share;
            m.seconds = 1.0;
            return m;
        };
        OpTableModel table;
        table.setEvaluation(e, measuredSharesByOp(SharedList<ChartData::MeasuredPoint> { kernel(0.4), kernel(1.0) }));
        const int q = rowOf(table, QStringLiteral("q_proj"), QStringLiteral("decode"));
        QVERIFY(q >= 0);
        QCOMPARE(table.data(table.index(q, OpTableModel::Measured), Qt::DisplayRole).toString(), QStringLiteral("70.0% of roof"));
        ROOFLINE_COMPARE_REL(table.data(table.index(q, OpTableModel::Measured), OpTableModel::SortRole).toDouble(), 0.7, 1e-12);
        const int o = rowOf(table, QStringLiteral("o_proj"), QStringLiteral("decode"));
        QCOMPARE(table.data(table.index(o, OpTableModel::Measured), Qt::DisplayRole).toString(), QString());
    }

    void theModelSaysWhenTheMeasuredColumnHasSomethingToShow()
    {
        const Evaluation e = evaluate(llama2_13b(), seedA6000(), Workload {});
        OpTableModel table;
        QSignalSpy changed(&table, &OpTableModel::measuredSharesChanged);
        table.setEvaluation(e);
        QVERIFY(!table.hasMeasuredShares());
        QCOMPARE(changed.count(), 0);
        ChartData::MeasuredPoint q;
        q.op = OpKind::QProj;
        q.phase = Phase::Decode;
        q.shareOfRoof = 0.5;
        q.seconds = 1.0;
        const MeasuredShares kernels = measuredSharesByOp(SharedList<ChartData::MeasuredPoint> { q });
        table.setEvaluation(e, kernels);
        QVERIFY(table.hasMeasuredShares());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.last().at(0).toBool(), true);
        table.setEvaluation(e, kernels); // the same kernels: no news
        QCOMPARE(changed.count(), 1);
        table.setEvaluation(e);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(changed.last().at(0).toBool(), false);
    }

    void aSmallShareIsNotReadAsNone()
    {
        // Decode at batch 1, sequence 2048 on the seed GPU: each RMSNorm reads and writes 5120 x 2 bytes, a
        // sliver of the layer's time that read "0.0%" with one decimal. Every row's share reads as a number
        // above zero, within rounding of the figure it stands for.
        const Evaluation e = evaluate(llama2_13b(), seedA6000(), Workload {});
        OpTableModel table;
        table.setEvaluation(e);
        int small = 0;
        for (int row = 0; row < table.rowCount(); ++row) {
            const double share = table.data(table.index(row, OpTableModel::Share), OpTableModel::SortRole).toDouble();
            if (share < 0.0)
                continue; // once per pass
            QString text = table.data(table.index(row, OpTableModel::Share), Qt::DisplayRole).toString();
            QVERIFY2(text.endsWith(QLatin1Char('%')), qPrintable(text));
            text.chop(1);
            const double shown = text.toDouble() / 100.0;
            QVERIFY2(shown > 0.0, qPrintable(text));
            QVERIFY2(std::abs(shown - share) <= std::max(0.0005, 0.05 * share), qPrintable(text));
            small += share < 0.0005 ? 1 : 0;
        }
        QVERIFY(small > 0);
    }

    void aNewEvaluationResetsTheRowsOnce()
    {
        OpTableModel table;
        int resets = 0;
        connect(&table, &QAbstractItemModel::modelReset, &table, [&] { ++resets; });
        table.setEvaluation(evaluate(llama2_13b(), seedA6000(), Workload {}));
        QCOMPARE(resets, 1);
        // A workload step keeps the rows (same ops) and changes the figures in place: no reset, the view keeps
        // its column widths and sorting.
        Workload w;
        w.batch = 8;
        QSignalSpy changed(&table, &QAbstractItemModel::dataChanged);
        table.setEvaluation(evaluate(llama2_13b(), seedA6000(), w));
        QCOMPARE(resets, 1);
        QCOMPARE(changed.count(), 1);
    }
};

QTEST_MAIN(TestOpTableModel)
#include "tst_optablemodel.moc"
