#include "charttext.h"

#include "chartcolors.h"
#include "units.h"

#include <QStringList>

namespace roofline {

namespace {
QString qs(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// A figure and its unit: "181 TFLOP/s".
QString si(double value, std::string_view unit)
{
    return QString::fromStdString(formatSiUnit(value, unit));
}

// FLOP/B: a ratio, never "167m".
QString ratio(double value)
{
    return QString::fromStdString(formatRatio(value));
}
} // namespace

QString elided(const QString &text, int chars)
{
    if (text.size() <= chars)
        return text;
    qsizetype keep = chars - 1;
    if (keep > 0 && text.at(keep - 1).isHighSurrogate())
        --keep;
    return text.left(keep) + QChar(0x2026);
}

QString wrappedAtSeparators(const QString &text, const QFontMetricsF &metrics, double width)
{
    const QString separator = qs(SubtitleSeparator);
    const QStringList parts = text.split(separator);
    QStringList lines;
    QString line;
    for (const QString &whole : parts) {
        // A part wider than a whole line (a name of a thousand characters) is shortened in its middle.
        const QString part = metrics.horizontalAdvance(whole) > width ? metrics.elidedText(whole, Qt::ElideMiddle, width) : whole;
        const QString longer = line.isEmpty() ? part : line + separator + part;
        if (line.isEmpty() || metrics.horizontalAdvance(longer) <= width) {
            line = longer;
        } else {
            lines.append(line);
            line = part;
        }
    }
    lines.append(line);
    return lines.join(QLatin1Char('\n'));
}

namespace {
// A line broken into lines of at most `chars` characters at its last space before the limit (the space goes);
// a word longer than a line is broken where the line ends.
QStringList wrappedLine(QString rest, int chars)
{
    QStringList lines;
    while (rest.size() > chars) {
        qsizetype at = rest.lastIndexOf(QLatin1Char(' '), chars);
        const bool atSpace = at > 0;
        if (!atSpace) {
            at = chars;
            if (rest.at(at - 1).isHighSurrogate())
                --at;
        }
        lines << rest.left(at);
        rest.remove(0, atSpace ? at + 1 : at);
    }
    lines << rest;
    return lines;
}
} // namespace

QString noteText(const std::string &text, bool *cut)
{
    QStringList shown;
    bool shortened = false;
    for (const QString &line : QString::fromStdString(text).split(QLatin1Char('\n'))) {
        for (const QString &part : wrappedLine(line, MaxNoteLineChars)) {
            shortened = shown.size() == MaxNoteLines;
            if (shortened)
                break;
            shown << part;
        }
        if (shortened)
            break;
    }
    if (shortened)
        shown.back() += QStringLiteral(" \u2026");
    if (cut)
        *cut = shortened;
    return shown.join(QLatin1Char('\n'));
}

QString noteTooltip(const std::string &text)
{
    return QStringLiteral("<p style='white-space:pre-wrap'>") + elided(QString::fromStdString(text), MaxNoteTooltipChars).toHtmlEscaped()
        + QStringLiteral("</p>");
}

QString pointTooltip(const ChartPoint &p)
{
    return QStringLiteral("<b>%1</b> &nbsp;·&nbsp; %2 (%3)<br>batch %4, sequence %5<br>"
                          "%6, %7 &nbsp;→&nbsp; %8 FLOP/B<br>attainable %9, <b>%10-bound</b><br>"
                          "time %11 per layer")
        .arg(qs(opName(p.op)), qs(seriesName(p.series)), qs(phaseName(p.phase)))
        .arg(p.batch)
        .arg(p.seq)
        .arg(si(p.flops, "FLOP"), si(p.bytes, "B"), ratio(p.intensity), si(p.attainableFlopsPerSecond, "FLOP/s"),
             qs(boundName(p.bound)), qs(formatDuration(p.timeSeconds)))
        + (p.tokensPerStep > 1 ? QStringLiteral("<br>%1 tokens verified per decode step, %2 accepted")
                                     .arg(p.tokensPerStep)
                                     .arg(p.acceptedPerStep, 0, 'g', 4)
                               : QString())
        + (p.slidingWindow > 0 ? QStringLiteral("<br>attends to %1 of %2 keys: a sliding window of %3 tokens in %4 of %5 layers")
                                     .arg(p.keysAttended, 0, 'f', 0)
                                     .arg(p.keysInContext, 0, 'f', 0)
                                     .arg(p.slidingWindow)
                                     .arg(p.windowedLayers)
                                     .arg(p.layers)
                               : QString())
        + (p.experts > 0 ? QStringLiteral("<br>weights of %1 of %2 experts read: E·(1 − (1 − k/E)<sup>T</sup>) with k = %3,"
                                          " assuming uniform routing")
                               .arg(p.expertsTouched, 0, 'f', 2)
                               .arg(p.experts)
                               .arg(p.expertsPerToken)
                         : QString());
}

QString pointsTooltip(const std::vector<const ChartPoint *> &points)
{
    QString text = pointTooltip(*points.front());
    for (std::size_t i = 1; i < points.size() && i <= MaxCoincidingNamed; ++i)
        text += (i == 1 ? QStringLiteral("<hr>also here: ") : QStringLiteral(", ")) + qs(opName(points[i]->op))
            + QStringLiteral(" (") + qs(seriesName(points[i]->series)) + QStringLiteral(", b ") + QString::number(points[i]->batch)
            + QStringLiteral(", s ") + QString::number(points[i]->seq) + QLatin1Char(')');
    if (points.size() > MaxCoincidingNamed + 1)
        text += QStringLiteral(" and %1 more").arg(points.size() - MaxCoincidingNamed - 1);
    return text;
}

QString measuredTooltip(const ChartData::MeasuredPoint &point, const ChartPoint *modelled)
{
    QString text = QStringLiteral("<b>measured: %1</b><br>%2 FLOP/B, achieved %3 in %4<br><b>%5% of the roof</b> at its intensity")
                       .arg(qs(point.name).toHtmlEscaped(), ratio(point.intensity), si(point.achievedFlopsPerSecond, "FLOP/s"),
                            qs(formatDuration(point.seconds)))
                       .arg(point.shareOfRoof * 100.0, 0, 'f', 1);
    if (point.shareOfRoof > 1.02)
        text += QStringLiteral("<br><span style='color:%1'><b>⚠ above the roof:</b> check the units, the FLOP "
                               "counting, or sparse math</span>")
                    .arg(warningColor().name());
    if (modelled) {
        text += QStringLiteral("<br>model: %1 FLOP/B, %2 (%3 %4)")
                    .arg(ratio(modelled->intensity), si(modelled->attainableFlopsPerSecond, "FLOP/s"), qs(opName(modelled->op)),
                         qs(phaseName(modelled->phase)));
        if (const auto mismatch = flopsMismatch(point, *modelled))
            text += QStringLiteral("<br><span style='color:%1'><b>⚠ %2 measured, %3 modelled</b> (%4×): measured at "
                                   "another workload than the chart's batch %5, sequence %6?</span>")
                        .arg(warningColor().name(), si(point.flops, "FLOP"), si(modelled->flops, "FLOP"), ratio(*mismatch))
                        .arg(modelled->batch)
                        .arg(modelled->seq);
    }
    return text;
}

QString pinnedTooltip(const std::string &pin, const ChartPoint &point)
{
    return QStringLiteral("<b>%1</b><br>").arg(qs(pin).toHtmlEscaped()) + pointTooltip(point);
}

QString pinLegendTooltip(const std::string &name, const std::string &label)
{
    if (name.empty() || name == label)
        return QStringLiteral("<b>%1</b>").arg(qs(label).toHtmlEscaped());
    return QStringLiteral("<b>%1</b><br>%2").arg(qs(name).toHtmlEscaped(), qs(label).toHtmlEscaped());
}

QString seriesTooltip(Series series)
{
    // The ops and the phase the model files under the series (seriesOf), by the names the table gives them.
    for (const Phase phase : { Phase::Prefill, Phase::Decode }) {
        QStringList ops;
        for (int op = 0; op <= int(OpKind::LmHead); ++op)
            if (seriesOf(OpKind(op), phase) == series)
                ops << qs(opName(OpKind(op)));
        if (ops.isEmpty())
            continue;
        const QString when = phase == Phase::Prefill ? QStringLiteral("in prefill, the prompt's pass (\"init\")")
                                                     : QStringLiteral("in decode, one generated token a step (\"ar\", autoregressive)");
        return QStringLiteral("<b>%1</b>: %2 %3.<br>Click to hide or show it.").arg(qs(seriesName(series)), ops.join(QLatin1String(", ")), when);
    }
    return {};
}

} // namespace roofline
