#pragma once

#include "chartexport.h"
#include "grid.h"
#include "inputlimits.h"
#include "nametable.h"
#include "presets.h"
#include "report.h"
#include "session.h"
#include "units.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

#include <string_view>

// The command line's flags, with their help; read only by commandline.cpp.

namespace roofline {

inline QString optionText(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// A switch's value on the command line, both ways: "on" or "off".
inline constexpr NameTable<bool, 2> OnOffNames { { { { false, "off" }, { true, "on" } } } };

inline QString onOff(bool on)
{
    return optionText(OnOffNames.name(on));
}

// The defaults the help names are the model's own (Workload, Assumptions, Efficiency, ExportSettings, the
// presets' ids), and the names each flag takes come from the name tables.
struct CommandLineOptions {
    const Workload defaults {};
    const ExportSettings exportDefaults {};

    QCommandLineOption help { { QStringLiteral("h"), QStringLiteral("help") }, QStringLiteral("Show this help.") };
    QCommandLineOption version { { QStringLiteral("v"), QStringLiteral("version") }, QStringLiteral("Show the version.") };
    QCommandLineOption model { QStringLiteral("model"), QStringLiteral("Model preset id (see --list-models). Default %1.").arg(optionText(DefaultModelId)),
                               QStringLiteral("id") };
    QCommandLineOption modelConfig { QStringLiteral("model-config"), QStringLiteral("A Hugging Face config.json to use as the model."),
                                     QStringLiteral("path") };
    QCommandLineOption gpu { QStringLiteral("gpu"), QStringLiteral("GPU preset id (see --list-gpus). Default %1.").arg(optionText(DefaultGpuId)),
                             QStringLiteral("id") };
    QCommandLineOption gpuFile { QStringLiteral("gpu-file"), QStringLiteral("A GPU file (JSON, same fields as a preset)."),
                                 QStringLiteral("path") };
    QCommandLineOption batch { QStringLiteral("batch"), QStringLiteral("Batch size b. Default %1.").arg(defaults.batch), QStringLiteral("n") };
    QCommandLineOption seq { QStringLiteral("seq"),
                             QStringLiteral("Sequence length s: prompt length in prefill, cached tokens in decode. Default %1.").arg(defaults.seq),
                             QStringLiteral("n") };
    QCommandLineOption peakTflops { QStringLiteral("peak-tflops"), QStringLiteral("Override the GPU's peak compute, TFLOP/s."),
                                    QStringLiteral("x") };
    QCommandLineOption bandwidth { QStringLiteral("bandwidth-gbps"), QStringLiteral("Override the GPU's memory bandwidth, GB/s."),
                                   QStringLiteral("x") };
    QCommandLineOption weightDtype { QStringLiteral("weight-dtype"),
                                     QStringLiteral("Weight storage: %1. Default %2.").arg(optionText(dtypeNames()), optionText(dtypeName(defaults.weightType))),
                                     QStringLiteral("type") };
    QCommandLineOption actDtype { QStringLiteral("act-dtype"), QStringLiteral("Activation storage type. Default %1.").arg(optionText(dtypeName(defaults.activationType))),
                                  QStringLiteral("type") };
    QCommandLineOption kvDtype { QStringLiteral("kv-dtype"), QStringLiteral("KV-cache storage type. Default %1.").arg(optionText(dtypeName(defaults.kvType))),
                                 QStringLiteral("type") };
    QCommandLineOption computeType { QStringLiteral("compute-type"),
                                     QStringLiteral("Which peak is the compute roof: %1 (bf16 means fp16). Default %2.")
                                         .arg(optionText(computeTypeNames()), optionText(computeTypeName(defaults.computeType))),
                                     QStringLiteral("type") };
    QCommandLineOption flash { QStringLiteral("flash-attention"),
                               QStringLiteral("Fuse qk and pv (FlashAttention): the score matrix never reaches DRAM.") };
    QCommandLineOption tokensPerStep { QStringLiteral("tokens-per-step"),
                                       QStringLiteral("Tokens verified per decode step (speculative decoding). Default %1.").arg(defaults.tokensPerStep),
                                       QStringLiteral("n") };
    QCommandLineOption acceptedTokens { QStringLiteral("accepted-tokens"),
                                        QStringLiteral("Mean tokens accepted per decode step, 1 to --tokens-per-step: tokens/s counts "
                                                       "these. Default %1 (the token every step yields).")
                                            .arg(defaults.acceptedTokensPerStep),
                                        QStringLiteral("x") };
    // Modelling choices (docs/model.md): the defaults are the seed chart's.
    QCommandLineOption causalMask { QStringLiteral("causal-mask"),
                                    QStringLiteral("Prefill attention computes only the scores a causal mask keeps (on) or all "
                                                   "of them (off). Default %1.")
                                        .arg(onOff(defaults.assumptions.causalMask)),
                                    QStringLiteral("on|off") };
    QCommandLineOption prefillLogits { QStringLiteral("prefill-logits"),
                                       QStringLiteral("The LM head at prefill for the last position or every one. Default %1.")
                                           .arg(optionText(prefillLogitsName(defaults.assumptions.allPrefillLogits))),
                                       optionText(prefillLogitsName(false)) + QLatin1Char('|') + optionText(prefillLogitsName(true)) };
    QCommandLineOption embeddingDtype { QStringLiteral("embedding-dtype"),
                                        QStringLiteral("Storage of the embedding and LM-head weights. Default: the weights' type."),
                                        QStringLiteral("type") };
    QCommandLineOption scoreDtype { QStringLiteral("score-dtype"),
                                    QStringLiteral("Type of the attention score matrix. Default: the activations' type."),
                                    QStringLiteral("type") };
    QCommandLineOption fuseQkv { QStringLiteral("fuse-qkv"), QStringLiteral("One fused q/k/v projection (one read of its input).") };
    QCommandLineOption fuseGateUp { QStringLiteral("fuse-gate-up"), QStringLiteral("One fused gate/up projection.") };
    // The switches' other way, for a session that has them on.
    QCommandLineOption noFlash { QStringLiteral("no-flash-attention"), QStringLiteral("Unfused attention (a session's FlashAttention off).") };
    QCommandLineOption noFuseQkv { QStringLiteral("no-fuse-qkv"), QStringLiteral("Separate q, k and v projections (a session's fused QKV off).") };
    QCommandLineOption noFuseGateUp { QStringLiteral("no-fuse-gate-up"),
                                      QStringLiteral("Separate gate and up projections (a session's fused gate/up off).") };
    QCommandLineOption countNonGemm { QStringLiteral("count-non-gemm"),
                                      QStringLiteral("Norms, softmax, activation and residual adds count in the totals. Default %1.")
                                          .arg(onOff(defaults.assumptions.countNonGemm)),
                                      QStringLiteral("on|off") };
    QCommandLineOption listModels { QStringLiteral("list-models"), QStringLiteral("List the model presets.") };
    QCommandLineOption listGpus { QStringLiteral("list-gpus"), QStringLiteral("List the GPU presets.") };
    QCommandLineOption dump { QStringLiteral("dump"),
                              QStringLiteral("Print the numbers: %1 (phase-map: CSV of batch, seq, value over %2 log-spaced "
                                             "values of each, rounded; each pair once).")
                                  .arg(optionText(dumpFormatNames()))
                                  .arg(PhaseMapCells),
                              QStringLiteral("format") };
    QCommandLineOption sweep { QStringLiteral("sweep"), QStringLiteral("With --dump json: add the sweep points of the chart.") };
    QCommandLineOption exportFile { QStringLiteral("export"),
                                    QStringLiteral("Write the chart to a %1 file and exit.").arg(exportSuffixList()),
                                    QStringLiteral("file") };
    QCommandLineOption size { QStringLiteral("size"), QStringLiteral("Export size in pixels, WxH. Default %1x%2.").arg(exportDefaults.width).arg(exportDefaults.height),
                              QStringLiteral("WxH") };
    QCommandLineOption scale { QStringLiteral("scale"), QStringLiteral("Export scale factor for PNG (%1 to %2). Default %3.")
                                   .arg(ExportScaleRange.min)
                                   .arg(ExportScaleRange.max)
                                   .arg(exportDefaults.scale),
                               QStringLiteral("x") };
    QCommandLineOption computeEfficiency { QStringLiteral("compute-efficiency"),
                                           QStringLiteral("Practical ceilings: share of peak compute reached (%1 to %2, e.g. %3); times use it.")
                                               .arg(EfficiencyRange.min)
                                               .arg(EfficiencyRange.max)
                                               .arg(Efficiency {}.compute),
                                           QStringLiteral("x") };
    QCommandLineOption bandwidthEfficiency { QStringLiteral("bandwidth-efficiency"),
                                             QStringLiteral("Practical ceilings: share of peak bandwidth reached (%1 to %2, e.g. %3).")
                                                 .arg(EfficiencyRange.min)
                                                 .arg(EfficiencyRange.max)
                                                 .arg(Efficiency {}.bandwidth),
                                             QStringLiteral("x") };
    QCommandLineOption measured { QStringLiteral("measured"),
                                  QStringLiteral("Measured kernels to draw beside the model's points: CSV, JSON or Nsight Compute raw CSV."),
                                  QStringLiteral("file") };
    QCommandLineOption exportStyle { QStringLiteral("export-style"),
                                     QStringLiteral("Style of the exported chart: %1 (default, for slides) or %2.")
                                         .arg(optionText(exportStyleName(false)), optionText(exportStyleName(true))),
                                     QStringLiteral("style") };
    QCommandLineOption mapQuantity { QStringLiteral("map-quantity"),
                                     QStringLiteral("With --dump phase-map: %1.").arg(optionText(gridQuantityKeys())),
                                     QStringLiteral("name") };
    QCommandLineOption mapSeries { QStringLiteral("map-series"),
                                   QStringLiteral("With --map-quantity compute_bound_share: the series, e.g. \"qkv mlp ar\"."),
                                   QStringLiteral("name") };
    QCommandLineOption allCeilings { QStringLiteral("all-ceilings"), QStringLiteral("Draw every compute ceiling the GPU publishes.") };
    QCommandLineOption sweepMode { QStringLiteral("sweep-mode"),
                                   QStringLiteral("What the small points sweep: %1.").arg(optionText(sweepModeNames())),
                                   QStringLiteral("mode") };
    QCommandLineOption session { QStringLiteral("session"),
                                 QStringLiteral("Start from a saved .roofline session (the other flags apply on top)."),
                                 QStringLiteral("file") };
    QCommandLineOption startupTime { QStringLiteral("startup-time"),
                                     QStringLiteral("Open the window, print the time to its first frame and the peak memory, and quit.") };

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({ help, version, model, modelConfig, gpu, gpuFile, batch, seq, peakTflops, bandwidth, weightDtype,
                            actDtype, kvDtype, computeType, flash, tokensPerStep, acceptedTokens, causalMask, prefillLogits,
                            embeddingDtype, scoreDtype, fuseQkv, fuseGateUp, noFlash, noFuseQkv, noFuseGateUp, countNonGemm, listModels, listGpus, dump, sweep,
                            exportFile, size, scale, session, startupTime, computeEfficiency, bandwidthEfficiency,
                            measured, allCeilings, sweepMode, exportStyle, mapQuantity, mapSeries });
    }
};

} // namespace roofline
