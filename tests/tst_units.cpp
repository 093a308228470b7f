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
        QTest::newRow("rounds to 1") << 0.009996 << "1%";
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
        QTest::newRow("below 0.001 as SI") << 2.5e-4 << "250\u00b5";
        QTest::newRow("zero") << 0.0 << "0";
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
