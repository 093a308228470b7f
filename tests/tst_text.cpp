#include "testutil.h"

#include "inputerror.h"
#include "inputlimits.h"
#include "measured.h"
#include "modelfixtures.h"
#include "session.h"
#include "text.h"

using namespace roofline;

// Text from files is cleaned at the door: what a loader returns is valid UTF-8 without control characters,
// so saving it as JSON, writing it into SVG or showing it can never fail.
class TestText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanText_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<bool>("multiLine");
        QTest::addColumn<int>("maxBytes");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray fffd("\xEF\xBF\xBD");
        QTest::newRow("ascii") << QByteArray("q_proj") << false << -1 << QByteArray("q_proj");
        QTest::newRow("utf-8 kept") << QByteArray("gemm \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80") << false << -1
                                    << QByteArray("gemm \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
        // Latin-1 "caf\xE9 k": 0xE9 starts a 3-byte sequence that " k" does not continue.
        QTest::newRow("latin-1") << QByteArray("caf\xE9 k") << false << -1 << QByteArray("caf") + fffd + " k";
        QTest::newRow("lone continuation") << QByteArray("a\x80" "b") << false << -1 << QByteArray("a") + fffd + "b";
        QTest::newRow("overlong slash") << QByteArray("\xC0\xAF") << false << -1 << fffd + fffd;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << false << -1 << fffd + fffd + fffd;
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false << -1 << fffd + fffd + fffd + fffd;
        QTest::newRow("truncated at end") << QByteArray("x\xE2\x82") << false << -1 << QByteArray("x") + fffd + fffd;
        QTest::newRow("NUL and U+0001") << QByteArray("a\0b\x01" "c", 5) << false << -1 << QByteArray("a") + fffd + "b" + fffd + "c";
        QTest::newRow("C1 control U+0085") << QByteArray("a\xC2\x85" "b") << false << -1 << QByteArray("a") + fffd + "b";
        QTest::newRow("DEL") << QByteArray("a\x7F") << false << -1 << QByteArray("a") + fffd;
        QTest::newRow("U+FFFE") << QByteArray("\xEF\xBF\xBE") << false << -1 << fffd;
        // A right-to-left override reversed the figures drawn after a name in the chart's subtitle.
        QTest::newRow("RLO") << QByteArray("\xE2\x80\xAEGPU X") << false << -1 << fffd + "GPU X";
        QTest::newRow("isolate") << QByteArray("a\xE2\x81\xA6" "b") << false << -1 << QByteArray("a") + fffd + "b";
        QTest::newRow("line separator") << QByteArray("a\xE2\x80\xA8" "b") << false << -1 << QByteArray("a b");
        QTest::newRow("paragraph separator in a note") << QByteArray("a\xE2\x80\xA9" "b") << true << -1 << QByteArray("a\nb");
        QTest::newRow("breaks in a name") << QByteArray("a\tb\r\nc\rd\ne") << false << -1 << QByteArray("a b c d e");
        QTest::newRow("breaks in a note") << QByteArray("a\tb\r\nc\rd\ne") << true << -1 << QByteArray("a\tb\nc\nd\ne");
        QTest::newRow("fits exactly") << QByteArray("abcdef") << false << 6 << QByteArray("abcdef");
        QTest::newRow("shortened") << QByteArray("abcdefg") << false << 6 << QByteArray("abc...");
        // "\xC3\xA9" is 2 bytes: "a" + "é" + "é" = 5 bytes; with 6 allowed, "aé..." (6) fits, never half an "é".
        QTest::newRow("cut at a character") << QByteArray("a\xC3\xA9\xC3\xA9\xC3\xA9") << false << 6
                                            << QByteArray("a\xC3\xA9...");
        QTest::newRow("cut before a 4-byte char") << QByteArray("ab\xF0\x9F\x98\x80z") << false << 6 << QByteArray("ab...");
        QTest::newRow("tiny limit") << QByteArray("abcdef") << false << 2 << QByteArray("..");
    }
    void cleanText()
    {
        QFETCH(QByteArray, input);
        QFETCH(bool, multiLine);
        QFETCH(int, maxBytes);
        QFETCH(QByteArray, expected);
        const std::string out = roofline::cleanText(std::string_view(input.constData(), std::size_t(input.size())),
                                                    multiLine ? TextLines::Multi : TextLines::Single,
                                                    maxBytes < 0 ? std::string::npos : std::size_t(maxBytes));
        QCOMPARE(QByteArray::fromStdString(out), expected);
        QVERIFY(isValidUtf8(out));
        // Cleaning is idempotent.
        QCOMPARE(roofline::cleanText(out, multiLine ? TextLines::Multi : TextLines::Single), out);
    }

    void validUtf8()
    {
        QVERIFY(isValidUtf8("plain"));
        QVERIFY(isValidUtf8("\xEF\xBF\xBD is the replacement character itself"));
        QVERIFY(!isValidUtf8("caf\xE9"));
        QVERIFY(!isValidUtf8("\xC0\xAF"));
    }

    void latin1KernelNamesSurviveASessionRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QByteArray>("expectedName");
        const QByteArray fffd("\xEF\xBF\xBD");
        QTest::newRow("plain CSV") << QByteArray("name,flops,bytes,time_s\ngemm_caf\xE9,100,10,1e-6\n")
                                   << QByteArray("gemm_caf") + fffd;
        QTest::newRow("Nsight CSV")
            << QByteArray("\"Kernel Name\",\"gpu__time_duration.sum\",\"dram__bytes_read.sum\",\"dram__bytes_write.sum\","
                          "\"sm__sass_thread_inst_executed_op_ffma_pred_on.sum\"\n"
                          "\"\",\"usecond\",\"byte\",\"byte\",\"inst\"\n"
                          "\"k\xFC\x01rnel\",\"1\",\"100\",\"0\",\"50\"\n")
            << QByteArray("k") + fffd + fffd + "rnel";
        // JSON itself must be UTF-8, but an escape can carry any control character.
        QTest::newRow("JSON") << QByteArray(R"({"kernels": [{"name": "a\u0001b\u0000c", "flops": 1, "bytes": 1, "time_s": 1}]})")
                              << QByteArray("a") + fffd + "b" + fffd + "c";
    }
    void latin1KernelNamesSurviveASessionRoundTrip()
    {
        QFETCH(QByteArray, file);
        QFETCH(QByteArray, expectedName);
        Session session;
        session.model = llama2_13b();
        session.gpu = seedA6000();
        session.measured = parseMeasuredKernels(file.toStdString(), "m.csv");
        QCOMPARE(session.measured.size(), std::size_t(1));
        QCOMPARE(QByteArray::fromStdString(session.measured[0].name), expectedName);
        // Saving threw type_error.316 before, and the window died with the session unsaved.
        const std::string json = sessionToJson(session);
        PresetLibrary presets;
        presets.models = { llama2_13b() };
        presets.gpus = { seedA6000() };
        std::vector<std::string> warnings;
        const Session read = parseSession(json, "s.roofline", presets, warnings);
        QCOMPARE(QByteArray::fromStdString(read.measured[0].name), expectedName);
    }

    void longKernelNamesAreShortened()
    {
        const std::string name(2000, 'k');
        const auto kernels = parseMeasuredKernels("name,flops,bytes,time_s\n" + name + ",1,1,1\n", "m.csv");
        QCOMPARE(kernels[0].name.size(), MaxKernelNameChars);
        QCOMPARE(kernels[0].name, std::string(MaxKernelNameChars - 3, 'k') + "...");
    }

    void errorMessagesStayOnePrintableLine()
    {
        // A value quoted in a message carries the file's bytes: a Latin-1 byte and a line break.
        try {
            parseMeasuredKernels("name,flops,bytes,time_s\nk,\"1\xE9\n2\",1,1\n", "m.csv");
            QFAIL("no error");
        } catch (const InputError &error) {
            const std::string message = error.what();
            QVERIFY(isValidUtf8(message));
            QCOMPARE(QByteArray::fromStdString(message),
                     QByteArray("m.csv: line 2: \"flops\" is not a number: \"1\xEF\xBF\xBD 2\""));
        }
    }
};

QTEST_GUILESS_MAIN(TestText)
#include "tst_text.moc"
