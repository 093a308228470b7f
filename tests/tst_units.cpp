#include "testutil.h"

#include "units.h"

using namespace roofline;

class TestUnits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bytesPerElement_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("bytes");
        QTest::newRow("fp32") << "fp32" << 4.0;
        QTest::newRow("fp16") << "fp16" << 2.0;
        QTest::newRow("bf16") << "bf16" << 2.0;
        QTest::newRow("fp8") << "fp8" << 1.0;
        QTest::newRow("int8") << "int8" << 1.0;
        QTest::newRow("int4") << "int4" << 0.5; // two weights per byte
    }
    void bytesPerElement()
    {
        QFETCH(QString, name);
        QFETCH(double, bytes);
        const auto type = dtypeFromName(name.toStdString());
        QVERIFY(type.has_value());
        QCOMPARE(roofline::bytesPerElement(*type), bytes);
        QCOMPARE(QString::fromUtf8(dtypeName(*type).data(), qsizetype(dtypeName(*type).size())), name);
    }
    // A value past the six types (from a bad cast) is priced and named as fp16, the default type, alike.
    void typePastTheEnumIsFp16()
    {
        const auto unknown = static_cast<DType>(6);
        QCOMPARE(roofline::bytesPerElement(unknown), 2.0);
        const std::string_view name = dtypeName(unknown);
        QCOMPARE(QString::fromUtf8(name.data(), qsizetype(name.size())), QStringLiteral("fp16"));
    }
    void unknownNames()
    {
        QVERIFY(!dtypeFromName("fp12").has_value());
        QVERIFY(!computeTypeFromName("").has_value());
        QCOMPARE(computeTypeFromName("bf16"), std::optional<ComputeType>(ComputeType::Fp16));
        // The alias is read, listed after its name, and never written.
        QCOMPARE(QString::fromStdString(computeTypeNames()), QStringLiteral("fp16, bf16, fp8, int8 or fp32"));
        QCOMPARE(QString::fromUtf8(computeTypeName(ComputeType::Fp16).data()), QStringLiteral("fp16"));
    }
    void formatSi_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("bandwidth") << 768e9 << "768G";
        QTest::newRow("peak") << 181e12 << "181T";
        QTest::newRow("ridge") << 235.677 << "236";
        QTest::newRow("small") << 0.9996 << "1";
        QTest::newRow("fraction") << 0.5 << "500m";
        QTest::newRow("carry") << 999.96e9 << "1T";
        QTest::newRow("ten") << 10e9 << "10G";
        QTest::newRow("zero") << 0.0 << "0";
        QTest::newRow("decimals") << 1.5e12 << "1.5T";
        QTest::newRow("negative") << -2e6 << "-2M";
    }
    void formatSi()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(roofline::formatSi(value)), text);
    }

    // A figure with its unit as SI writes it: a space between, the prefix on the unit; as the roof labels read.
    void formatSiUnit()
    {
        QCOMPARE(roofline::formatSiUnit(1.81e14, "FLOP/s"), std::string("181 TFLOP/s"));
        QCOMPARE(roofline::formatSiUnit(2.68e9, "B"), std::string("2.68 GB"));
        QCOMPARE(roofline::formatSiUnit(12.0, "B"), std::string("12 B"));
        QCOMPARE(roofline::formatSiUnit(0.0357, "s"), std::string("35.7 ms"));
        QCOMPARE(roofline::formatSiUnit(-2e6, "FLOP"), std::string("-2 MFLOP"));
        QCOMPARE(roofline::formatSiUnit(std::numeric_limits<double>::infinity(), "B"), std::string("inf B"));
    }

    // Ratios and counts (FLOP/B, tokens/s) never read as milli-something.
    void formatPercent_data()
    {
        QTest::addColumn<double>("share");
        QTest::addColumn<QString>("text");
        QTest::newRow("a tenth and more: one decimal") << 0.1234 << "12.3%";
        QTest::newRow("the whole") << 1.0 << "100.0%";
        QTest::newRow("one percent") << 0.01 << "1.0%";
        // An RMSNorm's 0.042 % of a decode step read "0.0%" with one decimal.
        QTest::newRow("below one percent: two significant digits") << 0.0042 << "0.42%";
        QTest::newRow("a small share") << 0.00042 << "0.042%";
        QTest::newRow("its zero kept") << 0.004 << "0.40%";
        QTest::newRow("rounds up a digit") << 0.000999 << "0.100%";
        QTest::newRow("rounds to 1") << 0.009996 << "1.0%";
        QTest::newRow("tiny") << 4e-9 << "<0.001%";
        QTest::newRow("none") << 0.0 << "0%";
    }
    void formatPercent()
    {
        QFETCH(double, share);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(roofline::formatPercent(share)), text);
    }
    void formatRatio_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("intensity below 1") << 0.16667 << "0.167";
        QTest::newRow("tokens per sequence") << 0.253 << "0.253";
        QTest::newRow("two leading zeros") << 0.02534 << "0.0253";
        QTest::newRow("trailing zeros trimmed") << 0.5 << "0.5";
        QTest::newRow("rounds to one") << 0.9996 << "1";
        QTest::newRow("negative") << -0.25 << "-0.25";
        QTest::newRow("one and up as SI") << 28.04 << "28";
        QTest::newRow("thousands") << 1530.0 << "1.53k";
        // 923 micro-tokens per second read as a unit: a plain decimal, down to a millionth.
        QTest::newRow("below 0.001 a decimal") << 9.23e-4 << "0.000923";
        QTest::newRow("a quarter of a thousandth") << 2.5e-4 << "0.00025";
        QTest::newRow("below a millionth, scientific") << 3.2e-8 << "3.2e-08";
        QTest::newRow("zero") << 0.0 << "0";
    }
    void formatDuration_data()
    {
        QTest::addColumn<double>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("milliseconds") << 0.382 << "382 ms";
        QTest::newRow("microseconds") << 54.6e-6 << "54.6 \u00b5s";
        QTest::newRow("seconds") << 1.234 << "1.23 s";
        QTest::newRow("just under a minute") << 59.4 << "59.4 s";
        // 1230 s / 60 = 20.5 min; 4330 s / 3600 = 1.2 h; 66.7e9 s / (365.25 * 86400) = 2114 years.
        QTest::newRow("minutes") << 1230.0 << "20.5 min";
        QTest::newRow("hours") << 4330.0 << "1.2 h";
        QTest::newRow("days") << 3.0 * 86400.0 << "3 days";
        QTest::newRow("years") << 66.7e9 << "2.11k years";
    }
    void formatDuration()
    {
        QFETCH(double, seconds);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(roofline::formatDuration(seconds)), text);
    }
    void formatRatio()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(roofline::formatRatio(value)), text);
    }
};

QTEST_GUILESS_MAIN(TestUnits)
#include "tst_units.moc"
