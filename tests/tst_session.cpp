#include "testutil.h"

#include "inputerror.h"
#include "inputlimits.h"
#include "modelfixtures.h"
#include "session.h"

#include <nlohmann/json.hpp>

using namespace roofline;

namespace {
Session richSession()
{
    const PresetLibrary p = twoOfEach();
    Session s;
    s.model = p.models[1];
    s.gpu = p.gpus[0];
    s.gpu.id.clear();
    s.gpu.name = "Custom (from RTX A6000 (seed chart))";
    s.gpu.bandwidthBytesPerSecond = 1000e9;
    s.gpu.setPeak(ComputeType::Fp8, 400e12); // the fp8 compute type below needs a peak of its own
    s.gpuCustomised = true;
    s.gpuBaseId = "a6000-seed";
    s.workload.batch = 32;
    s.workload.seq = 4096;
    // Every field away from its default, so that a field the writer or reader drops fails the round trip.
    s.workload.weightType = DType::Int4;
    s.workload.activationType = DType::Bf16;
    s.workload.kvType = DType::Fp8;
    s.workload.computeType = ComputeType::Fp8;
    s.workload.flashAttention = true;
    s.workload.tokensPerStep = 4;
    s.workload.acceptedTokensPerStep = 2.5;
    // Every modelling choice away from its default.
    s.workload.assumptions = Assumptions { true, true, DType::Fp16, DType::Fp32, true, true, false };
    s.sweep.mode = SweepMode::Batch;
    s.sweep.batchMin = 2;
    s.sweep.batchMax = 256;
    s.sweep.seqMin = 256;
    s.sweep.seqMax = 8192;
    s.sweep.tokensMin = 8;
    s.sweep.tokensMax = 64;
    s.sweep.tokensStep = 8;
    s.seriesVisible[2] = false;
    s.seriesVisible[5] = false;
    s.phaseMap = PhaseMapChoice { GridQuantity::ComputeBoundShare, Series::QkPvInit };
    Pin pin;
    pin.label = "pinned: batch 1, RTX A6000";
    pin.scenario.model = p.models[0];
    pin.scenario.gpu = p.gpus[0];
    pin.scenario.workload.batch = 7;
    pin.scenario.efficiency = Efficiency { true, 0.6, 0.9 }; // was lost on save
    s.pins = { pin };
    s.efficiency = Efficiency { true, 0.55, 0.8 };
    s.showAllCeilings = true;
    MeasuredKernel kernel;
    kernel.name = "flash_fwd_kernel";
    kernel.phase = Phase::Decode;
    kernel.series = Series::QkPvAr;
    kernel.op = OpKind::Qk;
    kernel.flops = 1.5e9;
    kernel.bytes = 3.25e8;
    kernel.seconds = 1.0 / 3.0 * 1e-3;
    s.measured = { kernel };
    s.annotations = { Annotation { Annotation::Kind::PointLabel, "q_proj decode", 1.0, 768e9, 40, -50,
                                   Annotation::Point { OpKind::QProj, Phase::Decode } },
                      Annotation { Annotation::Kind::PointLabel, "a sweep point", 4.0, 3e12, -40, 20 },
                      Annotation { Annotation::Kind::Note, "decode is memory-bound until batch ~235", 10, 1e12, 0, 0 } };
    s.secondGpu = p.gpus[1];
    s.opsOnSecondGpu = true;
    s.view = ViewRange { 0.5, 2e4, 1e9, 1e15 };
    s.exportSettings = ExportSettings { 1280, 720, 2.0, true };
    return s;
}

// A GPU with every field a session stores: each compute peak, an L2 size and a note.
GpuSpec fullCustomGpu()
{
    GpuSpec g = seedA6000();
    g.id.clear();
    g.name = "my GPU";
    for (int i = 0; i < ComputeTypeCount; ++i)
        g.setPeak(static_cast<ComputeType>(i), double(100 + i) * 1e12);
    g.l2Bytes = 50e6;
    g.note = "measured";
    return g;
}

// A model with every field a session stores: a mixture of experts with a type and a context length.
ModelConfig fullCustomModel()
{
    ModelConfig m = mixtral8x7b();
    m.id.clear();
    m.name = "my model";
    m.modelType = "mixtral";
    return m;
}

// The values of a JSON text as the reader counts them against MaxJsonValues: every number, string, boolean,
// null, array and object, keys apart.
std::size_t jsonValueCount(const std::string &text)
{
    struct Counter : nlohmann::json_sax<nlohmann::json> {
        std::size_t values = 0;
        bool null() override { return ++values, true; }
        bool boolean(bool) override { return ++values, true; }
        bool number_integer(number_integer_t) override { return ++values, true; }
        bool number_unsigned(number_unsigned_t) override { return ++values, true; }
        bool number_float(number_float_t, const string_t &) override { return ++values, true; }
        bool string(string_t &) override { return ++values, true; }
        bool binary(binary_t &) override { return ++values, true; }
        bool start_object(std::size_t) override { return ++values, true; }
        bool start_array(std::size_t) override { return ++values, true; }
        bool key(string_t &) override { return true; }
        bool end_object() override { return true; }
        bool end_array() override { return true; }
        bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) override { return false; }
    } counter;
    return nlohmann::json::sax_parse(text, &counter) ? counter.values : 0;
}

QString loadError(const std::string &text)
{
    try {
        std::vector<std::string> warnings;
        parseSession(text, "s.roofline", twoOfEach(), warnings);
    } catch (const InputError &error) {
        return QString::fromStdString(error.what());
    }
    return {};
}
}

class TestSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // One rule for what a session file is called, wherever a path arrives (the command line, a drop).
    void sessionFileNames()
    {
        for (const char *yes : { "chart.roofline", "/tmp/CHART.ROOFLINE", "a.Roofline", ".roofline" })
            QVERIFY2(isSessionFileName(yes), yes);
        for (const char *no : { "roofline", "chart.roofline.json", "chart.rooflines", "", "x.roof" })
            QVERIFY2(!isSessionFileName(no), no);
    }

    // The window's sliders and the command line's flags mark an edited GPU the same way.
    void anEditedGpuKeepsItsFirstBase()
    {
        Session s;
        s.gpu = seedA6000();
        s.markGpuEdited("first");
        QCOMPARE(s.gpu.name, std::string("Custom (from RTX A6000 (seed chart))"));
        QCOMPARE(s.gpuBaseId, std::string("a6000-seed"));
        QVERIFY(s.gpu.id.empty());
        QVERIFY(s.gpuCustomised);
        s.markGpuEdited("second"); // not "Custom (from Custom (from ...))", and the base stays
        QCOMPARE(s.gpu.name, std::string("Custom (from RTX A6000 (seed chart))"));
        QCOMPARE(s.gpuBaseId, std::string("a6000-seed"));
        QCOMPARE(s.gpu.note, std::string("second"));
        QCOMPARE(s.gpu.bandwidthBytesPerSecond, seedA6000().bandwidthBytesPerSecond); // figures untouched
    }

    // The window, the command line and a file's missing fields all start from this one session.
    void defaultSessionIsTheSeedChart()
    {
        PresetLibrary library;
        library.models = { llama2_70b(), llama2_13b() };
        library.gpus = { h100Sxm(), seedA6000() };
        const Session d = defaultSession(library);
        QCOMPARE(d.model.id, std::string("llama-2-13b")); // by id, not the first of the list
        QCOMPARE(d.gpu.id, std::string("a6000-seed"));
        QCOMPARE(d.workload.batch, std::int64_t(1));
        QCOMPARE(d.workload.seq, std::int64_t(2048));
        std::vector<std::string> warnings;
        QVERIFY(parseSession(R"({"format": 1})", "s.roofline", library, warnings) == d);
        QVERIFY(warnings.empty());
        // A library without the defaults starts from its first model and GPU.
        library.models = { llama2_70b() };
        library.gpus = { h100Sxm() };
        QCOMPARE(defaultSession(library).model.id, std::string("llama-2-70b"));
        QCOMPARE(defaultSession(library).gpu.id, h100Sxm().id);
    }

    void roundTrip()
    {
        const Session original = richSession();
        const std::string json = sessionToJson(original);
        QVERIFY(json.find("\"format\": 1") != std::string::npos);
        std::vector<std::string> warnings;
        const Session read = parseSession(json, "s.roofline", twoOfEach(), warnings);
        QVERIFY(warnings.empty());
        QCOMPARE(read.model, original.model);
        QCOMPARE(read.gpu, original.gpu);
        QCOMPARE(read.workload, original.workload);
        QCOMPARE(read.sweep, original.sweep);
        QCOMPARE(read.seriesVisible, original.seriesVisible);
        QCOMPARE(read.pins.size(), std::size_t(1));
        QVERIFY(read.pins[0] == original.pins[0]);
        QCOMPARE(read.annotations, original.annotations);
        QCOMPARE(*read.secondGpu, *original.secondGpu);
        QCOMPARE(read.opsOnSecondGpu, true);
        QCOMPARE(*read.view, *original.view);
        QCOMPARE(read.exportSettings, original.exportSettings);
        QVERIFY(read.phaseMap == original.phaseMap);
        QVERIFY(json.find(R"("phase_map": {)") != std::string::npos);
        QVERIFY(json.find(R"("quantity": "compute_bound_share")") != std::string::npos);
        QVERIFY(read == original);
        // A session from before the phase map was saved shows the map's defaults.
        const Session older = parseSession(R"({"format": 1})", "old.roofline", twoOfEach(), warnings);
        QVERIFY(older.phaseMap == PhaseMapChoice {});
    }

    void presetsAreStoredById()
    {
        Session s;
        s.model = twoOfEach().models[0];
        s.gpu = twoOfEach().gpus[1];
        const std::string json = sessionToJson(s);
        QVERIFY(json.find("\"preset\": \"llama-2-13b\"") != std::string::npos);
        QVERIFY(json.find("\"preset\": \"h100-sxm\"") != std::string::npos);
    }

    void userModelsAreStoredWhole()
    {
        Session s;
        s.model = llama2_70b();
        s.model.id.clear();
        s.model.name = "my model";
        s.gpu = seedA6000();
        std::vector<std::string> warnings;
        const Session read = parseSession(sessionToJson(s), "s.roofline", twoOfEach(), warnings);
        QCOMPARE(read.model, s.model);
    }

    void newerFormatAndUnknownPresetsLoadWhatTheyCan()
    {
        std::vector<std::string> warnings;
        const Session s = parseSession(
            R"({"format": 7, "model": {"preset": "gpt-9"}, "gpu": {"preset": "h100-sxm"}, "workload": {"batch": 8},
                "hidden_series": ["qk/pv ar", "nonsense"], "hologram": true})",
            "new.roofline", twoOfEach(), warnings);
        QCOMPARE(s.gpu.id, std::string("h100-sxm"));
        QCOMPARE(s.workload.batch, qint64(8));
        QCOMPARE(s.model.id, std::string("llama-2-13b")); // kept the default
        QVERIFY(!s.seriesVisible[std::size_t(Series::QkPvAr)]);
        QCOMPARE(warnings.size(), std::size_t(3));
        QVERIFY(QString::fromStdString(warnings[0]).contains(QLatin1String("newer version (format 7")));
        QVERIFY(QString::fromStdString(warnings[1]).contains(QLatin1String("unknown model preset \"gpt-9\"")));
        QVERIFY(QString::fromStdString(warnings[2]).contains(QLatin1String("nonsense")));
    }

    // Unknown entries in hidden_series make one warning with their count, not one each (800,000 made as many
    // lines on stderr and in the window's message); the known ones still hide their series.
    void unknownHiddenSeriesWarnOnce()
    {
        std::string text = R"({"format": 1, "hidden_series": ["qk/pv ar")";
        text.reserve(text.size() + std::size_t(800000) * 5);
        for (int i = 0; i < 800000; ++i)
            text += i % 2 ? ", \"x\"" : ", 7";
        text += "]}";
        std::vector<std::string> warnings;
        const Session s = parseSession(text, "many.roofline", twoOfEach(), warnings);
        QVERIFY(!s.seriesVisible[std::size_t(Series::QkPvAr)]);
        QCOMPARE(warnings, (std::vector<std::string> { "many.roofline: 800000 unknown series in hidden_series, the first 7; ignored" }));
        warnings.clear();
        parseSession(R"({"format": 1, "hidden_series": ["nonsense", "qk/pv ar"]})", "one.roofline", twoOfEach(), warnings);
        QCOMPARE(warnings, (std::vector<std::string> { "one.roofline: unknown series \"nonsense\" in hidden_series; ignored" }));
    }

    void aComputeTypeTheGpuLacksIsFp16SaidSo()
    {
        // The seed A6000 publishes fp16 alone: a session asking for fp8 was drawn at the fp16 peak under the name
        // "fp8". It opens at fp16 with a warning, for the session's workload and for a pin's.
        std::vector<std::string> warnings;
        const Session s = parseSession(R"({"format": 1, "workload": {"compute_type": "fp8"},
                                          "pins": [{"label": "p", "workload": {"compute_type": "fp32"}}]})",
                                       "t.roofline", twoOfEach(), warnings);
        QCOMPARE(s.workload.computeType, ComputeType::Fp16);
        QCOMPARE(s.pins[0].scenario.workload.computeType, ComputeType::Fp16);
        QCOMPARE(warnings, (std::vector<std::string> {
                               "t.roofline: workload.compute_type: RTX A6000 (seed chart) publishes no fp8 peak; fp16 is used",
                               "t.roofline: pins[0].workload.compute_type: RTX A6000 (seed chart) publishes no fp32 peak; fp16 is used" }));
        // A GPU that publishes it keeps it, without a word.
        warnings.clear();
        const GpuSpec h100 = h100Sxm();
        QVERIFY(h100.peak(ComputeType::Fp8));
        const Session kept = parseSession(R"({"format": 1, "gpu": {"preset": "h100-sxm"}, "workload": {"compute_type": "fp8"}})",
                                          "t.roofline", twoOfEach(), warnings);
        QCOMPARE(kept.workload.computeType, ComputeType::Fp8);
        QVERIFY(warnings.empty());
    }

    // Errors were one clean line of at most 2,000 bytes, warnings were not: an unknown preset id of 16 MB with a
    // line break made a warning of 16 MB on two lines.
    void warningsAreOneShortLine()
    {
        std::vector<std::string> warnings;
        parseSession(R"({"format": 1, "gpu": {"preset": "gpt\n)" + std::string(16 << 20, 'x') + R"(\u001b"}})", "s.roofline",
                     twoOfEach(), warnings);
        QCOMPARE(warnings.size(), std::size_t(1));
        // The first 1,200 bytes and the last 700, which say what was done about it.
        const std::string end = "\xEF\xBF\xBD\" in gpu; kept RTX A6000 (seed chart)";
        QCOMPARE(warnings[0], "s.roofline: unknown GPU preset \"gpt " + std::string(1200 - 36, 'x') + "..."
                                  + std::string(700 - end.size(), 'x') + end);
    }

    void aSessionAtEveryLimitSavesAndReopens()
    {
        // The most a session may hold, in the costliest text JSON has (every quote escaped doubles it) and
        // with every optional field written: 100 pins with custom models and GPUs and 256-byte labels, 1,000
        // notes of 10,000 bytes, 100,000 measured kernels with 512-byte names, a phase, a series and an op.
        // A session of 20k kernels once saved but never reopened.
        Session s = richSession();
        s.model = fullCustomModel();
        s.gpu = fullCustomGpu();
        s.secondGpu = fullCustomGpu();
        s.seriesVisible.fill(false);
        std::vector<Pin> pins(MaxPins, s.pins[0]);
        for (std::size_t i = 0; i < pins.size(); ++i) {
            pins[i].label = std::string(MaxNameChars - 6, '"') + std::to_string(100000 + i);
            pins[i].scenario.workload.batch = std::int64_t(i + 1);
            pins[i].scenario.model = fullCustomModel();
            pins[i].scenario.gpu = fullCustomGpu();
        }
        s.pins = pins;
        std::vector<Annotation> notes(MaxAnnotations, Annotation { Annotation::Kind::Note, std::string(MaxAnnotationChars, '\\'), 10, 1e12, 0, 0 });
        s.annotations = notes;
        std::vector<MeasuredKernel> kernels(MaxMeasuredKernels);
        for (std::size_t i = 0; i < kernels.size(); ++i) {
            kernels[i].name = std::string(MaxKernelNameChars - 6, '"') + std::to_string(100000 + i);
            kernels[i].flops = 1e9 + double(i);
            kernels[i].bytes = 1e8 / 3.0;
            kernels[i].seconds = 1e-4 * (1.0 + double(i) / 7.0);
            kernels[i].phase = i % 2 ? Phase::Decode : Phase::Prefill;
            kernels[i].series = Series::QkPvAr;
            kernels[i].op = OpKind::Qk;
        }
        s.measured = kernels;
        const std::string json = sessionToJson(s);
        QVERIFY2(json.size() <= MaxSessionFileBytes, qPrintable(QString::number(json.size())));
        QVERIFY(json.size() > 100'000'000); // it really is that large
        qInfo("a session at every limit: %zu bytes of JSON", json.size());
        // The figure MaxJsonValues's comment works out: 104 + 100 x 51 + 1,000 x 7 + 100,000 x 8, and the
        // limit at least twice it.
        const std::size_t values = jsonValueCount(json);
        QCOMPARE(values, std::size_t(812204));
        QVERIFY(2 * values <= MaxJsonValues);
        std::vector<std::string> warnings;
        const Session read = parseSession(json, "s.roofline", twoOfEach(), warnings);
        QCOMPARE(read.pins.size(), MaxPins);
        QCOMPARE(read.annotations.size(), MaxAnnotations);
        QCOMPARE(read.measured.size(), MaxMeasuredKernels);
        QVERIFY(read.pins == s.pins);
        QVERIFY(read.annotations == s.annotations);
        QVERIFY(read.measured == s.measured);
    }

    // A 256 MiB session of empty objects under a key nobody reads ({"x": [{}, {}, ...]}) took 32 s and
    // 9.4 GB: every value became a node of the document. One value over MaxJsonValues is refused as it is
    // read; as many load.
    void tooManyValuesAreRefused()
    {
        const auto document = [](std::size_t values) {
            // The top-level object, "format", the array and its last object are four.
            std::string text = R"({"format": 1, "x": [)";
            for (std::size_t i = 4; i < values; ++i)
                text += "{},";
            return text + "{}]}";
        };
        QCOMPARE(loadError(document(MaxJsonValues + 1)),
                 QStringLiteral("s.roofline: holds more than 2000000 JSON values (numbers, strings, arrays and objects); "
                                "the limit is 2000000"));
        QCOMPARE(jsonValueCount(document(MaxJsonValues)), MaxJsonValues);
        QCOMPARE(loadError(document(MaxJsonValues)), QString());
    }

    void badSessions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no format") << R"({"workload": {}})" << "'format': is missing";
        QTest::newRow("format string") << R"({"format": "1"})" << "'format': expected a whole number";
        QTest::newRow("batch zero") << R"({"format": 1, "workload": {"batch": 0}})" << "'workload.batch': must be between 1";
        QTest::newRow("bad dtype") << R"({"format": 1, "workload": {"kv_dtype": "fp5"}})" << "'workload.kv_dtype': unknown type";
        QTest::newRow("bad sweep") << R"({"format": 1, "sweep": {"mode": "diagonal"}})" << "'sweep.mode': unknown sweep";
        QTest::newRow("inverted range") << R"({"format": 1, "sweep": {"batch": [64, 2]}})" << "'sweep.batch': expected whole numbers 1 <= low <= high <= 1000000000, got [64,2]";
        QTest::newRow("fractional sweep") << R"({"format": 1, "sweep": {"batch": [0.5, 2]}})"
                                          << "'sweep.batch': expected whole numbers 1 <= low <= high <= 1000000000, got [0.5,2]";
        QTest::newRow("sweep batch past its range") << R"({"format": 1, "sweep": {"batch": [1, 1000000001]}})"
                                                    << "'sweep.batch': expected whole numbers 1 <= low <= high <= 1000000000, got [1,1000000001]";
        QTest::newRow("sweep seq past its range") << R"({"format": 1, "sweep": {"seq": [1, 1000000001]}})"
                                                  << "'sweep.seq': expected whole numbers 1 <= low <= high <= 1000000000, got [1,1000000001]";
        QTest::newRow("tokens per step past its range") << R"({"format": 1, "sweep": {"tokens_per_step": [1, 65537, 1]}})"
                                                        << "'sweep.tokens_per_step': expected [first, last, step] of whole numbers in 1..65536";
        QTest::newRow("prefill logits unknown") << R"({"format": 1, "workload": {"assumptions": {"prefill_logits": "some"}}})"
                                                << "'workload.assumptions.prefill_logits': expected \"last\" or \"all\", got \"some\""; // NOLINT(modernize-raw-string-literal): moc misreads a raw string that ends in a quote
        QTest::newRow("score dtype unknown") << R"({"format": 1, "workload": {"assumptions": {"score_dtype": "fp12"}}})"
                                             << "'workload.assumptions.score_dtype': unknown type \"fp12\" (expected activations or a type: fp32, fp16, bf16, fp8, int8 or int4)";
        QTest::newRow("phase map quantity") << R"({"format": 1, "phase_map": {"quantity": "speed"}})"
                                            << "'phase_map.quantity': unknown quantity \"speed\" (expected decode_step_s, tokens_per_s, ttft_s, "
                                               "compute_bound_share or fits)";
        QTest::newRow("phase map series") << R"({"format": 1, "phase_map": {"series": "mlp"}})"
                                          << "'phase_map.series': unknown series \"mlp\""; // NOLINT(modernize-raw-string-literal): moc misreads a raw string that ends in a quote
        QTest::newRow("phase map not an object") << R"({"format": 1, "phase_map": 3})" << "'phase_map': expected an object, got 3";
        QTest::newRow("assumption misspelt") << R"({"format": 1, "workload": {"assumptions": {"fused_qkv": true}}})"
                                             << "'workload.assumptions.fused_qkv': is not a field of this file (a misspelling?); the fields are "
                                                "causal_mask, prefill_logits, embedding_dtype, score_dtype, fuse_qkv, fuse_gate_up, count_non_gemm";
        QTest::newRow("causal mask not bool") << R"({"format": 1, "workload": {"assumptions": {"causal_mask": "on"}}})"
                                              << "'workload.assumptions.causal_mask': expected true or false";
        QTest::newRow("accepted tokens under 1") << R"({"format": 1, "workload": {"accepted_tokens_per_step": 0.5}})"
                                                 << "'workload.accepted_tokens_per_step': must be between 1 and 65536, got 0.5";
        QTest::newRow("accepted over verified") << R"({"format": 1, "workload": {"tokens_per_step": 2, "accepted_tokens_per_step": 9}})"
                                                << "'workload.accepted_tokens_per_step': is 9, more than the 2 tokens verified per step (tokens_per_step)";
        QTest::newRow("export side below its range") << R"({"format": 1, "export": {"width": 63}})"
                                                     << "'export.width': must be between 64 and 16384, got 63";
        // 5e-324 passed "greater than 0": every time became null and the chart empty.
        QTest::newRow("denormal efficiency") << R"({"format": 1, "efficiency": {"enabled": true, "compute": 5e-324}})"
                                             << "s.roofline: field 'efficiency.compute': must be between 0.01 and 1, got 5e-324";
        QTest::newRow("tiny bandwidth efficiency") << R"({"format": 1, "efficiency": {"bandwidth": 0.001}})"
                                                   << "s.roofline: field 'efficiency.bandwidth': must be between 0.01 and 1, got 0.001";
        QTest::newRow("denormal custom gpu")
            << R"({"format": 1, "gpu": {"custom": {"name": "x", "memory_bandwidth_gb_per_s": 5e-324, "memory_gb": 1, "peak_tflops": {"fp16": 1}}}})"
            << "s.roofline: gpu.custom: field 'memory_bandwidth_gb_per_s': must be between 1e-06 and 1e+07";
        QTest::newRow("denormal view") << R"({"format": 1, "view": {"x": [5e-324, 1], "y": [1e9, 1e12]}})"
                                       << "s.roofline: field 'view.x': expected 1e-09 <= low < high <= 1e+12, got [5e-324,1]";
        QTest::newRow("view beyond the canvas") << R"({"format": 1, "view": {"x": [1, 10], "y": [1e9, 1e300]}})"
                                                << "s.roofline: field 'view.y': expected 1e-06 <= low < high <= 1e+21";
        QTest::newRow("view NaN") << R"({"format": 1, "view": {"x": [1, "a"], "y": [1, 2]}})" << "'view.x'";
        QTest::newRow("annotation position") << R"({"format": 1, "annotations": [{"text": "a", "x": -1, "y": 1}]})"
                                             << "'annotations[0].x': must be between 1e-09 and 1e+12, got -1";
        QTest::newRow("denormal annotation") << R"({"format": 1, "annotations": [{"text": "a", "x": 1, "y": 5e-324}]})"
                                             << "s.roofline: field 'annotations[0].y': must be between 1e-06 and 1e+21";
        QTest::newRow("label of an unknown op")
            << R"({"format": 1, "annotations": [{"kind": "label", "text": "a", "x": 1, "y": 1, "point": {"op": "q_prj", "phase": "decode"}}]})"
            << "s.roofline: field 'annotations[0].point.op': unknown op \"q_prj\"";
        QTest::newRow("label of an unknown phase")
            << R"({"format": 1, "annotations": [{"kind": "label", "text": "a", "x": 1, "y": 1, "point": {"op": "q_proj", "phase": "later"}}]})"
            << "field 'annotations[0].point.phase': unknown phase \"later\" (expected prefill or decode)";
        QTest::newRow("a note tied to a point")
            << R"({"format": 1, "annotations": [{"kind": "note", "text": "a", "x": 1, "y": 1, "point": {"op": "q_proj", "phase": "decode"}}]})"
            << "field 'annotations[0].point': belongs to a label; a note is not tied to a point";
        QTest::newRow("point not an object")
            << R"({"format": 1, "annotations": [{"kind": "label", "text": "a", "x": 1, "y": 1, "point": "q_proj"}]})"
            << "'annotations[0].point'";
        QTest::newRow("bad custom gpu") << R"({"format": 1, "gpu": {"custom": {"name": "x"}}})" << "gpu.custom: field 'memory_bandwidth_gb_per_s'";
        QTest::newRow("bad model config") << R"({"format": 1, "model": {"config": {"hidden_size": 7}}})" << "model.config: field 'intermediate_size'";
        QTest::newRow("pins not array") << R"({"format": 1, "pins": {}})" << "'pins': expected an array";
        QTest::newRow("export huge") << R"({"format": 1, "export": {"width": 100000}})" << "'export.width': must be between 64 and 16384";
        // The dialog raised a scale below 1 silently; the reader says so.
        QTest::newRow("export scale below 1") << R"({"format": 1, "export": {"scale": 0.5}})" << "'export.scale': must be between 1 and 4, got 0.5";
    }
    void deepNestingInsideTheFieldsASessionReads_data()
    {
        QTest::addColumn<QString>("field");
        for (const char *field : { "format", "model", "gpu", "workload", "measured", "pins", "annotations", "view" })
            QTest::newRow(field) << QString::fromLatin1(field);
    }
    void deepNestingInsideTheFieldsASessionReads()
    {
        QFETCH(QString, field);
        const std::string deep = std::string(100000, '[') + std::string(100000, ']');
        const std::string text = (field == QLatin1String("format") ? "{" : "{\"format\": 1, ") + ("\"" + field.toStdString() + "\": " + deep + "}");
        QCOMPARE(loadError(text), QStringLiteral("s.roofline: invalid JSON: nested deeper than 64 levels of arrays and objects"));
    }

    void badSessions()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString error = loadError(text.toStdString());
        QVERIFY2(error.startsWith(QLatin1String("s.roofline")) && error.contains(expected), qPrintable(error));
    }

    // Every figure a session holds at the end of the range the window and the command line take. A sweep
    // of batch up to 1e9 (the state's and the spin box's limit) was once refused on reopening, as the reader
    // stopped at 1e6, and so was a sweep range of one value (low == high), which the window makes.
    void everyRangeTheWindowTakesReopens()
    {
        Session s = richSession();
        s.workload.batch = BatchRange.max;
        s.workload.seq = SeqRange.max;
        s.workload.tokensPerStep = TokensPerStepRange.max;
        s.sweep.batchMin = BatchRange.max;
        s.sweep.batchMax = BatchRange.max;
        s.sweep.seqMin = SeqRange.max;
        s.sweep.seqMax = SeqRange.max;
        s.sweep.tokensMin = TokensPerStepRange.max;
        s.sweep.tokensMax = TokensPerStepRange.max;
        s.sweep.tokensStep = TokensPerStepRange.max;
        s.exportSettings.width = ExportSideRange.max;
        s.exportSettings.height = ExportSideRange.min;
        std::vector<std::string> warnings;
        const Session read = parseSession(sessionToJson(s), "s.roofline", twoOfEach(), warnings);
        QVERIFY(read.workload == s.workload);
        QVERIFY(read.sweep == s.sweep);
        QCOMPARE(read.exportSettings.width, ExportSideRange.max);
        QCOMPARE(read.exportSettings.height, ExportSideRange.min);
    }

    // A session from before the modelling choices, or one that gives some of them, takes the defaults for
    // the rest; "weights" and "activations" name the types that follow.
    void missingAssumptionsAreTheDefaults()
    {
        std::vector<std::string> warnings;
        Session s = parseSession(R"({"format": 1, "workload": {"batch": 2}})", "s.roofline", twoOfEach(), warnings);
        QVERIFY(s.workload.assumptions == Assumptions {});
        s = parseSession(R"({"format": 1, "workload": {"assumptions": {"fuse_qkv": true, "embedding_dtype": "weights", "score_dtype": "fp32"}}})",
                         "s.roofline", twoOfEach(), warnings);
        Assumptions expected;
        expected.fuseQkv = true;
        expected.scoreType = DType::Fp32;
        QVERIFY(s.workload.assumptions == expected);
        QVERIFY(warnings.empty());
    }

    // An efficiency that gives one share derates only that roof.
    void aMissingEfficiencyShareIsTheWholePeak()
    {
        std::vector<std::string> warnings;
        Session s = parseSession(R"({"format": 1, "efficiency": {"enabled": true, "compute": 0.6}})", "s.roofline", twoOfEach(), warnings);
        QCOMPARE(s.efficiency.compute, 0.6);
        QCOMPARE(s.efficiency.bandwidth, 1.0);
        s = parseSession(R"({"format": 1, "efficiency": {"enabled": true, "bandwidth": 0.5}})", "s.roofline", twoOfEach(), warnings);
        QCOMPARE(s.efficiency.compute, 1.0);
        QCOMPARE(s.efficiency.bandwidth, 0.5);
    }

    void sweepSettings()
    {
        Workload w;
        w.batch = 3;
        w.seq = 1000;
        SweepSettings s; // the seed's: batch 1..32 x seq 128, 512, 2048
        SweepSpec spec = s.spec(w);
        QCOMPARE(spec.batches, (std::vector<std::int64_t> { 1, 2, 4, 8, 16, 32 }));
        QCOMPARE(spec.seqs, (std::vector<std::int64_t> { 128, 512, 2048 }));
        s.mode = SweepMode::Batch;
        QCOMPARE(s.spec(w).seqs, (std::vector<std::int64_t> { 1000 }));
        s.mode = SweepMode::Seq;
        QCOMPARE(s.spec(w).batches, (std::vector<std::int64_t> { 3 }));
        s.mode = SweepMode::None;
        QCOMPARE(s.spec(w).size(), std::size_t(0));
    }

    void opsOnSecondGpu()
    {
        const Session s = richSession();
        QCOMPARE(s.scenario().gpu.id, std::string("h100-sxm"));
        Session t = s;
        t.opsOnSecondGpu = false;
        QCOMPARE(t.scenario().gpu.bandwidthBytesPerSecond, 1000e9);
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
