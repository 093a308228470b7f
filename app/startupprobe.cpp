#include "startupprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

#include <sys/resource.h>

#include <cstdio>

namespace roofline {

StartupProbe::StartupProbe(QWidget *watched, std::chrono::steady_clock::time_point start, QObject *parent)
    : QObject(parent)
    , m_start(start)
{
    watched->installEventFilter(this);
    // Never hang a benchmark script: give up after ten seconds.
    QTimer::singleShot(10000, this, [] {
        std::fprintf(stderr, "roofline-explorer: no frame was painted within 10 s\n");
        QCoreApplication::exit(1);
    });
}

bool StartupProbe::eventFilter(QObject *, QEvent *event)
{
    // Report once the first paint has been handled, not when it starts.
    if (event->type() == QEvent::Paint && !m_reported) {
        m_reported = true;
        QTimer::singleShot(0, this, &StartupProbe::report);
    }
    return false;
}

void StartupProbe::report()
{
    const auto elapsed = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_start).count();
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("first frame after %.1f ms; peak memory (max RSS) %.1f MB\n", elapsed, double(usage.ru_maxrss) / 1024.0);
    std::fflush(stdout);
    QCoreApplication::quit();
}

} // namespace roofline
