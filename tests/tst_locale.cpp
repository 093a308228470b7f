#include "testutil.h"

#include "jsonreader.h"
#include "measured.h"
#include "modelfixtures.h"
#include "report.h"
#include "scenario.h"
#include "units.h"

#include <QProcess>

#include <clocale>

using namespace roofline;

// Files in and out do not change with the user's locale. Run under de_DE.UTF-8 (decimal comma), which
// CTest builds with localedef into the build tree before this test.
class TestLocale : public QObject
{
    Q_OBJECT
private:
    static QByteArray run(const QStringList &arguments, const char *locale)
    {
        const Run run = runExplorer(arguments, [locale](QProcess &process) {
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("LC_ALL"), QString::fromLatin1(locale));
            process.setProcessEnvironment(environment);
        });
        return run.exitCode == 0 ? run.out : "failed: " + run.err;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The locale must really be there: a silently skipped test proves nothing.
        QVERIFY2(std::setlocale(LC_ALL, "de_DE.UTF-8") != nullptr,
                 "de_DE.UTF-8 is not available (CTest builds it with localedef; install Debian's locales package)");
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%.1f", 1.5);
        QCOMPARE(QByteArray(buffer), QByteArray("1,5")); // the locale is in effect for the C library
    }

    void numbersIgnoreTheLocale()
    {
        QCOMPARE(formatNumber(1.5), std::string("1.5"));
        QCOMPARE(formatNumber(0.1, 'g', 17), std::string("0.10000000000000001"));
        QCOMPARE(formatNumber(2.0 / 3.0, 'f', 2), std::string("0.67"));
        QCOMPARE(formatOne("ridge %.1f FLOP/B", 62.5), std::string("ridge 62.5 FLOP/B"));
        QCOMPARE(formatSi(1.81e14), std::string("181T"));
        QCOMPARE(formatSi(1.5e9), std::string("1.5G"));
        QCOMPARE(parseNumber("1.5"), std::optional<double>(1.5));
        QCOMPARE(parseNumber("1,5"), std::optional<double>());
    }

    void csvDumpHasNoDecimalCommas()
    {
        Scenario s = seedScenario();
        const std::string csv = evaluationToCsv(s.evaluate());
        // The first op line: 11 comma-separated fields, as in the header.
        const std::size_t first = csv.find('\n') + 1;
        const std::string line = csv.substr(first, csv.find('\n', first) - first);
        QCOMPARE(std::count(line.begin(), line.end(), ','), 10);
        QVERIFY2(line.find('.') != std::string::npos, line.c_str());
    }

    void measuredCsvReadsUnderADecimalCommaLocale()
    {
        // Failed before: strtod under de_DE stopped at the '.' of "8.5e-5".
        const std::string path = ROOFLINE_TEST_DATA "/measured/kernels.csv";
        const auto kernels = parseMeasuredKernels(readInputFile(path), path);
        QCOMPARE(kernels.size(), std::size_t(3));
        ROOFLINE_COMPARE_REL(kernels[0].seconds, 8.5e-5, 1e-15);
        const auto json = parseMeasuredKernels(R"({"kernels": [{"name": "k", "flops": 1.5e6, "bytes": 2.5e3, "time_s": 1.5e-6}]})", "k.json");
        ROOFLINE_COMPARE_REL(json[0].bytes, 2500.0, 1e-15);
    }

    void upperCaseHeadersUnderTurkish()
    {
        // Under tr_TR the C library lower-cases 'I' to a dotless i, so "TIME_S" did not match "time_s".
        QVERIFY2(std::setlocale(LC_ALL, "tr_TR.UTF-8") != nullptr, "tr_TR.UTF-8 is not available");
        const auto kernels = parseMeasuredKernels("NAME,PHASE,FLOPS,BYTES,TIME_S\nK,DECODE,1,2,1\nJ,PREFILL,4,2,1\n", "m.csv");
        std::setlocale(LC_ALL, "de_DE.UTF-8");
        QCOMPARE(kernels.size(), std::size_t(2));
        QCOMPARE(kernels[0].phase, std::optional<Phase>(Phase::Decode));
        QCOMPARE(kernels[1].phase, std::optional<Phase>(Phase::Prefill));
    }

    void commandLineOutputIsTheSameInEveryLocale_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("dump csv") << QStringList { QStringLiteral("--dump"), QStringLiteral("csv") };
        QTest::newRow("dump json") << QStringList { QStringLiteral("--dump"), QStringLiteral("json") };
        QTest::newRow("dump phase-map") << QStringList { QStringLiteral("--dump"), QStringLiteral("phase-map") };
        QTest::newRow("list gpus") << QStringList { QStringLiteral("--list-gpus") };
        QTest::newRow("measured") << QStringList { QStringLiteral("--measured"), QStringLiteral(ROOFLINE_TEST_DATA "/measured/ncu-raw.csv"),
                                                   QStringLiteral("--dump"), QStringLiteral("json") };
    }
    void commandLineOutputIsTheSameInEveryLocale()
    {
        QFETCH(QStringList, arguments);
        const QByteArray inC = run(arguments, "C");
        const QByteArray inGerman = run(arguments, "de_DE.UTF-8");
        QVERIFY2(!inC.startsWith("failed"), inC.constData());
        QCOMPARE(inGerman, inC);
        QCOMPARE(run(arguments, "tr_TR.UTF-8"), inC);
        // And C-locale output really has decimal points where German would have commas.
        QVERIFY(inC.contains('.'));
    }
};

QTEST_GUILESS_MAIN(TestLocale)
#include "tst_locale.moc"
