#include "chartexporter.h"

#include "chartexport.h"
#include "explorerstate.h"
#include "exportdialog.h"
#include "rooflineplot.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileInfo>
#include <QEventLoop>
#include <QProgressDialog>
#include <QThread>

#include <memory>

namespace roofline {

ChartExporter::ChartExporter(ExplorerState *state, RooflinePlot *plot, QWidget *window)
    : QObject(window)
    , m_state(state)
    , m_plot(plot)
    , m_window(window)
{
}

void ChartExporter::report(const QString &error)
{
    if (!error.isEmpty())
        Q_EMIT failed(error);
}

QString ChartExporter::exportTo(const QString &path, const QSize &size, double scale, bool dark)
{
    ExportFormat format;
    const QSize pixels = exportPixelSize(size, scale);
    const bool large = exportFormatForPath(path, &format) && format == ExportFormat::Png
        && exportSizeProblem(size, scale, format).isEmpty() && qint64(pixels.width()) * pixels.height() > LargeExportPixels;
    bool cancelled = false;
    QString error = large ? exportLargePng(path, size, scale, dark, &cancelled) : exportChart(*m_plot, path, size, scale, dark);
    if (cancelled) {
        Q_EMIT statusMessage(tr("Export cancelled: nothing was written"), 5000);
        return {};
    }
    if (error.isEmpty()) {
        m_suggestion = path;
        m_state->setExportSettings(ExportSettings { size.width(), size.height(), scale, dark });
        Q_EMIT statusMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 5000);
    }
    return error;
}

QString ChartExporter::exportLargePng(const QString &path, const QSize &size, double scale, bool dark, bool *cancelled)
{
    // A large PNG takes seconds (8192 x 8192: about 2 s, half drawing, half encoding). The window shows a
    // progress dialog that can cancel; the drawing stays on this thread (QCustomPlot is a widget), the
    // encoding runs on another while this one keeps the window alive. A cancelled export writes nothing.
    const QSize pixels = exportPixelSize(size, scale);
    QProgressDialog progress(tr("Exporting a %1 x %2-pixel PNG…").arg(pixels.width()).arg(pixels.height()), tr("Cancel"), 0, 0, m_window);
    progress.setWindowTitle(tr("Export"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(0);
    progress.setValue(0);
    QCoreApplication::processEvents();
    const auto wasCancelled = [&] {
        *cancelled = progress.wasCanceled();
        return *cancelled;
    };
    if (wasCancelled())
        return {};
    const QImage image = m_plot->renderImage(size, scale, dark);
    QCoreApplication::processEvents();
    if (wasCancelled())
        return {};
    progress.setLabelText(tr("Encoding a %1 x %2-pixel PNG…").arg(pixels.width()).arg(pixels.height()));
    QByteArray bytes;
    std::unique_ptr<QThread> worker(QThread::create([&bytes, image] { bytes = encodePng(image); }));
    QEventLoop loop;
    connect(worker.get(), &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    // Cancel does not stop the encoder, whose result is then dropped: waiting for it keeps its data alive.
    loop.exec();
    worker->wait();
    if (wasCancelled())
        return {};
    return writeExport(path, bytes);
}

QString ChartExporter::suggestedExportPath(const QString &lastExport, const QString &sessionPath)
{
    const QFileInfo last(lastExport);
    const QFileInfo session(sessionPath);
    const QDir folder = !lastExport.isEmpty() ? last.absoluteDir() : !sessionPath.isEmpty() ? session.absoluteDir() : QDir::home();
    const QString name = sessionPath.isEmpty() || session.completeBaseName().isEmpty() ? QStringLiteral("roofline")
                                                                                       : session.completeBaseName();
    const QString suffix = last.suffix().isEmpty() ? QStringLiteral("png") : last.suffix();
    return folder.filePath(name + QLatin1Char('.') + suffix);
}

void ChartExporter::setSessionPath(const QString &path)
{
    if (path == m_sessionPath && !path.isEmpty())
        return; // saved again where it was: the path typed last stays
    m_sessionPath = path;
    m_suggestion = suggestedExportPath(m_suggestion, path);
}

void ChartExporter::exportDialog()
{
    if (m_suggestion.isEmpty())
        m_suggestion = suggestedExportPath(QString(), m_sessionPath);
    const ExportSettings &settings = m_state->session().exportSettings;
    ExportDialog dialog(m_suggestion, QSize(settings.width, settings.height), settings.scale, settings.dark, m_window);
    // A write that fails leaves the dialog open with its error, for the path or size to be corrected there; the
    // next dialog offers the path typed, whether the write worked or not.
    dialog.setWriter([this, &dialog] {
        m_suggestion = dialog.path();
        return exportTo(dialog.path(), dialog.size(), dialog.scale(), dialog.dark());
    });
    dialog.exec();
}

void ChartExporter::copyChart()
{
    const ExportSettings &settings = m_state->session().exportSettings;
    const QSize size(settings.width, settings.height);
    // The stored size may be an SVG's (up to 16384 a side): the clipboard gets an image, under the PNG limits.
    if (const QString problem = exportSizeProblem(size, 1.0, ExportFormat::Png); !problem.isEmpty()) {
        report(tr("Chart not copied: %1; export it as SVG or PDF, or choose a smaller size in Export.").arg(problem));
        return;
    }
    QApplication::clipboard()->setImage(m_plot->renderImage(size, 1.0, settings.dark));
    Q_EMIT statusMessage(tr("Chart copied to the clipboard"), 3000);
}

} // namespace roofline
