#include "testutil.h"

#include "commandline.h"
#include "inputerror.h"
#include "presetsource.h"
#include "session.h"
#include "units.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

using namespace roofline;

namespace {
QJsonObject findOp(const QJsonArray &ops, const QString &phase, const QString &op)
{
    for (const auto &value : ops) {
        QJsonObject record = value.toObject();
        if (record[QLatin1String("phase")].toString() == phase && record[QLatin1String("op")].toString() == op)
            return record;
    }
    return {};
}
}

class TestCommandLine : public QObject
{
    Q_OBJECT
private:
    PresetLibrary m_presets;

private Q_SLOTS:
    void initTestCase() { m_presets = loadBuiltInPresets(); }

    void dumpJsonMatchesTheHandWorkedFigures()
    {
        const Run run = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--model"),
                                      QStringLiteral("llama-2-13b"), QStringLiteral("--gpu"), QStringLiteral("a6000-seed"),
                                      QStringLiteral("--batch"), QStringLiteral("1"), QStringLiteral("--seq"),
                                      QStringLiteral("2048") });
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.err.isEmpty());
        QJsonParseError error;
        const QJsonObject doc = QJsonDocument::fromJson(run.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        ROOFLINE_COMPARE_REL(doc[QLatin1String("ridge_flop_per_byte")].toDouble(), 235.68, 1e-4);
        const QJsonObject gpu = doc[QLatin1String("gpu")].toObject();
        QCOMPARE(gpu[QLatin1String("bandwidth_bytes_per_s")].toDouble(), 768e9);
        QCOMPARE(gpu[QLatin1String("peak_flops_per_s")].toDouble(), 181e12);
        const QJsonArray ops = doc[QLatin1String("ops")].toArray();
        QCOMPARE(ops.size(), 18); // 9 ops of the six series in each phase
        const QJsonObject q = findOp(ops, QStringLiteral("decode"), QStringLiteral("q_proj"));
        QCOMPARE(q[QLatin1String("flops")].toDouble(), 52428800.0);
        QCOMPARE(q[QLatin1String("bytes")].toDouble(), 52449280.0);
        QCOMPARE(q[QLatin1String("series")].toString(), QStringLiteral("qkv mlp ar"));
        QCOMPARE(q[QLatin1String("bound")].toString(), QStringLiteral("memory"));
        const QJsonObject qk = findOp(ops, QStringLiteral("prefill"), QStringLiteral("qk"));
        QCOMPARE(qk[QLatin1String("flops")].toDouble(), 42949672960.0);
        QCOMPARE(qk[QLatin1String("bytes")].toDouble(), 377487360.0);
        ROOFLINE_COMPARE_REL(qk[QLatin1String("intensity")].toDouble(), 113.78, 1e-4);
        const QJsonObject totals = doc[QLatin1String("totals")].toObject();
        QVERIFY(totals[QLatin1String("memory")].toObject()[QLatin1String("fits")].toBool());
        // Decode at batch 1 is memory-bound throughout. Bytes per layer: norms 2 x 30,720; q, k, v, o_proj
        // 4 x 52,449,280; qk and pv 2 x 21,155,920 (the 2,048 cached keys or values and the new token's,
        // 2049 x 5120 x 2 = 20,981,760, + query 10,240 + scores 40 x 2049 x 2 = 163,920); softmax 327,840; gate,
        // up, down 3 x 141,595,648; act_fn 82,944; residual adds 61,440: 677,429,568. 40 layers + embedding
        // 20,480 + final norm 30,720 + lm_head 327,754,240 = 27,424,988,160 B; at 768 GB/s a step takes
        // 35.70962 ms: 28.00366 tokens/s.
        const QJsonObject decode = totals[QLatin1String("decode")].toObject();
        QCOMPARE(decode[QLatin1String("bytes")].toDouble(), 27424988160.0);
        ROOFLINE_COMPARE_REL(decode[QLatin1String("tokens_per_s")].toDouble(), 28.00365840, 1e-9);
        QCOMPARE(decode[QLatin1String("accepted_tokens_per_step")].toDouble(), 1.0);
        ROOFLINE_COMPARE_REL(totals[QLatin1String("prefill")].toObject()[QLatin1String("time_to_first_token_s")].toDouble(),
                             0.3816487664, 1e-9); // worked out in tst_evaluation
        QVERIFY(!doc.contains(QLatin1String("sweep")));
    }

    void earlyFlagsAreReadAsTheParserReadsThem()
    {
        // Which application to build is decided before the parser runs: it must see the flag in each form the
        // parser accepts, and nothing else.
        const auto give = [](const QStringList &args, EarlyFlag flag) {
            return argumentsGive(QStringList { QStringLiteral("roofline-explorer") } + args, flag);
        };
        QVERIFY(give({ QStringLiteral("--export"), QStringLiteral("a.png") }, EarlyFlag::Export));
        QVERIFY(give({ QStringLiteral("--batch"), QStringLiteral("4"), QStringLiteral("-export"), QStringLiteral("a.png") }, EarlyFlag::Export));
        QVERIFY(give({ QStringLiteral("--export=a.svg") }, EarlyFlag::Export));
        QVERIFY(!give({ QStringLiteral("--exported"), QStringLiteral("--dump"), QStringLiteral("json") }, EarlyFlag::Export));
        QVERIFY(!give({ QStringLiteral("--export") }, EarlyFlag::StartupTime));
        QVERIFY(give({ QStringLiteral("--startup-time") }, EarlyFlag::StartupTime));
        QVERIFY(!give({}, EarlyFlag::Export));
        // The program's own name is not an argument.
        QVERIFY(!argumentsGive({ QStringLiteral("--export") }, EarlyFlag::Export));
    }

    void dumpSweepCarriesBatchAndSeq()
    {
        const Run run = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--sweep") });
        QCOMPARE(run.exitCode, 0);
        const QJsonArray sweep = QJsonDocument::fromJson(run.out).object()[QLatin1String("sweep")].toArray();
        QCOMPARE(sweep.size(), 18 * 18); // 18 workloads x 18 series ops
        // The first record: q_proj in prefill at batch 1, prompt 128: 2*128*5120^2 FLOPs; the 5120^2 fp16
        // weights 52,428,800 B plus 128 tokens of 5120 read and written, 2,621,440 B.
        const QJsonObject first = sweep.first().toObject();
        QCOMPARE(first[QLatin1String("op")].toString(), QStringLiteral("q_proj"));
        QCOMPARE(first[QLatin1String("phase")].toString(), QStringLiteral("prefill"));
        QCOMPARE(first[QLatin1String("batch")].toInt(), 1);
        QCOMPARE(first[QLatin1String("seq")].toInt(), 128);
        QCOMPARE(first[QLatin1String("flops")].toDouble(), 6710886400.0);
        QCOMPARE(first[QLatin1String("bytes")].toDouble(), 55050240.0);
        // The last: down_proj in decode at batch 32, 2,048 cached: weights 141,557,760 B + 32 x 13,824 read
        // + 32 x 5,120 written (fp16) = 142,770,176 B; 2*32*13824*5120 FLOPs.
        const QJsonObject last = sweep.last().toObject();
        QCOMPARE(last[QLatin1String("op")].toString(), QStringLiteral("down_proj"));
        QCOMPARE(last[QLatin1String("phase")].toString(), QStringLiteral("decode"));
        QCOMPARE(last[QLatin1String("batch")].toInt(), 32);
        QCOMPARE(last[QLatin1String("seq")].toInt(), 2048);
        QCOMPARE(last[QLatin1String("flops")].toDouble(), 4529848320.0);
        QCOMPARE(last[QLatin1String("bytes")].toDouble(), 142770176.0);
        QCOMPARE(last[QLatin1String("tokens_per_step")].toInt(), 1);
        // A tokens-per-step sweep (16 to 112 by 16 at the current batch and length) tells its records apart by
        // the tokens: 7 workloads, the first at 16 and the last at 112. Decode qk of the last: 112 new tokens
        // against 2,048 + 112 keys, 2 x 40 x 112 x 2160 x 128 = 2,477,260,800 FLOPs.
        const Run tokens = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--sweep"),
                                         QStringLiteral("--sweep-mode"), QStringLiteral("tokens_per_step") });
        QCOMPARE(tokens.exitCode, 0);
        const QJsonArray records = QJsonDocument::fromJson(tokens.out).object()[QLatin1String("sweep")].toArray();
        QCOMPARE(records.size(), 7 * 18);
        QCOMPARE(records.first().toObject()[QLatin1String("tokens_per_step")].toInt(), 16);
        QCOMPARE(records.last().toObject()[QLatin1String("tokens_per_step")].toInt(), 112);
        bool found = false;
        for (const auto &value : records) {
            const QJsonObject r = value.toObject();
            if (r[QLatin1String("op")].toString() == QLatin1String("qk") && r[QLatin1String("phase")].toString() == QLatin1String("decode")
                && r[QLatin1String("tokens_per_step")].toInt() == 112) {
                QCOMPARE(r[QLatin1String("flops")].toDouble(), 2477260800.0);
                found = true;
            }
        }
        QVERIFY(found);
    }

    void dumpCsv()
    {
        const Run run = runExplorer({ QStringLiteral("--dump"), QStringLiteral("csv"), QStringLiteral("--batch"),
                                      QStringLiteral("16"), QStringLiteral("--seq"), QStringLiteral("512") });
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        QVERIFY(lines.first().startsWith("series,phase,op,batch,seq,flops,bytes"));
        bool found = false;
        for (const QByteArray &line : lines)
            found = found || line.startsWith("up/gate/down init,prefill,gate_proj,16,512,1159641169920,451936256,");
        QVERIFY2(found, run.out.constData());
    }

    void extremeWorkloadsStayFinite()
    {
        const Run run = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--batch"),
                                      QStringLiteral("1000000"), QStringLiteral("--seq"), QStringLiteral("10000000"),
                                      QStringLiteral("--model"), QStringLiteral("llama-3.1-405b") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        const QJsonArray ops = doc[QLatin1String("ops")].toArray();
        QCOMPARE(ops.size(), 18);
        for (const auto &value : ops) {
            const QJsonObject op = value.toObject();
            for (const char *key : { "flops", "bytes", "intensity", "attainable_flops_per_s", "time_s" }) {
                // nlohmann writes a NaN or infinity as null: a number here means it was finite.
                QVERIFY2(op[QLatin1String(key)].isDouble(), key);
                QVERIFY(op[QLatin1String(key)].toDouble() > 0);
            }
        }
        QVERIFY(!doc[QLatin1String("totals")].toObject()[QLatin1String("memory")].toObject()[QLatin1String("fits")].toBool());
    }

    void sessionSettingsSurviveTheFlags()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.roofline"));
        QVERIFY(writeFile(path, R"({"format": 1, "workload": {"batch": 4, "flash_attention": true, "tokens_per_step": 8}})"));
        // Flags given override the session; flags not given leave it alone.
        const CommandLineRequest request
            = parseCommandLine({ QStringLiteral("x"), QStringLiteral("--session"), path, QStringLiteral("--seq"), QStringLiteral("512"),
                                 QStringLiteral("--dump"), QStringLiteral("csv") },
                               m_presets);
        QVERIFY(request.session.workload.flashAttention);
        QCOMPARE(request.session.workload.tokensPerStep, qint64(8));
        QCOMPARE(request.session.workload.batch, qint64(4));
        QCOMPARE(request.session.workload.seq, qint64(512));
    }

    void aSessionsComputeTypeOnAnotherGpuIsFp16SaidSo()
    {
        // A session on the H100 at fp8, drawn with --gpu on the seed A6000, which publishes fp16 alone: the A6000's
        // fp16 peak was printed under the name fp8. Now fp16, with a warning; an explicit --compute-type fp8 is
        // still refused there.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.roofline"));
        QVERIFY(writeFile(path, R"({"format": 1, "gpu": {"preset": "h100-sxm"}, "workload": {"compute_type": "fp8"}})"));
        const CommandLineRequest request = parseCommandLine({ QStringLiteral("x"), QStringLiteral("--session"), path, QStringLiteral("--gpu"),
                                                              QStringLiteral("a6000-seed"), QStringLiteral("--dump"), QStringLiteral("json") },
                                                            m_presets);
        QCOMPARE(request.session.workload.computeType, ComputeType::Fp16);
        QCOMPARE(request.warnings, QStringList { QStringLiteral("RTX A6000 (seed chart) publishes no fp8 peak; fp16 is used") });
        // Without --gpu the session's own H100 keeps fp8.
        const CommandLineRequest own = parseCommandLine({ QStringLiteral("x"), QStringLiteral("--session"), path, QStringLiteral("--dump"),
                                                          QStringLiteral("json") },
                                                        m_presets);
        QCOMPARE(own.session.workload.computeType, ComputeType::Fp8);
        QVERIFY(own.warnings.isEmpty());
    }

    void analysisFlags()
    {
        const Run run = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--compute-efficiency"),
                                      QStringLiteral("0.7"), QStringLiteral("--bandwidth-efficiency"), QStringLiteral("0.85"),
                                      QStringLiteral("--measured"), QStringLiteral(ROOFLINE_TEST_DATA "/measured/kernels.csv"),
                                      QStringLiteral("--tokens-per-step"), QStringLiteral("4"), QStringLiteral("--kv-dtype"),
                                      QStringLiteral("fp8"), QStringLiteral("--flash-attention") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        const QJsonObject efficiency = doc[QLatin1String("efficiency")].toObject();
        QVERIFY(efficiency[QLatin1String("enabled")].toBool());
        QCOMPARE(efficiency[QLatin1String("timing_bandwidth_bytes_per_s")].toDouble(), 0.85 * 768e9);
        const QJsonArray measured = doc[QLatin1String("measured")].toArray();
        QCOMPARE(measured.size(), 3);
        ROOFLINE_COMPARE_REL(measured[0].toObject()[QLatin1String("share_of_roof")].toDouble(), 0.8034, 1e-3);
        const QJsonObject workload = doc[QLatin1String("workload")].toObject();
        QCOMPARE(workload[QLatin1String("tokens_per_step")].toInt(), 4);
        QCOMPARE(workload[QLatin1String("kv_dtype")].toString(), QStringLiteral("fp8"));
        QVERIFY(workload[QLatin1String("flash_attention")].toBool());
        QVERIFY(!findOp(doc[QLatin1String("ops")].toArray(), QStringLiteral("prefill"), QStringLiteral("attention")).isEmpty());
    }

    // One efficiency flag derates one roof: --compute-efficiency 0.7 alone once also took bandwidth to 85 %.
    // Timing roofs on the seed A6000 (181 TFLOP/s, 768 GB/s): 0.7 x 181e12 = 1.267e14 and 768e9 untouched.
    void oneEfficiencyFlagLeavesTheOtherRoofWhole()
    {
        Run run = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--compute-efficiency"), QStringLiteral("0.7") });
        QCOMPARE(run.exitCode, 0);
        QJsonObject efficiency = QJsonDocument::fromJson(run.out).object()[QLatin1String("efficiency")].toObject();
        ROOFLINE_COMPARE_REL(efficiency[QLatin1String("timing_peak_flops_per_s")].toDouble(), 1.267e14, 1e-12);
        QCOMPARE(efficiency[QLatin1String("timing_bandwidth_bytes_per_s")].toDouble(), 768e9);
        run = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--bandwidth-efficiency"), QStringLiteral("0.5") });
        QCOMPARE(run.exitCode, 0);
        efficiency = QJsonDocument::fromJson(run.out).object()[QLatin1String("efficiency")].toObject();
        QCOMPARE(efficiency[QLatin1String("timing_peak_flops_per_s")].toDouble(), 181e12);
        QCOMPARE(efficiency[QLatin1String("timing_bandwidth_bytes_per_s")].toDouble(), 384e9);
    }

    // Tokens/s counts the accepted tokens: Llama-2-13B at batch 4, 8 tokens verified and 3 accepted per step,
    // a step of 44.011 ms (worked in tst_evaluation): 4 x 3 / 0.04401142667 = 272.656 tokens/s.
    void acceptedTokensSetTokensPerSecond()
    {
        const Run run = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--batch"), QStringLiteral("4"),
                                      QStringLiteral("--tokens-per-step"), QStringLiteral("8"), QStringLiteral("--accepted-tokens"),
                                      QStringLiteral("3") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        const QJsonObject decode = doc[QLatin1String("totals")].toObject()[QLatin1String("decode")].toObject();
        ROOFLINE_COMPARE_REL(decode[QLatin1String("tokens_per_s")].toDouble(), 272.6564646, 1e-9);
        QCOMPARE(decode[QLatin1String("accepted_tokens_per_step")].toDouble(), 3.0);
        QCOMPARE(doc[QLatin1String("workload")].toObject()[QLatin1String("accepted_tokens_per_step")].toDouble(), 3.0);
        // The edges are allowed: every candidate accepted (8 of 8: 4 x 8 / 0.04401142667 = 727.084 tokens/s), and
        // the default 1 of 1 given in so many words.
        const Run all = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--batch"), QStringLiteral("4"),
                                      QStringLiteral("--tokens-per-step"), QStringLiteral("8"), QStringLiteral("--accepted-tokens"),
                                      QStringLiteral("8") });
        QCOMPARE(all.exitCode, 0);
        ROOFLINE_COMPARE_REL(QJsonDocument::fromJson(all.out).object()[QLatin1String("totals")].toObject()[QLatin1String("decode")]
                                 .toObject()[QLatin1String("tokens_per_s")]
                                 .toDouble(),
                             727.0839057, 1e-9);
        const Run one = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--accepted-tokens"), QStringLiteral("1") });
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(one.err, QByteArray());
        // A session's 3 accepted of 8, with fewer verified given on top: refused, not silently cut to 2.
        QTemporaryDir dir;
        const QString session = dir.filePath(QStringLiteral("spec.roofline"));
        QVERIFY(writeFile(session, R"({"format": 1, "workload": {"tokens_per_step": 8, "accepted_tokens_per_step": 3}})"));
        const Run fewer = runExplorer({ QStringLiteral("--session"), session, QStringLiteral("--tokens-per-step"), QStringLiteral("2"),
                                        QStringLiteral("--dump"), QStringLiteral("json") });
        QCOMPARE(fewer.exitCode, 2);
        QCOMPARE(fewer.err, QByteArray("roofline-explorer: --tokens-per-step: 2 is fewer than the 3 tokens the session accepts per step; "
                                       "give --accepted-tokens too\n"));
        const Run both = runExplorer({ QStringLiteral("--session"), session, QStringLiteral("--tokens-per-step"), QStringLiteral("2"),
                                       QStringLiteral("--accepted-tokens"), QStringLiteral("2"), QStringLiteral("--dump"), QStringLiteral("json") });
        QCOMPARE(both.exitCode, 0);
    }

    // Every modelling choice from the command line reaches the numbers and the dump's "assumptions" object.
    // GenZ's Llama-2-7B figure: the fused QKV at 1,024 tokens, 768 FLOP/B (worked in tst_opcost).
    void assumptionFlags()
    {
        const Run run = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--model"), QStringLiteral("llama-2-7b"),
                                      QStringLiteral("--seq"), QStringLiteral("1024"), QStringLiteral("--fuse-qkv"), QStringLiteral("--fuse-gate-up"),
                                      QStringLiteral("--causal-mask"), QStringLiteral("on"), QStringLiteral("--prefill-logits"), QStringLiteral("all"),
                                      QStringLiteral("--embedding-dtype"), QStringLiteral("fp16"), QStringLiteral("--score-dtype"),
                                      QStringLiteral("FP32"), QStringLiteral("--count-non-gemm"), QStringLiteral("off") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        const QJsonObject assumptions = doc[QLatin1String("assumptions")].toObject();
        QCOMPARE(assumptions[QLatin1String("causal_mask")].toBool(), true);
        QCOMPARE(assumptions[QLatin1String("prefill_logits")].toString(), QStringLiteral("all"));
        QCOMPARE(assumptions[QLatin1String("embedding_dtype")].toString(), QStringLiteral("fp16"));
        QCOMPARE(assumptions[QLatin1String("score_dtype")].toString(), QStringLiteral("fp32"));
        QCOMPARE(assumptions[QLatin1String("fuse_qkv")].toBool(), true);
        QCOMPARE(assumptions[QLatin1String("fuse_gate_up")].toBool(), true);
        QCOMPARE(assumptions[QLatin1String("count_non_gemm")].toBool(), false);
        const QJsonArray ops = doc[QLatin1String("ops")].toArray();
        QCOMPARE(findOp(ops, QStringLiteral("prefill"), QStringLiteral("qkv_proj"))[QLatin1String("intensity")].toDouble(), 768.0);
        QVERIFY(findOp(ops, QStringLiteral("prefill"), QStringLiteral("q_proj")).isEmpty());
        QVERIFY(!findOp(ops, QStringLiteral("decode"), QStringLiteral("gate_up_proj")).isEmpty());
        // With every default, the dump says so.
        const Run plain = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json") });
        const QJsonObject defaults = QJsonDocument::fromJson(plain.out).object()[QLatin1String("assumptions")].toObject();
        QCOMPARE(defaults[QLatin1String("causal_mask")].toBool(), false);
        QCOMPARE(defaults[QLatin1String("prefill_logits")].toString(), QStringLiteral("last"));
        QCOMPARE(defaults[QLatin1String("embedding_dtype")].toString(), QStringLiteral("weights"));
        QCOMPARE(defaults[QLatin1String("score_dtype")].toString(), QStringLiteral("activations"));
        QCOMPARE(defaults[QLatin1String("count_non_gemm")].toBool(), true);
    }

    // Mistral-7B-v0.1's 4,096-token window at 16,384 tokens: the KV cache holds 2 x 32 layers x 4096 x 8 x 128
    // x 2 B = 536,870,912 B (not 2,147,483,648), and decode qk reads 4,096 keys, 4096 x 8 x 128 x 2 =
    // 8,388,608 B of cache, for 2 x 32 x 4096 x 128 = 33,554,432 FLOPs.
    void slidingWindowModelFromThePresets()
    {
        const Run run = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--model"),
                                      QStringLiteral("mistral-7b-v0.1"), QStringLiteral("--seq"), QStringLiteral("16384") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        const QJsonObject memory = doc[QLatin1String("totals")].toObject()[QLatin1String("memory")].toObject();
        QCOMPARE(memory[QLatin1String("kv_cache_bytes")].toDouble(), 536870912.0);
        const QJsonObject qk = findOp(doc[QLatin1String("ops")].toArray(), QStringLiteral("decode"), QStringLiteral("qk"));
        QCOMPARE(qk[QLatin1String("flops")].toDouble(), 33554432.0);
        QCOMPARE(qk[QLatin1String("bytes_split")].toObject()[QLatin1String("kv_read")].toDouble(), 8388608.0);
        QCOMPARE(doc[QLatin1String("model")].toObject()[QLatin1String("sliding_window")].toInt(), 4096);
    }

    void phaseMapDump()
    {
        const Run run = runExplorer({ QStringLiteral("--dump"), QStringLiteral("phase-map"), QStringLiteral("--map-quantity"),
                                      QStringLiteral("compute_bound_share"), QStringLiteral("--map-series"), QStringLiteral("qkv mlp ar") });
        QCOMPARE(run.exitCode, 0);
        const QList<QByteArray> lines = run.out.trimmed().split('\n');
        // 64 log-spaced values each way, rounded: 52 distinct batch sizes from 1 to 1024 and 59 sequence lengths
        // from 1 to 131072, each pair once (the rounded grid repeated batch 1 five times: 538 duplicate rows).
        QCOMPARE(lines.size(), 1 + 52 * 59);
        QVERIFY(lines.first().startsWith("batch,seq,share of the series' time compute-bound"));
        // Batch 1: decode projections are memory-bound; batch 1024: compute-bound on the seed A6000.
        QVERIFY(lines[1].startsWith("1,1,0,"));
        QVERIFY(lines[2].startsWith("2,1,0,"));
        QVERIFY(lines[52].startsWith("1024,1,1,"));
        QVERIFY(lines[53].startsWith("1,2,0,"));
        QVERIFY(lines.last().startsWith("1024,131072,"));
    }

    // The switches turn off what a session turned on; on and off together is an error.
    void switchesTurnOffASessionsChoices()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(QStringLiteral("fused.roofline"));
        QVERIFY(writeFile(session, R"({"format": 1, "workload": {"flash_attention": true,
                                       "assumptions": {"fuse_qkv": true, "fuse_gate_up": true}}})"));
        const auto dump = [&](const QStringList &flags) {
            const Run run = runExplorer(QStringList { QStringLiteral("--session"), session, QStringLiteral("--dump"), QStringLiteral("json") } + flags);
            return std::pair(run.exitCode, QJsonDocument::fromJson(run.out).object()[QLatin1String("workload")].toObject());
        };
        const auto [onCode, on] = dump({});
        QCOMPARE(onCode, 0);
        QCOMPARE(on[QLatin1String("flash_attention")].toBool(), true);
        QCOMPARE(on[QLatin1String("assumptions")].toObject()[QLatin1String("fuse_qkv")].toBool(), true);
        const auto [offCode, off] = dump({ QStringLiteral("--no-flash-attention"), QStringLiteral("--no-fuse-qkv"), QStringLiteral("--no-fuse-gate-up") });
        QCOMPARE(offCode, 0);
        QCOMPARE(off[QLatin1String("flash_attention")].toBool(), false);
        QCOMPARE(off[QLatin1String("assumptions")].toObject()[QLatin1String("fuse_qkv")].toBool(), false);
        QCOMPARE(off[QLatin1String("assumptions")].toObject()[QLatin1String("fuse_gate_up")].toBool(), false);
        const Run both = runExplorer({ QStringLiteral("--fuse-qkv"), QStringLiteral("--no-fuse-qkv"), QStringLiteral("--dump"), QStringLiteral("json") });
        QCOMPARE(both.exitCode, 2);
        QCOMPARE(both.err, QByteArray("roofline-explorer: --fuse-qkv and --no-fuse-qkv exclude each other\n"));
    }

    // A session's phase map choice is what --dump phase-map maps, unless the flags say otherwise.
    void phaseMapDumpTakesTheSessionsChoice()
    {
        QTemporaryDir dir;
        const QString session = dir.filePath(QStringLiteral("map.roofline"));
        QVERIFY(writeFile(session, R"({"format": 1, "phase_map": {"quantity": "fits", "series": "qk/pv ar"}})"));
        const Run stored = runExplorer({ QStringLiteral("--session"), session, QStringLiteral("--dump"), QStringLiteral("phase-map") });
        QCOMPARE(stored.exitCode, 0);
        QVERIFY2(stored.out.startsWith("batch,seq,fits in memory,"), stored.out.left(80).constData());
        const Run flagged = runExplorer({ QStringLiteral("--session"), session, QStringLiteral("--map-quantity"), QStringLiteral("ttft_s"),
                                          QStringLiteral("--dump"), QStringLiteral("phase-map") });
        QCOMPARE(flagged.exitCode, 0);
        QVERIFY2(flagged.out.startsWith("batch,seq,time to first token (s),"), flagged.out.left(80).constData());
    }

    // No (batch, seq) row twice, for the default and for every example session.
    void phaseMapDumpHasNoDuplicateRows_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("default") << QStringList();
        const QDir sessions(QStringLiteral(ROOFLINE_PRESET_DIR "/../sessions"));
        for (const QString &name : sessions.entryList({ QStringLiteral("*.roofline") }, QDir::Files))
            QTest::newRow(qPrintable(name)) << QStringList { QStringLiteral("--session"), sessions.filePath(name) };
        QTest::newRow("ttft") << QStringList { QStringLiteral("--map-quantity"), QStringLiteral("ttft_s") };
    }
    void phaseMapDumpHasNoDuplicateRows()
    {
        QFETCH(QStringList, arguments);
        const Run run = runExplorer(arguments << QStringLiteral("--dump") << QStringLiteral("phase-map"));
        QCOMPARE(run.exitCode, 0);
        QList<QByteArray> lines = run.out.trimmed().split('\n');
        lines.removeFirst();
        QSet<QByteArray> cells;
        for (const QByteArray &line : lines) {
            const QList<QByteArray> fields = line.split(',');
            QVERIFY2(!cells.contains(fields[0] + ',' + fields[1]), line.constData());
            cells.insert(fields[0] + ',' + fields[1]);
        }
        QCOMPARE(cells.size(), 52 * 59);
    }

    void aDumpThatCannotBeWrittenFails()
    {
        // stdout on a full disk: the dump was cut short and the run still exited 0.
        const Run run = runExplorer({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--sweep") },
                                    [](QProcess &process) { process.setStandardOutputFile(QStringLiteral("/dev/full")); });
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(QString::fromUtf8(run.err).trimmed(),
                 QStringLiteral("roofline-explorer: cannot write to standard output: No space left on device"));
    }

    void lists()
    {
        const Run gpus = runExplorer({ QStringLiteral("--list-gpus") });
        QCOMPARE(gpus.exitCode, 0);
        // One line per preset: id, name, bandwidth, fp16 peak, memory and the ridge 181e12 / 768e9 = 235.7 FLOP/B.
        const QList<QByteArray> lines = gpus.out.split('\n');
        QCOMPARE(lines.first(), QByteArray("a6000-seed       RTX A6000 (seed chart)          768 GB/s    181.0 TFLOP/s fp16    48 GB  ridge  235.7 FLOP/B"));
        bool h100 = false;
        for (const QByteArray &line : lines) // 989.4e12 / 3350e9 = 295.3 FLOP/B
            h100 = h100 || (line.startsWith("h100-sxm ") && line.endsWith("ridge  295.3 FLOP/B") && line.contains(" 3350 GB/s "));
        QVERIFY2(h100, gpus.out.constData());
        const Run models = runExplorer({ QStringLiteral("--list-models") });
        QVERIFY(models.out.contains("llama-3.1-70b"));
    }

    void overridesRenameTheGpu()
    {
        const CommandLineRequest request = parseCommandLine(
            { QStringLiteral("x"), QStringLiteral("--gpu"), QStringLiteral("h100-sxm"), QStringLiteral("--bandwidth-gbps"),
              QStringLiteral("1000") },
            m_presets);
        QCOMPARE(request.session.gpu.bandwidthBytesPerSecond, 1e12);
        QCOMPARE(request.session.gpu.peak(ComputeType::Fp16).value(), 989.4e12);
        QCOMPARE(request.session.gpu.name, std::string("Custom (from H100 SXM)"));
    }

    void workloadFlags()
    {
        const CommandLineRequest request = parseCommandLine(
            { QStringLiteral("x"), QStringLiteral("--weight-dtype"), QStringLiteral("int4"), QStringLiteral("--kv-dtype"),
              QStringLiteral("fp8"), QStringLiteral("--act-dtype"), QStringLiteral("fp32"), QStringLiteral("--flash-attention"), QStringLiteral("--tokens-per-step"),
              QStringLiteral("64"), QStringLiteral("--batch"), QStringLiteral("1000000"), QStringLiteral("--seq"),
              QStringLiteral("10000000") },
            m_presets);
        const Workload &w = request.session.workload;
        QCOMPARE(w.weightType, DType::Int4);
        QCOMPARE(w.kvType, DType::Fp8);
        QCOMPARE(w.activationType, DType::Fp32);
        QVERIFY(w.flashAttention);
        QCOMPARE(w.tokensPerStep, qint64(64));
        QCOMPARE(w.batch, qint64(1000000));
        const Evaluation e = request.session.scenario().evaluate();
        QVERIFY(std::isfinite(e.timeToFirstTokenSeconds()));
        QVERIFY(!e.memory.fits());
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown flag") << QStringList { QStringLiteral("--frobnicate") } << "Unknown option 'frobnicate'";
        QTest::newRow("missing value") << QStringList { QStringLiteral("--batch") } << "Missing value after '--batch'";
        QTest::newRow("not a number") << QStringList { QStringLiteral("--batch"), QStringLiteral("many") }
                                      << "--batch: expected a number, got \"many\"";
        QTest::newRow("zero batch") << QStringList { QStringLiteral("--batch"), QStringLiteral("0") } << "--batch: must be between 1";
        QTest::newRow("causal mask word") << QStringList { QStringLiteral("--causal-mask"), QStringLiteral("yes") }
                                          << "--causal-mask: expected off or on, got \"yes\"";
        QTest::newRow("prefill logits word") << QStringList { QStringLiteral("--prefill-logits"), QStringLiteral("first") }
                                             << "--prefill-logits: expected last or all, got \"first\"";
        QTest::newRow("score dtype") << QStringList { QStringLiteral("--score-dtype"), QStringLiteral("fp64") }
                                     << "--score-dtype: unknown type \"fp64\" (expected fp32, fp16, bf16, fp8, int8 or int4)";
        QTest::newRow("count non-gemm word") << QStringList { QStringLiteral("--count-non-gemm"), QStringLiteral("1") }
                                             << "--count-non-gemm: expected off or on, got \"1\"";
        QTest::newRow("accepted under 1") << QStringList { QStringLiteral("--accepted-tokens"), QStringLiteral("0.5") }
                                          << "--accepted-tokens: must be between 1 and 65536, got 0.5";
        QTest::newRow("accepted over verified")
            << QStringList { QStringLiteral("--tokens-per-step"), QStringLiteral("4"), QStringLiteral("--accepted-tokens"), QStringLiteral("5") }
            << "--accepted-tokens: 5 is more than the 4 tokens verified per step (--tokens-per-step)";
        QTest::newRow("fraction") << QStringList { QStringLiteral("--seq"), QStringLiteral("1.5") } << "--seq: expected a whole number";
        // A limit is quoted in full, as the user types it ("1e+09" read as a formula to decode).
        QTest::newRow("batch over the limit") << QStringList { QStringLiteral("--batch"), QStringLiteral("2000000000") }
                                              << "--batch: must be between 1 and 1000000000, got 2000000000";
        QTest::newRow("nan") << QStringList { QStringLiteral("--peak-tflops"), QStringLiteral("nan") } << "--peak-tflops: expected a number";
        QTest::newRow("negative bandwidth") << QStringList { QStringLiteral("--bandwidth-gbps"), QStringLiteral("-5") }
                                            << "--bandwidth-gbps: must be between";
        QTest::newRow("unknown gpu") << QStringList { QStringLiteral("--gpu"), QStringLiteral("gtx-9999") } << "unknown GPU \"gtx-9999\"";
        QTest::newRow("unknown model") << QStringList { QStringLiteral("--model"), QStringLiteral("gpt-5") } << "unknown model \"gpt-5\"";
        QTest::newRow("unknown dtype") << QStringList { QStringLiteral("--weight-dtype"), QStringLiteral("fp12") } << "unknown type \"fp12\"";
        QTest::newRow("unpublished peak") << QStringList { QStringLiteral("--compute-type"), QStringLiteral("fp8") }
                                          << "publishes no fp8 peak";
        QTest::newRow("dump format") << QStringList { QStringLiteral("--dump"), QStringLiteral("xml") } << "--dump: unknown format";
        QTest::newRow("missing gpu file") << QStringList { QStringLiteral("--gpu-file"), QStringLiteral("/nonexistent/gpu.json") }
                                          << "/nonexistent/gpu.json: no such file";
        QTest::newRow("directory as config") << QStringList { QStringLiteral("--model-config"), QStringLiteral("/tmp") }
                                             << "/tmp: is a directory";
        QTest::newRow("efficiency over 1") << QStringList { QStringLiteral("--compute-efficiency"), QStringLiteral("1.5") }
                                           << "--compute-efficiency: must be between 0.01 and 1";
        QTest::newRow("sweep mode") << QStringList { QStringLiteral("--sweep-mode"), QStringLiteral("spiral") } << "--sweep-mode: unknown mode";
        QTest::newRow("measured file") << QStringList { QStringLiteral("--measured"), QStringLiteral(ROOFLINE_TEST_DATA "/measured/no-time.csv") }
                                       << "no-time.csv: line 1: the header has neither";
        QTest::newRow("map quantity") << QStringList { QStringLiteral("--map-quantity"), QStringLiteral("heat") } << "--map-quantity: unknown quantity";
        QTest::newRow("map series") << QStringList { QStringLiteral("--map-series"), QStringLiteral("mlp") } << "--map-series: unknown series";
        QTest::newRow("export style") << QStringList { QStringLiteral("--export-style"), QStringLiteral("neon") } << "--export-style: unknown style";
        QTest::newRow("positional") << QStringList { QStringLiteral("chart.png") }
                                    << R"(unexpected argument "chart.png": every argument is a flag (see --help))";
        QTest::newRow("a directory alone") << QStringList { QStringLiteral("/tmp") }
                                           << R"("/tmp" is a directory, given without a flag: every argument is a flag (see --help); )"
                                              "to export into it, give --export /tmp/chart.png";
        QTest::newRow("a file alone") << QStringList { QStringLiteral(ROOFLINE_TEST_DATA "/good/gpu.json") }
                                      << "gpu.json\" is a file given without a flag: open a session with --session, a GPU with --gpu-file";
        QTest::newRow("nothing to do") << QStringList { QStringLiteral("--batch"), QStringLiteral("4") }
                                       << "nothing to do: the flags given set up a chart; add --dump (json, csv or phase-map), --export FILE";
        QTest::newRow("a session alone") << QStringList { QStringLiteral("--session"), QStringLiteral(ROOFLINE_TEST_DATA "/../../resources/sessions/medusa-llama-33b-a100.roofline") }
                                         << "nothing to do:";
        QTest::newRow("sweep without json") << QStringList { QStringLiteral("--dump"), QStringLiteral("csv"), QStringLiteral("--sweep") }
                                            << "--sweep: adds the sweep to --dump json only";
        QTest::newRow("map series without a map") << QStringList { QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--map-series"), QStringLiteral("qk/pv ar") }
                                                   << "--map-series: chooses what --dump phase-map prints; give --dump phase-map";
        QTest::newRow("size without export") << QStringList { QStringLiteral("--dump"), QStringLiteral("csv"), QStringLiteral("--size"), QStringLiteral("800x600") }
                                             << "--size: shapes an export; give --export FILE";
        QTest::newRow("scale for an svg") << QStringList { QStringLiteral("--export"), QStringLiteral("/tmp/never.svg"), QStringLiteral("--scale"), QStringLiteral("2") }
                                          << "--scale: multiplies a PNG's pixels only; an SVG or PDF is drawn at --size";
        QTest::newRow("given twice") << QStringList { QStringLiteral("--batch"), QStringLiteral("5"), QStringLiteral("--batch=6") }
                                     << R"(roofline-explorer: --batch: given 2 times ("5", "6"); give it once)";
    }
    void badArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const Run run = runExplorer(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.out.isEmpty(), run.out.constData()); // nothing on stdout
        const QString err = QString::fromUtf8(run.err).trimmed();
        QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err)); // one line
        QVERIFY2(err.contains(expected), qPrintable(err));
    }

    void badFileNamesFieldAndValue()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(writeFile(path, R"({"hidden_size": 5120, "intermediate_size": 13824, "num_attention_heads": 40,
                      "num_key_value_heads": 7, "num_hidden_layers": 40, "vocab_size": 32000})"));
        const Run run = runExplorer({ QStringLiteral("--model-config"), path, QStringLiteral("--dump"), QStringLiteral("json") });
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        const QString err = QString::fromUtf8(run.err);
        QVERIFY2(err.contains(path) && err.contains(QLatin1String("num_key_value_heads")) && err.contains(QLatin1String("7")),
                 qPrintable(err));
    }

    void userFilesLoadLikePresets()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("gpu.json"));
        QVERIFY(writeFile(path, R"({"name": "Lab card", "memory_bandwidth_gb_per_s": 500, "memory_gb": 16, "peak_tflops": {"fp16": 50}})"));
        const Run run = runExplorer({ QStringLiteral("--gpu-file"), path, QStringLiteral("--dump"), QStringLiteral("json") });
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(doc[QLatin1String("gpu")].toObject()[QLatin1String("name")].toString(), QStringLiteral("Lab card"));
        ROOFLINE_COMPARE_REL(doc[QLatin1String("ridge_flop_per_byte")].toDouble(), 100.0, 1e-12); // 50e12 / 500e9
    }

    // The help names the model's own defaults and the names each flag takes from the name tables, so it cannot
    // drift from what a run does (the seed chart: Llama-2-13B on the A6000 at batch 1, 2,048 tokens, fp16).
    void help()
    {
        const Run run = runExplorer({ QStringLiteral("--help") });
        QCOMPARE(run.exitCode, 0);
        const QString help = QString::fromUtf8(run.out).simplified();
        const auto has = [&](const std::string &text) {
            QVERIFY2(help.contains(QString::fromStdString(text)), text.c_str());
        };
        const Workload w;
        has("Model preset id (see --list-models). Default llama-2-13b.");
        has("GPU preset id (see --list-gpus). Default a6000-seed.");
        has("Batch size b. Default 1.");
        has("cached tokens in decode. Default 2048.");
        has("Weight storage: " + dtypeNames() + ". Default " + std::string(dtypeName(w.weightType)) + ".");
        has("KV-cache storage type. Default fp16.");
        has("Which peak is the compute roof: " + computeTypeNames() + " (bf16 means fp16). Default fp16.");
        has("Tokens verified per decode step (speculative decoding). Default 1.");
        has("or all of them (off). Default off.");
        has("for the last position or every one. Default last.");
        has("residual adds count in the totals. Default on.");
        has("Export size in pixels, WxH. Default 1920x1080.");
        has("Export scale factor for PNG (1 to 4). Default 1.");
        has("share of peak compute reached (0.01 to 1, e.g. 0.7)");
        has("share of peak bandwidth reached (0.01 to 1, e.g. 0.85)");
        has("With --dump phase-map: decode_step_s, tokens_per_s, ttft_s, compute_bound_share or fits.");
        has("What the small points sweep: " + sweepModeNames() + ".");
        has("value over 64 log-spaced values");
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
