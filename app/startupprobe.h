#pragma once

#include <QObject>

#include <chrono>

namespace roofline {

// For `--startup-time`: waits for the first paint of the chart, prints how long it took since the
// program started and the peak memory so far, then quits the application.
class StartupProbe : public QObject
{
    Q_OBJECT
public:
    StartupProbe(QWidget *watched, std::chrono::steady_clock::time_point start, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void report();

    std::chrono::steady_clock::time_point m_start;
    bool m_reported = false;
};

} // namespace roofline
