#include "mainmenus.h"

#include "explorerstate.h"
#include "chartexporter.h"
#include "filecontroller.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QDir>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QUndoStack>

namespace roofline {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("MainWindow", text);
}

// The cost model's reference page (docs/model.md, compiled in), in a window of its own.
void showCostModel(QWidget *parent)
{
    QFile file(QStringLiteral(":/docs/model.md"));
    const QString text = file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll())
                                                        : tr("The cost model's page is missing from this build.");
    auto *dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("costModel"));
    dialog->setWindowTitle(tr("The cost model"));
    auto *browser = new QTextBrowser(dialog);
    browser->setMarkdown(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(browser);
    layout->addWidget(buttons);
    dialog->resize(900, 700);
    dialog->show();
}

// The keys of every menu action that has one, as the actions themselves are bound (so the table cannot drift
// from them), then the keys that are not menu actions.
QString shortcutsTable(const QMenuBar *bar)
{
    QString rows;
    const auto row = [&rows](const QString &keys, const QString &what) {
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(keys.toHtmlEscaped(), what.toHtmlEscaped());
    };
    for (const QAction *menu : bar->actions()) {
        if (!menu->menu())
            continue;
        for (const QAction *action : menu->menu()->actions()) {
            QStringList keys;
            for (const QKeySequence &key : action->shortcuts())
                keys << key.toString(QKeySequence::NativeText);
            if (keys.isEmpty())
                continue;
            // Undo and redo name the step they would take; the table names the action.
            QString what = action->property("shortcutName").toString();
            if (what.isEmpty())
                what = QString(action->text()).remove(QLatin1Char('&')).remove(QChar(0x2026));
            row(keys.join(tr(" or ")), what);
        }
    }
    row(tr("Esc"), tr("Leave presentation mode"));
    row(QStringLiteral("← →"), tr("In presentation: halve or double the batch"));
    row(QStringLiteral("↑ ↓"), tr("In presentation: double or halve the sequence length"));
    row(tr("Delete"), tr("Delete the label last clicked"));
    return QStringLiteral("<table cellpadding=3>") + rows + QStringLiteral("</table>");
}
} // namespace

QMenu *createMenus(QMainWindow *window, ExplorerState *state, FileController *f, ChartExporter *exports, const MenuHandlers &handlers)
{
    QMenuBar *bar = window->menuBar();
    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(tr("&New session"), QKeySequence::New, f, &FileController::newSession);
    file->addAction(tr("&Open session…"), QKeySequence::Open, f, &FileController::openSessionDialog);
    QMenu *recent = file->addMenu(tr("Open &recent"));
    recent->setObjectName(QStringLiteral("recentMenu"));
    QMenu *examples = file->addMenu(tr("Open e&xample"));
    for (const QString &name : QDir(QStringLiteral(":/sessions")).entryList(QDir::Files)) {
        const QString path = QStringLiteral(":/sessions/") + name;
        examples->addAction(QFileInfo(name).completeBaseName(), window, [handlers, f, path] { handlers.showError(f->replaceSession(path)); });
    }
    file->addAction(tr("&Save session"), QKeySequence::Save, f, [f] { f->saveSessionDialog(false); });
    // Named explicitly: QKeySequence::SaveAs is bound only under GNOME's and macOS's key schemes, not X11's or
    // Windows'.
    file->addAction(tr("Save session &as…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), f, [f] { f->saveSessionDialog(true); });
    file->addSeparator();
    file->addAction(tr("Open &config.json…"), f, &FileController::openModelDialog);
    file->addAction(tr("Open &GPU file…"), f, &FileController::openGpuDialog);
    file->addSeparator();
    file->addAction(tr("&Import measured kernels…"), f, &FileController::importDialog);
    file->addAction(tr("Remove measured kernels"), state, [state] { state->setMeasured({}); });
    file->addSeparator();
    file->addAction(tr("&Export chart…"), QKeySequence(Qt::CTRL | Qt::Key_E), exports, &ChartExporter::exportDialog);
    file->addAction(tr("&Copy chart"), QKeySequence::Copy, exports, &ChartExporter::copyChart)->setShortcutContext(Qt::WindowShortcut);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, window, &QWidget::close);

    QMenu *edit = bar->addMenu(tr("&Edit"));
    QAction *undo = state->undoStack()->createUndoAction(window, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setProperty("shortcutName", tr("Undo"));
    QAction *redo = state->undoStack()->createRedoAction(window, tr("&Redo"));
    // Both redo keys, each bound once and named explicitly: under X11's key scheme QKeySequence::Redo is
    // Ctrl+Shift+Z, and listing it beside Ctrl+Shift+Z bound that key twice, which Qt refuses as ambiguous.
    redo->setShortcuts({ QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y) });
    redo->setProperty("shortcutName", tr("Redo"));
    edit->addActions({ undo, redo });

    QMenu *chart = bar->addMenu(tr("&Chart"));
    chart->addAction(tr("&Pin scenario"), QKeySequence(Qt::CTRL | Qt::Key_P), state, &ExplorerState::pinCurrent);
    chart->addAction(tr("Remove &last pin"), state, [state] { state->removePin(int(state->session().pins.size()) - 1); });
    chart->addAction(tr("Remove &all pins"), state, &ExplorerState::clearPins);
    chart->addSeparator();
    chart->addAction(tr("Add a &note…"), window, [handlers] { handlers.addNoteInView(); });
    chart->addAction(tr("&Reset view"), QKeySequence(Qt::CTRL | Qt::Key_0), state, [state] { state->setView(std::nullopt); });
    chart->addAction(tr("Reset &GPU figures"), state, &ExplorerState::resetGpu);
    chart->addSeparator();
    QAction *sidePanel = chart->addAction(tr("Side pa&nel"));
    sidePanel->setCheckable(true);
    sidePanel->setChecked(true);
    sidePanel->setShortcut(QKeySequence(Qt::Key_F9));
    if (handlers.sidePanelAction)
        handlers.sidePanelAction(sidePanel);
    QAction *present
        = chart->addAction(tr("Pre&sentation mode"), QKeySequence(Qt::Key_F5), window, [handlers] { handlers.togglePresentation(); });
    present->setShortcutContext(Qt::ApplicationShortcut);
    // Also the window's own: presentation hides the menu bar, whose actions' keys then stop working, and F5 must
    // leave it as it entered.
    window->addAction(present);

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(tr("The &cost model: formulas and assumptions"), window, [window] { showCostModel(window); });
    help->addAction(tr("&Keyboard shortcuts"), window,
                    [window] { QMessageBox::information(window, tr("Keyboard shortcuts"), shortcutsTable(window->menuBar())); });
    help->addAction(tr("&About Roofline Explorer"), window, [window] {
        QMessageBox::about(window, tr("About Roofline Explorer"),
                           tr("<b>Roofline Explorer</b> %1<br>Where every operator of an LLM sits on a GPU's roofline."
                              "<br><br>GPL-3.0-or-later. Built with Qt and QCustomPlot.")
                               .arg(QCoreApplication::applicationVersion()));
    });
    return recent;
}

} // namespace roofline
