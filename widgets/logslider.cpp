#include "logslider.h"

#include "undokeys.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace roofline {

namespace {
constexpr int Ticks = 1000;
constexpr int Decimals = 2; // a figure in real units: typed as a datasheet gives it (123.45 TFLOP/s)

// Real figures as people write them: "989.4 TFLOP/s" and "312 TFLOP/s", not "989.40" and "312.00".
class FigureSpinBox : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    QString textFromValue(double value) const override
    {
        QString text = QDoubleSpinBox::textFromValue(value);
        const QString point = locale().decimalPoint();
        if (decimals() > 0 && text.contains(point)) {
            while (text.endsWith(QLatin1Char('0')))
                text.chop(1);
            if (text.endsWith(point))
                text.chop(point.size());
        }
        return text;
    }
};

// A place on a track of real figures, at three significant figures (1.23, 12.3, 123, 1230) and no finer than
// the box shows: a drag lands on 125 TFLOP/s, not on 124.8723.
double roundedFigure(double value)
{
    if (!(value > 0.0) || !std::isfinite(value))
        return value;
    const double step = std::max(std::pow(10.0, std::floor(std::log10(value)) - 2.0), std::pow(10.0, -Decimals));
    return std::round(value / step) * step;
}
} // namespace

LogSlider::LogSlider(double minimum, double maximum, bool integer, const QString &suffix, QWidget *parent)
    : QWidget(parent)
    , m_slider(new QSlider(Qt::Horizontal, this))
    , m_spinBox(new FigureSpinBox(this))
    , m_minimum(minimum)
    , m_maximum(maximum)
    , m_typedMinimum(minimum)
    , m_typedMaximum(maximum)
    , m_integer(integer)
    , m_value(minimum)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_spinBox);
    // However narrow the panel, the slider keeps a track to drag along (the row wraps under its label first).
    m_slider->setMinimumWidth(m_slider->fontMetrics().averageCharWidth() * 12);
    m_slider->setRange(0, Ticks);
    m_slider->setPageStep(Ticks / 20);
    m_spinBox->setRange(minimum, maximum);
    m_spinBox->setDecimals(integer ? 0 : Decimals);
    m_spinBox->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_spinBox->setSuffix(suffix);
    m_spinBox->setMinimumWidth(m_spinBox->fontMetrics().horizontalAdvance(QString::number(maximum, 'f', integer ? 0 : Decimals) + suffix) + 40);
    m_spinBox->setAccelerated(true);
    m_spinBox->setValue(minimum);
    leaveUndoToWindow(m_spinBox);

    connect(m_slider, &QSlider::valueChanged, this, [this](int tick) {
        // A tick on the slider maps to a value; the value is what counts, so a drag that lands on the same
        // integer does not emit again.
        setValue(valueForTick(tick));
    });
    connect(m_spinBox, &QDoubleSpinBox::valueChanged, this, [this](double value) { setValue(value); });
    // An arrow key's step moves to the next value there is: on an integer track's low end, where many ticks
    // round to one integer, a tick's step changed nothing (batch 1 stayed 1 after five presses).
    connect(m_slider, &QAbstractSlider::actionTriggered, this, [this](int action) {
        const bool up = action == QAbstractSlider::SliderSingleStepAdd;
        if (!up && action != QAbstractSlider::SliderSingleStepSub)
            return;
        int position = m_slider->sliderPosition();
        while (position > 0 && position < Ticks && valueForTick(position) == m_value)
            position += up ? 1 : -1;
        m_slider->setSliderPosition(position);
    });
    connect(m_slider, &QSlider::sliderPressed, this, &LogSlider::dragStarted);
    connect(m_slider, &QSlider::sliderReleased, this, &LogSlider::dragFinished);
}

void LogSlider::setTypedRange(double minimum, double maximum)
{
    m_typedMinimum = std::min(minimum, m_minimum);
    m_typedMaximum = std::max(maximum, m_maximum);
    const QSignalBlocker blocker(m_spinBox);
    m_spinBox->setRange(m_typedMinimum, m_typedMaximum);
}

double LogSlider::normalised(double value) const
{
    if (!std::isfinite(value))
        value = m_minimum;
    value = std::clamp(value, m_typedMinimum, m_typedMaximum);
    return m_integer ? std::round(value) : value;
}

double LogSlider::valueForTick(int tick) const
{
    const double fraction = double(tick) / Ticks;
    const double value = std::clamp(m_minimum * std::pow(m_maximum / m_minimum, fraction), m_minimum, m_maximum);
    return normalised(m_integer ? value : std::clamp(roundedFigure(value), m_minimum, m_maximum));
}

int LogSlider::tickForValue(double value) const
{
    return std::clamp(int(std::lround(std::log(value / m_minimum) / std::log(m_maximum / m_minimum) * Ticks)), 0, Ticks);
}

void LogSlider::setValue(double value)
{
    value = normalised(value);
    if (value == m_value && m_spinBox->value() == value)
        return;
    m_value = value;
    {
        const QSignalBlocker sliderBlocker(m_slider);
        const QSignalBlocker spinBlocker(m_spinBox);
        // Leave the slider alone if it already sits on a tick that maps to this value (mid-drag), or at the
        // end of its track for a value typed beyond it.
        if (valueForTick(m_slider->value()) != value && m_slider->value() != tickForValue(value))
            m_slider->setValue(tickForValue(value));
        if (m_spinBox->value() != value)
            m_spinBox->setValue(value);
    }
    Q_EMIT valueChanged(value);
}

} // namespace roofline
