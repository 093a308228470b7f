#include "testutil.h"

#include "modelfixtures.h"
#include "opcost.h"

using namespace roofline;

Q_DECLARE_METATYPE(roofline::Phase)
Q_DECLARE_METATYPE(roofline::OpKind)

class TestOpCost : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The figures worked by hand in the Foundation issue, Llama-2-13B (h 5120, f 13824, 40 heads of 128), FP16.
    void llama13b_data()
    {
        QTest::addColumn<Phase>("phase");
        QTest::addColumn<OpKind>("op");
        QTest::addColumn<qint64>("batch");
        QTest::addColumn<qint64>("seq");
        QTest::addColumn<double>("flops");
        QTest::addColumn<double>("bytes");
        QTest::addColumn<double>("intensity");
        // T = 1: 2*1*5120*5120 = 52,428,800 FLOPs; 5120*5120*2 + 5120*2 + 5120*2 = 52,449,280 B.
        QTest::newRow("decode q_proj b1") << Phase::Decode << OpKind::QProj << qint64(1) << qint64(2048) << 52428800.0
                                          << 52449280.0 << 0.99960953;
        // T = 2048: 2*2048*5120^2 = 107,374,182,400; 52,428,800 + 2*2048*5120*2 = 94,371,840 B.
        QTest::newRow("prefill q_proj b1 s2048") << Phase::Prefill << OpKind::QProj << qint64(1) << qint64(2048)
                                                 << 107374182400.0 << 94371840.0 << 1137.7778;
        // T = 16*512 = 8192: 2*8192*5120*13824 = 1,159,641,169,920;
        // 5120*13824*2 + 8192*5120*2 + 8192*13824*2 = 141,557,760 + 83,886,080 + 226,492,416 = 451,936,256 B.
        QTest::newRow("prefill gate_proj b16 s512") << Phase::Prefill << OpKind::GateProj << qint64(16) << qint64(512)
                                                    << 1159641169920.0 << 451936256.0 << 2565.9;
        // The new token attends to the 2048 cached and itself: 2049 keys. 2*40*2049*128 = 20,981,760;
        // q 40*128*2 + K 2049*40*128*2 + scores 40*2049*2 = 10,240 + 20,981,760 + 163,920 = 21,155,920 B.
        QTest::newRow("decode qk b1 s2048") << Phase::Decode << OpKind::Qk << qint64(1) << qint64(2048) << 20981760.0
                                            << 21155920.0 << 0.99176779;
        // pv: the score row read, V read, the output written: the same totals as qk.
        QTest::newRow("decode pv b1 s2048") << Phase::Decode << OpKind::Pv << qint64(1) << qint64(2048) << 20981760.0
                                            << 21155920.0 << 0.99176779;
        // 2*40*2048*2048*128 = 42,949,672,960; (2048*5120 + 2048*5120 + 40*2048*2048)*2 = 377,487,360 B.
        QTest::newRow("prefill qk b1 s2048") << Phase::Prefill << OpKind::Qk << qint64(1) << qint64(2048)
                                             << 42949672960.0 << 377487360.0 << 113.77778;
        // o_proj, decode, b = 4: 2*4*5120*5120 = 209,715,200; 52,428,800 + 4*5120*2*2 = 52,510,720 B.
        QTest::newRow("decode o_proj b4") << Phase::Decode << OpKind::OProj << qint64(4) << qint64(128) << 209715200.0
                                          << 52510720.0 << 3.9937600;
        // down_proj, decode b1: 2*13824*5120 = 141,557,760; 141,557,760 + 13824*2 + 5120*2 = 141,595,648 B.
        QTest::newRow("decode down_proj b1") << Phase::Decode << OpKind::DownProj << qint64(1) << qint64(128)
                                             << 141557760.0 << 141595648.0 << 0.99973242;
    }
    void llama13b()
    {
        QFETCH(Phase, phase);
        QFETCH(OpKind, op);
        QFETCH(qint64, batch);
        QFETCH(qint64, seq);
        QFETCH(double, flops);
        QFETCH(double, bytes);
        QFETCH(double, intensity);
        Workload w;
        w.batch = batch;
        w.seq = seq;
        const PhaseOps ops = phaseCosts(llama2_13b(), w, phase);
        const OpCost *cost = findOp(ops, op);
        QVERIFY(cost);
        ROOFLINE_COMPARE_REL(cost->flops, flops, 1e-12);
        ROOFLINE_COMPARE_REL(cost->totalBytes(), bytes, 1e-12);
        ROOFLINE_COMPARE_REL(cost->intensity(), intensity, 1e-4);
        QCOMPARE(cost->repeat, 40.0); // once per layer
    }

    void seriesAssignment()
    {
        const PhaseOps prefill = phaseCosts(llama2_13b(), Workload {}, Phase::Prefill);
        QCOMPARE(findOp(prefill, OpKind::KProj)->series, Series::QkvMlpInit);
        QCOMPARE(findOp(prefill, OpKind::OProj)->series, Series::QkvMlpInit);
        QCOMPARE(findOp(prefill, OpKind::UpProj)->series, Series::UpGateDownInit);
        QCOMPARE(findOp(prefill, OpKind::Pv)->series, Series::QkPvInit);
        QCOMPARE(findOp(prefill, OpKind::Softmax)->series, Series::None);
        QCOMPARE(findOp(prefill, OpKind::LmHead)->series, Series::None);
        const PhaseOps decode = phaseCosts(llama2_13b(), Workload {}, Phase::Decode);
        QCOMPARE(findOp(decode, OpKind::VProj)->series, Series::QkvMlpAr);
        QCOMPARE(findOp(decode, OpKind::GateProj)->series, Series::UpGateDownAr);
        QCOMPARE(findOp(decode, OpKind::Qk)->series, Series::QkPvAr);
        QCOMPARE(QString::fromUtf8(seriesName(Series::UpGateDownAr).data()), QStringLiteral("up/gate/down ar"));
    }

    void lmHead()
    {
        // Decode, b = 4: 2*4*5120*32000 = 1,310,720,000 FLOPs; weights 5120*32000*2 = 327,680,000 B,
        // plus 4*5120*2 in and 4*32000*2 logits out = 40,960 + 256,000.
        Workload w;
        w.batch = 4;
        const PhaseOps decode = phaseCosts(llama2_13b(), w, Phase::Decode);
        const OpCost *head = findOp(decode, OpKind::LmHead);
        ROOFLINE_COMPARE_REL(head->flops, 1310720000.0, 1e-12);
        ROOFLINE_COMPARE_REL(head->totalBytes(), 327680000.0 + 40960.0 + 256000.0, 1e-12);
        QCOMPARE(head->repeat, 1.0);
        // Prefill computes logits for the last position of each sequence only: the same 4 tokens.
        const PhaseOps prefill = phaseCosts(llama2_13b(), w, Phase::Prefill);
        ROOFLINE_COMPARE_REL(findOp(prefill, OpKind::LmHead)->flops, 1310720000.0, 1e-12);
        // The final norm runs on those 4 tokens too: 4 FLOPs an element, 4*4*5120 = 81,920 FLOPs; its weights
        // 5120*2 = 10,240 B, 4*5120*2 = 40,960 B read and as many written.
        const OpCost *norm = findOp(decode, OpKind::FinalNorm);
        ROOFLINE_COMPARE_REL(norm->flops, 81920.0, 1e-12);
        ROOFLINE_COMPARE_REL(norm->totalBytes(), 10240.0 + 2.0 * 40960.0, 1e-12);
        QCOMPARE(norm->repeat, 1.0);
    }

    void flashAttentionRemovesScoreTraffic()
    {
        Workload w;
        w.seq = 2048;
        const PhaseOps plain = phaseCosts(llama2_13b(), w, Phase::Prefill);
        w.flashAttention = true;
        const PhaseOps fused = phaseCosts(llama2_13b(), w, Phase::Prefill);
        QVERIFY(!findOp(fused, OpKind::Qk));
        QVERIFY(!findOp(fused, OpKind::Softmax));
        const OpCost *attention = findOp(fused, OpKind::Attention);
        QVERIFY(attention);
        QCOMPARE(attention->series, Series::QkPvInit);
        // FLOPs: qk + pv = 2 * 42,949,672,960, and the softmax's 5 a score, 5*40*2048*2048 = 838,860,800:
        // 86,738,206,720. Fusing changes the traffic, not the arithmetic: the same as qk + softmax + pv unfused.
        ROOFLINE_COMPARE_REL(attention->flops, 86738206720.0, 1e-12);
        const double unfusedFlops = findOp(plain, OpKind::Qk)->flops + findOp(plain, OpKind::Softmax)->flops
            + findOp(plain, OpKind::Pv)->flops;
        ROOFLINE_COMPARE_REL(attention->flops, unfusedFlops, 1e-12);
        // Q + K + V + O = 4 * 2048*5120*2 = 83,886,080 B.
        ROOFLINE_COMPARE_REL(attention->totalBytes(), 83886080.0, 1e-12);
        // qk + pv without fusion moved exactly that plus the score matrix twice (written, read back):
        // 2 * 40*2048*2048*2 = 671,088,640 B.
        const double unfused = findOp(plain, OpKind::Qk)->totalBytes() + findOp(plain, OpKind::Pv)->totalBytes();
        ROOFLINE_COMPARE_REL(unfused - attention->totalBytes(), 671088640.0, 1e-12);
        // Without the non-GEMM ops the fused attention is its two matrix multiplies, exactly: 85,899,345,920
        // (compared exactly, so that not even one stray FLOP passes).
        w.assumptions.countNonGemm = false;
        QCOMPARE(findOp(phaseCosts(llama2_13b(), w, Phase::Prefill), OpKind::Attention)->flops, 85899345920.0);
    }

    void tokensPerStepRaisesDecodeIntensity()
    {
        Workload w;
        const OpCost one = *findOp(phaseCosts(llama2_13b(), w, Phase::Decode), OpKind::QProj);
        w.tokensPerStep = 64;
        const OpCost many = *findOp(phaseCosts(llama2_13b(), w, Phase::Decode), OpKind::QProj);
        ROOFLINE_COMPARE_REL(many.flops, 64.0 * one.flops, 1e-12);
        // 3,355,443,200 FLOPs over 52,428,800 + 64*5120*2*2 = 53,739,520 B = 62.44 FLOP/B.
        ROOFLINE_COMPARE_REL(many.intensity(), 62.439024, 1e-6);
    }

    void medusaCandidatesRaiseAttentionIntensity_data()
    {
        QTest::addColumn<qint64>("tokens");
        QTest::addColumn<double>("intensity");
        // LLaMA-33B (52 heads of 128, no GQA), 1,024 cached tokens, fp16, t candidates per step, each
        // attending to the 1,024 cached tokens and the t of the step (k = 1024 + t keys):
        // qk FLOPs 2*52*t*k*128; bytes (t*52*128 + k*52*128 + 52*t*k) * 2, so the intensity is
        // t*k*128 / (128*t + 128*k + t*k).
        QTest::newRow("16") << qint64(16) << 2129920.0 / 151808.0; // k 1040: 14.030
        QTest::newRow("64") << qint64(64) << 8912896.0 / 217088.0; // k 1088: 41.057
        QTest::newRow("112") << qint64(112) << 16285696.0 / 286976.0; // k 1136: 56.750
    }
    void medusaCandidatesRaiseAttentionIntensity()
    {
        QFETCH(qint64, tokens);
        QFETCH(double, intensity);
        const ModelConfig llama33 = llama33b();
        Workload w;
        w.seq = 1024;
        w.tokensPerStep = tokens;
        const OpCost qk = *findOp(phaseCosts(llama33, w, Phase::Decode), OpKind::Qk);
        ROOFLINE_COMPARE_REL(qk.flops, 2.0 * 52 * double(tokens) * double(1024 + tokens) * 128, 1e-12);
        ROOFLINE_COMPARE_REL(qk.intensity(), intensity, 1e-12);
    }

    void int4HalvesInt8Weights()
    {
        Workload w;
        w.weightType = DType::Int8;
        const OpCost int8 = *findOp(phaseCosts(llama2_13b(), w, Phase::Decode), OpKind::QProj);
        w.weightType = DType::Int4;
        const OpCost int4 = *findOp(phaseCosts(llama2_13b(), w, Phase::Decode), OpKind::QProj);
        ROOFLINE_COMPARE_REL(int8.bytes.weights, 26214400.0, 1e-12); // 5120*5120*1
        ROOFLINE_COMPARE_REL(int4.bytes.weights, 13107200.0, 1e-12); // 5120*5120*0.5
        QCOMPARE(int4.flops, int8.flops);
    }

    void gqaDecodeAttentionLlama70b()
    {
        // Llama-2-70B, b 8, s 4096, 64 heads, 8 KV heads, d 128; the new token and the cache: 4097 keys.
        // FLOPs 2*8*64*4097*128 = 537,001,984.
        // Q 8*64*128*2 = 131,072 + K 8*4097*8*128*2 = 67,125,248 + scores 8*64*4097*2 = 4,195,328 = 71,451,648 B.
        Workload w;
        w.batch = 8;
        w.seq = 4096;
        const OpCost qk = *findOp(phaseCosts(llama2_70b(), w, Phase::Decode), OpKind::Qk);
        ROOFLINE_COMPARE_REL(qk.flops, 537001984.0, 1e-12);
        ROOFLINE_COMPARE_REL(qk.totalBytes(), 71451648.0, 1e-12);
        ROOFLINE_COMPARE_REL(qk.bytes.kvRead, 67125248.0, 1e-12);
        // k_proj maps 8192 -> 8*128 = 1024: 2*8*8192*1024 = 134,217,728 FLOPs.
        ROOFLINE_COMPARE_REL(findOp(phaseCosts(llama2_70b(), w, Phase::Decode), OpKind::KProj)->flops, 134217728.0, 1e-12);
    }

    void kvDtypeAppliesToTheCacheOnly()
    {
        Workload w;
        w.kvType = DType::Fp8;
        const OpCost qk = *findOp(phaseCosts(llama2_13b(), w, Phase::Decode), OpKind::Qk);
        // K of 2049 tokens: 2049*40*128*1 = 10,490,880; q and scores stay fp16: 10,240 + 40*2049*2 = 163,920.
        ROOFLINE_COMPARE_REL(qk.totalBytes(), 10490880.0 + 10240.0 + 163920.0, 1e-12);
    }

    // The new tokens' K and V go to the cache in the cache's type, not as activations. Llama-2-13B decode,
    // batch 4, fp16 activations, fp8 cache: k_proj writes 4*40*128*1 = 20,480 B of cache and no activation;
    // it reads its weight 5120*5120*2 = 52,428,800 B and its input 4*5120*2 = 40,960 B.
    void kvProjectionsWriteTheCacheInItsType()
    {
        Workload w;
        w.batch = 4;
        w.kvType = DType::Fp8;
        const PhaseOps decode = phaseCosts(llama2_13b(), w, Phase::Decode);
        for (const OpKind op : { OpKind::KProj, OpKind::VProj }) {
            const OpCost &cost = *findOp(decode, op);
            QCOMPARE(cost.bytes.kvWritten, 20480.0);
            QCOMPARE(cost.bytes.activationsWritten, 0.0);
            QCOMPARE(cost.totalBytes(), 52428800.0 + 40960.0 + 20480.0);
        }
        // q_proj's output is an activation: 4*5120*2 = 40,960 B written, no cache.
        QCOMPARE(findOp(decode, OpKind::QProj)->bytes.activationsWritten, 40960.0);
        QCOMPARE(findOp(decode, OpKind::QProj)->bytes.kvWritten, 0.0);
    }

    // The keys a token attends to, averaged over the layers: min(tokens, window) in a windowed layer, all of them in
    // the others. 40 layers, 10 windowed at 4,096, 10,000 tokens: (10 x 4096 + 30 x 10000) / 40 = 8,524. One
    // windowed layer of 4 at 10 tokens: 4. A window with no layer under it, or layers under no window (Qwen2's
    // max_window_layers with use_sliding_window false): every token. A model of no layers: every token, not 0/0.
    void attendedTokensAveragesOverTheLayers()
    {
        ModelConfig m = llama2_13b();
        m.layers = 40;
        m.slidingWindow = 4096;
        m.windowedLayers = 10;
        QCOMPARE(attendedTokens(m, 10000), 8524.0);
        QCOMPARE(attendedTokens(m, 1000), 1000.0);
        m.layers = 1;
        m.slidingWindow = 4;
        m.windowedLayers = 1;
        QCOMPARE(attendedTokens(m, 10), 4.0);
        m.slidingWindow = 0;
        QCOMPARE(attendedTokens(m, 10), 10.0);
        m.slidingWindow = 4;
        m.windowedLayers = 0;
        QCOMPARE(attendedTokens(m, 10), 10.0);
        m.windowedLayers = 1;
        m.layers = 0;
        QCOMPARE(attendedTokens(m, 10), 10.0);
    }

    // Mistral-7B-v0.1 (32 layers, 32 heads, 8 KV heads of 128, a 4,096-token window in every layer) at 16,384
    // tokens: each query attends to at most 4,096 keys. Decode qk: 2*32*4096*128 = 33,554,432 FLOPs, reading
    // 4096*8*128*2 = 8,388,608 B of cache (16,385 keys without the window: 4x that). Prefill qk: 16,384
    // queries of 4,096 keys, 2*32*16384*4096*128 = 549,755,813,888 FLOPs.
    void slidingWindowCapsTheKeys()
    {
        Workload w;
        w.seq = 16384;
        const ModelConfig mistral = mistral7b();
        QCOMPARE(mistral.slidingWindow, qint64(4096));
        QCOMPARE(mistral.windowedLayers, qint64(32));
        const OpCost decode = *findOp(phaseCosts(mistral, w, Phase::Decode), OpKind::Qk);
        ROOFLINE_COMPARE_REL(decode.flops, 33554432.0, 1e-12);
        ROOFLINE_COMPARE_REL(decode.bytes.kvRead, 8388608.0, 1e-12);
        const OpCost prefill = *findOp(phaseCosts(mistral, w, Phase::Prefill), OpKind::Qk);
        ROOFLINE_COMPARE_REL(prefill.flops, 549755813888.0, 1e-12);
        // Below the window nothing changes: 2,048 cached tokens and the new one, 2*32*2049*128 = 16,785,408.
        w.seq = 2048;
        ROOFLINE_COMPARE_REL(findOp(phaseCosts(mistral, w, Phase::Decode), OpKind::Qk)->flops, 16785408.0, 1e-12);
    }

    // Each modelling choice, worked by hand on Llama-2-13B (h 5120, f 13824, 40 heads of 128, vocab 32,000).
    void assumptionsChangeTheirOwnOps()
    {
        Workload w; // batch 1, 2,048 tokens, fp16
        // Causal mask: position i of the prompt scores i keys, 2048 x 2049 / 2 = 2,098,176 pairs a head;
        // qk 2 x 40 x 2,098,176 x 128 = 21,485,322,240 FLOPs (the whole square: 42,949,672,960); its keys are
        // still read once, 2048 x 5120 x 2 = 20,971,520 B.
        w.assumptions.causalMask = true;
        const OpCost causal = *findOp(phaseCosts(llama2_13b(), w, Phase::Prefill), OpKind::Qk);
        QCOMPARE(causal.flops, 21485322240.0);
        QCOMPARE(causal.bytes.activationsRead, 20971520.0 + 20971520.0); // K and Q
        QCOMPARE(causal.bytes.activationsWritten, 40.0 * 2098176.0 * 2.0); // the kept scores
        // The decode step is not masked: 2,049 keys as before.
        QCOMPARE(findOp(phaseCosts(llama2_13b(), w, Phase::Decode), OpKind::Qk)->flops, 20981760.0);
        w.assumptions = {};
        // Logits for every prompt position: 2 x 2048 x 5120 x 32000 = 671,088,640,000 FLOPs (one: 327,680,000).
        w.assumptions.allPrefillLogits = true;
        QCOMPARE(findOp(phaseCosts(llama2_13b(), w, Phase::Prefill), OpKind::LmHead)->flops, 671088640000.0);
        w.assumptions = {};
        // int4 weights with a 16-bit embedding and LM head: the LM head reads 5120 x 32000 x 2 = 327,680,000 B of
        // weights (int4: 81,920,000), q_proj still 5120 x 5120 x 0.5 = 13,107,200.
        w.weightType = DType::Int4;
        w.assumptions.embeddingType = DType::Fp16;
        const PhaseOps quantised = phaseCosts(llama2_13b(), w, Phase::Decode);
        QCOMPARE(findOp(quantised, OpKind::LmHead)->bytes.weights, 327680000.0);
        QCOMPARE(findOp(quantised, OpKind::QProj)->bytes.weights, 13107200.0);
        w.weightType = DType::Fp16;
        w.assumptions = {};
        // fp32 scores beside fp16 activations: decode qk writes 40 x 2049 x 4 = 327,840 B of scores, the query
        // still 5120 x 2 = 10,240 B.
        w.assumptions.scoreType = DType::Fp32;
        const OpCost scores = *findOp(phaseCosts(llama2_13b(), w, Phase::Decode), OpKind::Qk);
        QCOMPARE(scores.bytes.activationsWritten, 327840.0);
        QCOMPARE(scores.bytes.activationsRead, 10240.0);
        w.assumptions = {};
        // Gate and up fused, decode at batch 1: one 5120 x 27648 weight, 2 x 5120 x 27648 = 283,115,520 FLOPs;
        // 283,115,520 B of weights + 5120 x 2 in + 27648 x 2 out = 283,181,056 B.
        w.assumptions.fuseGateUp = true;
        const PhaseOps fused = phaseCosts(llama2_13b(), w, Phase::Decode);
        QVERIFY(!findOp(fused, OpKind::GateProj) && !findOp(fused, OpKind::UpProj));
        QCOMPARE(findOp(fused, OpKind::GateUpProj)->flops, 283115520.0);
        QCOMPARE(findOp(fused, OpKind::GateUpProj)->totalBytes(), 283181056.0);
        QCOMPARE(findOp(fused, OpKind::GateUpProj)->series, Series::UpGateDownAr);
        w.assumptions = {};
        // Without the non-GEMM ops a decode pass has only the matrix multiplies: 40 layers x (q, k, v, o
        // 209,715,200 + qk, pv 41,963,520 + gate, up, down 424,673,280) + LM head 327,680,000 = 27,381,760,000.
        w.assumptions.countNonGemm = false;
        const PhaseOps gemms = phaseCosts(llama2_13b(), w, Phase::Decode);
        double flops = 0.0;
        for (const OpCost &op : gemms)
            flops += op.flops * op.repeat;
        QCOMPARE(flops, 27381760000.0);
        QVERIFY(!findOp(gemms, OpKind::Softmax) && !findOp(gemms, OpKind::InputNorm) && !findOp(gemms, OpKind::FinalNorm));
    }

    // The choices together with the model shapes they meet: a sliding window, experts, a KV cache in its own type.
    void assumptionsMeetEveryModelShape()
    {
        // Causal mask under a window: Mistral-7B at 16,384 tokens, a 4,096 window in all 32 layers. Position i
        // scores min(i, 4096) keys: 4096 x 4097 / 2 = 8,390,656 pairs up to the window, then 12,288 x 4,096 =
        // 50,331,648: 58,722,304 pairs a head; qk 2 x 32 x 58,722,304 x 128 = 481,053,114,368 FLOPs.
        Workload w;
        w.seq = 16384;
        w.assumptions.causalMask = true;
        ROOFLINE_COMPARE_REL(findOp(phaseCosts(mistral7b(), w, Phase::Prefill), OpKind::Qk)->flops, 481053114368.0, 1e-12);
        // Half the layers windowed (16 of 32): the mean of the windowed 58,722,304 and the full 16384 x 16385 / 2
        // = 134,225,920 pairs, 96,474,112; qk 2 x 32 x 96,474,112 x 128 = 790,315,925,504.
        ModelConfig half = mistral7b();
        half.windowedLayers = 16;
        ROOFLINE_COMPARE_REL(findOp(phaseCosts(half, w, Phase::Prefill), OpKind::Qk)->flops, 790315925504.0, 1e-12);

        // Fused QKV with an fp8 cache beside fp16 activations: Llama-2-13B decode at batch 1 writes k and v to
        // the cache at 1 B, 2 x 40 x 128 = 10,240 B, and q out at 2 B, 40 x 128 x 2 = 10,240 B.
        w = Workload {};
        w.kvType = DType::Fp8;
        w.assumptions.fuseQkv = true;
        const OpCost qkv = *findOp(phaseCosts(llama2_13b(), w, Phase::Decode), OpKind::QkvProj);
        QCOMPARE(qkv.bytes.kvWritten, 10240.0);
        QCOMPARE(qkv.bytes.activationsWritten, 10240.0);

        // Fused gate/up on Mixtral-8x7B, decode at batch 1: the token runs 2 experts and their weights are the
        // ones read, 2 x 4096 x 28672 x 2 B = 469,762,048 B, for 2 x 2 x 4096 x 28672 = 469,762,048 FLOPs.
        w = Workload {};
        w.assumptions.fuseGateUp = true;
        const OpCost gateUp = *findOp(phaseCosts(mixtral8x7b(), w, Phase::Decode), OpKind::GateUpProj);
        QCOMPARE(gateUp.bytes.weights, 469762048.0);
        QCOMPARE(gateUp.flops, 469762048.0);
    }

    // The causal mask's pairs under a window, at its edges: one windowed layer of 4 at 10 tokens scores
    // 4 x 5 / 2 + 6 x 4 = 34 pairs a head (qk 2 x 40 x 34 x 128 = 348,160 FLOPs), not the full 55 (563,200); a
    // window with no layer under it, or layers under no window, score the full 55; a model of no layers is no NaN.
    void causalPairsAtTheirEdges()
    {
        Workload w;
        w.seq = 10;
        w.assumptions.causalMask = true;
        ModelConfig m = llama2_13b();
        m.layers = 1;
        m.slidingWindow = 4;
        m.windowedLayers = 1;
        QCOMPARE(findOp(phaseCosts(m, w, Phase::Prefill), OpKind::Qk)->flops, 348160.0);
        m.slidingWindow = 0;
        QCOMPARE(findOp(phaseCosts(m, w, Phase::Prefill), OpKind::Qk)->flops, 563200.0);
        m.slidingWindow = 4;
        m.windowedLayers = 0;
        QCOMPARE(findOp(phaseCosts(m, w, Phase::Prefill), OpKind::Qk)->flops, 563200.0);
        m.windowedLayers = 1;
        m.layers = 0;
        QVERIFY(std::isfinite(findOp(phaseCosts(m, w, Phase::Prefill), OpKind::Qk)->flops));
    }

    // GenZ's figure: Llama-2-7B's fused QKV in prefill at 1,024 tokens has an intensity of 768 FLOP/B.
    // 2 x 1024 x 4096 x 12288 = 103,079,215,104 FLOPs over the 4096 x 12288 x 2 = 100,663,296 B weight, the
    // input 1024 x 4096 x 2 = 8,388,608 B, q out 8,388,608 B and k, v into the cache 16,777,216 B:
    // 134,217,728 B, exactly 768. Unfused, q_proj alone is 682.7 (its input read three times in all).
    void fusedQkvReproducesGenZ()
    {
        Workload w;
        w.seq = 1024;
        w.assumptions.fuseQkv = true;
        const PhaseOps ops = phaseCosts(llama2_7b(), w, Phase::Prefill);
        QVERIFY(!findOp(ops, OpKind::QProj));
        const OpCost qkv = *findOp(ops, OpKind::QkvProj);
        QCOMPARE(qkv.flops, 103079215104.0);
        QCOMPARE(qkv.totalBytes(), 134217728.0);
        QCOMPARE(qkv.intensity(), 768.0);
        QCOMPARE(qkv.series, Series::QkvMlpInit);
        w.assumptions.fuseQkv = false;
        ROOFLINE_COMPARE_REL(findOp(phaseCosts(llama2_7b(), w, Phase::Prefill), OpKind::QProj)->intensity(), 2048.0 / 3.0, 1e-12);
    }

    void mixtralReadsTwoOfEightExpertsAtBatchOne()
    {
        QCOMPARE(expectedExpertsTouched(mixtral8x7b(), 1.0), 2.0); // 8 * (1 - (6/8)^1)
        // Many tokens touch every expert: 8 * (1 - 0.75^64) = 7.99999...
        ROOFLINE_COMPARE_REL(expectedExpertsTouched(mixtral8x7b(), 64.0), 8.0, 1e-6);
        QCOMPARE(expectedExpertsTouched(llama2_13b(), 1000.0), 1.0);
        Workload w;
        const OpCost gate = *findOp(phaseCosts(mixtral8x7b(), w, Phase::Decode), OpKind::GateProj);
        // Two experts' gate weights: 2 * 4096*14336*2 = 234,881,024 B; each token runs k = 2 experts:
        // 2 * 2*4096*14336 = 234,881,024 FLOPs.
        ROOFLINE_COMPARE_REL(gate.bytes.weights, 234881024.0, 1e-12);
        ROOFLINE_COMPARE_REL(gate.flops, 234881024.0, 1e-12);
        // The router maps each token's 4096 values to 8 expert scores: 2*1*4096*8 = 65,536 FLOPs; its weights
        // are read once, 4096*8*2 = 65,536 B, the token read 4096*2 = 8,192 B, the scores written 8*2 = 16 B.
        const OpCost router = *findOp(phaseCosts(mixtral8x7b(), w, Phase::Decode), OpKind::Router);
        ROOFLINE_COMPARE_REL(router.flops, 65536.0, 1e-12);
        ROOFLINE_COMPARE_REL(router.bytes.weights, 65536.0, 1e-12);
        ROOFLINE_COMPARE_REL(router.totalBytes(), 65536.0 + 8192.0 + 16.0, 1e-12);
        QVERIFY(!findOp(phaseCosts(llama2_13b(), w, Phase::Decode), OpKind::Router)); // a dense model has none
    }

    // An op that moves no bytes has an intensity of 0, not 0/0; one that moves half a byte (one int4 weight) for
    // 1 FLOP has 2 FLOP/B.
    void intensityOfOpsThatMoveLittle()
    {
        QCOMPARE(ByteSplit {}.total(), 0.0);
        QCOMPARE(OpCost {}.intensity(), 0.0);
        OpCost half;
        half.flops = 1.0;
        half.bytes.weights = 0.5;
        QCOMPARE(half.intensity(), 2.0);
    }

    void hugeWorkloadsStayFinite()
    {
        Workload w;
        w.batch = 1000000;
        w.seq = 10000000;
        for (const Phase phase : { Phase::Prefill, Phase::Decode }) {
            for (const OpCost &op : phaseCosts(llama2_13b(), w, phase)) {
                QVERIFY(std::isfinite(op.flops));
                QVERIFY(std::isfinite(op.totalBytes()));
                QVERIFY(op.totalBytes() > 0.0);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestOpCost)
#include "tst_opcost.moc"
