#pragma once

#include <QWidget>

class QSlider;
class QDoubleSpinBox;

namespace roofline {

// A slider on a logarithmic scale with a spin box in real units beside it. It emits one signal,
// valueChanged(double), in those units, on every step of a drag and on every edit of the box.
class LogSlider : public QWidget
{
    Q_OBJECT
public:
    LogSlider(double minimum, double maximum, bool integer, const QString &suffix, QWidget *parent = nullptr);

    double value() const { return m_value; }
    double minimum() const { return m_minimum; }
    double maximum() const { return m_maximum; }
    // Moves both controls; emits valueChanged when the value changes.
    void setValue(double value);
    // The box may take values beyond the track (a batch of 4096 typed where the track ends at 1024): the slider
    // then sits at its end. By default the box takes the track's range.
    void setTypedRange(double minimum, double maximum);

    QSlider *slider() const { return m_slider; }
    QDoubleSpinBox *spinBox() const { return m_spinBox; }

Q_SIGNALS:
    void valueChanged(double value);
    // The user pressed and released the slider's handle: one drag, however many steps.
    void dragStarted();
    void dragFinished();

private:
    double valueForTick(int tick) const;
    int tickForValue(double value) const;
    double normalised(double value) const;

    QSlider *m_slider;
    QDoubleSpinBox *m_spinBox;
    double m_minimum;
    double m_maximum;
    double m_typedMinimum;
    double m_typedMaximum;
    bool m_integer;
    double m_value;
};

} // namespace roofline
