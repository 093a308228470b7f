#include "testutil.h"

#include "evaluation.h"
#include "inputerror.h"
#include "modelfixtures.h"
#include "presets.h"

using namespace roofline;

class TestPresets : public QObject
{
    Q_OBJECT
private:
    PresetLibrary m_presets;

private Q_SLOTS:
    void initTestCase() { m_presets = loadPresetLibraryFromDirectory(ROOFLINE_PRESET_DIR); }

    void brokenPresetFoldersAreRefused_data()
    {
        QTest::addColumn<QString>("gpus");
        QTest::addColumn<QString>("models");
        QTest::addColumn<QString>("expected");
        const QString gpu = QStringLiteral(R"({"id": "g", "name": "G", "memory_bandwidth_gb_per_s": 1, "memory_gb": 1, "peak_tflops": {"fp16": 1}})");
        const QString goodGpus = QStringLiteral(R"({"format": 1, "gpus": [%1]})").arg(gpu);
        const QString goodModels = QStringLiteral(R"({"format": 1, "models": [{"id": "m", "name": "M", "config": "m.json"}]})");
        QTest::newRow("no GPU") << QStringLiteral(R"({"format": 1, "gpus": []})") << goodModels
                                << "p/gpus.json: field 'gpus': holds no GPU";
        QTest::newRow("duplicate GPU id") << QStringLiteral(R"({"format": 1, "gpus": [%1, %1]})").arg(gpu) << goodModels
                                          << "p/gpus.json: field 'gpus[1].id': duplicate id \"g\"";
        QTest::newRow("GPU without id") << QStringLiteral(R"({"format": 1, "gpus": [{"name": "G", "memory_bandwidth_gb_per_s": 1, "memory_gb": 1, "peak_tflops": {"fp16": 1}}]})")
                                        << goodModels << "p/gpus.json: field 'gpus[0].id': is missing";
        QTest::newRow("newer format") << QStringLiteral(R"({"format": 2, "gpus": [%1]})").arg(gpu) << goodModels
                                      << "p/gpus.json: field 'format': must be between 1 and 1, got 2";
        QTest::newRow("no model") << goodGpus << QStringLiteral(R"({"format": 1, "models": []})")
                                  << "p/models.json: field 'models': holds no model";
        QTest::newRow("duplicate model id")
            << goodGpus << QStringLiteral(R"({"format": 1, "models": [{"id": "m", "name": "M", "config": "m.json"}, {"id": "m", "name": "N", "config": "m.json"}]})")
            << "p/models.json: field 'models[1].id': duplicate id \"m\"";
        QTest::newRow("missing config") << goodGpus
                                        << QStringLiteral(R"({"format": 1, "models": [{"id": "m", "name": "M", "config": "gone.json"}]})")
                                        << "p/gone.json: no such file";
    }
    void brokenPresetFoldersAreRefused()
    {
        QFETCH(QString, gpus);
        QFETCH(QString, models);
        QFETCH(QString, expected);
        std::string config = R"({"hidden_size": 64, "intermediate_size": 128, "num_attention_heads": 4, "num_hidden_layers": 2, "vocab_size": 100})";
        const PresetReader read = [&](const std::string &path) -> std::string {
            if (path == "gpus.json")
                return gpus.toStdString();
            if (path == "models.json")
                return models.toStdString();
            if (path == "m.json")
                return config;
            throw InputError("p/" + path, {}, "no such file");
        };
        QString message;
        try {
            loadPresetLibrary(read, "p/");
        } catch (const InputError &error) {
            message = QString::fromStdString(error.what());
        }
        QCOMPARE(message, expected);
    }

    void everyRowIsThere()
    {
        QCOMPARE(m_presets.gpus.size(), std::size_t(19));
        QCOMPARE(m_presets.models.size(), std::size_t(11));
        for (const char *id : { "a6000-seed", "a6000", "a100-80gb-pcie", "h100-sxm", "h100-pcie", "mi300x", "tpu-v5e" })
            QVERIFY2(m_presets.findGpu(id), id);
        for (const char *id : { "llama-2-13b", "llama-2-70b", "llama-3.1-70b", "mixtral-8x7b", "qwen2.5-72b" })
            QVERIFY2(m_presets.findModel(id), id);
        QVERIFY(!m_presets.findGpu("nope"));
    }

    void defaultsReproduceTheSeed()
    {
        const GpuSpec *gpu = m_presets.findGpu(DefaultGpuId);
        QVERIFY(gpu);
        QCOMPARE(gpu->bandwidthBytesPerSecond, 768e9);
        QCOMPARE(gpu->peak(ComputeType::Fp16).value(), 181e12);
        // 181e12 / 768e9 = 235.68 FLOP/B.
        ROOFLINE_COMPARE_REL(rooflineFor(*gpu, ComputeType::Fp16).ridge(), 235.68, 1e-4);
        const ModelConfig *model = m_presets.findModel(DefaultModelId);
        QVERIFY(model);
        ModelConfig expected = llama2_13b();
        expected.name = model->name;
        expected.modelType = "llama";
        QCOMPARE(*model, expected);
    }

    // Errors found in popular public tables; each has a row here so it never creeps in.
    void knownPublicErrors()
    {
        QCOMPARE(m_presets.findGpu("h100-sxm")->bandwidthBytesPerSecond, 3350e9); // not 3,072
        QCOMPARE(m_presets.findGpu("h100-pcie")->bandwidthBytesPerSecond, 2000e9); // not 2,048
        QCOMPARE(m_presets.findGpu("mi250x")->peak(ComputeType::Int8).value(), 383e12); // not 766
        QCOMPARE(m_presets.findGpu("a6000")->peak(ComputeType::Fp16).value(), 154.8e12); // 309.7 is sparse
    }

    void ridgesMatchTheReferenceTable_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<double>("ridge");
        QTest::newRow("a100-80gb-pcie") << "a100-80gb-pcie" << 161.2;
        QTest::newRow("h100-sxm") << "h100-sxm" << 295.3;
        QTest::newRow("h200-sxm") << "h200-sxm" << 206.1;
        QTest::newRow("l4") << "l4" << 403.0;
        QTest::newRow("mi300x") << "mi300x" << 246.7;
    }
    void ridgesMatchTheReferenceTable()
    {
        QFETCH(QString, id);
        QFETCH(double, ridge);
        const GpuSpec *gpu = m_presets.findGpu(id.toStdString());
        QVERIFY(gpu);
        ROOFLINE_COMPARE_REL(rooflineFor(*gpu, ComputeType::Fp16).ridge(), ridge, 2e-3);
    }

    void modelShapes()
    {
        const ModelConfig *llama70 = m_presets.findModel("llama-2-70b");
        QCOMPARE(llama70->kvHeads, qint64(8));
        QCOMPARE(llama70->headDim, qint64(128));
        const ModelConfig *mixtral = m_presets.findModel("mixtral-8x7b");
        QCOMPARE(mixtral->experts, qint64(8));
        QCOMPARE(mixtral->expertsPerToken, qint64(2));
        for (const ModelConfig &m : m_presets.models)
            QCOMPARE(m.headDim, qint64(128));
    }
};

QTEST_GUILESS_MAIN(TestPresets)
#include "tst_presets.moc"
