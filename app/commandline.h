#pragma once

#include "presets.h"
#include "scenario.h"
#include "grid.h"
#include "report.h"
#include "session.h"

#include <QString>
#include <QStringList>

#include <iosfwd>
#include <optional>

namespace roofline {

// What the command line asked for, with every preset name and file already resolved.
struct CommandLineRequest {
    Session session; // from --session, or the defaults, with the flags applied on top (--size and --scale too)
    bool help = false;
    bool version = false;
    bool listModels = false;
    bool listGpus = false;
    std::optional<DumpFormat> dumpFormat; // --dump, if given
    bool dumpSweep = false;
    QString exportPath; // empty: no export
    QStringList warnings; // what a --session file's loading skipped
};

// Parses `arguments` (argv, program name first). Throws InputError naming the flag, or the file, field
// and value, for anything it cannot use.
CommandLineRequest parseCommandLine(const QStringList &arguments, const PresetLibrary &presets);

// Before any application object exists, which one to build: whether `arguments` (argv, program name first)
// give a flag as the parser will read it (--name, -name, --name=value). An export draws with widgets; the
// startup probe opens the window.
enum class EarlyFlag { Export, StartupTime };
bool argumentsGive(const QStringList &arguments, EarlyFlag flag);

// The text of --help.
QString commandLineHelp();

// Throws InputError for a request that asks for nothing (no dump, export, list, help or version): its flags
// would set up a chart no one sees.
void refuseNothingToDo(const CommandLineRequest &request);

// Carries out a headless request: lists, dumps. Returns the exit code; output goes to `out` (the request was
// checked when it was parsed, so nothing here fails). Exports are done by the application, which owns the widgets.
int runHeadless(const CommandLineRequest &request, const PresetLibrary &presets, std::ostream &out);

} // namespace roofline
