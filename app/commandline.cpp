#include "commandline.h"

#include "commandlineoptions.h"

#include "chartdata.h"
#include "chartexport.h"
#include "inputerror.h"
#include "jsonreader.h"
#include "measured.h"
#include "report.h"
#include "text.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSize>

#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <optional>
#include <ostream>

namespace roofline {

namespace {

std::string flagName(const QCommandLineOption &option)
{
    return "--" + option.names().constLast().toStdString();
}

// A number given to a flag: finite and within the range.
double numberValue(const QCommandLineParser &parser, const QCommandLineOption &option, FigureRange range)
{
    const QString text = parser.value(option).trimmed();
    bool ok = false;
    const double value = text.toDouble(&ok);
    if (!ok || !std::isfinite(value))
        throw InputError({}, {}, flagName(option) + ": expected a number, got \"" + text.toStdString() + "\"");
    if (value < range.min || value > range.max) {
        throw InputError({}, {}, flagName(option) + ": must be between " + formatLimit(range.min) + " and " + formatLimit(range.max)
                                     + ", got " + text.toStdString());
    }
    return value;
}

std::int64_t integerValue(const QCommandLineParser &parser, const QCommandLineOption &option, CountRange range)
{
    const double value = numberValue(parser, option, FigureRange { double(range.min), double(range.max) });
    if (std::floor(value) != value)
        throw InputError({}, {}, flagName(option) + ": expected a whole number, got " + parser.value(option).toStdString());
    return static_cast<std::int64_t>(value);
}

DType dtypeValue(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    const std::string text = parser.value(option).trimmed().toLower().toStdString();
    const auto type = dtypeFromName(text);
    if (!type)
        throw InputError({}, {}, flagName(option) + ": unknown type \"" + text + "\" (expected " + dtypeNames() + ")");
    return *type;
}

// Which of `table`'s values a flag names (case and spaces aside), or an error naming the choices.
template<typename Enum, std::size_t N>
Enum choiceValue(const QCommandLineParser &parser, const QCommandLineOption &option, const NameTable<Enum, N> &table)
{
    const std::string text = parser.value(option).trimmed().toLower().toStdString();
    if (const auto value = table.fromName(text))
        return *value;
    std::vector<std::string_view> names;
    table.forEachReadName([&names](std::string_view name) { names.push_back(name); });
    throw InputError({}, {}, flagName(option) + ": expected " + choiceList(names) + ", got \"" + text + "\"");
}

// The path given to a flag that names a file; an empty one is refused here, where the flag can be named.
QString filePathValue(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    QString path = parser.value(option);
    if (path.isEmpty())
        throw InputError({}, {}, flagName(option) + ": needs a file path, got an empty one");
    return path;
}

std::string fileStem(const QString &path)
{
    return QFileInfo(path).completeBaseName().toStdString();
}

// What a word given without a flag is, and what to give instead: every argument is a flag.
std::string positionalProblem(const QString &argument)
{
    const std::string quoted = "\"" + argument.toStdString() + "\"";
    const QFileInfo info(argument);
    if (info.isDir())
        return quoted + " is a directory, given without a flag: every argument is a flag (see --help); to export into it, give --export "
            + QDir(argument).filePath(QStringLiteral("chart.png")).toStdString();
    if (info.exists())
        return quoted + " is a file given without a flag: open a session with --session, a GPU with --gpu-file, a model's "
                        "config.json with --model-config, measured kernels with --measured (see --help)";
    return "unexpected argument " + quoted + ": every argument is a flag (see --help)";
}

} // namespace

bool argumentsGive(const QStringList &arguments, EarlyFlag flag)
{
    const CommandLineOptions options;
    const QCommandLineOption &option = flag == EarlyFlag::Export ? options.exportFile : options.startupTime;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        for (const QString &name : option.names())
            for (const QString &dashes : { QStringLiteral("--"), QStringLiteral("-") })
                if (argument == dashes + name || argument.startsWith(dashes + name + QLatin1Char('=')))
                    return true;
    }
    return false;
}

QString commandLineHelp()
{
    QCommandLineParser parser;
    CommandLineOptions options;
    options.addTo(parser);
    parser.setApplicationDescription(QStringLiteral(
        "Roofline Explorer: where every operator of an LLM sits on a GPU's roofline.\n"
        "Without arguments it opens the window; with arguments it runs headless.\n"
        "Exit codes: 0 done; 2 bad input (a flag, a file read); 3 an output that cannot be written\n"
        "(standard output, the --export file)."));
    return parser.helpText();
}

CommandLineRequest parseCommandLine(const QStringList &arguments, const PresetLibrary &presets)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    CommandLineOptions o;
    o.addTo(parser);
    if (!parser.parse(arguments))
        throw InputError({}, {}, parser.errorText().toStdString());
    if (!parser.positionalArguments().isEmpty())
        throw InputError({}, {}, positionalProblem(parser.positionalArguments().constFirst()));
    // A flag given twice with values (`--batch 5 --batch 6`) is a mistake in a script; Qt would take the last.
    for (const QString &name : parser.optionNames()) {
        if (const QStringList values = parser.values(name); values.size() > 1)
            throw InputError({}, {}, "--" + name.toStdString() + ": given " + std::to_string(values.size()) + " times (\""
                                         + values.join(QStringLiteral("\", \"")).toStdString() + "\"); give it once");
    }

    CommandLineRequest request;
    request.help = parser.isSet(o.help);
    request.version = parser.isSet(o.version);
    request.listModels = parser.isSet(o.listModels);
    request.listGpus = parser.isSet(o.listGpus);
    request.session = defaultSession(presets);
    if (parser.isSet(o.session)) {
        const std::string path = filePathValue(parser, o.session).toStdString();
        std::vector<std::string> warnings;
        request.session = parseSession(readInputFile(path, MaxSessionFileBytes), path, presets, warnings);
        for (const std::string &warning : warnings)
            request.warnings << QString::fromStdString(warning);
    }
    Session &scenario = request.session;

    if (parser.isSet(o.model) && parser.isSet(o.modelConfig))
        throw InputError({}, {}, "--model and --model-config exclude each other");
    if (parser.isSet(o.gpu) && parser.isSet(o.gpuFile))
        throw InputError({}, {}, "--gpu and --gpu-file exclude each other");
    for (const auto &[on, off] : { std::pair(&o.flash, &o.noFlash), std::pair(&o.fuseQkv, &o.noFuseQkv), std::pair(&o.fuseGateUp, &o.noFuseGateUp) })
        if (parser.isSet(*on) && parser.isSet(*off))
            throw InputError({}, {}, flagName(*on) + " and " + flagName(*off) + " exclude each other");
    if (parser.isSet(o.model)) {
        const std::string id = parser.value(o.model).toStdString();
        const ModelConfig *model = presets.findModel(id);
        if (!model)
            throw InputError({}, {}, "--model: unknown model \"" + id + "\" (see --list-models)");
        scenario.model = *model;
    }
    if (parser.isSet(o.modelConfig)) {
        const QString path = filePathValue(parser, o.modelConfig);
        scenario.model = parseModelConfig(readInputFile(path.toStdString()), path.toStdString(), fileStem(path));
    }
    if (parser.isSet(o.gpu)) {
        const std::string id = parser.value(o.gpu).toStdString();
        const GpuSpec *gpu = presets.findGpu(id);
        if (!gpu)
            throw InputError({}, {}, "--gpu: unknown GPU \"" + id + "\" (see --list-gpus)");
        scenario.gpu = *gpu;
        scenario.gpuCustomised = false;
    }
    if (parser.isSet(o.gpuFile)) {
        const QString path = filePathValue(parser, o.gpuFile);
        scenario.gpu = parseGpuFile(readInputFile(path.toStdString()), path.toStdString());
        scenario.gpuCustomised = false;
    }

    Workload &w = scenario.workload;
    if (parser.isSet(o.batch))
        w.batch = integerValue(parser, o.batch, BatchRange);
    if (parser.isSet(o.seq))
        w.seq = integerValue(parser, o.seq, SeqRange);
    if (parser.isSet(o.tokensPerStep))
        w.tokensPerStep = integerValue(parser, o.tokensPerStep, TokensPerStepRange);
    if (parser.isSet(o.acceptedTokens)) {
        w.acceptedTokensPerStep = numberValue(parser, o.acceptedTokens, AcceptedTokensRange);
        if (w.acceptsMoreThanVerified())
            throw InputError({}, {}, "--accepted-tokens: " + formatShortest(w.acceptedTokensPerStep) + " is more than the "
                                         + std::to_string(w.tokensPerStep) + " tokens verified per step (--tokens-per-step)");
    } else if (w.acceptsMoreThanVerified()) {
        // A session's accepted tokens, and fewer tokens verified given here.
        throw InputError({}, {}, "--tokens-per-step: " + std::to_string(w.tokensPerStep) + " is fewer than the "
                                     + formatShortest(w.acceptedTokensPerStep)
                                     + " tokens the session accepts per step; give --accepted-tokens too");
    }
    if (parser.isSet(o.weightDtype))
        w.weightType = dtypeValue(parser, o.weightDtype);
    if (parser.isSet(o.actDtype))
        w.activationType = dtypeValue(parser, o.actDtype);
    if (parser.isSet(o.kvDtype))
        w.kvType = dtypeValue(parser, o.kvDtype);
    if (parser.isSet(o.flash) || parser.isSet(o.noFlash))
        w.flashAttention = parser.isSet(o.flash);
    Assumptions &as = w.assumptions;
    if (parser.isSet(o.causalMask))
        as.causalMask = choiceValue(parser, o.causalMask, OnOffNames);
    if (parser.isSet(o.prefillLogits))
        as.allPrefillLogits = choiceValue(parser, o.prefillLogits, PrefillLogitsNames);
    if (parser.isSet(o.embeddingDtype))
        as.embeddingType = dtypeValue(parser, o.embeddingDtype);
    if (parser.isSet(o.scoreDtype))
        as.scoreType = dtypeValue(parser, o.scoreDtype);
    if (parser.isSet(o.fuseQkv) || parser.isSet(o.noFuseQkv))
        as.fuseQkv = parser.isSet(o.fuseQkv);
    if (parser.isSet(o.fuseGateUp) || parser.isSet(o.noFuseGateUp))
        as.fuseGateUp = parser.isSet(o.fuseGateUp);
    if (parser.isSet(o.countNonGemm))
        as.countNonGemm = choiceValue(parser, o.countNonGemm, OnOffNames);

    const bool customised = parser.isSet(o.peakTflops) || parser.isSet(o.bandwidth);
    // A session's compute type on another GPU given here: as a session read, fp16 where that GPU publishes no peak.
    if ((parser.isSet(o.gpu) || parser.isSet(o.gpuFile)) && !parser.isSet(o.computeType) && !parser.isSet(o.peakTflops)) {
        const ComputeType used = publishedComputeType(scenario.gpu, w.computeType);
        if (used != w.computeType)
            request.warnings << QString::fromStdString(scenario.gpu.name + " publishes no " + std::string(computeTypeName(w.computeType))
                                                       + " peak; " + std::string(computeTypeName(used)) + " is used");
        w.computeType = used;
    }
    if (parser.isSet(o.computeType)) {
        const std::string text = parser.value(o.computeType).trimmed().toLower().toStdString();
        const auto type = computeTypeFromName(text);
        if (!type)
            throw InputError({}, {}, "--compute-type: unknown type \"" + text + "\" (expected " + computeTypeNames() + ")");
        if (!scenario.gpu.peak(*type) && !parser.isSet(o.peakTflops))
            throw InputError({}, {}, "--compute-type: " + scenario.gpu.name + " publishes no " + text + " peak (give --peak-tflops)");
        w.computeType = *type;
    }
    if (parser.isSet(o.peakTflops))
        scenario.gpu.setPeak(w.computeType, numberValue(parser, o.peakTflops, PeakTflopsRange) * FlopsPerTflop);
    if (parser.isSet(o.bandwidth)) {
        scenario.gpu.bandwidthBytesPerSecond = numberValue(parser, o.bandwidth, BandwidthGBpsRange) * BytesPerGB;
        scenario.gpu.bandwidthStatedInGiB = false;
    }
    if (customised)
        scenario.markGpuEdited("User-edited figures on the command line.");

    if (parser.isSet(o.computeEfficiency) || parser.isSet(o.bandwidthEfficiency)) {
        const auto share = [&](const QCommandLineOption &option) -> std::optional<double> {
            if (!parser.isSet(option))
                return std::nullopt;
            return numberValue(parser, option, EfficiencyRange);
        };
        scenario.efficiency.enable(share(o.computeEfficiency), share(o.bandwidthEfficiency));
    }
    if (parser.isSet(o.measured)) {
        const std::string path = filePathValue(parser, o.measured).toStdString();
        scenario.measured = parseMeasuredKernels(readInputFile(path), path);
    }
    if (parser.isSet(o.allCeilings))
        scenario.showAllCeilings = true;
    if (parser.isSet(o.sweepMode)) {
        const std::string text = parser.value(o.sweepMode).trimmed().toLower().toStdString();
        const auto known = sweepModeFromName(text);
        if (!known)
            throw InputError({}, {}, "--sweep-mode: unknown mode \"" + text + "\" (expected " + sweepModeNames() + ")");
        scenario.sweep.mode = *known;
    }
    if (parser.isSet(o.dump)) {
        request.dumpFormat = dumpFormatFromName(parser.value(o.dump).trimmed().toLower().toStdString());
        if (!request.dumpFormat)
            throw InputError({}, {},
                             "--dump: unknown format \"" + parser.value(o.dump).toStdString() + "\" (expected " + dumpFormatNames() + ")");
    }
    request.dumpSweep = parser.isSet(o.sweep);
    if (parser.isSet(o.mapQuantity)) {
        const std::string name = parser.value(o.mapQuantity).trimmed().toLower().toStdString();
        const auto quantity = GridQuantityNames.fromName(name);
        if (!quantity)
            throw InputError({}, {}, "--map-quantity: unknown quantity \"" + name + "\" (expected " + gridQuantityKeys() + ")");
        request.session.phaseMap.quantity = *quantity;
    }
    if (parser.isSet(o.mapSeries)) {
        const std::string name = parser.value(o.mapSeries).trimmed().toStdString();
        const auto series = seriesFromName(name);
        if (!series)
            throw InputError({}, {}, "--map-series: unknown series \"" + name + R"(" (expected e.g. "qkv mlp ar"))");
        request.session.phaseMap.series = *series;
    }

    ExportFormat exportFormat = ExportFormat::Png;
    if (parser.isSet(o.exportFile)) {
        request.exportPath = filePathValue(parser, o.exportFile);
        if (!exportFormatForPath(request.exportPath, &exportFormat))
            throw InputError({}, {},
                             "--export: unknown file type \"" + request.exportPath.toStdString() + "\" ("
                                 + exportSuffixRule().toStdString() + ")");
    }
    if (parser.isSet(o.size)) {
        static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,9})\\s*[xX]\\s*(\\d{1,9})\\s*$"));
        const QString text = parser.value(o.size);
        const auto match = pattern.match(text);
        if (!match.hasMatch())
            throw InputError({}, {}, "--size: expected WIDTHxHEIGHT such as 1920x1080, got \"" + text.toStdString() + "\"");
        const qint64 width = match.captured(1).toLongLong();
        const qint64 height = match.captured(2).toLongLong();
        if (!ExportSideRange.contains(width) || !ExportSideRange.contains(height))
            throw InputError({}, {},
                             "--size: each side must be between " + std::to_string(ExportSideRange.min) + " and "
                                 + std::to_string(ExportSideRange.max) + " pixels, got "
                                 + text.toStdString());
        scenario.exportSettings.width = int(width);
        scenario.exportSettings.height = int(height);
    }
    if (parser.isSet(o.exportStyle)) {
        const std::string style = parser.value(o.exportStyle).trimmed().toLower().toStdString();
        const auto dark = exportStyleIsDark(style);
        if (!dark)
            throw InputError({}, {}, "--export-style: unknown style \"" + style + "\" (expected " + exportStyleNames() + ")");
        scenario.exportSettings.dark = *dark;
    }
    // Flags win over the session's stored export settings: --size names the pixels, so the stored scale does
    // not multiply them; only --scale does.
    if (parser.isSet(o.scale))
        scenario.exportSettings.scale = numberValue(parser, o.scale, ExportScaleRange);
    else if (parser.isSet(o.size))
        scenario.exportSettings.scale = 1.0;
    // The export size is checked only for an export: a session's stored size must not break other commands.
    if (!request.exportPath.isEmpty()) {
        const ExportSettings &shape = scenario.exportSettings;
        const QString problem = exportSizeProblem(QSize(shape.width, shape.height), shape.scale, exportFormat);
        if (!problem.isEmpty()) {
            const bool sizeFlag = parser.isSet(o.size);
            const bool scaleFlag = parser.isSet(o.scale);
            const std::string stored = parser.isSet(o.session) ? parser.value(o.session).toStdString() : std::string();
            std::string origin;
            if (sizeFlag && scaleFlag)
                origin = "--size and --scale";
            else if (sizeFlag)
                origin = "--size";
            else if (scaleFlag)
                origin = stored.empty() ? "--scale" : "the size stored in " + stored + " and --scale";
            else
                origin = stored.empty() ? "the default export size" : "the export size and scale stored in " + stored;
            throw InputError({}, {}, origin + ": " + problem.toStdString() + "; give a smaller --size or --scale");
        }
    }
    // Flags that would change nothing are refused, so that a script learns of its mistake.
    if (!request.help && !request.version) {
        if (parser.isSet(o.sweep) && request.dumpFormat != DumpFormat::Json)
            throw InputError({}, {}, "--sweep: adds the sweep to --dump json only");
        for (const QCommandLineOption *map : { &o.mapQuantity, &o.mapSeries })
            if (parser.isSet(*map) && request.dumpFormat != DumpFormat::PhaseMap && request.exportPath.isEmpty())
                throw InputError({}, {}, flagName(*map) + ": chooses what --dump phase-map prints; give --dump phase-map");
        for (const QCommandLineOption *shape : { &o.size, &o.scale, &o.exportStyle })
            if (parser.isSet(*shape) && request.exportPath.isEmpty())
                throw InputError({}, {}, flagName(*shape) + ": shapes an export; give --export FILE");
        if (parser.isSet(o.scale) && exportFormat != ExportFormat::Png)
            throw InputError({}, {}, "--scale: multiplies a PNG's pixels only; an SVG or PDF is drawn at --size");
    }
    return request;
}

void refuseNothingToDo(const CommandLineRequest &request)
{
    if (!request.help && !request.version && !request.listModels && !request.listGpus && !request.dumpFormat
        && request.exportPath.isEmpty())
        throw InputError({}, {}, "nothing to do: the flags given set up a chart; add --dump (" + dumpFormatNames() + "), --export FILE, "
                                 "--list-models or --list-gpus (without arguments the window opens)");
}

int runHeadless(const CommandLineRequest &request, const PresetLibrary &presets, std::ostream &out)
{
    if (request.help) {
        out << commandLineHelp().toStdString();
        return 0;
    }
    if (request.version) {
        out << "roofline-explorer " << ROOFLINE_VERSION << '\n';
        return 0;
    }
    if (request.listModels)
        out << modelListing(presets.models);
    if (request.listGpus)
        out << gpuListing(presets.gpus);
    if (request.dumpFormat)
        out << sessionDump(request.session, *request.dumpFormat, request.dumpSweep);
    return 0;
}

} // namespace roofline
