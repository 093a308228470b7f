#include "testutil.h"

#include "chartdata.h"
#include "inputerror.h"
#include "jsonreader.h"
#include "measured.h"
#include "modelfixtures.h"

using namespace roofline;

namespace {
std::vector<MeasuredKernel> load(const char *name)
{
    const std::string path = std::string(ROOFLINE_TEST_DATA "/measured/") + name;
    return parseMeasuredKernels(readInputFile(path), path);
}

QString errorOf(const char *name)
{
    try {
        load(name);
    } catch (const InputError &error) {
        return QString::fromStdString(error.what());
    }
    return {};
}
}

class TestMeasured : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void plainCsv()
    {
        const auto kernels = load("kernels.csv");
        QCOMPARE(kernels.size(), std::size_t(3));
        QCOMPARE(kernels[0].op, std::optional<OpKind>(OpKind::QProj)); // from its name
        QCOMPARE(kernels[0].series, std::optional<Series>(Series::QkvMlpAr)); // from op and phase
        ROOFLINE_COMPARE_REL(kernels[0].achievedFlopsPerSecond(), 52428800.0 / 8.5e-5, 1e-12);
        QVERIFY(!kernels[2].op.has_value()); // "flash_fwd_kernel" names no modelled op
    }

    void json()
    {
        const auto kernels = load("kernels.json");
        QCOMPARE(kernels.size(), std::size_t(2));
        // achieved_flops_per_s instead of a time: time = 20,971,520 / 5e11 s.
        ROOFLINE_COMPARE_REL(kernels[0].seconds, 20971520.0 / 5e11, 1e-12);
        QCOMPARE(kernels[1].series, std::optional<Series>(Series::QkvMlpInit));
    }

    void nsightComputeRaw()
    {
        const auto kernels = load("ncu-raw.csv");
        QCOMPARE(kernels.size(), std::size_t(2));
        // 1,234.50 usecond; 52.43 Mbyte read + 10.24 Kbyte written; 2 x 26,214,400 hfma + 2 x 1,000 ffma.
        ROOFLINE_COMPARE_REL(kernels[0].seconds, 1.2345e-3, 1e-12);
        ROOFLINE_COMPARE_REL(kernels[0].bytes, 52430000.0 + 10240.0, 1e-12);
        ROOFLINE_COMPARE_REL(kernels[0].flops, 52428800.0 + 2000.0, 1e-12);
        // 1,000,000 hadd + 2 x 40,000,000 hfma + 500,000 hmul = 81,500,000 FLOPs in 75 us.
        ROOFLINE_COMPARE_REL(kernels[1].flops, 81500000.0, 1e-12);
        ROOFLINE_COMPARE_REL(kernels[1].seconds, 75e-6, 1e-12);
        QVERIFY(QString::fromStdString(kernels[1].name).startsWith(QLatin1String("void flash_fwd_kernel<")));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing metric") << "ncu-missing-metric.csv" << "lacks the metrics dram__bytes_write.sum";
        QTest::newRow("no time column") << "no-time.csv" << "neither \"time_s\" nor \"achieved_flops_per_s\"";
        QTest::newRow("not a number") << "not-a-number.csv" << "line 2: \"flops\" is not a number: \"abc\"";
        QTest::newRow("bad phase") << "bad-phase.csv" << "unknown phase \"sideways\"";
        QTest::newRow("zero bytes") << "zero-bytes.csv" << "bytes must be a positive number";
        QTest::newRow("json without time") << "json-no-time.json" << "'kernels[0].time_s': is missing";
    }
    void refusals()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const QString error = errorOf(file.toUtf8().constData());
        QVERIFY2(error.contains(file) && error.contains(expected), qPrintable(error));
    }

    void emptyAndGarbage()
    {
        QVERIFY_THROWS_EXCEPTION(InputError, parseMeasuredKernels("", "m.csv"));
        QVERIFY_THROWS_EXCEPTION(InputError, parseMeasuredKernels("name,flops,bytes,time_s\n", "m.csv"));
        QVERIFY_THROWS_EXCEPTION(InputError, parseMeasuredKernels("\"unterminated", "m.csv"));
        // Found by fuzzing: a lone quote left no record at all, and the parser read past the end.
        QVERIFY_THROWS_EXCEPTION(InputError, parseMeasuredKernels("\"", "m.csv"));
        QVERIFY_THROWS_EXCEPTION(InputError, parseMeasuredKernels("\n\n", "m.csv"));
    }

    void chartLinksMeasurementsToTheirOps()
    {
        Session session;
        session.model = llama2_13b();
        session.gpu = seedA6000();
        session.measured = load("kernels.csv");
        ScenarioResults results;
        results.recompute(session);
        QCOMPARE(results.chart.measured.size(), std::size_t(3));
        const ChartData::MeasuredPoint &q = results.chart.measured[0];
        QVERIFY(q.modelled.has_value());
        QCOMPARE(q.modelled->op, OpKind::QProj);
        QCOMPARE(q.modelled->phase, Phase::Decode);
        // Achieved 52,428,800 / 85 us = 616.8 GFLOP/s at 0.9996 FLOP/B, where the roof allows
        // 768 GB/s x 0.9996 = 767.7 GFLOP/s: 80.3 % of the roof.
        ROOFLINE_COMPARE_REL(q.shareOfRoof, (52428800.0 / 8.5e-5) / (768e9 * (52428800.0 / 52449280.0)), 1e-12);
        ROOFLINE_COMPARE_REL(q.shareOfRoof, 0.8034, 1e-3);
        QVERIFY(!results.chart.measured[2].modelled.has_value());
    }
};

QTEST_GUILESS_MAIN(TestMeasured)
#include "tst_measured.moc"
