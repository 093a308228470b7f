#include "application.h"

#include "chartdata.h"
#include "chartexport.h"
#include "commandline.h"
#include "explorerstate.h"
#include "filecontroller.h"
#include "inputerror.h"
#include "mainwindow.h"
#include "presetsource.h"
#include "resultsmodel.h"
#include "canvasfeed.h"
#include "rooflineplot.h"
#include "sessionfiles.h"
#include "startupprobe.h"
#include "text.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QSettings>
#include <QStringList>
#include <QUndoStack>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <chrono>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <optional>

namespace roofline {

namespace {
constexpr int ExitBadInput = 2;
// The output could not be written (a full disk behind a redirect, a closed pipe, an export file that cannot be
// written or made).
constexpr int ExitCannotWrite = 3;

// Qt reads arguments and file names as UTF-8 and turns other bytes into U+FFFD, so a file name that is not
// UTF-8 would silently name another file (two such names, the same one). Returns the first argument that is
// not, cleaned for a message, or nothing.
std::optional<std::string> nonUtf8Argument(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (!isValidUtf8(argv[i]))
            return cleanText(argv[i], TextLines::Single, 200);
    return std::nullopt;
}

// A closed pipe (`| head`) and a file-size limit (`ulimit -f`) kill the process with a signal by default,
// with no word and, for a dump into a file, half a file. Ignored, they become write errors: EPIPE, EFBIG,
// which every write checks (exit 3 and the cause).
void writeErrorsNotSignals()
{
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN);
}

// Standard streams the caller closed (`>&-`): the next file opened would take their number, and what is meant
// for standard output would go into it. Each is pointed at /dev/null; returns whether standard output was
// closed, so that a command that writes there can fail as it should.
bool reopenClosedStandardStreams()
{
    bool stdoutClosed = false;
    for (const int fd : { STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO }) {
        if (::fcntl(fd, F_GETFD) != -1)
            continue;
        stdoutClosed = stdoutClosed || fd == STDOUT_FILENO;
        ::open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY); // the lowest free number: `fd`
    }
    return stdoutClosed;
}

QStringList argumentList(int argc, char **argv)
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list << QString::fromLocal8Bit(argv[i]);
    return list;
}

void useOffscreenWithoutDisplay()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Headless machines (CI, cron) often have no XDG_RUNTIME_DIR; Qt then falls back to a private directory
    // under /tmp with a warning on stderr. Use that same directory, so a script sees only our own messages.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QString fallback = QDir::tempPath() + QStringLiteral("/runtime-") + QString::number(getuid());
        if (QDir().mkpath(fallback)) {
            QFile::setPermissions(fallback, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            qputenv("XDG_RUNTIME_DIR", QFile::encodeName(fallback));
        }
    }
}

int exportHeadless(const CommandLineRequest &request, const PresetLibrary &presets)
{
    // The window's own path, without the window: the state holds the session, the results model computes, and
    // the canvas draws what they give (hidden series, pins, second GPU, labels, view).
    const Session &session = request.session;
    ExplorerState state(presets);
    state.loadSession(session);
    ResultsModel results(&state);
    RooflinePlot plot;
    const QSize size(session.exportSettings.width, session.exportSettings.height);
    plot.resize(size);
    feedCanvas(&plot, &state, &results);
    results.recompute();
    ExportFailure failure = ExportFailure::None;
    const QString error = exportChart(plot, request.exportPath, size, session.exportSettings.scale,
                                      session.exportSettings.dark, &failure);
    if (!error.isEmpty()) {
        std::cerr << "roofline-explorer: " << error.toStdString() << '\n';
        // The request was checked when it was parsed; what fails here is making or writing the file.
        return failure == ExportFailure::Request ? ExitBadInput : ExitCannotWrite;
    }
    return 0;
}

// Q(Core)Application sets the C library's locale from the environment; under a decimal-comma locale
// printf would then write "1,5" into CSV and JSON. Numbers in and out of files use the C locale; Qt's own
// formatting for the window is unaffected.
void useCNumbers()
{
    std::setlocale(LC_NUMERIC, "C");
}

int runCommandLine(int argc, char **argv)
{
    const bool stdoutClosed = reopenClosedStandardStreams();
    if (const auto bad = nonUtf8Argument(argc, argv)) {
        std::cerr << "roofline-explorer: the argument \"" << *bad
                  << "\" is not valid UTF-8 (file names must be UTF-8 text; rename the file)\n";
        return ExitBadInput;
    }
    const QStringList arguments = argumentList(argc, argv);
    std::unique_ptr<QCoreApplication> app;
    if (argumentsGive(arguments, EarlyFlag::Export)) { // an export draws with widgets: it needs a GUI platform
        useOffscreenWithoutDisplay();
        app = std::make_unique<QApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    useCNumbers();
    try {
        const PresetLibrary presets = loadBuiltInPresets();
        const CommandLineRequest request = parseCommandLine(arguments, presets);
        refuseNothingToDo(request);
        for (const QString &warning : request.warnings)
            std::cerr << "roofline-explorer: warning: " << warning.toStdString() << '\n';
        const bool writesToStdout
            = request.help || request.version || request.listModels || request.listGpus || request.dumpFormat.has_value();
        if (stdoutClosed && writesToStdout) {
            std::cerr << "roofline-explorer: cannot write to standard output: it is closed\n";
            return ExitCannotWrite;
        }
        errno = 0;
        const int code = runHeadless(request, presets, std::cout);
        // A dump cut short by a full disk or a closed stdout must not look like success.
        std::cout.flush();
        if (!std::cout || std::fflush(stdout) != 0) {
            const int cause = errno;
            std::cerr << "roofline-explorer: cannot write to standard output"
                      << (cause != 0 ? std::string(": ") + std::strerror(cause) : std::string()) << '\n';
            return ExitCannotWrite;
        }
        if (code != 0 || request.exportPath.isEmpty())
            return code;
        return exportHeadless(request, presets);
    } catch (const InputError &error) {
        std::cerr << "roofline-explorer: " << error.what() << '\n';
        return ExitBadInput;
    }
}
}

int runApplication(int argc, char **argv)
{
    const auto start = std::chrono::steady_clock::now();
    writeErrorsNotSignals();
    QCoreApplication::setApplicationName(QStringLiteral("roofline-explorer"));
    QCoreApplication::setOrganizationName(QStringLiteral("roofline-explorer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROOFLINE_VERSION));
    // `--startup-time` opens the window like no arguments, then reports its first frame and quits.
    const bool timeStartup = argc == 2 && argumentsGive(argumentList(argc, argv), EarlyFlag::StartupTime);
    // `roofline-explorer chart.roofline` opens the window on that session (as a file manager does).
    const bool openFile = argc == 2 && isSessionFileName(argv[1]);
    if (argc > 1 && !timeStartup && !openFile)
        return runCommandLine(argc, argv);

    QApplication app(argc, argv);
    useCNumbers();
    QApplication::setApplicationDisplayName(QStringLiteral("Roofline Explorer"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/roofline-explorer.svg")));
    QApplication::setDesktopFileName(QStringLiteral("roofline-explorer"));
    PresetLibrary presets;
    try {
        presets = loadBuiltInPresets();
    } catch (const InputError &error) {
        std::cerr << "roofline-explorer: " << error.what() << '\n';
        return ExitBadInput;
    }
    ExplorerState state(presets);
    QSettings settings; // the user's: recent sessions and the last session
    MainWindow window(&state, &settings);
    // The last session comes back on start (not when timing start-up, which measures a clean start).
    if (!timeStartup && !openFile)
        window.files()->restoreLastSession(settings);
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &state,
                     [&window, &settings] { window.files()->rememberLastSession(settings); });
    std::unique_ptr<StartupProbe> probe;
    if (timeStartup)
        probe = std::make_unique<StartupProbe>(window.plot()->canvasWidget(), start);
    window.show();
    if (openFile) {
        window.showError(nonUtf8Argument(argc, argv)
                             ? QStringLiteral("The file name is not valid UTF-8 text: rename the file and open it again.")
                             : window.files()->openSession(QString::fromLocal8Bit(argv[1])));
    }
    return QApplication::exec();
}

} // namespace roofline
