#include "testutil.h"

#include "grid.h"
#include "inputerror.h"
#include "inputlimits.h"
#include "measured.h"
#include "modelfixtures.h"
#include "opcost.h"
#include "report.h"
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

    // Characters that reorder or hide text: a name "q_proj" with a right-to-left mark or a zero-width space in it
    // looks like "q_proj" (or reverses what follows it) on the chart and in an SVG, yet is another name.
    void invisibleAndBidiCharacters_data()
    {
        QTest::addColumn<uint>("code");
        QTest::addColumn<bool>("replaced"); // U+FFFD in its place; otherwise dropped
        // Bidirectional marks, embeddings, overrides and isolates, and the deprecated format controls: shown
        // as U+FFFD, so the reader sees something was there.
        for (const uint code : { 0x061Cu, 0x200Eu, 0x200Fu, 0x202Au, 0x202Bu, 0x202Cu, 0x202Du, 0x202Eu, 0x2066u, 0x2067u,
                                 0x2068u, 0x2069u, 0x206Au, 0x206Bu, 0x206Cu, 0x206Du, 0x206Eu, 0x206Fu })
            QTest::addRow("U+%04X", code) << code << true;
        // Zero-width and invisible characters are dropped: a soft hyphen, the Mongolian vowel separator, zero-width
        // space, non-joiner and joiner (next to ASCII), word joiner, the invisible operators, a byte-order mark
        // inside text, and the tag characters that can carry a hidden ASCII message.
        for (const uint code : { 0x00ADu, 0x180Eu, 0x200Bu, 0x200Cu, 0x200Du, 0x2060u, 0x2061u, 0x2062u, 0x2063u, 0x2064u,
                                 0xFEFFu, 0xE0001u, 0xE0020u, 0xE0041u, 0xE007Fu })
            QTest::addRow("U+%04X", code) << code << false;
    }
    void invisibleAndBidiCharacters()
    {
        QFETCH(uint, code);
        QFETCH(bool, replaced);
        const char32_t c = code;
        const QByteArray character = QString::fromUcs4(&c, 1).toUtf8();
        const QByteArray expected = QByteArray("q_") + (replaced ? QByteArray("\xEF\xBF\xBD") : QByteArray()) + "proj";
        QCOMPARE(QByteArray::fromStdString(roofline::cleanText(QByteArray(QByteArray("q_") + character + "proj").toStdString())), expected);
        // At either end too, and in a note.
        QCOMPARE(QByteArray::fromStdString(roofline::cleanText(QByteArray(character + "q_proj" + character).toStdString(), TextLines::Multi)),
                 replaced ? QByteArray("\xEF\xBF\xBDq_proj\xEF\xBF\xBD") : QByteArray("q_proj"));
    }

    // The joiners shape scripts and emoji: between two characters that are not ASCII they stay, so that emoji
    // sequences and Persian or Indic words keep their form; next to ASCII or at an end they are dropped.
    void joiners_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray zwj("\xE2\x80\x8D");
        const QByteArray zwnj("\xE2\x80\x8C");
        const QByteArray man("\xF0\x9F\x91\xA8"), woman("\xF0\x9F\x91\xA9"), girl("\xF0\x9F\x91\xA7");
        QTest::newRow("family emoji") << man + zwj + woman + zwj + girl << man + zwj + woman + zwj + girl;
        // Persian "mi-khaham" (I want): MEEM, FARSI YEH, ZWNJ, KHAH.
        QTest::newRow("Persian") << QByteArray("\xD9\x85\xDB\x8C") + zwnj + "\xD8\xAE" << QByteArray("\xD9\x85\xDB\x8C") + zwnj + "\xD8\xAE";
        QTest::newRow("CJK kept") << QByteArray("\xE7\x9F\xA9\xE9\x98\xB5 gemm") << QByteArray("\xE7\x9F\xA9\xE9\x98\xB5 gemm");
        QTest::newRow("between ASCII") << QByteArray("q" + zwj + "_proj") << QByteArray("q_proj");
        QTest::newRow("after ASCII") << QByteArray("q" + zwj + woman) << QByteArray("q" + woman);
        QTest::newRow("at the end") << man + zwj << man;
        QTest::newRow("at the start") << zwnj + man << man;
        QTest::newRow("two in a row") << man + zwj + zwj + woman << man + zwj + woman;
        QTest::newRow("before a dropped character") << man + zwj + "\xE2\x80\x8B" + woman << man + woman;
        QTest::newRow("next to a replacement") << man + zwj + "\xE2\x80\x8F" << man + "\xEF\xBF\xBD";
    }
    void joiners()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const std::string out = roofline::cleanText(input.toStdString());
        QCOMPARE(QByteArray::fromStdString(out), expected);
        QCOMPARE(roofline::cleanText(out), out);
    }

    void shorteningNeverEndsOnAJoiner()
    {
        // "..." after a joiner would be ASCII next to it: cleaning the shortened name again dropped it.
        // 504 bytes, "é", a joiner, "é", "é": 513 bytes; cut to 509 for the "...", it ends on the joiner.
        const std::string name = std::string(504, 'k') + "\xC3\xA9\xE2\x80\x8D\xC3\xA9\xC3\xA9";
        const std::string out = roofline::cleanText(name, TextLines::Single, 512);
        QCOMPARE(out, std::string(504, 'k') + "\xC3\xA9...");
        QCOMPARE(roofline::cleanText(out), out);
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
        Session session = seedSession();
        session.measured = parseMeasuredKernels(file.toStdString(), "m.csv");
        QCOMPARE(session.measured.size(), std::size_t(1));
        QCOMPARE(QByteArray::fromStdString(session.measured[0].name), expectedName);
        // Saving threw type_error.316 before, and the window died with the session unsaved.
        const std::string json = sessionToJson(session);
        std::vector<std::string> warnings;
        const Session read = parseSession(json, "s.roofline", twoOfEach(), warnings);
        QCOMPARE(QByteArray::fromStdString(read.measured[0].name), expectedName);
    }

    void longKernelNamesAreShortened()
    {
        const std::string name(2000, 'k');
        const auto kernels = parseMeasuredKernels("name,flops,bytes,time_s\n" + name + ",1,1,1\n", "m.csv");
        QCOMPARE(kernels[0].name.size(), MaxKernelNameChars);
        QCOMPARE(kernels[0].name, std::string(MaxKernelNameChars - 3, 'k') + "...");
    }

    // Cut at 2,000 bytes, a message about a path 2,100 levels deep ended inside the path and lost what went
    // wrong. The middle goes instead: the first 1,200 bytes and the last 700 stay.
    void longMessagesKeepTheirCause()
    {
        std::string path = "/tmp/";
        for (int i = 0; i < 2100; ++i)
            path += "d/";
        path += "chart.png";
        const std::string message = InputError(path, {}, "cannot write: File name too long").what();
        const std::string whole = path + ": cannot write: File name too long"; // 4,248 bytes
        QCOMPARE(message, whole.substr(0, 1200) + "..." + whole.substr(whole.size() - 700));
        QVERIFY(message.ends_with("d/d/chart.png: cannot write: File name too long"));
        QCOMPARE(message.size(), std::size_t(1903));
    }

    void longMessagesAreCutBetweenCharacters_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray e("\xC3\xA9"), zwj("\xE2\x80\x8D");
        // "a" then 2,000 "é": byte 1,200 is the middle of one, and so is byte 4,001 - 700.
        QTest::newRow("two-byte characters") << QByteArray("a") + e.repeated(2000) << QByteArray("a") + e.repeated(599) + "..." + e.repeated(350);
        // Joiners where the cuts fall (bytes 1,197 and 3,204): beside the dots they would not survive cleaning again.
        QTest::newRow("joiners at the cuts") << QByteArray(1195, 'k') + e + zwj + e + QByteArray(2000, 'x') + e + zwj + e + QByteArray(695, 'k')
                                             << QByteArray(1195, 'k') + e + "..." + e + QByteArray(695, 'k');
    }
    void longMessagesAreCutBetweenCharacters()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const std::string out = messageLine(input.toStdString());
        QCOMPARE(QByteArray::fromStdString(out), expected);
        QVERIFY(isValidUtf8(out));
        QCOMPARE(messageLine(out), out);
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

    // Every list of choices in a message is written by one function.
    void choiceListJoinsWithCommasAndOr()
    {
        QCOMPARE(choiceList({}), std::string());
        QCOMPARE(choiceList({ "a" }), std::string("a"));
        QCOMPARE(choiceList({ "a", "b" }), std::string("a or b"));
        QCOMPARE(choiceList({ "a", "b", "c" }), std::string("a, b or c"));
        QCOMPARE(dumpFormatNames(), std::string("json, csv or phase-map"));
        QCOMPARE(sweepModeNames(), std::string("both, batch, seq, tokens_per_step or none"));
    }

    // Each sweep mode is in the one table once, and reads back from its name.
    void everySweepModeHasItsNames()
    {
        for (const SweepMode mode : { SweepMode::Both, SweepMode::Batch, SweepMode::Seq, SweepMode::None, SweepMode::TokensPerStep }) {
            QCOMPARE(std::count(AllSweepModes.begin(), AllSweepModes.end(), mode), 1);
            QCOMPARE(sweepModeFromName(sweepModeName(mode)), std::optional(mode));
        }
        QCOMPARE(sweepModeLabel(SweepMode::TokensPerStep), std::string_view("Tokens per step"));
        QCOMPARE(sweepModeLabel(SweepMode::None), std::string_view("None"));
        QCOMPARE(sweepModeName(SweepMode::Seq), std::string_view("seq"));
    }

    void asciiLowerAndTrim()
    {
        QCOMPARE(asciiLower("Qk/PV INIT \xC3\x89"), std::string("qk/pv init \xC3\x89")); // only A-Z changes
        QCOMPARE(trimSpace(" \t\r\n q_proj \n"), std::string_view("q_proj"));
        QCOMPARE(trimSpace(" \t "), std::string_view());
        QCOMPARE(trimSpace("a b"), std::string_view("a b"));
    }

    // One name table per enum: each value's name reads back as that value, and nothing else does.
    void namesReadBackAsTheirValues()
    {
        for (int i = 0; i < SeriesCount; ++i) {
            const auto series = static_cast<Series>(i);
            QCOMPARE(seriesFromName(seriesName(series)), std::optional(series));
        }
        QCOMPARE(seriesFromName("  QKV MLP AR "), std::optional(Series::QkvMlpAr));
        QCOMPARE(seriesFromName("other"), std::nullopt);
        for (int i = 0; i <= int(OpKind::LmHead); ++i) {
            const auto op = static_cast<OpKind>(i);
            QCOMPARE(opFromName(opName(op)), std::optional(op));
        }
        QCOMPARE(opFromName("proj"), std::nullopt);
        for (const Phase phase : { Phase::Prefill, Phase::Decode })
            QCOMPARE(phaseFromName(phaseName(phase)), std::optional(phase));
        QCOMPARE(phaseFromName("Init"), std::optional(Phase::Prefill));
        QCOMPARE(phaseFromName("ar"), std::optional(Phase::Decode));
        QCOMPARE(phaseFromName("prefil"), std::nullopt);
        QCOMPARE(phaseName(Phase::Decode), std::string_view("decode"));
        QCOMPARE(opName(OpKind::Activation), std::string_view("act_fn"));
        QCOMPARE(seriesName(Series::None), std::string_view("other"));
        QCOMPARE(GridQuantityNames.fromName("ttft_s"), std::optional(GridQuantity::PrefillSeconds));
        QCOMPARE(GridQuantityNames.name(GridQuantity::MemoryFits), std::string_view("fits"));
        QCOMPARE(gridQuantityName(GridQuantity::DecodeTokensPerSecond), std::string_view("decode tokens/s"));
        QCOMPARE(AllGridQuantities.back(), GridQuantity::MemoryFits);
        const std::vector<std::pair<DumpFormat, std::string_view>> dumps { { DumpFormat::Json, "json" },
                                                                         { DumpFormat::Csv, "csv" },
                                                                         { DumpFormat::PhaseMap, "phase-map" } };
        for (const auto &[format, name] : dumps) {
            QCOMPARE(dumpFormatName(format), name);
            QCOMPARE(dumpFormatFromName(name), std::optional(format));
        }
        QCOMPARE(dumpFormatFromName("phase_map"), std::nullopt);
        QCOMPARE(exportStyleName(false), std::string_view("light"));
        QCOMPARE(exportStyleName(true), std::string_view("dark"));
        QCOMPARE(exportStyleIsDark("light"), std::optional(false));
        QCOMPARE(exportStyleIsDark("dark"), std::optional(true));
        QCOMPARE(exportStyleIsDark("Dark"), std::nullopt); // the callers lower-case what a user typed
        QCOMPARE(prefillLogitsName(false), std::string_view("last"));
        QCOMPARE(prefillLogitsName(true), std::string_view("all"));
        QCOMPARE(PrefillLogitsNames.fromName("last"), std::optional(false));
        QCOMPARE(PrefillLogitsNames.fromName("all"), std::optional(true));
        QCOMPARE(PrefillLogitsNames.fromName("every"), std::nullopt);
    }

    void utf8PrefixKeepsWholeCharacters()
    {
        QCOMPARE(utf8Prefix("abc", 5), std::string_view("abc"));
        QCOMPARE(utf8Prefix("abc", 2), std::string_view("ab"));
        QCOMPARE(utf8Prefix("a\xC3\xA9", 2), std::string_view("a")); // not half of the 2-byte e-acute
        QCOMPARE(utf8Prefix("a\xC3\xA9", 3), std::string_view("a\xC3\xA9"));
        QCOMPARE(utf8Prefix("\xE2\x82\xACx", 2), std::string_view()); // the euro sign is 3 bytes
        QCOMPARE(utf8Prefix("\xE2\x82\xACx", 3), std::string_view("\xE2\x82\xAC"));
    }

    void pinLabelsNameTheirScenario()
    {
        Session s = seedSession();
        s.workload.batch = 8;
        QCOMPARE(pinLabel(s.scenario(), 200), std::string("pinned: batch 8, seq 2048, RTX A6000, Llama-2-13B"));
        // Cut to 20 bytes: 17 bytes and the 3-byte ellipsis.
        QCOMPARE(pinLabel(s.scenario(), 20), std::string("pinned: batch 8, \u2026"));
        s.workload.weightType = DType::Int4;
        s.workload.kvType = DType::Fp8;
        s.workload.computeType = ComputeType::Fp8;
        s.workload.flashAttention = true;
        s.workload.tokensPerStep = 4;
        QCOMPARE(pinLabel(s.scenario(), 200), std::string("pinned: batch 8, seq 2048, RTX A6000, Llama-2-13B, int4/fp16/fp8, fp8 peak, "
                                               "FlashAttention, 4 tokens/step"));
        s.workload = Workload {};
        s.workload.batch = 8;
        s.model.name.clear();
        QCOMPARE(pinLabel(s.scenario(), 200), std::string("pinned: batch 8, seq 2048, RTX A6000"));
    }

    // The legend names a pin by what sets it apart from the scenario shown now, and only that.
    void pinsAreNamedByWhatDiffersFromNow()
    {
        const Session now = seedSession(); // batch 1, seq 2048, A6000, Llama-2-13B, fp16, no FlashAttention
        Scenario pinned = now.scenario();
        QCOMPARE(pinDifference(pinned, now.scenario(), 200), std::string("pinned: as now"));
        pinned.workload.batch = 8;
        QCOMPARE(pinDifference(pinned, now.scenario(), 200), std::string("pinned: batch 8"));
        pinned.workload.kvType = DType::Fp8;
        pinned.workload.flashAttention = true;
        pinned.workload.tokensPerStep = 4;
        pinned.workload.acceptedTokensPerStep = 2.5;
        QCOMPARE(pinDifference(pinned, now.scenario(), 200),
                 std::string("pinned: batch 8, fp16/fp16/fp8, FlashAttention, 4 tokens/step, 2.5 accepted"));
        // The other way round: what the pin lacks is named too.
        Scenario later = pinned;
        later.workload.batch = 8;
        QCOMPARE(pinDifference(now.scenario(), later, 200),
                 std::string("pinned: batch 1, fp16/fp16/fp16, no FlashAttention, 1 token/step"));
        // Another GPU is named; the same GPU with other figures says them.
        Scenario edited = now.scenario();
        edited.gpu.bandwidthBytesPerSecond = 900e9;
        QCOMPARE(pinDifference(edited, now.scenario(), 200), std::string("pinned: RTX A6000 at 900 GB/s, 181 TFLOP/s"));
        Scenario efficient = now.scenario();
        efficient.efficiency.enabled = true;
        efficient.workload.assumptions.causalMask = !efficient.workload.assumptions.causalMask;
        QCOMPARE(pinDifference(efficient, now.scenario(), 200), std::string("pinned: other assumptions, practical ceilings"));
        // A label the app gave says the difference; one written in a file is kept.
        const Pin automatic { pinLabel(pinned, MaxPinLabelChars), pinned };
        QCOMPARE(pinLegendName(automatic, now.scenario()), pinDifference(pinned, now.scenario(), MaxPinLabelChars));
        const Pin written { "baseline", pinned };
        QCOMPARE(pinLegendName(written, now.scenario()), std::string("baseline"));
    }
};

QTEST_GUILESS_MAIN(TestText)
#include "tst_text.moc"
