#include "testutil.h"

#include "gpuspec.h"
#include "inputerror.h"
#include "jsonreader.h"
#include "measured.h"
#include "modelconfig.h"
#include "report.h"

#include <QDir>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

using namespace roofline;

namespace {
const char *goodGpu = R"({"name": "Test GPU", "memory_bandwidth_gb_per_s": 1000, "memory_gb": 40,
                          "peak_tflops": {"fp16": 100, "fp8": 200}, "note": "hand-made"})";
const char *goodModel = R"({"model_type": "llama", "hidden_size": 4096, "intermediate_size": 11008,
                            "num_attention_heads": 32, "num_hidden_layers": 32, "vocab_size": 32000,
                            "max_position_embeddings": 4096})";

}

class TestLoaders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goodGpuFile()
    {
        const GpuSpec gpu = parseGpuFile(goodGpu, "gpu.json");
        QCOMPARE(gpu.name, std::string("Test GPU"));
        QCOMPARE(gpu.bandwidthBytesPerSecond, 1e12); // GB/s are 10^9 B/s
        QCOMPARE(gpu.memoryBytes, 40e9);
        QCOMPARE(gpu.peak(ComputeType::Fp16).value(), 100e12);
        QCOMPARE(gpu.peak(ComputeType::Fp8).value(), 200e12);
        QVERIFY(!gpu.peak(ComputeType::Int8).has_value());
        QVERIFY(gpu.id.empty());
        QVERIFY(!gpu.bandwidthStatedInGiB);
        QCOMPARE(bandwidthConversionNote(gpu), std::string());
    }

    // Some tools publish bandwidth in binary units: "bandwidth_unit": "GiB/s" reads 2039 as 2039 x 2^30 =
    // 2,189,359,579,136 B/s, 2189.4 GB/s as the window shows it, and says so. "GB/s" is the default, stated or not.
    void gpuBandwidthInGiB()
    {
        const GpuSpec gib = parseGpuFile(R"({"name": "A100 80GB", "memory_bandwidth_gb_per_s": 2039, "bandwidth_unit": "GiB/s",
                                             "memory_gb": 80, "peak_tflops": {"fp16": 312}})",
                                         "a100.json");
        QCOMPARE(gib.bandwidthBytesPerSecond, 2189359579136.0);
        QVERIFY(gib.bandwidthStatedInGiB);
        QCOMPARE(gib.memoryBytes, 80e9); // only the bandwidth takes the unit
        QCOMPARE(bandwidthConversionNote(gib), std::string("Bandwidth stated as 2039 GiB/s: 2189.4 GB/s."));
        const GpuSpec gb = parseGpuFile(R"({"name": "A100 80GB", "memory_bandwidth_gb_per_s": 2039, "bandwidth_unit": "GB/s",
                                            "memory_gb": 80, "peak_tflops": {"fp16": 312}})",
                                        "a100.json");
        QCOMPARE(gb.bandwidthBytesPerSecond, 2039e9);
        QCOMPARE(errorOf([] {
                     parseGpuFile(R"({"name": "g", "memory_bandwidth_gb_per_s": 1, "bandwidth_unit": "MB/s", "memory_gb": 1,
                                      "peak_tflops": {"fp16": 1}})",
                                  "g.json");
                 }),
                 QStringLiteral("g.json: field 'bandwidth_unit': unknown unit \"MB/s\" (expected GB/s or GiB/s)"));
        QCOMPARE(errorOf([] {
                     parseGpuFile(R"({"name": "g", "memory_bandwidth_gb_per_s": 1, "bandwidth_unit": 2, "memory_gb": 1,
                                      "peak_tflops": {"fp16": 1}})",
                                  "g.json");
                 }).left(40),
                 QStringLiteral("g.json: field 'bandwidth_unit': expected"));
    }

    void badGpuFile_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // parts the message must hold
        QTest::newRow("empty") << "" << "empty";
        QTest::newRow("truncated") << R"({"name": "x", )" << "invalid JSON";
        QTest::newRow("array at top") << "[1, 2]" << "expected a JSON object";
        QTest::newRow("missing name") << R"({"memory_bandwidth_gb_per_s": 1, "memory_gb": 1, "peak_tflops": {"fp16": 1}})"
                                      << "'name': is missing";
        QTest::newRow("string bandwidth")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": "fast", "memory_gb": 1, "peak_tflops": {"fp16": 1}})"
            << "'memory_bandwidth_gb_per_s': expected a number, got \"fast\"";
        QTest::newRow("zero bandwidth")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": 0, "memory_gb": 1, "peak_tflops": {"fp16": 1}})"
            << "'memory_bandwidth_gb_per_s': must be between 1e-06 and 1e+07, got 0";
        // A denormal passed "greater than 0" and made every time infinite.
        QTest::newRow("denormal bandwidth")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": 5e-324, "memory_gb": 1, "peak_tflops": {"fp16": 1}})"
            << "my-gpu.json: field 'memory_bandwidth_gb_per_s': must be between 1e-06 and 1e+07, got 5e-324";
        QTest::newRow("denormal peak")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": 1, "memory_gb": 1, "peak_tflops": {"fp16": 5e-324}})"
            << "my-gpu.json: field 'peak_tflops.fp16': must be between 1e-06 and 1e+06, got 5e-324";
        QTest::newRow("denormal memory")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": 1, "memory_gb": 5e-324, "peak_tflops": {"fp16": 1}})"
            << "my-gpu.json: field 'memory_gb': must be between 1e-06 and 1e+06";
        QTest::newRow("denormal L2")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": 1, "memory_gb": 1, "l2_mb": 5e-324, "peak_tflops": {"fp16": 1}})"
            << "my-gpu.json: field 'l2_mb': must be between 1e-06 and 1e+06";
        QTest::newRow("negative memory")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": 1, "memory_gb": -48, "peak_tflops": {"fp16": 1}})"
            << "'memory_gb': must be between 1e-06 and 1e+06, got -48";
        QTest::newRow("huge peak")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": 1, "memory_gb": 1, "peak_tflops": {"fp16": 1e308}})"
            << "'peak_tflops.fp16': must be between 1e-06 and 1e+06, got 1e+308";
        QTest::newRow("NaN literal")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": NaN, "memory_gb": 1, "peak_tflops": {"fp16": 1}})"
            << "invalid JSON";
        QTest::newRow("Infinity literal")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": Infinity, "memory_gb": 1, "peak_tflops": {"fp16": 1}})"
            << "invalid JSON";
        // Found by fuzzing: nlohmann reports a number too large for a double with a different exception.
        QTest::newRow("number overflow")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": 1e999, "memory_gb": 1, "peak_tflops": {"fp16": 1}})"
            << "number overflow parsing '1e999'";
        QTest::newRow("no fp16 peak")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": 1, "memory_gb": 1, "peak_tflops": {"fp8": 1}})"
            << "'peak_tflops.fp16': is missing";
        QTest::newRow("unknown compute type")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": 1, "memory_gb": 1, "peak_tflops": {"fp16": 1, "fp4x": 2}})"
            << "'peak_tflops.fp4x': unknown compute type";
        QTest::newRow("peaks not an object")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": 1, "memory_gb": 1, "peak_tflops": [1]})"
            << "'peak_tflops': expected an object, got [1]";
        // A misspelt field would be read as absent: "bandwith_unit" would leave GiB/s figures as GB/s.
        QTest::newRow("unknown field")
            << R"({"name": "g", "memory_bandwidth_gb_per_s": 1000, "bandwith_unit": "GiB/s", "memory_gb": 1, "peak_tflops": {"fp16": 1}})"
            << "my-gpu.json: field 'bandwith_unit': is not a field of this file (a misspelling?); the fields are id, name, "
               "memory_bandwidth_gb_per_s, bandwidth_unit, memory_gb, l2_mb, note, peak_tflops";
        QTest::newRow("duplicate key")
            << R"({"name": "g", "name": "h", "memory_bandwidth_gb_per_s": 1, "memory_gb": 1, "peak_tflops": {"fp16": 1}})"
            << "'name': appears twice";
    }
    void badGpuFile()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString message = errorOf([&] { parseGpuFile(text.toStdString(), "my-gpu.json"); });
        QVERIFY2(message.startsWith(QLatin1String("my-gpu.json")), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void goodModelConfig()
    {
        const ModelConfig m = parseModelConfig(goodModel, "config.json", "my model");
        QCOMPARE(m.name, std::string("my model"));
        QCOMPARE(m.kvHeads, qint64(32)); // absent: as many as attention heads
        QCOMPARE(m.headDim, qint64(128)); // absent: 4096 / 32
        QCOMPARE(m.maxPositions, qint64(4096));
        QVERIFY(!m.isMoe());
    }

    // A config without "_name_or_path" is named after its file, and that name went into the chart's title as
    // it was: line breaks, control characters, a right-to-left override, any length.
    void theFileNameIsCleanedAsANameIs()
    {
        const std::string fileName = "my\nmodel\x01\xE2\x80\xAE" + std::string(300, 'x');
        const std::string fffd = "\xEF\xBF\xBD";
        QCOMPARE(parseModelConfig(goodModel, "c.json", fileName).name,
                 "my model" + fffd + fffd + std::string(MaxNameChars - 3 - 14, 'x') + "...");
        QCOMPARE(parseModelConfig(R"({"_name_or_path": "", "hidden_size": 8, "intermediate_size": 8, "num_attention_heads": 1,
                                      "num_hidden_layers": 1, "vocab_size": 8})", "c.json", "a\tb").name,
                 std::string("a b"));
    }

    void explicitHeadDimAndGqa()
    {
        const ModelConfig m = parseModelConfig(
            R"({"hidden_size": 5120, "intermediate_size": 1, "num_attention_heads": 32, "num_key_value_heads": 8,
                "head_dim": 128, "num_hidden_layers": 1, "vocab_size": 1, "_name_or_path": "org/model"})",
            "c.json", "fallback");
        QCOMPARE(m.headDim, qint64(128)); // 5120 / 32 = 160 would be wrong: the file says 128
        QCOMPARE(m.kvHeads, qint64(8));
        QCOMPARE(m.name, std::string("org/model"));
    }

    // Which layers attend through a sliding window, in each way a Hugging Face config says it.
    void slidingWindow_data()
    {
        QTest::addColumn<QString>("fields");
        QTest::addColumn<qint64>("window");
        QTest::addColumn<qint64>("windowed");
        // Hugging Face's rules for each model_type (its config classes' defaults included).
        // Mistral: every layer; absent, MistralConfig's default of 4,096; null, none; Qwen2's fields ignored.
        QTest::newRow("mistral") << R"("model_type": "mistral", "sliding_window": 4096)" << qint64(4096) << qint64(28);
        QTest::newRow("mistral absent") << R"("model_type": "mistral")" << qint64(4096) << qint64(28);
        QTest::newRow("null") << R"("model_type": "mistral", "sliding_window": null)" << qint64(0) << qint64(0);
        QTest::newRow("mistral ignores qwen2's fields")
            << R"("model_type": "mistral", "sliding_window": 1024, "use_sliding_window": false, "max_window_layers": 20)" << qint64(1024)
            << qint64(28);
        // Mixtral: every layer; absent or null, none.
        QTest::newRow("mixtral absent") << R"("model_type": "mixtral")" << qint64(0) << qint64(0);
        QTest::newRow("mixtral") << R"("model_type": "mixtral", "sliding_window": 2048)" << qint64(2048) << qint64(28);
        // Llama has no window, whatever the file says.
        QTest::newRow("llama ignores it") << R"("model_type": "llama", "sliding_window": 4096)" << qint64(0) << qint64(0);
        // Qwen2 configs carry a window but switch it off (the default when use_sliding_window is absent too).
        QTest::newRow("qwen2 off") << R"("model_type": "qwen2", "sliding_window": 131072, "use_sliding_window": false, "max_window_layers": 28)"
                                   << qint64(0) << qint64(0);
        QTest::newRow("qwen2 absent") << R"("model_type": "qwen2", "sliding_window": 4096)" << qint64(0) << qint64(0);
        // Switched on, from layer max_window_layers on: 28 - 20 = 8 layers; the window's default is 4,096.
        QTest::newRow("qwen2 on") << R"("model_type": "qwen2", "sliding_window": 4096, "use_sliding_window": true, "max_window_layers": 20)"
                                  << qint64(4096) << qint64(8);
        QTest::newRow("qwen2 on, default window")
            << R"("model_type": "qwen2", "use_sliding_window": true, "max_window_layers": 20)" << qint64(4096) << qint64(8);
        // max_window_layers' default is 28: a model of 28 layers has none windowed.
        QTest::newRow("qwen2 on, default layers") << R"("model_type": "qwen2", "use_sliding_window": true)" << qint64(0) << qint64(0);
        // A layer_types list names each layer: 3 of 28 here; switched off, none.
        const QString types = QStringLiteral(R"("layer_types": ["sliding_attention", "sliding_attention", "sliding_attention", )"
                              R"("full_attention", "full_attention", "full_attention", "full_attention", "full_attention", "full_attention", )"
                              R"("full_attention", "full_attention", "full_attention", "full_attention", "full_attention", "full_attention", )"
                              R"("full_attention", "full_attention", "full_attention", "full_attention", "full_attention", "full_attention", )"
                              R"("full_attention", "full_attention", "full_attention", "full_attention", "full_attention", "full_attention", "full_attention"])");
        QTest::newRow("layer types") << QStringLiteral(R"("model_type": "qwen2", "use_sliding_window": true, "sliding_window": 512, )") + types << qint64(512)
                                     << qint64(3);
        QTest::newRow("layer types switched off") << QStringLiteral(R"("model_type": "qwen2", "use_sliding_window": false, "sliding_window": 512, )") + types
                                                  << qint64(0) << qint64(0);
        // A config that names no model_type: every layer, narrowed where it says so.
        QTest::newRow("no model_type") << R"("sliding_window": 512, "max_window_layers": 20)" << qint64(512) << qint64(8);
    }
    void slidingWindow()
    {
        QFETCH(QString, fields);
        QFETCH(qint64, window);
        QFETCH(qint64, windowed);
        const std::string text = R"({"hidden_size": 3584, "intermediate_size": 18944, "num_attention_heads": 28, )"
                                 R"("num_key_value_heads": 4, "num_hidden_layers": 28, "vocab_size": 152064, )"
            + fields.toStdString() + "}";
        const ModelConfig m = parseModelConfig(text, "config.json", "m");
        QCOMPARE(m.slidingWindow, window);
        QCOMPARE(m.windowedLayers, windowed);
        // What the session and --dump write reads back the same.
        QVERIFY(parseModelConfig(modelConfigJson(m).dump(), "again.json", "m") == m);
    }

    void badModelConfig_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing hidden") << R"({"intermediate_size": 1, "num_attention_heads": 1, "num_hidden_layers": 1, "vocab_size": 1})"
                                        << "'hidden_size': is missing";
        QTest::newRow("hidden 0") << R"({"hidden_size": 0, "intermediate_size": 1, "num_attention_heads": 1, "num_hidden_layers": 1, "vocab_size": 1})"
                                  << "'hidden_size': must be between 1 and";
        QTest::newRow("fractional") << R"({"hidden_size": 4096.5, "intermediate_size": 1, "num_attention_heads": 1, "num_hidden_layers": 1, "vocab_size": 1})"
                                    << "'hidden_size': expected a whole number, got 4096.5";
        QTest::newRow("string heads") << R"({"hidden_size": 4096, "intermediate_size": 1, "num_attention_heads": "32", "num_hidden_layers": 1, "vocab_size": 1})"
                                      << "'num_attention_heads': expected a whole number, got \"32\"";
        QTest::newRow("heads do not divide hidden")
            << R"({"hidden_size": 4096, "intermediate_size": 1, "num_attention_heads": 30, "num_hidden_layers": 1, "vocab_size": 1})"
            << "'num_attention_heads': 30 does not divide hidden_size 4096";
        QTest::newRow("kv heads do not divide heads")
            << R"({"hidden_size": 4096, "intermediate_size": 1, "num_attention_heads": 32, "num_key_value_heads": 6, "num_hidden_layers": 1, "vocab_size": 1})"
            << "'num_key_value_heads': 6 does not divide num_attention_heads 32";
        QTest::newRow("negative layers") << R"({"hidden_size": 4096, "intermediate_size": 1, "num_attention_heads": 32, "num_hidden_layers": -1, "vocab_size": 1})"
                                         << "'num_hidden_layers': must be between 1 and";
        QTest::newRow("huge vocab") << R"({"hidden_size": 4096, "intermediate_size": 1, "num_attention_heads": 32, "num_hidden_layers": 1, "vocab_size": 1e308})"
                                    << "'vocab_size': must be between 1 and";
        QTest::newRow("unknown architecture")
            << R"({"model_type": "gpt_neox", "hidden_size": 4096, "intermediate_size": 1, "num_attention_heads": 32, "num_hidden_layers": 1, "vocab_size": 1})"
            << "'model_type': \"gpt_neox\" is not a supported architecture";
        QTest::newRow("half a MoE") << R"({"hidden_size": 4096, "intermediate_size": 1, "num_attention_heads": 32, "num_hidden_layers": 1, "vocab_size": 1, "num_local_experts": 8})"
                                    << "'num_experts_per_tok': is missing";
        QTest::newRow("array for object") << "[]" << "expected a JSON object at the top level, found array";
        QTest::newRow("window 0") << R"({"hidden_size": 4096, "intermediate_size": 1, "num_attention_heads": 32, "num_hidden_layers": 1, "vocab_size": 1, "sliding_window": 0})"
                                  << "'sliding_window': must be between 1 and";
        QTest::newRow("window not a number") << R"({"hidden_size": 4096, "intermediate_size": 1, "num_attention_heads": 32, "num_hidden_layers": 1, "vocab_size": 1, "sliding_window": "4k"})"
                                             << "'sliding_window': expected a whole number, got \"4k\"";
        QTest::newRow("layer types too few") << R"({"hidden_size": 4096, "intermediate_size": 1, "num_attention_heads": 32, "num_hidden_layers": 2, "vocab_size": 1, "sliding_window": 8, "layer_types": ["full_attention"]})"
                                             << "'layer_types': has 1 entries for 2 layers";
        QTest::newRow("layer type unknown") << R"({"hidden_size": 4096, "intermediate_size": 1, "num_attention_heads": 32, "num_hidden_layers": 1, "vocab_size": 1, "sliding_window": 8, "layer_types": ["chunked"]})"
                                            << "'layer_types': entry 0: expected \"sliding_attention\" or \"full_attention\", got \"chunked\""; // NOLINT(modernize-raw-string-literal): moc misreads a raw string that ends in a quote
        QTest::newRow("tied not bool") << R"({"hidden_size": 4096, "intermediate_size": 1, "num_attention_heads": 32, "num_hidden_layers": 1, "vocab_size": 1, "tie_word_embeddings": "no"})"
                                       << "'tie_word_embeddings': expected true or false";
    }
    void badModelConfig()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString message = errorOf([&] { parseModelConfig(text.toStdString(), "config.json", "m"); });
        QVERIFY2(message.startsWith(QLatin1String("config.json")), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void readInputFileRefusals()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string folder = dir.path().toStdString();
        QVERIFY(errorOf([&] { readInputFile(folder); }).contains(QLatin1String("is a directory")));
        QVERIFY(errorOf([&] { readInputFile(folder + "/missing.json"); }).contains(QLatin1String("no such file")));
        // A file over the size limit is refused before it is read.
        QFile big(dir.filePath(QStringLiteral("big.json")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(qint64(MaxInputFileBytes) + 1));
        big.close();
        QVERIFY(errorOf([&] { readInputFile(big.fileName().toStdString()); }).contains(QLatin1String("the limit is")));
    }

    void deepNestingIsAnErrorNotACrash_data()
    {
        QTest::addColumn<QByteArray>("text");
        const QByteArray arrays = QByteArray(100000, '[') + QByteArray(100000, ']');
        QByteArray objects;
        for (int i = 0; i < 50000; ++i)
            objects += "{\"a\":";
        objects += '1' + QByteArray(50000, '}');
        // At the top, under an unknown key, and inside the very fields the loaders read and quote in
        // their messages: each of these overflowed the stack when a message or a copy dumped the value.
        QTest::newRow("top level") << arrays;
        QTest::newRow("unknown key") << "{\"a\": " + arrays + "}";
        QTest::newRow("hidden_size") << "{\"hidden_size\": " + arrays + "}";
        QTest::newRow("name") << "{\"name\": " + objects + "}";
        QTest::newRow("peak_tflops") << R"({"name": "g", "peak_tflops": )" + objects + "}";
        // 65 levels is one too many; 64 is allowed (checked below).
        QTest::newRow("65 levels") << "{\"a\": " + QByteArray(64, '[') + QByteArray(64, ']') + "}";
    }
    void deepNestingIsAnErrorNotACrash()
    {
        QFETCH(QByteArray, text);
        const std::string json = text.toStdString();
        const QString expected = QStringLiteral("invalid JSON: nested deeper than 64 levels of arrays and objects");
        QCOMPARE(errorOf([&] { parseGpuFile(json, "deep.json"); }), QStringLiteral("deep.json: ") + expected);
        QCOMPARE(errorOf([&] { parseGpuPresets(json, "deep.json"); }), QStringLiteral("deep.json: ") + expected);
        QCOMPARE(errorOf([&] { parseModelConfig(json, "deep.json", "m"); }), QStringLiteral("deep.json: ") + expected);
        QCOMPARE(errorOf([&] { parseMeasuredKernels(json, "deep.json"); }), QStringLiteral("deep.json: ") + expected);
    }

    // UTF-16 without a byte-order mark, either byte order: the NUL beside the first character says which it is.
    void utf16IsNamed()
    {
        for (const std::string &text : { std::string("{\0}\0", 4), std::string("\0{\0}", 4), std::string("\xFE\xFF\0{\0}", 6) })
            QCOMPARE(errorOf([&] { parseJsonObject(text, "g.json"); }), QStringLiteral("g.json: is UTF-16 text; save it as UTF-8"));
    }

    void aNulByteEndsNothing()
    {
        // nlohmann stops reading at a NUL as at the end of the text: "{...}\0garbage" was accepted.
        const std::string text = std::string(goodGpu) + std::string("\0garbage{{{", 11);
        QCOMPARE(errorOf([&] { parseGpuFile(text, "g.json"); }), QStringLiteral("g.json: invalid JSON: a NUL byte at offset %1").arg(std::strlen(goodGpu)));
    }

    void sixtyFourLevelsAreAllowed()
    {
        const std::string json = "{\"a\": " + std::string(63, '[') + std::string(63, ']') + "}";
        QVERIFY(parseJsonObject(json, "ok.json").contains("a"));
    }

    void arraysOfObjectsParseInLinearTime()
    {
        // A file at the size limit made of small objects: about 1.4 million of them. The duplicate-key
        // check once rescanned the parent at every closing brace (200k objects took 31 s, this would take
        // about 25 minutes and hit the test's timeout); one pass takes well under a second.
        std::string json = "{\"kernels\": [";
        std::size_t objects = 1;
        for (; json.size() + 4 < MaxInputFileBytes; ++objects)
            json += "{},";
        json += "{}]}";
        QVERIFY(objects > 1000000);
        const nlohmann::json parsed = parseJsonObject(json, "big.json");
        QCOMPARE(parsed.at("kernels").size(), objects);
        // A duplicate in the last of them is still found, and named with its place.
        std::string duplicate = json.substr(0, json.size() - 4) + R"({"x":1,"x":2}]})";
        QCOMPARE(errorOf([&] { parseJsonObject(duplicate, "big.json"); }),
                 QStringLiteral("big.json: field 'kernels[%1].x': appears twice in the same object").arg(objects - 1));
    }

    // A binary file renamed .json, or text in another encoding, is named by the byte and its place, never
    // quoted raw: a PNG starts with 0x89; the 0xFF below sits on line 2, column 9.
    void bytesThatAreNotTextAreNamed()
    {
        const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
        QCOMPARE(errorOf([&] { parseModelConfig(png, "config.json", "m"); }),
                 QStringLiteral("config.json: is not UTF-8 text: byte 0x89 at line 1, column 1; expected JSON saved as UTF-8"));
        QCOMPARE(errorOf([&] { parseGpuFile("{\n  \"a\": \"\xff\"}", "gpu.json"); }),
                 QStringLiteral("gpu.json: is not UTF-8 text: byte 0xFF at line 2, column 9; expected JSON saved as UTF-8"));
    }
};

QTEST_GUILESS_MAIN(TestLoaders)
#include "tst_loaders.moc"
