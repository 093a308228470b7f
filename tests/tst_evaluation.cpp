#include "testutil.h"

#include "chartdata.h"
#include "scenarioresults.h"
#include "evaluation.h"
#include "modelfixtures.h"
#include "scenario.h"

#include <algorithm>
#include <map>

using namespace roofline;

namespace {
// A custom GPU whose figures fall exactly half way between two six-digit labels.
GpuSpec tieGpu()
{
    GpuSpec g;
    g.id = "tie";
    g.name = "Tie (custom)";
    g.bandwidthBytesPerSecond = 2047.5e9;
    g.setPeak(ComputeType::Fp16, 100.75e12);
    g.memoryBytes = 48e9;
    return g;
}
}

class TestEvaluation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // What the op table and the summary show, worked by hand on made-up figures.
    void sharesOfALayerAndPerSequenceRates()
    {
        PhaseResult phase;
        const auto push = [&](OpKind op, double seconds) {
            phase.ops[phase.count].cost.op = op;
            phase.ops[phase.count++].timeSeconds = seconds;
        };
        push(OpKind::QProj, 1.0);
        push(OpKind::DownProj, 3.0);
        push(OpKind::LmHead, 10.0); // once per pass: not part of a layer
        QCOMPARE(phase.layerTimeSeconds(), 4.0);
        QCOMPARE(phase.shareOfLayer(phase.ops[0]), std::optional(0.25)); // 1 / (1 + 3)
        QCOMPARE(phase.shareOfLayer(phase.ops[1]), std::optional(0.75));
        QCOMPARE(phase.shareOfLayer(phase.ops[2]), std::nullopt);
        phase.ops[0].timeSeconds = phase.ops[1].timeSeconds = 0.0;
        QCOMPARE(phase.shareOfLayer(phase.ops[0]), std::nullopt); // a layer of no time has no shares

        Evaluation e;
        e.workload.batch = 4;
        e.decode.timeSeconds = 0.5;
        QCOMPARE(e.decodeTokensPerSecond(), 8.0); // 4 sequences x 1 token / 0.5 s
        QCOMPARE(e.decodeTokensPerSecondPerSequence(), 2.0);
        e.workload.tokensPerStep = 8;
        e.workload.acceptedTokensPerStep = 3.0;
        QCOMPARE(e.decodeTokensPerSecondPerSequence(), 6.0); // 3 accepted / 0.5 s
        e.workload.batch = 0;
        QCOMPARE(e.decodeTokensPerSecondPerSequence(), 0.0);

        MemoryFootprint m { 10.0, 5.0, 0.0, 0.0, 12.0 };
        QCOMPARE(m.overBytes(), 3.0); // 10 + 5 - 12
        m.capacityBytes = 20.0;
        QCOMPARE(m.overBytes(), 0.0);
    }

    void parameterCountOfLlama13b()
    {
        // Per layer: attention 4*5120^2 = 104,857,600; MLP 3*5120*13824 = 212,336,640; norms 2*5120.
        // 40 layers = 12,688,179,200; embeddings + LM head 2*32000*5120 = 327,680,000; final norm 5120.
        QCOMPARE(parameterCount(llama2_13b()), 13015864320.0);
    }

    void parameterCountOfMixtralAndTiedEmbeddings()
    {
        // Mixtral 8x7B: per layer attention q, o 2*4096*4096 + k, v 2*4096*1024 = 41,943,040; eight experts
        // of 3*4096*14336 = 1,409,286,144; router 4096*8 = 32,768; norms 8,192: 1,451,270,144. 32 layers
        // 46,440,644,608; embeddings + LM head 2*32000*4096 = 262,144,000; final norm 4,096: 46,702,792,704.
        QCOMPARE(parameterCount(mixtral8x7b()), 46702792704.0);
        // Tied embeddings share one 32000 x 5120 matrix: 13,015,864,320 - 163,840,000.
        ModelConfig tied = llama2_13b();
        tied.tiedEmbeddings = true;
        QCOMPARE(parameterCount(tied), 12852024320.0);
    }

    void dtypesPriceTheirOwnBytes()
    {
        // q_proj in prefill (b 1, s 2048): weights 5120^2 in int4 (0.5 B) = 13,107,200 B; activations in fp32
        // read 2048*5120*4 = 41,943,040 B and written as many.
        Workload w;
        w.weightType = DType::Int4;
        w.activationType = DType::Fp32;
        w.kvType = DType::Fp8;
        const Evaluation e = evaluate(llama2_13b(), seedA6000(), w);
        const OpResult &q = e.prefill.ops[1];
        QCOMPARE(q.cost.op, OpKind::QProj);
        QCOMPARE(q.cost.totalBytes(), 13107200.0 + 2.0 * 41943040.0);
        // Decode qk reads the 2,048 cached keys and the new one in fp8: 2049*40*128*1 = 10,490,880 B, the
        // query in fp32 5120*4 = 20,480 B, and writes 40*2049 scores in fp32 = 327,840 B.
        for (const OpResult &op : e.decode)
            if (op.cost.op == OpKind::Qk)
                QCOMPARE(op.cost.totalBytes(), 10490880.0 + 20480.0 + 327840.0);
        // The KV cache in fp8: 2*40 layers*2048*40*128*1 B = 838,860,800; weights in int4: 13,015,864,320 / 2.
        QCOMPARE(e.memory.kvCacheBytes, 838860800.0);
        QCOMPARE(e.memory.weightBytes, 6507932160.0);
        // With the embedding and LM head kept at 16 bit: (13,015,864,320 - 2 x 32000 x 5120) x 0.5 + 327,680,000
        // x 2 = 6,344,092,160 + 655,360,000 = 6,999,452,160 B.
        w.assumptions.embeddingType = DType::Fp16;
        QCOMPARE(evaluate(llama2_13b(), seedA6000(), w).memory.weightBytes, 6999452160.0);
    }

    void ceilingsMeetTheMemoryRoofWhereTheyShould()
    {
        // H100 SXM: fp16 989.4 and fp8 1978.9 TFLOP/s over 3,350 GB/s: ridges 295.3 and 590.7 FLOP/B.
        Scenario s;
        s.model = llama2_13b();
        s.gpu = h100Sxm();
        s.workload.computeType = ComputeType::Fp8;
        ScenarioResults r;
        r.recompute(s);
        QCOMPARE(r.chart.ceilings.size(), std::size_t(2));
        QCOMPARE(r.chart.ceilings[0].label, std::string("fp16 989.4 TFLOP/s"));
        ROOFLINE_COMPARE_REL(r.chart.ceilings[0].ridge, 989.4e12 / 3350e9, 1e-12);
        QVERIFY(!r.chart.ceilings[0].active);
        QCOMPARE(r.chart.ceilings[1].label, std::string("fp8 1979 TFLOP/s"));
        ROOFLINE_COMPARE_REL(r.chart.ceilings[1].ridge, 590.7164, 1e-6);
        QVERIFY(r.chart.ceilings[1].active);
        // int8 at the same 1978.9 TOP/s: both ceilings are labelled with both types.
        s.gpu.setPeak(ComputeType::Int8, 1978.9e12);
        r.recompute(s);
        QCOMPARE(r.chart.ceilings.size(), std::size_t(3));
        QCOMPARE(r.chart.ceilings[1].label, std::string("fp8, int8 1979 TFLOP/s"));
        QCOMPARE(r.chart.ceilings[2].label, std::string("fp8, int8 1979 TFLOP/s"));
        QCOMPARE(r.chart.ceilings[0].label, std::string("fp16 989.4 TFLOP/s"));
    }

    void memoryFootprint()
    {
        Workload w; // b 1, s 2048, fp16
        const MemoryFootprint m = roofline::memoryFootprint(llama2_13b(), w, 48e9);
        QCOMPARE(m.weightBytes, 26031728640.0); // 13,015,864,320 * 2
        // 2 (K and V) * 40 layers * 1 * 2048 * 40 heads * 128 * 2 B = 1,677,721,600.
        QCOMPARE(m.kvCacheBytes, 1677721600.0);
        QVERIFY(m.fits());
        // A memory of exactly 26,031,728,640 + 1,677,721,600 = 27,709,450,240 B still holds both.
        QVERIFY(roofline::memoryFootprint(llama2_13b(), w, 27709450240.0).fits());
        QVERIFY(!roofline::memoryFootprint(llama2_13b(), w, 27709450239.0).fits());
        w.batch = 16; // KV 26.8 GB + weights 26 GB > 48 GB
        QVERIFY(!roofline::memoryFootprint(llama2_13b(), w, 48e9).fits());
        // Mistral-7B-v0.1 caches at most its 4,096-token window in each of its 32 layers: at 16,384 tokens,
        // 2 * 32 * 1 * 4096 * 8 heads * 128 * 2 B = 536,870,912 B (5.369e8), not 2,147,483,648 (the whole 16,384).
        w.batch = 1;
        w.seq = 16384;
        QCOMPARE(roofline::memoryFootprint(mistral7b(), w, 24e9).kvCacheBytes, 536870912.0);
        // A model with the window in 8 of 28 layers (Qwen2's use_sliding_window with max_window_layers 20):
        // 8 layers cache 4,096 tokens and 20 cache 16,384:
        // 2 * (8*4096 + 20*16384) * 8 heads * 128 * 2 B = 2 * 360,448 * 2,048 = 1,476,395,008 B.
        ModelConfig partial = mistral7b();
        partial.layers = 28;
        partial.windowedLayers = 8;
        QCOMPARE(roofline::memoryFootprint(partial, w, 24e9).kvCacheBytes, 1476395008.0);
    }

    void timeToFirstTokenByHand()
    {
        // Llama-2-13B on the seed A6000 (181 TFLOP/s, 768 GB/s), batch 1, prompt 2,048, fp16, no
        // FlashAttention. T = 2048 tokens, h 5120, f 13824, 40 heads of 128, 40 layers, vocab 32,000.
        // Each op takes max(FLOPs / 181e12, bytes / 768e9):
        //   input_norm, post_norm  4Th = 41.9 MFLOP; h*2 + 2*T*h*2 = 41,953,280 B        ->   54.627 us each
        //   q, k, v, o_proj        2Th^2 = 107.37 GFLOP                                  ->  593.228 us each
        //   qk, pv                 2*40*T^2*128 = 42.95 GFLOP; 377,487,360 B (scores 335.5 MB) -> 491.520 us each
        //   softmax                5*40*T^2 = 838.9 MFLOP; 2*40*T^2*2 = 671,088,640 B    ->  873.813 us
        //   gate, up, down         2Thf = 289.91 GFLOP                                   -> 1601.714 us each
        //   act_fn                 3*T*f*2 = 169,869,312 B                               ->  221.184 us
        //   residual adds          6*T*h*2 = 125,829,120 B                               ->  163.840 us
        // One layer: 9,529.184 us; 40 layers 381.167 ms. Once per pass: embedding 2*T*h*2 B -> 54.613 us,
        // final norm (one position) 0.040 us, lm_head 2*5120*32000 FLOPs on 327,754,240 B -> 426.763 us.
        // Time to first token: 381.649 ms.
        const Evaluation e = evaluate(llama2_13b(), seedA6000(), Workload {});
        ROOFLINE_COMPARE_REL(e.timeToFirstTokenSeconds(), 0.3816487664, 1e-9);
        ROOFLINE_COMPARE_REL(e.prefill.layerTimeSeconds(), 9.529183744e-3, 1e-9);
        // The ops that are not chart points (norms, softmax, act_fn, residual adds, embedding, final norm,
        // lm_head) are 14.46 % of it: dropping one from the totals changes the figure.
        double pointsTime = 0.0;
        for (const OpResult &op : e.prefill)
            if (op.cost.series != Series::None)
                pointsTime += op.timeSeconds * op.cost.repeat;
        ROOFLINE_COMPARE_REL(1.0 - pointsTime / e.timeToFirstTokenSeconds(), 0.1446488190, 1e-8);
    }

    void decodeTokensPerSecondByHand()
    {
        // Batch 4, 8 tokens verified per step (speculative decoding), 2,048 cached: T = 32, and each of the 8
        // attends to the 2,048 cached and the 8 of the step, 2,056 keys. Every op is memory-bound (ridge
        // 235.7 FLOP/B):
        //   norms 665,600 B -> 0.867 us each; q, k, v, o_proj 5120^2*2 + 2*32*5120*2 = 53,084,160 B -> 69.120 us each;
        //   qk, pv: keys 4*2056*5120*2 = 84,213,760 B from the cache + queries 327,680 + scores 4*40*8*2056*2
        //   = 5,263,360 -> 89,804,800 B -> 116.933 us each; softmax 10,526,720 B -> 13.707 us;
        //   gate, up, down 5120*13824*2 + 32*(5120 + 13824)*2 = 142,770,176 B -> 185.899 us each;
        //   act_fn 2,654,208 B -> 3.456 us; residual adds 1,966,080 B -> 2.560 us. A layer: 1,089.499 us.
        // 40 layers 43.580 ms; embedding 0.853 us, final norm 0.867 us, lm_head 327,680,000 + 327,680 +
        // 2,048,000 B -> 429.760 us. Step: 44.011 ms.
        // Tokens/s counts the tokens kept: 1 a step by default (4 sequences: 90.885 tokens/s), 4 x 3 = 12 at
        // 3 accepted (272.656), never the 32 verified (727.08 would count every candidate as accepted).
        Workload w;
        w.batch = 4;
        w.tokensPerStep = 8;
        Evaluation e = evaluate(llama2_13b(), seedA6000(), w);
        ROOFLINE_COMPARE_REL(e.decodeStepSeconds(), 0.04401142667, 1e-9);
        ROOFLINE_COMPARE_REL(e.decodeTokensPerSecond(), 90.88548822, 1e-9);
        w.acceptedTokensPerStep = 3.0;
        e = evaluate(llama2_13b(), seedA6000(), w);
        ROOFLINE_COMPARE_REL(e.decodeStepSeconds(), 0.04401142667, 1e-9); // accepting does not change the work
        ROOFLINE_COMPARE_REL(e.decodeTokensPerSecond(), 272.6564646, 1e-9);
        // More accepted than verified is used as all 8: 32 / 44.011 ms.
        w.acceptedTokensPerStep = 20.0;
        ROOFLINE_COMPARE_REL(evaluate(llama2_13b(), seedA6000(), w).decodeTokensPerSecond(), 727.0839057, 1e-9);
    }

    // The tokens a step yields are held between 1 and the tokens verified: below 1 or not a number is 1 (every
    // step yields the token it samples), above is all of them, and a workload of no tokens a step still yields 1.
    void acceptedTokensAreWhatAStepCanYield()
    {
        Workload w;
        w.tokensPerStep = 1;
        w.acceptedTokensPerStep = 2.0;
        QCOMPARE(w.acceptedPerStep(), 1.0);
        w.tokensPerStep = 8;
        w.acceptedTokensPerStep = 0.25;
        QCOMPARE(w.acceptedPerStep(), 1.0);
        w.acceptedTokensPerStep = 2.5;
        QCOMPARE(w.acceptedPerStep(), 2.5);
        w.acceptedTokensPerStep = std::numeric_limits<double>::quiet_NaN();
        QCOMPARE(w.acceptedPerStep(), 1.0);
        w.acceptedTokensPerStep = std::numeric_limits<double>::infinity();
        QCOMPARE(w.acceptedPerStep(), 1.0);
        w.tokensPerStep = 0;
        w.acceptedTokensPerStep = 1.0;
        QCOMPARE(w.acceptedPerStep(), 1.0);
    }

    // The one rule that files, the command line and the window share: no more accepted than verified, and a
    // step that verifies none still accepts one.
    void acceptedTokensMoreThanVerifiedAreNamed()
    {
        QCOMPARE(mostAcceptedPerStep(4), 4.0);
        QCOMPARE(mostAcceptedPerStep(0), 1.0);
        Workload w;
        w.tokensPerStep = 4;
        w.acceptedTokensPerStep = 4.0;
        QVERIFY(!w.acceptsMoreThanVerified());
        w.acceptedTokensPerStep = 4.5;
        QVERIFY(w.acceptsMoreThanVerified());
        w.tokensPerStep = 0;
        w.acceptedTokensPerStep = 1.0;
        QVERIFY(!w.acceptsMoreThanVerified());
    }

    void totalsAreTheSumOfOpsTimesRepeats()
    {
        // Batch 1, 2,048 cached, one token: memory-bound throughout, so the step time is the bytes over
        // 768 GB/s: about the 26 GB of weights, 35.7 ms.
        const Evaluation e = evaluate(llama2_13b(), seedA6000(), Workload {});
        ROOFLINE_COMPARE_REL(e.decodeStepSeconds(), e.decode.bytes / 768e9, 1e-12);
        ROOFLINE_COMPARE_REL(e.decodeStepSeconds(), 0.0357, 0.01);
        ROOFLINE_COMPARE_REL(e.decodeTokensPerSecond(), 1.0 / e.decodeStepSeconds(), 1e-12);
    }

    // The chart's short GPU name drops the last bracketed note and the spaces before it, nothing else.
    void shortGpuNames()
    {
        QCOMPARE(shortGpuName("RTX A6000 (seed chart)"), std::string("RTX A6000"));
        QCOMPARE(shortGpuName("Custom (from H100 SXM)"), std::string("edited H100 SXM"));
        QCOMPARE(shortGpuName("Custom (from RTX A6000 (seed chart))"), std::string("edited RTX A6000"));
        QCOMPARE(shortGpuName("Custom (from )"), std::string("Custom")); // no base: a qualifier like any other
        QCOMPARE(shortGpuName("A (x)"), std::string("A"));
        QCOMPARE(shortGpuName("A (x) (y)"), std::string("A (x)"));
        QCOMPARE(shortGpuName("A (b (c))"), std::string("A"));
        QCOMPARE(shortGpuName("(only a note)"), std::string("(only a note)")); // nothing would be left
        QCOMPARE(shortGpuName("  (x)"), std::string("  (x)"));
        QCOMPARE(shortGpuName("A)"), std::string("A)")); // no opening bracket
        QCOMPARE(shortGpuName("H100 SXM"), std::string("H100 SXM"));
        QCOMPARE(shortGpuName(""), std::string());
    }

    // A MoE model's expert ops say how many experts a step reads. Mixtral 8x7B, batch 1, 2,048 tokens: decode routes
    // one token to 2 of 8 experts, 8 * (1 - (1 - 2/8)^1) = 2 touched; prefill's 2,048 tokens touch
    // 8 * (1 - 0.75^2048) = 8 (to double precision). Attention ops carry none.
    void moePointsCarryTheirExperts()
    {
        Scenario s;
        s.model = mixtral8x7b();
        s.gpu = seedA6000();
        ScenarioResults r;
        r.recompute(s);
        int experts = 0;
        for (const ChartPoint &p : r.chart.current) {
            if (p.op == OpKind::GateProj || p.op == OpKind::UpProj || p.op == OpKind::DownProj) {
                ++experts;
                QCOMPARE(p.experts, qint64(8));
                QCOMPARE(p.expertsPerToken, qint64(2));
                QCOMPARE(p.expertsTouched, p.phase == Phase::Decode ? 2.0 : 8.0);
            } else {
                QCOMPARE(p.experts, qint64(0));
                QCOMPARE(p.expertsTouched, 0.0);
            }
        }
        QCOMPARE(experts, 6); // gate, up, down in each phase
        // Gate and up fused: the fused op carries them too.
        s.workload.assumptions.fuseGateUp = true;
        r.recompute(s);
        int fused = 0;
        for (const ChartPoint &p : r.chart.current) {
            if (p.op != OpKind::GateUpProj)
                continue;
            ++fused;
            QCOMPARE(p.experts, qint64(8));
            QCOMPARE(p.expertsPerToken, qint64(2));
            QCOMPARE(p.expertsTouched, p.phase == Phase::Decode ? 2.0 : 8.0);
        }
        QCOMPARE(fused, 2);
    }

    // A sliding-window model's attention points carry what their tooltip says: the keys in context and the
    // keys attended, averaged over the layers. Mistral-7B's window of 4096 in half (16) of its 32 layers, a
    // prompt of 8192, 4 tokens a step: prefill attends (16 x 4096 + 16 x 8192) / 32 = 6144 of 8192 keys,
    // decode (16 x 4096 + 16 x 8196) / 32 = 6146 of 8196.
    void slidingWindowPointsSayWhatTheyAttend()
    {
        for (const bool flash : { false, true }) {
            Scenario s;
            s.model = mistral7b();
            s.model.windowedLayers = 16;
            s.gpu = seedA6000();
            s.workload.seq = 8192;
            s.workload.tokensPerStep = 4;
            s.workload.flashAttention = flash;
            ScenarioResults r;
            r.recompute(s);
            int attention = 0;
            for (const ChartPoint &p : r.chart.current) {
                const bool attends = p.op == OpKind::Qk || p.op == OpKind::Pv || p.op == OpKind::Attention;
                if (!attends) {
                    QCOMPARE(p.slidingWindow, std::int64_t(0));
                    QCOMPARE(p.keysInContext, 0.0);
                    continue;
                }
                ++attention;
                const bool prefill = p.phase == Phase::Prefill;
                QCOMPARE(p.keysInContext, prefill ? 8192.0 : 8196.0);
                QCOMPARE(p.keysAttended, prefill ? 6144.0 : 6146.0);
                QCOMPARE(p.slidingWindow, std::int64_t(4096));
                QCOMPARE(p.windowedLayers, std::int64_t(16));
                QCOMPARE(p.layers, std::int64_t(32));
            }
            QCOMPARE(attention, flash ? 2 : 4); // qk and pv, or the fused attention, in each phase
            s.model = llama2_13b(); // no window: nothing to say
            r.recompute(s);
            for (const ChartPoint &p : r.chart.current) {
                QCOMPARE(p.slidingWindow, std::int64_t(0));
                QCOMPARE(p.keysAttended, 0.0);
            }
        }
    }

    // The chart's words, exactly: the seed chart's title, and a subtitle with the figures the roofs are drawn from.
    void aPointLabelGivesItsNumbers()
    {
        // The gate projection of prefill at batch 1, sequence 2048 on the seed A6000: 2048 tokens, intensity
        // 2 * 2048 * 5120 * 13824 / (2 * (2048 * 5120 + 5120 * 13824 + 2048 * 13824)) = 2.899e11 / 2.1915e8
        // = 1322.9 FLOP/B, past the ridge (235.7), so at the 181 TFLOP/s peak and compute-bound; the label gives
        // three figures of each, and the workload it was read at.
        ChartPoint point;
        point.op = OpKind::GateProj;
        point.phase = Phase::Prefill;
        point.intensity = 2.0 * 2048 * 5120 * 13824 / (2.0 * (2048.0 * 5120 + 5120.0 * 13824 + 2048.0 * 13824));
        point.attainableFlopsPerSecond = 181e12;
        point.bound = Bound::Compute;
        point.batch = 1;
        point.seq = 2048;
        QCOMPARE(pointLabel(point), std::string("gate_proj prefill, batch 1, seq 2048\n1.32k FLOP/B, 181 TFLOP/s, compute-bound"));
        // A ratio under one keeps its decimals (no "m" for milli).
        point.intensity = 0.167;
        point.bound = Bound::Memory;
        point.attainableFlopsPerSecond = 768e9 * 0.167;
        point.batch = 0; // a point of no workload (made by hand) names none
        QCOMPARE(pointLabel(point), std::string("gate_proj prefill\n0.167 FLOP/B, 128 GFLOP/s, memory-bound"));
    }

    // A label of a current point, made at batch 1, is saved with the point's place and numbers at batch 8; a note
    // and a label whose op is no longer drawn keep theirs.
    void labelsAreSavedAsShown()
    {
        Session session = seedSession();
        session.workload.batch = 8;
        ScenarioResults results;
        results.recompute(session);
        const ChartPoint *q = results.chart.currentPoint(OpKind::QProj, Phase::Decode);
        QVERIFY(q);
        // q_proj decode at batch 8: 2 * 8 * 5120 * 5120 FLOPs over 2 * (5120 * 5120 + 2 * 8 * 5120) bytes = 7.98 FLOP/B.
        ROOFLINE_COMPARE_REL(q->intensity, 2.0 * 8 * 5120 * 5120 / (2.0 * (5120.0 * 5120 + 2.0 * 8 * 5120)), 1e-12);
        const Annotation made { Annotation::Kind::PointLabel, "q_proj decode, batch 1, seq 2048\n0.999 FLOP/B", 0.999, 7.67e11,
                                12, -30, Annotation::Point { OpKind::QProj, Phase::Decode } };
        const Annotation note { Annotation::Kind::Note, "a note", 3, 1e12, 0, 0 };
        const Annotation gone { Annotation::Kind::PointLabel, "qk decode, batch 1", 1, 1e12, 0, 0, Annotation::Point { OpKind::Attention, Phase::Decode } };
        const std::vector<Annotation> saved = annotationsAsShown(SharedList<Annotation>({ made, note, gone }), results.chart);
        QCOMPARE(saved.size(), std::size_t(3));
        QCOMPARE(saved[0].text, pointLabel(*q));
        QVERIFY(saved[0].text.starts_with("q_proj decode, batch 8, seq 2048\n7.98 FLOP/B"));
        QVERIFY(saved[0].x == q->intensity && saved[0].y == q->attainableFlopsPerSecond);
        QVERIFY(saved[0].dx == 12 && saved[0].dy == -30 && saved[0].point == made.point);
        QVERIFY(saved[1] == note);
        QVERIFY(saved[2] == gone); // no FlashAttention: no fused attention op is drawn
    }

    void chartTexts()
    {
        Scenario s = seedScenario();
        ScenarioResults r;
        r.recompute(s);
        QCOMPARE(r.chart.title, std::string("Roofline Model (Llama-2-13B, RTX A6000)"));
        QCOMPARE(r.chart.subtitle, std::string("RTX A6000 (seed chart): 768 GB/s, 181 TFLOP/s fp16  \u00b7  batch 1, "
                                               "sequence 2048  \u00b7  weights fp16, KV fp16"));
        QCOMPARE(r.chart.bandwidthLabel, std::string("768 GB/s"));
        QCOMPARE(r.chart.peakLabel, std::string("181 TFLOP/s"));
        QCOMPARE(r.chart.ridgeLabel, std::string("ridge 235.7 FLOP/B"));
        {
            // Four figures, as the roofs' labels: 1849.08 TFLOP/s over 100 GB/s is 18490.8 FLOP/B, "18491" (it
            // read "18490.8"); 100 TFLOP/s over 1000 GB/s is 100, not "100.0".
            Scenario fast = s;
            fast.gpu.setPeak(ComputeType::Fp16, 1849.08e12);
            fast.gpu.bandwidthBytesPerSecond = 100e9;
            ScenarioResults f;
            f.recompute(fast);
            QCOMPARE(f.chart.ridgeLabel, std::string("ridge 18491 FLOP/B"));
            fast.gpu.setPeak(ComputeType::Fp16, 100e12);
            fast.gpu.bandwidthBytesPerSecond = 1000e9;
            f.recompute(fast);
            QCOMPARE(f.chart.ridgeLabel, std::string("ridge 100 FLOP/B"));
        }
        s.workload.batch = 8;
        s.workload.tokensPerStep = 4;
        s.workload.flashAttention = true;
        s.efficiency.enabled = true;
        r.recompute(s);
        QCOMPARE(r.chart.subtitle, std::string("RTX A6000 (seed chart): 768 GB/s, 181 TFLOP/s fp16  \u00b7  batch 8, "
                                               "sequence 2048  \u00b7  weights fp16, KV fp16  \u00b7  FlashAttention  \u00b7  "
                                               "4 tokens/step, 1 accepted  \u00b7  times at 70% / 85% efficiency"));
        s.workload.acceptedTokensPerStep = 2.5;
        r.recompute(s);
        QVERIFY2(r.chart.subtitle.find("4 tokens/step, 2.5 accepted") != std::string::npos, r.chart.subtitle.c_str());
        // A workload that does not fit says so on the chart, apart from the subtitle: batch 64 needs 26 GB of
        // weights and 107 GB of cache.
        QCOMPARE(r.chart.warning, std::string());
        s.workload.batch = 64;
        r.recompute(s);
        QCOMPARE(r.chart.warning, std::string("\u26a0 does not fit: weights + KV cache 133 GB of 48 GB"));
        QVERIFY2(r.chart.subtitle.find("does not fit") == std::string::npos, r.chart.subtitle.c_str());
        s.workload.batch = 8;
        r.recompute(s);
        QCOMPARE(r.chart.warning, std::string());
        s.workload.tokensPerStep = 2; // the fewest that are several
        s.workload.acceptedTokensPerStep = 1.5;
        r.recompute(s);
        QVERIFY2(r.chart.subtitle.find("  \u00b7  2 tokens/step, 1.5 accepted") != std::string::npos, r.chart.subtitle.c_str());
        s.workload.tokensPerStep = 1;
        r.recompute(s);
        QVERIFY2(r.chart.subtitle.find("tokens/step") == std::string::npos, r.chart.subtitle.c_str());
        s.workload.tokensPerStep = 4;
        // Each type where it belongs: int4 weights, bf16 activations (not in the subtitle), an fp8 cache.
        s.workload.weightType = DType::Int4;
        s.workload.activationType = DType::Bf16;
        s.workload.kvType = DType::Fp8;
        r.recompute(s);
        QVERIFY2(r.chart.subtitle.find("  \u00b7  weights int4, KV fp8  \u00b7  ") != std::string::npos, r.chart.subtitle.c_str());
        s.workload.weightType = s.workload.activationType = s.workload.kvType = DType::Fp16;
        // The modelling choices away from their defaults, named at the end (none at the defaults, as above).
        s.workload.assumptions.fuseQkv = true;
        s.workload.assumptions.causalMask = true;
        s.workload.assumptions.countNonGemm = false;
        s.workload.assumptions.scoreType = DType::Fp32;
        r.recompute(s);
        // (Under FlashAttention, on here, the scores' type changes nothing and is not said.)
        QVERIFY2(r.chart.subtitle.ends_with("efficiency  \u00b7  causal mask, fused QKV, matrix multiplies only"), r.chart.subtitle.c_str());
        s.workload.flashAttention = false;
        r.recompute(s);
        QVERIFY2(r.chart.subtitle.ends_with("efficiency  \u00b7  causal mask, scores fp32, fused QKV, matrix multiplies only"),
                 r.chart.subtitle.c_str());
        s.workload.flashAttention = true;
        Assumptions all;
        all.allPrefillLogits = true;
        all.embeddingType = DType::Int8;
        all.fuseGateUp = true;
        QCOMPARE(assumptionsAwayFromDefaults(all), std::string("logits at every position, embedding int8, fused gate/up"));
        QCOMPARE(assumptionsAwayFromDefaults(Assumptions {}), std::string());
        s.workload.assumptions = {};
        QCOMPARE(r.chart.practicalLabel, std::string("practical: 70% of peak, 85% of bandwidth"));
        // Figures on a rounding tie to four digits: 2,047.5 GB/s prints 2048 (half to even), 100.75 TFLOP/s
        // 100.8. Divided by 1e9 + 1 or 1e12 + 1 instead, they would print 2047 and 100.7.
        s.gpu = tieGpu();
        s.workload = Workload {};
        s.efficiency = Efficiency {};
        r.recompute(s);
        QCOMPARE(r.chart.subtitle, std::string("Tie (custom): 2048 GB/s, 100.8 TFLOP/s fp16  \u00b7  batch 1, "
                                               "sequence 2048  \u00b7  weights fp16, KV fp16"));
        QCOMPARE(r.chart.bandwidthLabel, std::string("2048 GB/s"));
        QCOMPARE(r.chart.peakLabel, std::string("100.8 TFLOP/s"));
        QCOMPARE(r.chart.ceilings.front().label, std::string("fp16 100.8 TFLOP/s"));
        // A dragged slider's figures in four significant figures at most, whole from 10,000 GB/s up.
        for (const auto &[bandwidth, label] : { std::pair(1753.88e9, "1754 GB/s"), std::pair(43.8531e9, "43.85 GB/s"),
                                                std::pair(12345.6e9, "12346 GB/s"), std::pair(768e9, "768 GB/s") }) {
            s.gpu.bandwidthBytesPerSecond = bandwidth;
            r.recompute(s);
            QCOMPARE(r.chart.bandwidthLabel, std::string(label));
        }
    }

    // A second GPU's roofs are labelled with its short name and its own figures; with the ops placed on it, the
    // first GPU's roofs are the other ones.
    void secondRoofLabels()
    {
        Session session = seedSession();
        session.secondGpu = h100Sxm();
        ScenarioResults r;
        r.recompute(session);
        QVERIFY(r.chart.secondRoof.has_value());
        QCOMPARE(r.chart.secondRoof->bandwidthLabel, std::string("H100 SXM: 3350 GB/s"));
        QCOMPARE(r.chart.secondRoof->peakLabel, std::string("H100 SXM: 989.4 TFLOP/s"));
        // Its ridge: 989.4e12 / 3350e9 = 295.34 FLOP/B.
        QCOMPARE(r.chart.secondRoof->ridgeLabel, std::string("H100 SXM ridge 295.3 FLOP/B"));
        session.opsOnSecondGpu = true;
        r.recompute(session);
        QCOMPARE(r.chart.secondRoof->bandwidthLabel, std::string("RTX A6000: 768 GB/s"));
        QCOMPARE(r.chart.secondRoof->peakLabel, std::string("RTX A6000: 181 TFLOP/s"));
        QCOMPARE(r.chart.secondRoof->ridgeLabel, std::string("RTX A6000 ridge 235.7 FLOP/B")); // 181e12 / 768e9
        // On a rounding tie (see chartTexts): 2048, not 2047; 100.8, not 100.7.
        session.opsOnSecondGpu = false;
        session.secondGpu = tieGpu();
        r.recompute(session);
        QCOMPARE(r.chart.secondRoof->bandwidthLabel, std::string("Tie: 2048 GB/s"));
        QCOMPARE(r.chart.secondRoof->peakLabel, std::string("Tie: 100.8 TFLOP/s"));
    }

    void phaseFlopsByHand()
    {
        // Llama-2-13B, batch 1, 2,048 tokens. Decode, one layer: q, k, v, o 4 * 2*5120*5120 = 209,715,200;
        // qk, pv over the 2,048 cached keys and the new one 2 * 2*40*128*2049 = 41,963,520; gate, up, down
        // 3 * 2*5120*13824 = 424,673,280; two norms 2 * 4*5120 = 40,960; softmax 5*40*2049 = 409,800; SiLU and
        // product 6*13824 = 82,944; residual adds 2*5120 = 10,240: 676,895,944. 40 layers: 27,075,837,760;
        // final norm 20,480; LM head 2*5120*32000 = 327,680,000; the embedding gathers (0): 27,403,538,240 FLOPs.
        const Evaluation e = evaluate(llama2_13b(), seedA6000(), Workload {});
        QCOMPARE(e.decode.flops, 27403538240.0);
        // Prefill, one layer: q, k, v, o 4 * 2*2048*5120*5120 = 429,496,729,600; qk, pv 2 * 2*40*2048*2048*128
        // = 85,899,345,920; gate, up, down 3 * 2*2048*5120*13824 = 869,730,877,440; norms 2 * 4*2048*5120 =
        // 83,886,080; softmax 5*40*2048*2048 = 838,860,800; SiLU 6*2048*13824 = 169,869,312; residual adds
        // 2*2048*5120 = 20,971,520: 1,386,240,540,672. 40 layers: 55,449,621,626,880; final norm 20,480; the
        // LM head on the last token only 327,680,000: 55,449,949,327,360 FLOPs.
        QCOMPARE(e.prefill.flops, 55449949327360.0);
        // Bytes: decode 27,424,988,160 (worked in tst_commandline's decode dump).
        QCOMPARE(e.decode.bytes, 27424988160.0);
    }

    // Degenerate inputs the loaders never let through still give zeros, not NaN: an evaluation with no decode
    // time has no tokens per second, a GPU with no peak at all a roof of 0 FLOP/s.
    void emptyResultsAreZero()
    {
        QCOMPARE(Evaluation {}.decodeTokensPerSecond(), 0.0);
        GpuSpec none;
        none.bandwidthBytesPerSecond = 1e12;
        QCOMPARE(rooflineFor(none, ComputeType::Fp8).peakFlopsPerSecond, 0.0);
        QCOMPARE(rooflineFor(none, ComputeType::Fp8).bandwidthBytesPerSecond, 1e12);
    }

    void boundsAndAttainable()
    {
        const Evaluation e = evaluate(llama2_13b(), seedA6000(), Workload {});
        for (const OpResult &op : e.decode)
            if (op.cost.series != Series::None)
                QCOMPARE(op.bound, Bound::Memory); // every decode op at b = 1
        for (const OpResult &op : e.prefill) {
            if (op.cost.op == OpKind::QProj) {
                QCOMPARE(op.bound, Bound::Compute); // 1137.8 > 235.7
                QCOMPARE(op.attainableFlopsPerSecond, 181e12);
                ROOFLINE_COMPARE_REL(op.timeSeconds, 107374182400.0 / 181e12, 1e-12);
            }
            if (op.cost.op == OpKind::Qk) {
                QCOMPARE(op.bound, Bound::Memory); // 113.8 < 235.7
                ROOFLINE_COMPARE_REL(op.attainableFlopsPerSecond, 768e9 * 113.777778, 1e-6);
            }
        }
    }

    void computeTypeSelectsTheRoof()
    {
        GpuSpec h100 = seedA6000();
        h100.setPeak(ComputeType::Fp8, 1978.9e12);
        Workload w;
        w.computeType = ComputeType::Fp8;
        QCOMPARE(evaluate(llama2_13b(), h100, w).roof.peakFlopsPerSecond, 1978.9e12);
        w.computeType = ComputeType::Int8; // not published: falls back to fp16
        QVERIFY(!hasPeak(h100, ComputeType::Int8));
        QCOMPARE(evaluate(llama2_13b(), h100, w).roof.peakFlopsPerSecond, 181e12);
    }

    // A sweep over tokens per step evaluates every (tokens, seq, batch): 2 batches x 1 seq x 3 tokens = 6,
    // tokens outermost, then sequence, then batch.
    void aTokensSweepEvaluatesEveryCombination()
    {
        const SweepSpec spec { { 1, 4 }, { 512 }, { 2, 8, 16 } };
        QCOMPARE(spec.size(), std::size_t(6));
        std::vector<Evaluation> sweep;
        evaluateSweep(llama2_13b(), seedA6000(), Workload {}, spec, sweep);
        QCOMPARE(sweep.size(), std::size_t(6));
        const std::vector<std::pair<std::int64_t, std::int64_t>> expected { { 2, 1 }, { 2, 4 }, { 8, 1 }, { 8, 4 }, { 16, 1 }, { 16, 4 } };
        for (std::size_t i = 0; i < sweep.size(); ++i) {
            QCOMPARE(sweep[i].workload.tokensPerStep, expected[i].first);
            QCOMPARE(sweep[i].workload.batch, expected[i].second);
            QCOMPARE(sweep[i].workload.seq, qint64(512));
        }
        QCOMPARE((SweepSpec { { 1, 2, 3 }, { 4, 5 }, {} }).size(), std::size_t(6));
    }

    void defaultSweepReproducesTheSeedSpread()
    {
        std::vector<Evaluation> sweep;
        // The default sweep is the seed's: batch {1, 2, 4, 8, 16, 32} x sequence length {128, 512, 2048}, and a
        // scenario starts with it.
        const SweepSpec seedSpread { { 1, 2, 4, 8, 16, 32 }, { 128, 512, 2048 }, {} };
        QCOMPARE(SweepSettings {}.spec(Workload {}), seedSpread);
        QCOMPARE(Scenario {}.sweep, seedSpread);
        evaluateSweep(llama2_13b(), seedA6000(), Workload {}, seedSpread, sweep);
        QCOMPARE(sweep.size(), std::size_t(18));
        std::map<Series, std::pair<double, double>> range;
        for (const Evaluation &e : sweep) {
            for (const PhaseResult *phase : { &e.prefill, &e.decode }) {
                for (const OpResult &op : *phase) {
                    if (op.cost.series == Series::None)
                        continue;
                    auto [it, inserted] = range.try_emplace(op.cost.series, op.intensity, op.intensity);
                    it->second.first = std::min(it->second.first, op.intensity);
                    it->second.second = std::max(it->second.second, op.intensity);
                }
            }
        }
        QCOMPARE(range.size(), std::size_t(6));
        // The seed chart's ranges (FLOP/B), read off the chart.
        const auto within = [&](Series s, double lo, double hi) {
            const auto [min, max] = range.at(s);
            return min >= lo && max <= hi;
        };
        QVERIFY(within(Series::QkvMlpInit, 100, 3000)); // 121.9 .. 2463
        QVERIFY(within(Series::UpGateDownInit, 100, 4000)); // 123.8 .. 3533
        QVERIFY(within(Series::QkPvInit, 40, 150)); // 42.7 .. 113.8
        QVERIFY(within(Series::QkvMlpAr, 0.9, 40));
        QVERIFY(within(Series::UpGateDownAr, 0.9, 40));
        QVERIFY(within(Series::QkPvAr, 0.9, 1.1)); // ~1 whatever the batch
        // Each point carries its own workload.
        QCOMPARE(sweep.front().workload.batch, qint64(1));
        QCOMPARE(sweep.back().workload.batch, qint64(32));
        QCOMPARE(sweep.back().workload.seq, qint64(2048));
        // Every (batch, sequence) pair of the seed, in order: batches 1 to 32 at each length.
        std::vector<std::pair<qint64, qint64>> pairs, seed;
        for (const Evaluation &e : sweep)
            pairs.emplace_back(e.workload.batch, e.workload.seq);
        for (const qint64 seq : { 128, 512, 2048 })
            for (const qint64 batch : { 1, 2, 4, 8, 16, 32 })
                seed.emplace_back(batch, seq);
        QCOMPARE(pairs, seed);
        // q_proj in prefill at 128 tokens: 2*128*5120^2 / (2*5120^2 + 2*2*128*5120 B) = 128*5120/5376 = 121.905;
        // at 32 * 2048 = 65,536 tokens: 65536*5120 / (5120 + 2*65536) = 2463.8.
        ROOFLINE_COMPARE_REL(range.at(Series::QkvMlpInit).first, 655360.0 / 5376.0, 1e-12);
        ROOFLINE_COMPARE_REL(range.at(Series::QkvMlpInit).second, 335544320.0 / 136192.0, 1e-12);
    }

    void efficiencyDeratesTimesNotPoints()
    {
        Efficiency efficiency { true, 0.70, 0.85 };
        const Evaluation ideal = evaluate(llama2_13b(), seedA6000(), Workload {});
        const Evaluation practical = evaluate(llama2_13b(), seedA6000(), Workload {}, efficiency);
        // The points stay on the published roofs.
        QCOMPARE(practical.roof.peakFlopsPerSecond, 181e12);
        QCOMPARE(practical.decode.ops[1].attainableFlopsPerSecond, ideal.decode.ops[1].attainableFlopsPerSecond);
        // Times use 0.85 x 768 GB/s = 652.8 GB/s and 0.7 x 181 = 126.7 TFLOP/s. Decode at batch 1 is memory-bound
        // throughout, so it takes exactly 1 / 0.85 as long.
        QCOMPARE(practical.timingRoof.bandwidthBytesPerSecond, 652.8e9);
        ROOFLINE_COMPARE_REL(practical.timingRoof.peakFlopsPerSecond, 126.7e12, 1e-12);
        ROOFLINE_COMPARE_REL(practical.decodeStepSeconds(), ideal.decodeStepSeconds() / 0.85, 1e-12);
        // Prefill q_proj is compute-bound: 107,374,182,400 FLOPs / 126.7e12 FLOP/s.
        ROOFLINE_COMPARE_REL(practical.prefill.ops[1].timeSeconds, 107374182400.0 / 126.7e12, 1e-12);
    }

    void layerShare()
    {
        // gate_proj in prefill (see timeToFirstTokenByHand): 1,601.714 us of a 9,529.184 us layer = 16.81 %;
        // softmax 873.813 us = 9.17 %.
        const Evaluation e = evaluate(llama2_13b(), seedA6000(), Workload {});
        const auto share = [&](OpKind kind) {
            for (const OpResult &op : e.prefill)
                if (op.cost.op == kind)
                    return op.timeSeconds / e.prefill.layerTimeSeconds();
            return 0.0;
        };
        ROOFLINE_COMPARE_REL(share(OpKind::GateProj), 0.1680851546, 1e-8);
        ROOFLINE_COMPARE_REL(share(OpKind::Softmax), 0.09169865508, 1e-8);
    }
    // A step that leaves the sweep's or the pins' inputs alone reuses them, and gives what a fresh
    // computation gives.
    void resultsReuseTheSweepAndThePins()
    {
        Session session = seedSession();
        ScenarioResults results;
        const auto check = [&](int sweeps, int pins) {
            results.recompute(session);
            QCOMPARE(results.sweepEvaluations(), sweeps);
            QCOMPARE(results.pinEvaluations(), pins);
            ScenarioResults fresh;
            fresh.recompute(session);
            const auto same = [](const std::vector<ChartPoint> &a, const std::vector<ChartPoint> &b) {
                return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const ChartPoint &x, const ChartPoint &y) {
                    return x.series == y.series && x.batch == y.batch && x.seq == y.seq && x.intensity == y.intensity
                        && x.attainableFlopsPerSecond == y.attainableFlopsPerSecond && x.timeSeconds == y.timeSeconds;
                });
            };
            QVERIFY(same(results.chart.current, fresh.chart.current));
            QVERIFY(same(results.chart.sweep, fresh.chart.sweep));
            QCOMPARE(results.chart.pins.size(), fresh.chart.pins.size());
            for (std::size_t i = 0; i < fresh.chart.pins.size(); ++i)
                QVERIFY(same(results.chart.pins[i].points, fresh.chart.pins[i].points));
        };
        check(1, 0);
        session.workload.batch = 8; // the default sweep spans fixed batch and sequence ranges
        check(1, 0);
        session.workload.seq = 512;
        check(1, 0);
        session.workload.kvType = DType::Fp8; // changes every sweep point's bytes
        check(2, 0);
        session.gpu.bandwidthBytesPerSecond *= 2;
        check(3, 0);
        session.sweep.mode = SweepMode::Batch; // over batch, at the current sequence length
        check(4, 0);
        session.workload.batch = 16;
        check(4, 0);
        session.workload.seq = 1024;
        check(5, 0);

        session.pins.modify([&](std::vector<Pin> &pins) { pins.push_back(Pin { "pinned", session.scenario() }); });
        check(5, 1);
        session.workload.batch = 2;
        check(5, 1);
        session.pins.modify([](std::vector<Pin> &pins) { pins.front().scenario.efficiency = Efficiency { true, 0.7, 0.85 }; });
        check(5, 2);
        session.pins.modify([](std::vector<Pin> &) {}); // a new list holding the same pin: not evaluated again
        check(5, 2);
        // The pin's workload changes, its efficiency does not: evaluated again.
        session.pins.modify([](std::vector<Pin> &pins) { pins.front().scenario.workload.batch = 4; });
        check(5, 3);
        session.pins = {};
        check(5, 3);
        QVERIFY(results.chart.pins.empty());
    }
};

QTEST_GUILESS_MAIN(TestEvaluation)
#include "tst_evaluation.moc"
