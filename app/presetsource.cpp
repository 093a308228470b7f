#include "presetsource.h"

#include "inputerror.h"

#include <QFile>
#include <QString>

namespace roofline {

PresetLibrary loadBuiltInPresets()
{
    const auto read = [](const std::string &relative) {
        QFile file(QStringLiteral(":/presets/") + QString::fromStdString(relative));
        if (!file.open(QIODevice::ReadOnly))
            throw InputError(":/presets/" + relative, {}, "built-in preset file is missing");
        const QByteArray bytes = file.readAll();
        return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    };
    return loadPresetLibrary(read, ":/presets/");
}

} // namespace roofline
