#pragma once

#include <cstddef>
#include <cstdint>

namespace roofline {

// What a session may hold. The window refuses to make more, the session writer never writes more, and the
// reader refuses a file that holds more (with the limit in its message): what can be made can be saved and
// reopened.
inline constexpr std::size_t MaxPins = 100;
inline constexpr std::size_t MaxAnnotations = 1000;
inline constexpr std::size_t MaxAnnotationChars = 10000; // bytes of UTF-8 in one label or note
inline constexpr std::size_t MaxMeasuredKernels = 100000;
// Bytes of UTF-8 in a GPU's, model's or pin's name; longer names are shortened with a trailing "...".
inline constexpr std::size_t MaxNameChars = 256;
// Bytes of UTF-8 in the label of a pin the window makes ("pinned: batch 1, seq 2048, GPU, model"): GPU and
// model names from files may be long, and the label is a legend entry. Within MaxNameChars, so it reopens whole.
inline constexpr std::size_t MaxPinLabelChars = 160;
static_assert(MaxPinLabelChars <= MaxNameChars);
// Bytes of UTF-8 in one measured kernel's name; longer names (Nsight's demangled templates) are shortened
// to this with a trailing "..." on import.
inline constexpr std::size_t MaxKernelNameChars = 512;

// Largest file a loader reads. Real config.json and GPU files are a few kB; this guards against being
// handed a log file or a disk image by mistake.
inline constexpr std::uintmax_t MaxInputFileBytes = std::uintmax_t(4) * 1024 * 1024;
// A session at every limit above (100k measured kernels with 512-byte names, 1,000 notes of 10 kB, 100 pins)
// is about 150 MB of JSON when every character of the text needs escaping (quotes, backslashes); sessions
// get a limit of their own so such a session reopens. The writer refuses to write more than the reader
// takes.
inline constexpr std::uintmax_t MaxSessionFileBytes = std::uintmax_t(256) * 1024 * 1024;

// Deepest nesting of arrays and objects a JSON input may have; real inputs use under ten levels.
inline constexpr int MaxJsonDepth = 64;

// Most values (numbers, strings, booleans, nulls, arrays and objects; keys apart) a JSON input may hold.
// Each becomes a node of the parsed document, about 110 bytes of memory for "{}," (3 bytes of text), so a
// 256 MiB session of empty objects took 9.4 GB. The largest session that can be saved holds 812,204:
// 100,000 measured kernels of 8 (the object; name, flops, bytes, time_s, phase, series, op), 100 pins of
// 51 (the object and label; a custom model of 15 and GPU of 12, a workload of 18 with its assumptions, an efficiency of 4),
// 1,000 notes of 7 (the object; kind, text, x, y, dx, dy) and 104 for the rest. The limit leaves a margin
// of about 2.5 times and keeps the document under about 220 MB (2,000,000 empty objects).
inline constexpr std::size_t MaxJsonValues = 2000000;

// What a figure may be, wherever it comes from: a GPU file, a session or the command line (the window's
// sliders span narrower, practical ranges inside these). The bounds are far beyond real devices; they keep
// 5e-324 or 1e308 from turning every time into infinity or nothing.
struct FigureRange {
    double min;
    double max;
    // Within [min, max] (not a number is not).
    constexpr bool holds(double value) const { return value >= min && value <= max; }
};
inline constexpr FigureRange PeakTflopsRange { 1e-6, 1e6 }; // 1 MFLOP/s .. 1 EFLOP/s
inline constexpr FigureRange BandwidthGBpsRange { 1e-6, 1e7 }; // 1 kB/s .. 10 PB/s
inline constexpr FigureRange MemoryGBRange { 1e-6, 1e6 };
inline constexpr FigureRange L2MBRange { 1e-6, 1e6 };
inline constexpr FigureRange EfficiencyRange { 0.01, 1.0 }; // a share of a peak
// Where the chart can look and a note can sit: intensity in FLOP/B, performance in FLOP/s.
inline constexpr FigureRange ChartIntensityRange { 1e-9, 1e12 };
inline constexpr FigureRange ChartFlopsRange { 1e-6, 1e21 };
// Whether a label or note may sit at (x, y): what the window adds, a session file reads back.
constexpr bool annotationPlaceable(double x, double y)
{
    return ChartIntensityRange.holds(x) && ChartFlopsRange.holds(y);
}
// How far a label's box may sit from the point it names, in pixels either way.
inline constexpr FigureRange AnnotationOffsetRange { -1e5, 1e5 };
// What a whole-number input may be.
struct CountRange {
    std::int64_t min;
    std::int64_t max;

    constexpr bool contains(std::int64_t value) const { return value >= min && value <= max; }
};
// Workload sizes: far beyond any deployment, but every product of them stays finite.
inline constexpr CountRange BatchRange { 1, 1000000000 };
inline constexpr CountRange SeqRange { 1, 1000000000 };
inline constexpr CountRange TokensPerStepRange { 1, 65536 };
// The mean tokens accepted per decode step: at least the one every step yields, at most the tokens verified
// (the workload uses min(accepted, tokens per step)).
inline constexpr FigureRange AcceptedTokensRange { 1.0, double(TokensPerStepRange.max) };
// The window's sliders span practical ranges inside those limits (a session or the command line may go
// beyond; the slider then shows its end and the value stays as it is until the slider is moved).
inline constexpr FigureRange SliderBatchRange { 1, 1024 };
inline constexpr FigureRange SliderSeqRange { 1, 131072 };
inline constexpr FigureRange SliderPeakTflopsRange { 1, 5000 };
inline constexpr FigureRange SliderBandwidthGBpsRange { 10, 10000 };

// An export's side as the export dialog, the command line and a session take it, in pixels before scaling:
// below 64 the chart's labels no longer fit. The maximum also bounds each side after scaling (a 16384 x
// 16384 image is 1 GiB).
inline constexpr CountRange ExportSideRange { 64, 16384 };
// PNG scale factor (device pixels per pixel).
inline constexpr FigureRange ExportScaleRange { 1.0, 4.0 };
inline constexpr std::int64_t MaxExportPixels = std::int64_t(8192) * 8192;

} // namespace roofline
