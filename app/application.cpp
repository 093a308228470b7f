#include "application.h"

#include "commandline.h"
#include "inputerror.h"
#include "presetsource.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStringList>

#include <iostream>
#include <memory>

namespace roofline {

namespace {
constexpr int ExitBadInput = 2;

QStringList argumentList(int argc, char **argv)
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list << QString::fromLocal8Bit(argv[i]);
    return list;
}
}

int runApplication(int argc, char **argv)
{
    QCoreApplication::setApplicationName(QStringLiteral("roofline-explorer"));
    QCoreApplication::setOrganizationName(QStringLiteral("roofline-explorer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROOFLINE_VERSION));
    if (argc > 1) {
        const QStringList arguments = argumentList(argc, argv);
        QCoreApplication app(argc, argv);
        try {
            const PresetLibrary presets = loadBuiltInPresets();
            const CommandLineRequest request = parseCommandLine(arguments, presets);
            return runHeadless(request, presets, std::cout, std::cerr);
        } catch (const InputError &error) {
            std::cerr << "roofline-explorer: " << error.what() << '\n';
            return ExitBadInput;
        }
    }
    QApplication app(argc, argv);
    std::cerr << "roofline-explorer: the window is not built yet; try --help\n";
    return 1;
}

} // namespace roofline
