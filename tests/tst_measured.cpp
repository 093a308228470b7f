#include "testutil.h"

#include "chartdata.h"
#include "scenarioresults.h"
#include "inputerror.h"
#include "jsonreader.h"
#include "measured.h"
#include "modelfixtures.h"

#include <cmath>

using namespace roofline;

namespace {
std::vector<MeasuredKernel> load(const char *name)
{
    const std::string path = std::string(ROOFLINE_TEST_DATA "/measured/") + name;
    return parseMeasuredKernels(readInputFile(path), path);
}

// The message loading the measured file `name` fails with.
QString errorOf(const char *name)
{
    return ::errorOf([&] { load(name); });
}
}

class TestMeasured : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sharesOfTheRoofByOpWeighKernelsByTheirTime()
    {
        // Two q_proj decode kernels: half the roof for 3 s, the whole roof for 1 s. Together the roofs allow them
        // 0.5 x 3 + 1 x 1 = 2.5 s of the 4 s they took: 0.625 (not their mean, 0.75, nor the last, 1). A kernel
        // of no known op, one of no time and one whose share is not a number are left out.
        const auto kernel = [](std::optional<OpKind> op, double share, double seconds) {
            ChartData::MeasuredPoint m;
            m.op = op;
            m.phase = Phase::Decode;
            m.shareOfRoof = share;
            m.seconds = seconds;
            return m;
        };
        const SharedList<ChartData::MeasuredPoint> measured { kernel(OpKind::QProj, 0.5, 3.0), kernel(OpKind::QProj, 1.0, 1.0),
                                                              kernel(std::nullopt, 0.9, 1.0), kernel(OpKind::KProj, 0.8, 0.0),
                                                              kernel(OpKind::VProj, std::nan(""), 1.0) };
        const MeasuredShares shares = measuredSharesByOp(measured);
        QCOMPARE(shares.size(), std::size_t(1));
        QCOMPARE(shares.at({ OpKind::QProj, Phase::Decode }), 0.625);
    }

    void aKernelOfAnotherWorkloadIsFlagged()
    {
        // q_proj decode at batch 1 on the seed scenario: 2 x 1 x 5120 x 5120 = 52.4 MFLOP. A kernel of 52.4 MFLOP
        // agrees; one of 419 MFLOP (batch 8: 8x) or 26.2 MFLOP (0.5x) was measured at another workload. Within
        // half again either way (x1.5, x1/1.5) they agree.
        Session session = seedSession();
        MeasuredKernel k;
        k.name = "q_proj";
        k.op = OpKind::QProj;
        k.phase = Phase::Decode;
        k.bytes = 52.4e6;
        k.seconds = 1e-4;
        ScenarioResults results;
        const auto joined = [&](double flops) {
            k.flops = flops;
            session.measured = std::vector { k };
            results.recompute(session);
            const ChartData::MeasuredPoint &point = results.chart.measured[0];
            const ChartPoint *modelled = results.chart.modelledPoint(point);
            return std::pair(point, modelled);
        };
        const double model = 2.0 * 5120 * 5120;
        {
            const auto [point, modelled] = joined(model);
            QVERIFY(modelled);
            QCOMPARE(modelled->flops, model);
            QCOMPARE(point.flops, model);
            QVERIFY(!flopsMismatch(point, *modelled));
        }
        {
            const auto [point, modelled] = joined(8 * model);
            QCOMPARE(flopsMismatch(point, *modelled), std::optional(8.0));
        }
        {
            const auto [point, modelled] = joined(0.5 * model);
            QCOMPARE(flopsMismatch(point, *modelled), std::optional(0.5));
        }
        {
            const auto [point, modelled] = joined(1.49 * model);
            QVERIFY(!flopsMismatch(point, *modelled));
        }
        ChartPoint none;
        QVERIFY(!flopsMismatch(ChartData::MeasuredPoint {}, none));
    }

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
        QTest::newRow("no time column") << "no-time.csv" << R"(neither "time_s" nor "achieved_flops_per_s")";
        QTest::newRow("not a number") << "not-a-number.csv" << R"(line 2: "flops" is not a number: "abc")";
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

    void figuresAsToolsWriteThem_data()
    {
        QTest::addColumn<QByteArray>("time");
        QTest::addColumn<double>("seconds"); // 0: refused, -1: refused as ambiguous
        QTest::newRow("plain") << QByteArray("0.000085") << 8.5e-5;
        QTest::newRow("exponent") << QByteArray("8.5e-5") << 8.5e-5;
        QTest::newRow("plus sign") << QByteArray("+8.5e-5") << 8.5e-5;
        QTest::newRow("thousands") << QByteArray("\"1,234.5\"") << 1234.5 ;
        // One group and no point: a thousand in English, one in German. Refused, not guessed.
        QTest::newRow("one group") << QByteArray("\"12,345\"") << -1.0;
        QTest::newRow("a thousand or one") << QByteArray("\"1,000\"") << -1.0;
        QTest::newRow("leading zero group") << QByteArray("\"0,001.5\"") << 0.0;
        // A decimal comma is not a thousands separator: stripping it read 85 us as 85 s.
        QTest::newRow("decimal comma") << QByteArray("\"0,000085\"") << 0.0;
        QTest::newRow("short group") << QByteArray("\"1,23\"") << 0.0;
        QTest::newRow("long first group") << QByteArray("\"1234,567\"") << 0.0;
        QTest::newRow("leading comma") << QByteArray("\",123\"") << 0.0;
        QTest::newRow("comma after point") << QByteArray("\"1.234,5\"") << 0.0;
        // A comma after the decimal point was dropped: "1,234.5,6" read as 1234.56.
        QTest::newRow("comma after the fraction") << QByteArray("\"1,234.5,6\"") << 0.0;
        QTest::newRow("hexadecimal") << QByteArray("0x10") << 0.0;
        QTest::newRow("infinity") << QByteArray("inf") << 0.0;
        QTest::newRow("nan") << QByteArray("nan") << 0.0;
    }
    void figuresAsToolsWriteThem()
    {
        QFETCH(QByteArray, time);
        QFETCH(double, seconds);
        // 1,000 FLOPs, 100 bytes: intensity 10 FLOP/B. Times up to 1,234.5 s are within a day.
        const std::string text = "name,flops,bytes,time_s\nk,1000,100," + time.toStdString() + "\n";
        if (seconds > 0.0) {
            const auto kernels = parseMeasuredKernels(text, "m.csv");
            ROOFLINE_COMPARE_REL(kernels[0].seconds, seconds, 1e-15);
        } else if (seconds < 0.0) {
            QString unquoted = QString::fromLatin1(time);
            unquoted.remove(QLatin1Char('"'));
            QCOMPARE(errorOf([&] { parseMeasuredKernels(text, "m.csv"); }),
                     QStringLiteral("m.csv: line 2: \"time_s\" (column 4) is \"%1\": %2 with a thousands separator or %3 with a "
                                    "decimal comma? No other figure in the file settles it; write it without the comma")
                         .arg(unquoted, QString(unquoted).remove(QLatin1Char(',')), QString(unquoted).replace(QLatin1Char(','), QLatin1Char('.'))));
        } else {
            QString unquoted = QString::fromLatin1(time);
            unquoted.remove(QLatin1Char('"'));
            const QString hint = unquoted.contains(QLatin1Char(','))
                ? QStringLiteral(" (write decimals with a point; a comma is read only as a thousands separator, as in 26,214,400 or 1,234.5)")
                : QString();
            QCOMPARE(errorOf([&] { parseMeasuredKernels(text, "m.csv"); }),
                     QStringLiteral("m.csv: line 2: \"time_s\" is not a number: \"%1\"%2").arg(unquoted, hint));
        }
    }

    void ratiosAreRangeChecked_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        const QByteArray csv("name,flops,bytes,time_s\n");
        // 1e30 FLOPs on 1 byte: intensity 1e30 FLOP/B gave an infinite x and "null" in JSON.
        QTest::newRow("huge intensity") << csv + "k,1e30,1,1\n"
                                        << "m.csv: line 2: the intensity flops / bytes (FLOP/B) must be between 1e-09 and 1e+12, got 1e+30";
        QTest::newRow("tiny intensity") << csv + "k,1,1e12,1\n"
                                        << "m.csv: line 2: the intensity flops / bytes (FLOP/B) must be between 1e-09 and 1e+12, got 1e-12";
        // 1e18 FLOPs in a picosecond: 1e30 FLOP/s, a unit mistake.
        QTest::newRow("impossible rate") << csv + "k,1e18,1e12,1e-12\n"
                                         << "m.csv: line 2: the achieved rate flops / time (FLOP/s) must be between 1e-06 and 1e+20, got 1e+30";
        QTest::newRow("below a byte") << csv + "k,1,5e-324,1\n" << "m.csv: line 2: bytes must be between 1 and 1e+30, got 5e-324";
        QTest::newRow("a femtosecond") << csv + "k,1,1,1e-15\n" << "m.csv: line 2: time (s) must be between 1e-12 and 86400, got 1e-15";
        // An achieved rate of 1e-300 FLOP/s makes the time 1e300 s.
        QTest::newRow("rate too small") << QByteArray("name,flops,bytes,achieved_flops_per_s\nk,1,1,1e-300\n")
                                        << "m.csv: line 2: \"achieved_flops_per_s\" must be between 0.001 and 1e+20, got 1e-300";
        // 1e12 FLOPs at 1 FLOP/s: a time of 1e12 s, beyond a day.
        QTest::newRow("rate gives no time") << QByteArray("name,flops,bytes,achieved_flops_per_s\nk,1e12,1e6,1\n")
                                            << "m.csv: line 2: time (s) must be between 1e-12 and 86400, got 1e+12";
        QTest::newRow("json intensity")
            << QByteArray(R"({"kernels": [{"name": "k", "flops": 1e30, "bytes": 1, "time_s": 1}]})")
            << "m.csv: field 'kernels[0]': the intensity flops / bytes (FLOP/B) must be between 1e-09 and 1e+12, got 1e+30";
    }
    void ratiosAreRangeChecked()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        QCOMPARE(errorOf([&] { parseMeasuredKernels(text.toStdString(), "m.csv"); }), expected);
    }

    void nsightUnitsMustFitTheMetric_data()
    {
        QTest::addColumn<QByteArray>("units");
        QTest::addColumn<QString>("expected");
        QTest::newRow("cycles for a duration") << QByteArray(R"("","cycle","byte","byte","inst")")
                                               << "m.csv: line 2: gpu__time_duration.sum is in \"cycle\", which is not a time: nsecond, usecond, msecond or second";
        QTest::newRow("seconds for bytes") << QByteArray(R"("","second","second","byte","inst")")
                                           << "m.csv: line 2: dram__bytes_read.sum is in \"second\", which is not bytes: byte, Kbyte, Mbyte, Gbyte, Tbyte, Kibyte, Mibyte or Gibyte";
        QTest::newRow("percent for a counter") << QByteArray(R"("","second","byte","byte","%")")
                                               << "m.csv: line 2: sm__sass_thread_inst_executed_op_ffma_pred_on.sum is in \"%\", which is not a count: inst or none";
        QTest::newRow("unknown") << QByteArray(R"("","fortnight","byte","byte","inst")")
                                 << "m.csv: line 2: gpu__time_duration.sum is in \"fortnight\", which is not a time: nsecond, usecond, msecond or second";
    }
    void nsightUnitsMustFitTheMetric()
    {
        QFETCH(QByteArray, units);
        QFETCH(QString, expected);
        const QByteArray text = "\"Kernel Name\",\"gpu__time_duration.sum\",\"dram__bytes_read.sum\",\"dram__bytes_write.sum\","
                                "\"sm__sass_thread_inst_executed_op_ffma_pred_on.sum\"\n"
            + units + "\n\"k\",\"1000\",\"100\",\"0\",\"50\"\n";
        QCOMPARE(errorOf([&] { parseMeasuredKernels(text.toStdString(), "m.csv"); }), expected);
    }

    void duplicateColumnsAreRefused()
    {
        QCOMPARE(errorOf([&] { parseMeasuredKernels("name,flops,bytes,time_s,FLOPS\nk,1,1,1,2\n", "m.csv"); }),
                 QStringLiteral("m.csv: line 1: the header names the column \"flops\" twice (columns 2 and 5)"));
        QCOMPARE(errorOf([&] {
                     parseMeasuredKernels("\"Kernel Name\",\"gpu__time_duration.sum\",\"dram__bytes_read.sum\",\"dram__bytes_write.sum\","
                                          "\"gpu__time_duration.sum\"\n", "m.csv");
                 }),
                 QStringLiteral("m.csv: line 1: the header names the column \"gpu__time_duration.sum\" twice (columns 2 and 5)"));
        // Columns the reader does not use may repeat (profilers write several "ID"s).
        QCOMPARE(parseMeasuredKernels("name,flops,bytes,time_s,id,id\nk,1,1,1,a,b\n", "m.csv").size(), std::size_t(1));
    }

    void errorsNameTheLineAnEditorShows()
    {
        // Line 1 header, line 2 blank, lines 3-4 one record with a quoted line break, line 5 blank (CRLF),
        // line 6 the bad figure: counting records said "line 3".
        const std::string text = "name,flops,bytes,time_s\n\n\"two\nlines\",1,1,1\n\r\nk,x,1,1\n";
        QCOMPARE(errorOf([&] { parseMeasuredKernels(text, "m.csv"); }),
                 QStringLiteral("m.csv: line 6: \"flops\" is not a number: \"x\""));
        QCOMPARE(errorOf([&] { parseMeasuredKernels("name,flops,bytes,time_s\n\nk,1,1,\"1\n", "m.csv"); }),
                 QStringLiteral("m.csv: line 3: a quoted field is never closed"));
    }

    void unquotedDecimalCommasAndStrayLineEnds()
    {
        // "1,5" unquoted splits into two fields: the row has one more than the header (it read 1 s before).
        QCOMPARE(errorOf([&] { parseMeasuredKernels("name,phase,flops,bytes,time_s\nk,decode,52428800,52449280,1,5\n", "m.csv"); }),
                 QStringLiteral("m.csv: line 2: 6 fields where the header has 5 (a decimal comma in an unquoted figure? write decimals with a point)"));
        // Two groups cannot be a decimal comma: 12,345,678 FLOPs.
        QCOMPARE(parseMeasuredKernels("name,flops,bytes,time_s\nk,\"12,345,678\",1000,1\n", "m.csv")[0].flops, 12345678.0);
        // A CR alone ends a line (it glued "1" and "5" into 15 s and lost a record): two kernels, and an error
        // on the third line of a CR-only file names line 3.
        const auto kernels = parseMeasuredKernels("name,flops,bytes,time_s\rk,1000,2000,1\rj,5,6,7\r", "m.csv");
        QCOMPARE(kernels.size(), std::size_t(2));
        QCOMPARE(kernels[0].seconds, 1.0);
        QCOMPARE(kernels[1].name, std::string("j"));
        QCOMPARE(errorOf([&] { parseMeasuredKernels("name,flops,bytes,time_s\rk,1000,2000,1\rj,x,6,7\r", "m.csv"); }),
                 QStringLiteral("m.csv: line 3: \"flops\" is not a number: \"x\""));
    }

    void rowsWithTooFewFieldsAreNamed()
    {
        // A short row read its missing cells as empty: "\"bytes\" is not a number: \"\"".
        QCOMPARE(errorOf([&] { parseMeasuredKernels("name,flops,bytes,time_s\nk,1,1,1\nj,5\n", "m.csv"); }),
                 QStringLiteral("m.csv: line 3: 2 fields where the header has 4"));
        QCOMPARE(errorOf([&] { parseMeasuredKernels("name,flops,bytes,time_s\nk\n", "m.csv"); }),
                 QStringLiteral("m.csv: line 2: 1 field where the header has 4"));
        const QByteArray header = "\"Kernel Name\",\"gpu__time_duration.sum\",\"dram__bytes_read.sum\",\"dram__bytes_write.sum\","
                                  "\"sm__sass_thread_inst_executed_op_ffma_pred_on.sum\"\n";
        QCOMPARE(errorOf([&] { parseMeasuredKernels(QByteArray(header + "\"\",\"usecond\",\"byte\",\"byte\",\"inst\"\n\"k\",\"5\",\"100\",\"0\"\n").toStdString(), "m.csv"); }),
                 QStringLiteral("m.csv: line 3: 4 fields where the header has 5"));
        // The units line too: a missing unit read as "" and was reported as a unit that does not fit.
        QCOMPARE(errorOf([&] { parseMeasuredKernels(QByteArray(header + "\"\",\"usecond\",\"byte\"\n\"k\",\"5\",\"100\",\"0\",\"50\"\n").toStdString(), "m.csv"); }),
                 QStringLiteral("m.csv: line 2: 3 fields where the header has 5"));
    }

    void onlyCrlfAndLfEndLinesInAnLfFile()
    {
        // A CR before CRLF counted as a line break of its own: the error named line 4.
        QCOMPARE(errorOf([&] { parseMeasuredKernels("name,flops,bytes,time_s\nk,1,1,1\r\r\nj,x,1,1\n", "m.csv"); }),
                 QStringLiteral("m.csv: line 3: \"flops\" is not a number: \"x\""));
        // A CR alone inside a line of an LF file is part of its field (a space in a name), not a break.
        const auto kernels = parseMeasuredKernels("name,flops,bytes,time_s\nk\rq,1000,2000,1\r\nj,5,6,7\n", "m.csv");
        QCOMPARE(kernels.size(), std::size_t(2));
        QCOMPARE(kernels[0].name, std::string("k q"));
        QCOMPARE(errorOf([&] { parseMeasuredKernels("name,flops,bytes,time_s\nk,1,1,1\rj,5,6,7\nm,x,1,1\n", "m.csv"); }),
                 QStringLiteral("m.csv: line 2: 7 fields where the header has 4 (a decimal comma in an unquoted figure? write decimals with a point)"));
        // A CR-only file: every CR ends a line, also inside a quoted field.
        QCOMPARE(errorOf([&] { parseMeasuredKernels("name,flops,bytes,time_s\r\"two\rlines\",1,1,1\rk,x,1,1\r", "m.csv"); }),
                 QStringLiteral("m.csv: line 4: \"flops\" is not a number: \"x\""));
        // Nsight's preamble in a CR-only file is skipped line by line.
        QCOMPARE(errorOf([&] {
                     parseMeasuredKernels("==PROF== Connected\r\"Kernel Name\",\"gpu__time_duration.sum\",\"dram__bytes_read.sum\","
                                          "\"dram__bytes_write.sum\",\"sm__sass_thread_inst_executed_op_ffma_pred_on.sum\"\r"
                                          "\"\",\"usecond\",\"byte\",\"byte\",\"inst\"\r\"k\",\"x\",\"100\",\"0\",\"50\"\r",
                                          "m.csv");
                 }),
                 QStringLiteral("m.csv: line 4: gpu__time_duration.sum is not a number: \"x\""));
    }

    void nsightSingleGroupsNeedTheFileToTellThem_data()
    {
        // Rows of Kernel Name, duration (usecond), bytes read, bytes written, ffma count and an unused "Note".
        QTest::addColumn<QByteArray>("rows");
        QTest::addColumn<double>("seconds"); // of the first kernel; 0: refused
        QTest::addColumn<QString>("expected");
        const QString ambiguousTime = QStringLiteral(
            "m.csv: line 3: gpu__time_duration.sum (column 2) is \"1,000\": 1000 with a thousands separator or 1.000 "
            "with a decimal comma? No other figure in the file settles it; write it without the comma");
        // "1,000" alone was read as a thousand; Nsight run in a decimal-comma locale writes one that way.
        QTest::newRow("alone") << QByteArray("\"k\",\"1,000\",\"100\",\"0\",\"50\",\"\"\n") << 0.0 << ambiguousTime;
        QTest::newRow("alone, a count") << QByteArray("\"k\",\"8\",\"100\",\"0\",\"1,234\",\"\"\n") << 0.0
                                        << "m.csv: line 3: sm__sass_thread_inst_executed_op_ffma_pred_on.sum (column 5) is "
                                           "\"1,234\": 1234 with a thousands separator or 1.234 with a decimal comma? No other "
                                           "figure in the file settles it; write it without the comma";
        // Two groups, or a comma before the point, are thousands in any locale: the file writes English figures.
        QTest::newRow("two groups on another line")
            << QByteArray("\"k\",\"1,000\",\"100\",\"0\",\"50\",\"\"\n\"j\",\"1\",\"100\",\"0\",\"26,214,400\",\"\"\n")
            << 1e-3 << QString();
        QTest::newRow("thousands before a point") << QByteArray("\"k\",\"1,000\",\"1,234.5\",\"0\",\"50\",\"\"\n") << 1e-3 << QString();
        // A decimal point followed by other than three digits cannot be a thousands separator.
        QTest::newRow("a decimal point") << QByteArray("\"k\",\"1,000\",\"52.43\",\"0\",\"50\",\"\"\n") << 1e-3 << QString();
        QTest::newRow("a point in an unused column") << QByteArray("\"k\",\"1,000\",\"100\",\"0\",\"50\",\"0.5\"\n") << 1e-3 << QString();
        // "52.430" is 52430 where the point separates thousands: it settles nothing.
        QTest::newRow("a point and three digits") << QByteArray("\"k\",\"1,000\",\"52.430\",\"0\",\"50\",\"\"\n") << 0.0 << ambiguousTime;
        // A decimal comma anywhere ("0,5", an unused column counts too) contradicts the thousands: refused.
        QTest::newRow("contradiction") << QByteArray("\"k\",\"1,000\",\"52.43\",\"0\",\"50\",\"0,5\"\n") << 0.0 << ambiguousTime;
        // Text is not a figure: a kernel name's "1.5" or an unused column's "(128, 1, 1)" settles nothing.
        QTest::newRow("names are not figures") << QByteArray("\"1.5\",\"1,000\",\"100\",\"0\",\"50\",\"(128, 1, 1)\"\n") << 0.0
                                               << ambiguousTime;
    }
    void nsightSingleGroupsNeedTheFileToTellThem()
    {
        QFETCH(QByteArray, rows);
        QFETCH(double, seconds);
        QFETCH(QString, expected);
        const QByteArray text = "\"Kernel Name\",\"gpu__time_duration.sum\",\"dram__bytes_read.sum\",\"dram__bytes_write.sum\","
                                "\"sm__sass_thread_inst_executed_op_ffma_pred_on.sum\",\"Note\"\n"
                                "\"\",\"usecond\",\"byte\",\"byte\",\"inst\",\"\"\n"
            + rows;
        if (seconds > 0.0) {
            const auto kernels = parseMeasuredKernels(text.toStdString(), "m.csv");
            ROOFLINE_COMPARE_REL(kernels[0].seconds, seconds, 1e-15);
        } else {
            QCOMPARE(errorOf([&] { parseMeasuredKernels(text.toStdString(), "m.csv"); }), expected);
        }
    }

    void plainCsvSingleGroupsFollowTheSameRule()
    {
        // A decimal point elsewhere settles "1,000" as a thousand, as in Nsight's files.
        QCOMPARE(parseMeasuredKernels("name,flops,bytes,time_s\nk,\"1,000\",100,0.5\n", "m.csv")[0].flops, 1000.0);
        QCOMPARE(errorOf([&] { parseMeasuredKernels("name,flops,bytes,time_s\nk,\"1,000\",100,2\n", "m.csv"); }),
                 QStringLiteral("m.csv: line 2: \"flops\" (column 2) is \"1,000\": 1000 with a thousands separator or 1.000 "
                                "with a decimal comma? No other figure in the file settles it; write it without the comma"));
    }

    void jsonErrorsNameTheField()
    {
        // A duplicate key inside a kernel was reported as "field 'time_s'", without the kernel.
        QCOMPARE(errorOf([&] {
                     parseMeasuredKernels(R"({"kernels": [{"name": "k", "flops": 1, "bytes": 1, "time_s": 1},
                                                          {"name": "j", "flops": 1, "bytes": 1, "time_s": 1, "time_s": 2}]})", "m.json");
                 }),
                 QStringLiteral("m.json: field 'kernels[1].time_s': appears twice in the same object"));
        QCOMPARE(errorOf([&] { parseMeasuredKernels(R"({"kernels": [], "kernels": []})", "m.json"); }),
                 QStringLiteral("m.json: field 'kernels': appears twice in the same object"));
        QCOMPARE(errorOf([&] { parseMeasuredKernels(R"({"a": [[{"x": {"y": 1, "y": 2}}]]})", "m.json"); }),
                 QStringLiteral("m.json: field 'a[0][0].x.y': appears twice in the same object"));
        // 5e-324 was printed as 4.94066e-324 against the kernel, not its field.
        const char *kernels = R"({"kernels": [{"name": "k", "flops": 1, "bytes": 1, "time_s": 1},
                                              {"name": "k", "flops": 1, "bytes": 1, "time_s": 1},
                                              {"name": "k", "flops": 1, "bytes": 1, "time_s": 5e-324}]})";
        QCOMPARE(errorOf([&] { parseMeasuredKernels(kernels, "m.json"); }),
                 QStringLiteral("m.json: field 'kernels[2].time_s': must be between 1e-12 and 86400, got 5e-324"));
        QCOMPARE(errorOf([&] { parseMeasuredKernels(R"({"kernels": [{"name": "k", "flops": 1, "bytes": 2.5e-300, "time_s": 1}]})", "m.json"); }),
                 QStringLiteral("m.json: field 'kernels[0].bytes': must be between 1 and 1e+30, got 2.5e-300"));
        // Nsight's durations are converted by dividing by a power of ten: 5e-4 nsecond is the 5e-13 s written.
        QCOMPARE(errorOf([&] {
                     parseMeasuredKernels("\"Kernel Name\",\"gpu__time_duration.sum\",\"dram__bytes_read.sum\",\"dram__bytes_write.sum\","
                                          "\"sm__sass_thread_inst_executed_op_ffma_pred_on.sum\"\n\"\",\"nsecond\",\"byte\",\"byte\",\"inst\"\n"
                                          "\"k\",\"0.0005\",\"100\",\"0\",\"50\"\n", "m.csv");
                 }),
                 QStringLiteral("m.csv: line 3: time (s) must be between 1e-12 and 86400, got 5e-13"));
        // A figure that is not the one written is printed so that it reads back the same.
        QCOMPARE(errorOf([&] { parseMeasuredKernels("name,flops,bytes,time_s\nk,1,1,0.12345678e-12\n", "m.csv"); }),
                 QStringLiteral("m.csv: line 2: time (s) must be between 1e-12 and 86400, got 1.2345678e-13"));
    }

    void ratesAndNamesAreCheckedWhereTheyAreGiven()
    {
        // An achieved rate of 0 or 5e-324 made an infinite time, reported as "time (s) ... got inf".
        QCOMPARE(errorOf([&] { parseMeasuredKernels("name,flops,bytes,achieved_flops_per_s\nk,1,1,0\n", "m.csv"); }),
                 QStringLiteral("m.csv: line 2: \"achieved_flops_per_s\" must be between 0.001 and 1e+20, got 0"));
        QCOMPARE(errorOf([&] {
                     parseMeasuredKernels(R"({"kernels": [{"name": "k", "flops": 1, "bytes": 1, "achieved_flops_per_s": 5e-324}]})", "m.json");
                 }),
                 QStringLiteral("m.json: field 'kernels[0].achieved_flops_per_s': must be between 0.001 and 1e+20, got 5e-324"));
        QCOMPARE(errorOf([&] { parseMeasuredKernels(R"({"kernels": [{"name": " ", "flops": 1, "bytes": 1, "time_s": 1}]})", "m.json"); }),
                 QStringLiteral("m.json: field 'kernels[0].name': is empty"));
        QCOMPARE(errorOf([&] { parseMeasuredKernels(R"({"kernels": []})", "m.json"); }),
                 QStringLiteral("m.json: field 'kernels': holds no kernel"));
        const QByteArray nsight = "\"Kernel Name\",\"gpu__time_duration.sum\",\"dram__bytes_read.sum\",\"dram__bytes_write.sum\","
                                  "\"sm__sass_thread_inst_executed_op_ffma_pred_on.sum\"\n\"\",\"usecond\",\"byte\",\"byte\",\"inst\"\n";
        QCOMPARE(errorOf([&] { parseMeasuredKernels(QByteArray(nsight + "\"k\",\"-5\",\"100\",\"0\",\"50\"\n").toStdString(), "m.csv"); }),
                 QStringLiteral("m.csv: line 3: gpu__time_duration.sum is negative: \"-5\""));
        QCOMPARE(errorOf([&] { parseMeasuredKernels(QByteArray(nsight + "\" \",\"5\",\"100\",\"0\",\"50\"\n").toStdString(), "m.csv"); }),
                 QStringLiteral("m.csv: line 3: \"Kernel Name\" is empty"));
        // Nsight's own "==PROF==" lines before the CSV are skipped; lines still count from the file's first.
        const QByteArray preamble = "==PROF== Connected to process 4242\n==PROF== Disconnected from process 4242\n";
        QCOMPARE(parseMeasuredKernels(QByteArray(preamble + nsight + "\"k\",\"5\",\"100\",\"0\",\"50\"\n").toStdString(), "m.csv").size(),
                 std::size_t(1));
        QCOMPARE(errorOf([&] { parseMeasuredKernels(QByteArray(preamble + nsight + "\"k\",\"x\",\"100\",\"0\",\"50\"\n").toStdString(), "m.csv"); }),
                 QStringLiteral("m.csv: line 5: gpu__time_duration.sum is not a number: \"x\""));
        // UTF-16 (as some Windows tools save CSV) is named, not reported as a missing "name" column.
        QCOMPARE(errorOf([&] { parseMeasuredKernels(std::string("\xFF\xFEn\0a\0", 6), "m.csv"); }),
                 QStringLiteral("m.csv: is UTF-16 text; save it as UTF-8"));
    }

    // A figure beyond a double's range is a number, too small or too large: "is not a number" sent the reader
    // looking for a typing mistake in "1e-400".
    void figuresBeyondADoubleSaySo_data()
    {
        QTest::addColumn<QString>("figure");
        QTest::addColumn<QString>("plainError");
        QTest::addColumn<QString>("nsightError");
        const auto row = [](const char *figure, const char *problem) {
            QTest::newRow(figure) << QString::fromLatin1(figure)
                                  << QStringLiteral("m.csv: line 2: \"flops\" is %1: \"%2\"").arg(QLatin1String(problem), QLatin1String(figure))
                                  << QStringLiteral("m.csv: line 3: gpu__time_duration.sum is %1: \"%2\"").arg(QLatin1String(problem), QLatin1String(figure));
        };
        row("1e-400", "out of range (too small)");
        row("-1e-400", "out of range (too small)");
        row("0.000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001", "out of range (too small)");
        row("1000e-330", "out of range (too small)");
        row("1e400", "out of range (too large)");
        row("0.001e312", "out of range (too large)");
        row("1e99999999999999999999", "out of range (too large)");
        row("1e-99999999999999999999", "out of range (too small)");
        row("1e-4x", "not a number");
    }
    void figuresBeyondADoubleSaySo()
    {
        QFETCH(QString, figure);
        QFETCH(QString, plainError);
        QFETCH(QString, nsightError);
        QCOMPARE(errorOf([&] { parseMeasuredKernels("name,flops,bytes,time_s\nk," + figure.toStdString() + ",1,1\n", "m.csv"); }), plainError);
        const std::string nsight = "\"Kernel Name\",\"gpu__time_duration.sum\",\"dram__bytes_read.sum\",\"dram__bytes_write.sum\","
                                   "\"sm__sass_thread_inst_executed_op_ffma_pred_on.sum\"\n\"\",\"usecond\",\"byte\",\"byte\",\"inst\"\n";
        QCOMPARE(errorOf([&] { parseMeasuredKernels(nsight + "k," + figure.toStdString() + ",100,0,50\n", "m.csv"); }), nsightError);
    }

    // The limit counted Nsight Compute's line of units for every CSV: a plain CSV of 100,001 kernels passed.
    void atMostMaxMeasuredKernels_data()
    {
        QTest::addColumn<bool>("nsight");
        QTest::newRow("plain CSV") << false;
        QTest::newRow("Nsight Compute CSV") << true;
    }
    void atMostMaxMeasuredKernels()
    {
        QFETCH(bool, nsight);
        const auto csv = [&](std::size_t kernels) {
            std::string text = nsight ? "\"Kernel Name\",\"gpu__time_duration.sum\",\"dram__bytes_read.sum\",\"dram__bytes_write.sum\","
                                        "\"sm__sass_thread_inst_executed_op_ffma_pred_on.sum\"\n\"\",\"usecond\",\"byte\",\"byte\",\"inst\"\n"
                                      : "name,flops,bytes,time_s\n";
            for (std::size_t i = 0; i < kernels; ++i)
                text += nsight ? "k,5,100,0,50\n" : "k,100,50,1\n";
            return text;
        };
        QCOMPARE(parseMeasuredKernels(csv(MaxMeasuredKernels), "m.csv").size(), MaxMeasuredKernels);
        QCOMPARE(errorOf([&] { parseMeasuredKernels(csv(MaxMeasuredKernels + 1), "m.csv"); }),
                 QStringLiteral("m.csv: holds more than 100000 kernels"));
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
        Session session = seedSession();
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
        // The table's figure comes with the results: q_proj decode's one kernel at 80.3 %.
        QCOMPARE(results.measuredShares.count({ OpKind::QProj, Phase::Decode }), std::size_t(1));
        ROOFLINE_COMPARE_REL(results.measuredShares.at({ OpKind::QProj, Phase::Decode }), q.shareOfRoof, 1e-12);

        // Twice the bandwidth, the same kernels and ops: the roof at 0.9996 FLOP/B doubles to 1,535.4 GFLOP/s and
        // the share halves, to 40.2 %.
        session.gpu.bandwidthBytesPerSecond = 1536e9;
        results.recompute(session);
        const double qAchieved = 52428800.0 / 8.5e-5, qIntensity = 52428800.0 / 52449280.0;
        ROOFLINE_COMPARE_REL(results.chart.measured[0].shareOfRoof, qAchieved / (1536e9 * qIntensity), 1e-12);
        ROOFLINE_COMPARE_REL(results.chart.measured[0].shareOfRoof, 0.4017, 1e-3);
        ROOFLINE_COMPARE_REL(results.measuredShares.at({ OpKind::QProj, Phase::Decode }), 0.4017, 1e-3);
        // Twice the peak, 362 TFLOP/s, the bandwidth as it was: gate_proj (2565.9 FLOP/B, under the roof's peak either
        // way) reached 1,159,641,169,920 / 9 ms = 128.8 TFLOP/s, 35.6 % of it rather than 71.2 %.
        session.gpu.setPeak(ComputeType::Fp16, 362e12);
        results.recompute(session);
        ROOFLINE_COMPARE_REL(results.chart.measured[1].shareOfRoof, (1159641169920.0 / 0.009) / 362e12, 1e-12);
        ROOFLINE_COMPARE_REL(results.chart.measured[1].shareOfRoof, 0.3559, 1e-3);
        // Other kernels, the same roofs and ops: the chart shows the new ones.
        session.measured.modify([](std::vector<MeasuredKernel> &kernels) { kernels.pop_back(); });
        results.recompute(session);
        QCOMPARE(results.chart.measured.size(), std::size_t(2));
    }

    // The share of the roof where the roof is 0 or tiny, on the seed A6000 (768 GB/s).
    void shareOfRoofOfKernelsThatBarelyCompute()
    {
        Session session = seedSession();
        session.measured = std::vector<MeasuredKernel> {
            // A copy: no FLOPs, so the roof at 0 FLOP/B is 0 FLOP/s; its share is 0, not 0/0.
            MeasuredKernel { "copy", Phase::Decode, std::nullopt, std::nullopt, 0.0, 1e9, 1e-3 },
            // 1 FLOP over 1 TB in 2 s: 1e-12 FLOP/B, where the roof is 768e9 * 1e-12 = 0.768 FLOP/s; it reached
            // 0.5 FLOP/s, 0.5 / 0.768 = 65.1 % of it.
            MeasuredKernel { "trickle", Phase::Decode, std::nullopt, std::nullopt, 1.0, 1e12, 2.0 },
        };
        ScenarioResults results;
        results.recompute(session);
        QCOMPARE(results.chart.measured[0].shareOfRoof, 0.0);
        ROOFLINE_COMPARE_REL(results.chart.measured[1].shareOfRoof, 0.5 / 0.768, 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestMeasured)
#include "tst_measured.moc"
