#include "summaryview.h"

#include "chartcolors.h"
#include "units.h"

#include <cmath>

namespace roofline {

SummaryView::SummaryView(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::RichText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setMargin(6);
}

void SummaryView::setEvaluation(const Evaluation &e)
{
    const auto si = [](double value, const char *unit) -> QString {
        return QString::fromStdString(formatSiUnit(value, unit));
    };
    const MemoryFootprint &m = e.memory;
    m_warning = !m.fits();
    QString memory = tr("weights %1 + KV cache %2 = <b>%3</b> of %4")
                         .arg(si(m.weightBytes, "B"), si(m.kvCacheBytes, "B"), si(m.totalBytes(), "B"), si(m.capacityBytes, "B"));
    // A sliding window caps the cache: say so, and by how much.
    if (m.cachedTokens < m.contextTokens)
        memory += tr(" (sliding window: %1 of %2 tokens cached a sequence)")
                      .arg(QString::fromStdString(formatShortest(std::round(m.cachedTokens * 10.0) / 10.0)),
                           QString::fromStdString(formatShortest(m.contextTokens)));
    if (m_warning)
        memory = QStringLiteral("<span style='color:%1'><b>⚠ Does not fit:</b> ").arg(warningColor().name()) + memory
            + tr(" (%1 over)").arg(si(m.overBytes(), "B")) + QStringLiteral("</span>");
    // With several tokens verified per step, tokens/s counts the accepted ones, and says how many.
    const QString accepted = e.workload.tokensPerStep > 1
        ? tr(" at %1 of %2 accepted per step").arg(QString::number(e.workload.acceptedPerStep(), 'g', 4)).arg(e.workload.tokensPerStep)
        : QString();
    setText(tr("<b>Time to first token</b> %1 &nbsp;&nbsp; <b>Decode</b> %2 per step, %3 tokens/s%6 (%4 per sequence)"
               "<br><b>Memory</b> %5")
                .arg(QString::fromStdString(formatDuration(e.timeToFirstTokenSeconds())),
                     QString::fromStdString(formatDuration(e.decodeStepSeconds())),
                     QString::fromStdString(formatRatio(e.decodeTokensPerSecond())),
                     QString::fromStdString(formatRatio(e.decodeTokensPerSecondPerSequence())), memory, accepted));
}

} // namespace roofline
