#include "testutil.h"

#include "evaluation.h"
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
