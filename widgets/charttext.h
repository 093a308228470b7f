#pragma once

#include "chartdata.h"
#include "session.h"

#include <QFontMetricsF>
#include <QString>

#include <vector>

// What the roofline chart says in words, as pure functions: the tooltips of points and measured kernels, and
// how long names and notes are shortened to fit on it.

namespace roofline {

// A note shows at most this many lines of this many characters on the chart (its tooltip shows more): a
// note of 10,000 characters would cover the chart and cost a redraw its every glyph.
inline constexpr int MaxNoteLines = 8;
inline constexpr int MaxNoteLineChars = 80;
// A legend name is shortened to this many characters.
inline constexpr int MaxLegendNameChars = 80;
// A tooltip over coinciding points names this many of the others, then "and N more".
inline constexpr std::size_t MaxCoincidingNamed = 6;
// A shortened note's tooltip shows this many characters of it.
inline constexpr int MaxNoteTooltipChars = 4000;

// `text` cut to `chars` characters, the last of them an ellipsis, without splitting a surrogate pair.
QString elided(const QString &text, int chars);

// `text` broken into lines no wider than `width` (by `metrics`) at its "  ·  " separators, which do not start or
// end a line; a part wider than a line is shortened in its middle ("…"). The subtitle takes the lines it needs.
QString wrappedAtSeparators(const QString &text, const QFontMetricsF &metrics, double width);

// What a note shows on the chart: its lines wrapped at spaces to MaxNoteLineChars, the first MaxNoteLines of
// them, with " …" where it goes on; `cut` (if given) tells whether anything was left out.
QString noteText(const std::string &text, bool *cut = nullptr);
// The tooltip of a note shortened on the chart: more of it, as plain text (rich-text markup escaped).
QString noteTooltip(const std::string &text);

// A modelled point's tooltip (rich text): op, series, phase, shape, FLOPs, bytes, intensity, the attainable
// rate, the bound and the time, and for MoE and speculative decoding how it was counted.
QString pointTooltip(const ChartPoint &point);
// The tooltip over points that coincide (every decode projection sits at intensity ~b): the nearest's, then
// the others named, at most MaxCoincidingNamed of them. `points` is nearest first and not empty.
QString pointsTooltip(const std::vector<const ChartPoint *> &points);
// A pinned point's tooltip: the pin's name, then the point's own tooltip (pointTooltip).
QString pinnedTooltip(const std::string &pin, const ChartPoint &point);
// A series' legend entry's tooltip: which ops it holds and in which phase, the legend's names ("init", "ar", as the
// seed chart has them) tied to the table's (prefill, decode); and that a click hides or shows it.
QString seriesTooltip(Series series);
// A pin's legend entry's tooltip: its name in the legend (what differs from now), then its whole scenario when
// that says more ("pinned: batch 1" / "pinned: batch 1, seq 2048, RTX A6000, Llama-2-13B").
QString pinLegendTooltip(const std::string &name, const std::string &label);
// A measured kernel's tooltip; `modelled`: the current point it measures, if any (ChartData::modelledPoint).
QString measuredTooltip(const ChartData::MeasuredPoint &point, const ChartPoint *modelled);

} // namespace roofline
