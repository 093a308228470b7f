#include "testutil.h"
#include "widgettestutil.h"

#include "chartframe.h"
#include "charttext.h"
#include "charttheme.h"
#include "chartcolors.h"
#include "assumptionspanel.h"
#include "controlpanel.h"
#include "explorerstate.h"
#include "chartexporter.h"
#include "filecontroller.h"
#include "inputlimits.h"
#include "logslider.h"
#include "mainwindow.h"
#include "notedialog.h"
#include "optablemodel.h"
#include "phasemapview.h"
#include "presetsource.h"
#include "resultsmodel.h"
#include "rooflineplot.h"
#include "sessionfiles.h"
#include "sidepanelsplitter.h"
#include "summaryview.h"

#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QStatusBar>
#include <QStatusTipEvent>
#include <QTimer>
#include <QToolButton>
#include <QSpinBox>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QStandardItemModel>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBrowser>
#include <QDoubleSpinBox>
#include <QDialog>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QSlider>
#include <QPushButton>
#include <QStandardPaths>
#include <QProgressDialog>
#include <QImage>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QWheelEvent>

#include <sys/stat.h>

using namespace roofline;

namespace {
// A decode point of the chart: its series, intensity and FLOP/s.
struct DecodePoint {
    Series series;
    double x;
    double y;
};

// The decode points the model gives for `batch` on the default model and `gpu` (the default GPU unless given).
std::vector<DecodePoint> decodePoints(const PresetLibrary &presets, std::int64_t batch, std::string_view gpu = DefaultGpuId)
{
    Scenario s;
    s.model = *presets.findModel(DefaultModelId);
    s.gpu = *presets.findGpu(gpu);
    s.workload.batch = batch;
    std::vector<DecodePoint> out;
    for (const OpResult &op : s.evaluate().decode)
        if (op.cost.series != Series::None)
            out.push_back(DecodePoint { op.cost.series, op.intensity, op.attainableFlopsPerSecond });
    return out;
}

// What the next message box said; it is closed as soon as it shows (message boxes are modal).
struct MessageBoxes {
    int count = 0;
    QString text;
    Qt::TextFormat format = Qt::AutoText;
    void closeNext(QObject *context)
    {
        QTimer::singleShot(0, context, [this] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                ++count;
                format = box->textFormat();
                text = box->text();
                box->accept();
            }
        });
    }
};

// Drags a slider's handle with the mouse: pressed where it is drawn, moved by `steps` of `stepX` pixels, released.
void dragHandle(QSlider *slider, int steps, int stepX)
{
    QStyleOptionSlider option;
    option.initFrom(slider);
    option.orientation = slider->orientation();
    option.minimum = slider->minimum();
    option.maximum = slider->maximum();
    option.sliderPosition = slider->sliderPosition();
    option.sliderValue = slider->value();
    const QPoint handle = slider->style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, slider).center();
    QTest::mousePress(slider, Qt::LeftButton, {}, handle);
    for (int i = 1; i <= steps; ++i)
        QTest::mouseMove(slider, handle + QPoint(i * stepX, 0));
    QTest::mouseRelease(slider, Qt::LeftButton, {}, handle + QPoint(steps * stepX, 0));
}

QAction *actionWithShortcut(QWidget *window, const QKeySequence &key)
{
    for (QAction *action : window->findChildren<QAction *>())
        if (action->shortcuts().contains(key))
            return action;
    return nullptr;
}

// Whether `points` holds a point of the decode point's series at its (x, y).
bool holds(const std::vector<ChartPoint> &points, const DecodePoint &point)
{
    return ::holds(points, point.series, point.x, point.y);
}
}

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    PresetLibrary m_presets;
    std::unique_ptr<ExplorerState> m_state;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_settingsDir; // the window's settings (recent sessions): a file of the test's own
    std::unique_ptr<QSettings> m_settings;
    // The status bar's lasting hint, as it reads now.
    QString hintShown() const { return m_window->findChild<QLabel *>(QStringLiteral("hint"))->text(); }

    // Saves the window's session to `path` and opens it in a new window on a fresh state, failing the test on
    // an error or a warning (check QTest::currentTestFailed() after). `window` must be destroyed before `state`.
    void saveAndReopen(const QString &path, std::unique_ptr<ExplorerState> &state, std::unique_ptr<MainWindow> &window)
    {
        QCOMPARE(m_window->files()->saveSession(path), QString());
        state = std::make_unique<ExplorerState>(m_presets);
        window = std::make_unique<MainWindow>(state.get(), nullptr);
        QStringList warnings;
        QCOMPARE(window->files()->openSession(path, &warnings), QString());
        QVERIFY2(warnings.isEmpty(), qPrintable(warnings.join(QLatin1Char('\n'))));
    }

    // Answers the next modal message box with `button` once it shows, and records its text.
    void answerNextQuestion(QMessageBox::StandardButton button, QString *text)
    {
        QTimer::singleShot(0, this, [button, text] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            *text = box->text();
            box->button(button)->click();
        });
    }

    // Right-clicks the canvas at `at` and picks, from the context menu, the action whose text starts with `text`;
    // returns what the menu offered.
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // recent files go to a test location
        m_presets = loadBuiltInPresets();
    }
    void init()
    {
        m_state = std::make_unique<ExplorerState>(m_presets);
        m_settings = std::make_unique<QSettings>(m_settingsDir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_settings->clear();
        m_window = std::make_unique<MainWindow>(m_state.get(), m_settings.get());
        m_window->show();
    }
    void cleanup()
    {
        m_window.reset();
        m_state.reset();
        m_settings.reset();
    }

    // The recent list lives in the settings the window was given: each save or open puts its session first, the
    // File menu lists them newest first, and a window given no settings remembers nothing.
    void recentSessionsAreKeptInTheGivenSettings()
    {
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.roofline"));
        const QString b = dir.filePath(QStringLiteral("b.roofline"));
        QCOMPARE(m_window->files()->saveSession(a), QString());
        QCOMPARE(m_window->files()->saveSession(b), QString());
        QCOMPARE(m_window->files()->openSession(a), QString());
        QCOMPARE(m_settings->value(QStringLiteral("recentSessions")).toStringList(), (QStringList { a, b }));
        QCOMPARE(m_window->files()->recentSessions(), (QStringList { a, b }));
        const auto *menu = m_window->findChild<QMenu *>(QStringLiteral("recentMenu"));
        QVERIFY(menu);
        QStringList listed;
        for (const QAction *action : menu->actions())
            listed << action->text();
        QCOMPARE(listed, (QStringList { QDir::toNativeSeparators(a), QDir::toNativeSeparators(b) }));

        ExplorerState state(m_presets);
        MainWindow forgetful(&state, nullptr);
        QCOMPARE(forgetful.files()->saveSession(dir.filePath(QStringLiteral("c.roofline"))), QString());
        QVERIFY(forgetful.files()->recentSessions().isEmpty());
        QCOMPARE(m_settings->value(QStringLiteral("recentSessions")).toStringList(), (QStringList { a, b }));
    }

    void startsAsTheSeedChart()
    {
        const ChartData &chart = m_window->plot()->data();
        QCOMPARE(QString::fromStdString(chart.title), QStringLiteral("Roofline Model (Llama-2-13B, RTX A6000)"));
        QCOMPARE(chart.bandwidthLabel, std::string("768 GB/s"));
        QCOMPARE(chart.peakLabel, std::string("181 TFLOP/s"));
        QCOMPARE(control<LogSlider>(*m_window->controls(), "batch")->value(), 1.0);
        QCOMPARE(control<LogSlider>(*m_window->controls(), "seq")->value(), 2048.0);
        QCOMPARE(control<LogSlider>(*m_window->controls(), "peak")->value(), 181.0);
        QCOMPARE(control<LogSlider>(*m_window->controls(), "bandwidth")->value(), 768.0);
        QVERIFY(m_window->windowTitle().contains(QLatin1String("Llama-2-13B")));
    }

    // Opening another session over unsaved changes asks first, saying why; Cancel keeps the changes and the
    // file; Discard opens it (a new, never-saved session's changes were lost without a question).
    void openingOverUnsavedChangesAsks()
    {
        QTemporaryDir dir;
        const QString other = dir.filePath(QStringLiteral("other.roofline"));
        {
            ExplorerState otherState(m_presets);
            MainWindow otherWindow(&otherState, nullptr);
            otherState.setBatch(4);
            QCOMPARE(otherWindow.files()->saveSession(other), QString());
        }
        m_window->show();
        m_state->setBatch(16);
        QString asked;
        answerNextQuestion(QMessageBox::Cancel, &asked);
        QCOMPARE(m_window->files()->replaceSession(other), QString());
        QCOMPARE(asked, QStringLiteral("Save the changes to this new session before opening another session?"));
        QCOMPARE(m_state->session().workload.batch, qint64(16));
        QCOMPARE(m_window->files()->sessionPath(), QString());
        answerNextQuestion(QMessageBox::Discard, &asked);
        QCOMPARE(m_window->files()->replaceSession(other), QString());
        QCOMPARE(m_state->session().workload.batch, qint64(4));
        QCOMPARE(m_window->files()->sessionPath(), other);
        // Nothing unsaved: it opens without a question.
        asked.clear();
        answerNextQuestion(QMessageBox::Cancel, &asked);
        QCOMPARE(m_window->files()->replaceSession(other), QString());
        QCOMPARE(asked, QString());
        QCoreApplication::processEvents(); // the unused answer finds no box
    }

    void closingWithUnsavedChangesAsks()
    {
        // Nothing unsaved: the window closes without a question.
        QVERIFY(m_window->close());
        m_window->show();
        // A change not saved: the question names the session; Cancel keeps the window and the change.
        m_state->setBatch(16);
        QString asked;
        answerNextQuestion(QMessageBox::Cancel, &asked);
        QVERIFY(!m_window->close());
        QCOMPARE(asked, QStringLiteral("Save the changes to this new session before closing?"));
        QVERIFY(m_window->isVisible());
        QCOMPARE(m_state->session().workload.batch, qint64(16));
        QVERIFY(!m_window->files()->discardedChanges());
        // Discard: it closes, and says the changes were discarded (the next start does not bring them back).
        answerNextQuestion(QMessageBox::Discard, &asked);
        QVERIFY(m_window->close());
        QVERIFY(m_window->files()->discardedChanges());
        QTemporaryDir dir;
        {
            QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
            m_window->files()->rememberLastSession(settings);
            ExplorerState state(m_presets);
            MainWindow next(&state, nullptr);
            QVERIFY(!next.files()->restoreLastSession(settings)); // a new session discarded is forgotten
            QCOMPARE(state.session().workload.batch, qint64(1));
        }
        // Save, with a file: written there, then it closes.
        m_window->show();
        const QString path = dir.filePath(QStringLiteral("kept.roofline"));
        QCOMPARE(m_window->files()->saveSession(path), QString());
        m_state->setBatch(64);
        answerNextQuestion(QMessageBox::Save, &asked);
        QVERIFY(m_window->close());
        QCOMPARE(asked, QStringLiteral("Save the changes to kept.roofline before closing?"));
        QString error;
        PresetLibrary known = m_presets;
        const std::optional<Session> saved = loadSessionFile(path, known, &error, nullptr);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(saved->workload.batch, qint64(64));
    }

    void theNextStartIsTiedToTheSessionsFile()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        const QString path = dir.filePath(QStringLiteral("tied.roofline"));
        const auto nextStart = [&](std::unique_ptr<ExplorerState> &state, std::unique_ptr<MainWindow> &window) {
            m_window->files()->rememberLastSession(settings);
            state = std::make_unique<ExplorerState>(m_presets);
            window = std::make_unique<MainWindow>(state.get(), nullptr);
            return window->files()->restoreLastSession(settings);
        };
        std::unique_ptr<ExplorerState> state;
        std::unique_ptr<MainWindow> window;
        // Saved: it opens from its file, named in the title; Save writes there without asking; nothing to undo.
        m_state->setBatch(8);
        QCOMPARE(m_window->files()->saveSession(path), QString());
        QVERIFY(nextStart(state, window));
        QCOMPARE(window->files()->sessionPath(), path);
        QVERIFY(window->windowTitle().startsWith(QLatin1String("tied.roofline")));
        QCOMPARE(state->session().workload.batch, qint64(8));
        QVERIFY(state->undoStack()->isClean());
        QCOMPARE(state->undoStack()->count(), 0);
        // Changed and not saved (the application ended without a close): the changes come back, still tied to
        // the file and marked unsaved.
        m_state->setBatch(32);
        QVERIFY(nextStart(state, window));
        QCOMPARE(state->session().workload.batch, qint64(32));
        QCOMPARE(window->files()->sessionPath(), path);
        QVERIFY(!state->undoStack()->isClean());
        QVERIFY(window->isWindowModified());
        // Changes discarded at the question: the file as saved comes back.
        QString asked;
        answerNextQuestion(QMessageBox::Discard, &asked);
        QVERIFY(m_window->close());
        QVERIFY(nextStart(state, window));
        QCOMPARE(state->session().workload.batch, qint64(8));
        QVERIFY(state->undoStack()->isClean());
        // The file gone: the session as it was, no longer tied to a file.
        m_window->show();
        m_state->setBatch(128);
        m_window->files()->rememberLastSession(settings);
        QVERIFY(QFile::remove(path));
        state = std::make_unique<ExplorerState>(m_presets);
        window = std::make_unique<MainWindow>(state.get(), nullptr);
        QVERIFY(window->files()->restoreLastSession(settings));
        QCOMPARE(state->session().workload.batch, qint64(128));
        QCOMPARE(window->files()->sessionPath(), QString());
        // Still unsaved: New asks before it drops them.
        QVERIFY(window->files()->isModified());
        QVERIFY(window->isWindowModified());
        answerNextQuestion(QMessageBox::Cancel, &asked);
        window->files()->newSession();
        QCOMPARE(asked, QStringLiteral("Save the changes to this new session before starting a new session?"));
        QCOMPARE(state->session().workload.batch, qint64(128));
    }

    // The session kept for the next start holds a followed label as Save writes it: at its point's value now.
    void theNextStartKeepsAFollowedLabelWhereTheChartShowsIt()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        const ChartPoint *q1 = m_window->plot()->data().currentPoint(OpKind::QProj, Phase::Decode);
        QVERIFY(q1);
        const double atBatch1 = q1->intensity; // the chart's points are rewritten in place at the next step
        m_state->addAnnotation(m_window->plot()->labelFor(*q1));
        m_state->setBatch(8);
        const ChartPoint *q8 = m_window->plot()->data().currentPoint(OpKind::QProj, Phase::Decode);
        QVERIFY(q8 && q8->intensity > atBatch1 * 4);
        m_window->files()->rememberLastSession(settings);
        auto state = std::make_unique<ExplorerState>(m_presets);
        auto window = std::make_unique<MainWindow>(state.get(), nullptr);
        QVERIFY(window->files()->restoreLastSession(settings));
        QCOMPARE(state->session().annotations.size(), std::size_t(1));
        QCOMPARE(state->session().annotations[0].x, q8->intensity);
        QCOMPARE(QString::fromStdString(state->session().annotations[0].text), QString::fromStdString(pointLabel(*q8)));
    }

    void theOpenDialogStartsWhereTheSessionIs()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("talks")));
        const QString path = dir.filePath(QStringLiteral("talks/h100.roofline"));
        QCOMPARE(m_window->files()->saveSession(path), QString());
        QCOMPARE(m_window->files()->sessionDirectory(), QFileInfo(path).absolutePath());
        // A new window with no session open starts where the last one opened or saved was (the same settings).
        ExplorerState state(m_presets);
        MainWindow other(&state, m_settings.get());
        QCOMPARE(other.files()->sessionDirectory(), QFileInfo(path).absolutePath());
    }

    void aSmallWindowKeepsItsRoomForTheChart()
    {
        // At 800 x 600 the chart takes more than half the width, drawn whole (the canvas as wide as its pane)
        // in its compact look, the title shown whole, and the side panel no wider than its contents' least
        // width: it does not scroll sideways. A large window gives the panel its natural width.
        m_window->resize(800, 600);
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCoreApplication::processEvents();
        RooflinePlot *plot = m_window->plot();
        auto *panel = m_window->findChild<QScrollArea *>();
        QVERIFY(panel);
        QVERIFY2(plot->width() > 400, qPrintable(QString::number(plot->width())));
        QVERIFY(plot->width() > panel->width());
        QCOMPARE(plot->canvasWidget()->width(), plot->width());
        QVERIFY(plot->isCompact());
        QCOMPARE(RooflinePlotProbe(*plot).titleShown(), QStringLiteral("Roofline Model (Llama-2-13B, RTX A6000)"));
        QVERIFY(!panel->horizontalScrollBar()->isVisible());
        m_window->resize(1600, 1000);
        QCoreApplication::processEvents();
        QVERIFY(!plot->isCompact());
        QVERIFY(panel->width() >= panel->widget()->sizeHint().width());
    }

    void aShareOfTheCeilingsIsEditedAlone()
    {
        // A session's 73.5 % and 84.5 %, shown rounded in the boxes: switching the ceilings on keeps both; editing
        // one box changes that share alone.
        Session session = m_state->session();
        session.efficiency = Efficiency { false, 0.735, 0.845 };
        m_state->loadSession(session);
        control<QCheckBox>(*m_window->controls(), "efficiency")->setChecked(true);
        QCOMPARE(m_state->session().efficiency, (Efficiency { true, 0.735, 0.845 }));
        control<QSpinBox>(*m_window->controls(), "bandwidthEfficiency")->setValue(90);
        QCOMPARE(m_state->session().efficiency, (Efficiency { true, 0.735, 0.90 }));
    }

    void theShortcutsTableIsTheMenusOwn()
    {
        // Help > Keyboard shortcuts lists the keys as the menu actions are bound: change an action's key and the
        // table follows.
        QAction *help = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>())
            if (action->text() == QLatin1String("&Keyboard shortcuts"))
                help = action;
        QVERIFY(help);
        QAction *pin = actionWithShortcut(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_P));
        QVERIFY(pin);
        pin->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
        QString table;
        answerNextQuestion(QMessageBox::Ok, &table);
        help->trigger();
        QVERIFY2(table.contains(QLatin1String("<tr><td><b>Ctrl+E</b></td><td>Export chart</td></tr>")), qPrintable(table));
        QVERIFY(table.contains(QLatin1String("<tr><td><b>Ctrl+Shift+Z or Ctrl+Y</b></td><td>Redo</td></tr>")));
        QVERIFY(table.contains(QLatin1String("<tr><td><b>Ctrl+K</b></td><td>Pin scenario</td></tr>")));
        // Save as has its key under every key scheme (this test runs under Windows' one, which binds none).
        QVERIFY2(table.contains(QLatin1String("<tr><td><b>Ctrl+Shift+S</b></td><td>Save session as</td></tr>")), qPrintable(table));
        QVERIFY(!table.contains(QLatin1String("Ctrl+P")));
        QVERIFY(table.contains(QLatin1String("Leave presentation mode")));
    }

    void anUnsavedChangeMarksTheTitle()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("setWindowModified")));
        QVERIFY(!m_window->isWindowModified());
        m_state->setBatch(8);
        QVERIFY(m_window->isWindowModified());
        QVERIFY(m_window->windowTitle().contains(QLatin1String("[*]"))); // where Qt draws the mark
        m_state->undoStack()->undo();
        QVERIFY(!m_window->isWindowModified());
    }

    void aFrameOrAPhaseMapChoiceOtherThanTheFilesIsUnsaved()
    {
        // Both are written into the session file: the window says so when they differ from it, and asks before
        // closing; saving, or opening the file again, makes the window agree with it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("framed.roofline"));
        QCOMPARE(m_window->files()->saveSession(path), QString());
        QVERIFY(!m_window->isWindowModified());
        QWidget *canvas = m_window->plot()->canvasWidget();
        const QPointF centre(canvas->width() / 2.0, canvas->height() / 2.0);
        QWheelEvent wheel(centre, canvas->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(canvas, &wheel);
        QCoreApplication::processEvents();
        QVERIFY(m_state->session().view.has_value());
        QVERIFY(m_window->files()->isModified());
        QVERIFY(m_window->isWindowModified());
        QVERIFY(!m_state->undoStack()->canUndo()); // a zoom is still no undo step
        QString asked;
        answerNextQuestion(QMessageBox::Cancel, &asked);
        QVERIFY(!m_window->files()->maybeSave()); // the question is asked, and Cancel stays
        QCOMPARE(asked, QStringLiteral("Save the changes to framed.roofline before closing?"));
        QCOMPARE(m_window->files()->saveSession(path), QString());
        QVERIFY(!m_window->isWindowModified());
        // The phase map's choice likewise; opening the file again brings back what it holds.
        PhaseMapChoice choice = m_state->session().phaseMap;
        choice.quantity = GridQuantity::PrefillSeconds;
        m_state->setPhaseMapChoice(choice);
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(m_window->files()->openSession(path), QString());
        QVERIFY(!m_window->isWindowModified());
        QVERIFY(m_state->session().view.has_value());
        QCOMPARE(m_state->session().phaseMap.quantity, PhaseMapChoice {}.quantity);
        m_state->setView(std::nullopt);
    }

    void batchSliderMovesTheDecodePoints()
    {
        QSlider *slider = control<LogSlider>(*m_window->controls(), "batch")->slider();
        slider->setValue(500); // sqrt(1024): batch 32
        QCOMPARE(m_state->session().workload.batch, qint64(32));
        for (const DecodePoint &p : decodePoints(m_presets, 32))
            QVERIFY2(holds(m_window->plot()->data().current, p), qPrintable(QString::number(p.x)));
        // And not where batch 1 put them (projections at ~1 FLOP/B move to ~32).
        const DecodePoint oldQProj = decodePoints(m_presets, 1).front();
        QVERIFY(!holds(m_window->plot()->data().current, oldQProj));
        // The table follows.
        QCOMPARE(m_window->opTable()->rowCount(), int(m_window->results().evaluation.prefill.count
                                                      + m_window->results().evaluation.decode.count));
    }

    void bandwidthSliderMovesTheRoofAndRidge()
    {
        control<LogSlider>(*m_window->controls(), "bandwidth")->spinBox()->setValue(1536);
        const ChartData &chart = m_window->plot()->data();
        ROOFLINE_COMPARE_REL(chart.roof.bandwidthBytesPerSecond, 1536e9, 1e-12);
        ROOFLINE_COMPARE_REL(chart.roof.ridge(), 181e12 / 1536e9, 1e-12);
        QCOMPARE(chart.bandwidthLabel, std::string("1536 GB/s"));
        QVERIFY(m_state->isGpuCustomised());
        QVERIFY(control<QToolButton>(*m_window->controls(), "resetGpu")->isEnabled());
        QCOMPARE(QString::fromStdString(m_window->plot()->data().title), QStringLiteral("Roofline Model (Llama-2-13B, edited RTX A6000)"));
        control<QToolButton>(*m_window->controls(), "resetGpu")->click();
        QCOMPARE(m_window->plot()->data().bandwidthLabel, std::string("768 GB/s"));
        QCOMPARE(m_window->plot()->data().roof.bandwidthBytesPerSecond, 768e9);
    }

    void gpuPresetUpdatesRoofsAndLabels()
    {
        QComboBox *box = control<QComboBox>(*m_window->controls(), "gpu");
        const int h100 = box->findText(QStringLiteral("H100 SXM"));
        QVERIFY(h100 >= 0);
        box->setCurrentIndex(h100);
        Q_EMIT box->activated(h100);
        const ChartData &chart = m_window->plot()->data();
        QCOMPARE(chart.bandwidthLabel, std::string("3350 GB/s"));
        QCOMPARE(chart.peakLabel, std::string("989.4 TFLOP/s"));
        QCOMPARE(chart.roof.peakFlopsPerSecond, 989.4e12);
        ROOFLINE_COMPARE_REL(chart.roof.ridge(), 989.4e12 / 3350e9, 1e-12);
        QCOMPARE(control<LogSlider>(*m_window->controls(), "bandwidth")->value(), 3350.0);
        QCOMPARE(control<LogSlider>(*m_window->controls(), "peak")->value(), 989.4);
    }

    // A click on a series' legend entry hides the series, on screen too, and it stays hidden when the data
    // changes. (The blue crosses of "qkv mlp init", the prefill projections on the compute roof, in red.)
    void hidingASeries()
    {
        RooflinePlot *plot = m_window->plot();
        const auto crossesShown = [&] { return markersShown(*plot, Series::QkvMlpInit); };
        QVERIFY(crossesShown() > 0);
        const QRect entry = legendEntry(*plot, QStringLiteral("qkv mlp init"));
        QVERIFY(entry.isValid());
        QTest::mouseClick(plot->canvasWidget(), Qt::LeftButton, {}, entry.center());
        QVERIFY(!m_state->session().seriesVisible[std::size_t(Series::QkvMlpInit)]);
        QVERIFY(!plot->view().shown[std::size_t(Series::QkvMlpInit)]);
        QCOMPARE(crossesShown(), 0);
        m_state->setBatch(8);
        QVERIFY(!plot->view().shown[std::size_t(Series::QkvMlpInit)]);
        QCOMPARE(crossesShown(), 0);
    }

    void badFilesLeaveTheStateAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.json"));
        QVERIFY(writeFile(path, R"({"hidden_size": 5120, "intermediate_size": 13824, "num_attention_heads": 0})"));
        const Session before = m_state->session();
        const QString error = m_window->files()->openModelFile(path);
        QVERIFY2(error.contains(path) && error.contains(QLatin1String("num_attention_heads")), qPrintable(error));
        QCOMPARE(m_state->session().model, before.model);
        QCOMPARE(int(m_state->models().size()), int(m_presets.models.size()));
        QVERIFY(!m_window->files()->openGpuFile(dir.path()).isEmpty()); // a directory
        QCOMPARE(m_state->session().gpu, before.gpu);
    }

    void theWholeBadCorpusLeavesTheChartAsItWas()
    {
        m_state->setBatch(8);
        const Session before = m_state->session();
        const ChartData chartBefore = m_window->plot()->data();
        const QDir bad(QStringLiteral(ROOFLINE_TEST_DATA "/bad"));
        for (const QString &name : bad.entryList(QDir::Files)) {
            const QString path = bad.filePath(name);
            // As if dropped on the window, and through each menu entry.
            for (const QString &error : { m_window->files()->openAnyFile(path), m_window->files()->openModelFile(path), m_window->files()->openGpuFile(path),
                                          m_window->files()->openSession(path), m_window->files()->importMeasurements(path) }) {
                QVERIFY2(!error.isEmpty() && error.contains(name) && !error.contains(QLatin1Char('\n')), qPrintable(name + QLatin1String(": ") + error));
            }
            QVERIFY2(m_state->session() == before, qPrintable(name));
        }
        QCOMPARE(m_window->plot()->data().title, chartBefore.title);
        QCOMPARE(m_window->plot()->data().current.size(), chartBefore.current.size());
        QCOMPARE(int(m_state->models().size()), int(m_presets.models.size()));
        QCOMPARE(int(m_state->gpus().size()), int(m_presets.gpus.size()));
    }

    void goodFileIsAddedAndShown()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.json"));
        QVERIFY(writeFile(path, R"({"name": "Lab card", "memory_bandwidth_gb_per_s": 500, "memory_gb": 16, "peak_tflops": {"fp16": 50}})"));
        QCOMPARE(m_window->files()->openGpuFile(path), QString());
        QCOMPARE(control<QComboBox>(*m_window->controls(), "gpu")->currentText(), QStringLiteral("Lab card"));
        QCOMPARE(m_window->plot()->data().bandwidthLabel, std::string("500 GB/s"));
    }

    void memoryWarning()
    {
        QVERIFY(!m_window->summary()->showsMemoryWarning());
        m_state->setBatch(64); // 64 sequences of 2048 tokens: 107 GB of KV cache
        QVERIFY(m_window->summary()->showsMemoryWarning());
        QVERIFY(m_window->summary()->text().contains(QLatin1String("Does not fit")));
    }

    void aDragReplotsOncePerEventLoopPass()
    {
        QCoreApplication::processEvents(); // settle the first paint
        QSignalSpy replots(m_window->plot(), &RooflinePlot::replotted);
        QSlider *slider = control<LogSlider>(*m_window->controls(), "batch")->slider();
        for (int tick = 100; tick <= 1000; tick += 100)
            slider->setValue(tick); // ten steps of a drag within one pass
        QCOMPARE(m_state->session().workload.batch, qint64(1024));
        QCOMPARE(replots.count(), 0); // queued, not immediate
        QCoreApplication::processEvents();
        QCOMPARE(replots.count(), 1);
        // Only the points moved: grid, axes and legend were not redrawn.
        QCOMPARE(replots.takeFirst().at(0).toBool(), false);
        // A new GPU renames the roofs in the legend: a full redraw.
        m_state->selectGpu(m_state->gpuIndex() + 1);
        QCoreApplication::processEvents();
        QCOMPARE(replots.count(), 1);
        QCOMPARE(replots.takeFirst().at(0).toBool(), true);
        // Every step reached the model: the points are where batch 1024 puts them, on the new GPU's roofs.
        const std::string gpu = m_state->session().gpu.id;
        QVERIFY(gpu != DefaultGpuId);
        for (const DecodePoint &p : decodePoints(m_presets, 1024, gpu))
            QVERIFY(holds(m_window->plot()->data().current, p));
    }

    void theCanvasShowsTheStatesViewAfterEveryStep()
    {
        // The state owns which series show, whether every ceiling is drawn and the frame; the canvas holds
        // what it was last given and nothing of its own, through toggles, undo and redo, a zoom and a reset.
        const auto same = [this] { return m_window->plot()->view() == chartView(m_state->session()); };
        m_state->toggleSeriesVisible(Series::QkvMlpAr);
        QVERIFY(same());
        QVERIFY(!m_window->plot()->view().shown[std::size_t(Series::QkvMlpAr)]);
        m_state->setShowAllCeilings(true);
        QVERIFY(same());
        QVERIFY(m_window->plot()->view().allCeilings);
        m_state->setView(ViewRange { 0.5, 5e4, 1e9, 2e15 });
        QVERIFY(same());
        QCOMPARE(m_window->plot()->viewRange(), (ViewRange { 0.5, 5e4, 1e9, 2e15 }));
        m_state->undoStack()->undo();
        m_state->undoStack()->undo();
        QVERIFY(same());
        QCOMPARE(m_window->plot()->view().shown, AllSeries);
        QVERIFY(!m_window->plot()->view().allCeilings);
        QCOMPARE(m_window->plot()->viewRange(), (ViewRange { 0.5, 5e4, 1e9, 2e15 })); // a frame is not an undo step
        m_state->undoStack()->redo();
        QVERIFY(same());
        QVERIFY(!m_window->plot()->view().shown[std::size_t(Series::QkvMlpAr)]);
        m_state->setView(std::nullopt);
        QVERIFY(same());
        QVERIFY(!m_window->plot()->view().frame);
    }

    void undoNeverMovesTheFrameAndSaveWritesTheOneOnScreen()
    {
        // Zoom in with the wheel (a gesture the canvas reports; the state keeps the frame), drag the batch
        // slider with the mouse, undo twice: the slider's step and the sequence change before it are undone, the frame is
        // the one the user zoomed to, in the state, on the canvas and in the saved file.
        QTemporaryDir dir;
        m_state->setSeq(4096);
        QCoreApplication::processEvents();
        QWidget *canvas = m_window->plot()->canvasWidget();
        const QPointF centre(canvas->width() / 2.0, canvas->height() / 2.0);
        QWheelEvent wheel(centre, canvas->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(canvas, &wheel);
        QCoreApplication::processEvents(); // the canvas reports the zoom once the event is done
        const ViewRange zoomed = m_window->plot()->viewRange();
        QVERIFY(zoomed.xMax / zoomed.xMin < SeedFrame.xMax / SeedFrame.xMin); // it did zoom in
        QCOMPARE(m_state->session().view, std::optional<ViewRange>(zoomed));
        // The batch slider's handle dragged with the mouse, in three moves: one undo step.
        const int steps = m_state->undoStack()->count();
        dragHandle(control<LogSlider>(*m_window->controls(), "batch")->slider(), 3, 20);
        QCoreApplication::processEvents();
        QVERIFY2(m_state->session().workload.batch > 1, qPrintable(QString::number(m_state->session().workload.batch)));
        QCOMPARE(m_state->undoStack()->count(), steps + 1);
        m_state->undoStack()->undo();
        m_state->undoStack()->undo();
        QCoreApplication::processEvents();
        QCOMPARE(m_state->session().workload.batch, qint64(1));
        QCOMPARE(m_state->session().workload.seq, qint64(2048));
        QCOMPARE(control<LogSlider>(*m_window->controls(), "batch")->value(), 1.0);
        QCOMPARE(m_state->session().view, std::optional<ViewRange>(zoomed));
        QCOMPARE(m_window->plot()->viewRange(), zoomed);
        const QString path = dir.filePath(QStringLiteral("zoomed.roofline"));
        QCOMPARE(m_window->files()->saveSession(path), QString());
        QString error;
        QStringList warnings;
        PresetLibrary known = m_presets;
        const std::optional<Session> saved = loadSessionFile(path, known, &error, &warnings);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(saved->view, std::optional<ViewRange>(zoomed));
        QCOMPARE(saved->workload.batch, qint64(1));
        // Reset view: no stored frame, and the canvas fits the data again.
        m_state->setView(std::nullopt);
        QVERIFY(!m_window->plot()->view().frame.has_value());
        QCOMPARE(m_window->plot()->viewRange(), SeedFrame);
        // The chart's context menu resets the frame through the state too: zoomed again, its "Reset view"
        // once reset only the canvas, and the state (and a saved file) kept the zoomed frame.
        QCoreApplication::sendEvent(canvas, &wheel);
        QCoreApplication::processEvents();
        QVERIFY(m_state->session().view.has_value());
        QVERIFY(contextMenuAt(canvas, centre.toPoint(), QStringLiteral("Reset view")).contains(QStringLiteral("Reset view")));
        QCOMPARE(m_state->session().view, std::optional<ViewRange>());
        QCOMPARE(m_window->plot()->viewRange(), SeedFrame);
    }

    void aSliderStepIsOneChangeOneComputationOneReplotAndNoEcho()
    {
        QCoreApplication::processEvents(); // settle the first paint
        ControlPanel *controls = m_window->controls();
        QSignalSpy changes(m_state.get(), &ExplorerState::changed);
        QSignalSpy replots(m_window->plot(), &RooflinePlot::replotted);
        QSignalSpy batch(controls, &ControlPanel::batchChanged);
        QSignalSpy slider(control<LogSlider>(*controls, "batch"), &LogSlider::valueChanged);
        // Every other signal the panel has: none may fire when the state shows the step's values back.
        std::vector<std::unique_ptr<QSignalSpy>> others;
        const QMetaObject *meta = controls->metaObject();
        for (int i = meta->methodOffset(); i < meta->methodCount(); ++i) {
            const QMetaMethod method = meta->method(i);
            if (method.methodType() == QMetaMethod::Signal && method.name() != "batchChanged")
                others.push_back(std::make_unique<QSignalSpy>(controls, method));
        }
        QVERIFY(others.size() >= 20);
        const int computations = m_window->resultsModel()->computations();
        control<LogSlider>(*controls, "batch")->slider()->setValue(control<LogSlider>(*controls, "batch")->slider()->value() + 100);
        QCoreApplication::processEvents();
        QCOMPARE(batch.count(), 1);
        QCOMPARE(slider.count(), 1); // the slider was not set again by the state's answer
        QCOMPARE(changes.count(), 1);
        QCOMPARE(m_window->resultsModel()->computations(), computations + 1);
        QCOMPARE(replots.count(), 1);
        for (const auto &spy : others)
            QCOMPARE(spy->count(), 0);
        QCOMPARE(m_window->plot()->data().current.front().batch, m_state->session().workload.batch);
    }

    void aLabelMoveOrALegendClickComputesNothing()
    {
        // A note dragged moves the note; a series hidden from the legend hides it: neither computes the results
        // again. Both by the mouse, on the window's canvas.
        const ViewRange frame = m_window->plot()->viewRange();
        m_state->addNote(std::sqrt(frame.xMin * frame.xMax), std::sqrt(frame.yMin * frame.yMax), "n");
        QCoreApplication::processEvents();
        const QRectF before = RooflinePlotProbe(*m_window->plot()).annotationShown(0).box;
        QVERIFY(!before.isEmpty());
        const int computations = m_window->resultsModel()->computations();
        QSignalSpy changes(m_state.get(), &ExplorerState::changed);
        QSignalSpy replots(m_window->plot(), &RooflinePlot::replotted);
        // Dragged with the mouse by 40 pixels right and 30 up from the middle of the frame.
        const double dx = 40;
        const double dy = -30;
        QWidget *canvas = m_window->plot()->canvasWidget();
        const QPoint from = before.center().toPoint();
        QTest::mousePress(canvas, Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas, from + QPoint(20, -15));
        QTest::mouseMove(canvas, from + QPoint(40, -30));
        QCoreApplication::processEvents();
        QCOMPARE(changes.count(), 0); // while dragged, the canvas alone draws it where the pointer is
        replots.clear();
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, from + QPoint(40, -30));
        QCoreApplication::processEvents();
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.front().front().value<StateParts>(), StateParts(StatePart::Annotations));
        QCOMPARE(m_window->resultsModel()->computations(), computations);
        QCOMPARE(replots.count(), 1);
        // The label's box moved by the offset's change, in pixels.
        const QRectF after = RooflinePlotProbe(*m_window->plot()).annotationShown(0).box;
        QCOMPARE(after.size(), before.size());
        QVERIFY2(std::abs(after.left() - before.left() - dx) < 1.0 && std::abs(after.top() - before.top() - dy) < 1.0,
                 qPrintable(QStringLiteral("%1,%2 -> %3,%4").arg(before.left()).arg(before.top()).arg(after.left()).arg(after.top())));

        // A click on the qk/pv ar entry of the legend.
        const auto entries = RooflinePlotProbe(*m_window->plot()).legendEntries();
        const auto entry = std::find_if(entries.begin(), entries.end(),
                                        [](const RooflinePlotProbe::LegendEntry &e) { return e.name == QLatin1String("qk/pv ar"); });
        QVERIFY(entry != entries.end());
        QTest::mouseClick(canvas, Qt::LeftButton, {}, entry->rect.center());
        QCoreApplication::processEvents();
        QCOMPARE(changes.count(), 2);
        QCOMPARE(changes.back().front().value<StateParts>(), StateParts(StatePart::Look));
        QCOMPARE(m_window->resultsModel()->computations(), computations);
        QVERIFY(!m_window->plot()->view().shown[std::size_t(Series::QkPvAr)]);
        m_state->undoStack()->undo();
        QVERIFY(m_window->plot()->view().shown[std::size_t(Series::QkPvAr)]);
        QCOMPARE(m_window->resultsModel()->computations(), computations);
    }

    void copyPutsTheChartOnTheClipboard()
    {
        QApplication::clipboard()->clear();
        const auto actions = m_window->findChildren<QAction *>();
        QAction *copy = nullptr;
        for (QAction *action : actions)
            if (action->shortcut() == QKeySequence(QKeySequence::Copy))
                copy = action;
        QVERIFY(copy);
        copy->trigger();
        const QImage image = QApplication::clipboard()->image();
        QCOMPARE(image.size(), QSize(1920, 1080));

        // A stored SVG size of 16384 x 16384 would make a 1 GiB image: refused with the limit, clipboard as it was.
        const ExportSettings before = m_state->session().exportSettings;
        m_state->setExportSettings(ExportSettings { 16384, 16384, 1.0, false });
        MessageBoxes boxes;
        boxes.closeNext(this);
        copy->trigger();
        m_state->setExportSettings(before);
        QCOMPARE(boxes.count, 1);
        QCOMPARE(boxes.text, QStringLiteral("Chart not copied: 16384x16384 at scale 1 makes a 16384x16384-pixel image (268435456 pixels), "
                                            "over the limit of 67108864 pixels (8192x8192); "
                                            "export it as SVG or PDF, or choose a smaller size in Export."));
        QCOMPARE(QApplication::clipboard()->image().size(), QSize(1920, 1080));
    }

    void largePngExportsShowProgressAndCanCancel()
    {
        // 4097 x 4097 pixels is past the 4096 x 4096 at which the window shows a progress dialog.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("large.png"));
        QString label;
        bool cancel = false;
        QTimer watcher;
        connect(&watcher, &QTimer::timeout, this, [&] {
            for (QProgressDialog *progress : m_window->findChildren<QProgressDialog *>())
                if (progress->isVisible()) {
                    label = progress->labelText();
                    if (cancel)
                        progress->cancel();
                }
        });
        watcher.start(0);
        QCOMPARE(m_window->exports()->exportTo(path, QSize(4097, 4097), 1.0), QString());
        QVERIFY2(label.startsWith(QLatin1String("Exporting a 4097 x 4097-pixel PNG")) || label.startsWith(QLatin1String("Encoding a 4097 x 4097-pixel PNG")),
                 qPrintable(label));
        QCOMPARE(QImage(path).size(), QSize(4097, 4097));
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Exported %1").arg(QDir::toNativeSeparators(path)));

        // Cancelled: the file already there is left as it was, and the status bar says nothing was written.
        QVERIFY(writeFile(path, "old"));
        cancel = true;
        label.clear();
        QCOMPARE(m_window->exports()->exportTo(path, QSize(2100, 2100), 2.0), QString()); // 4200 x 4200 pixels
        watcher.stop();
        QVERIFY2(label.startsWith(QLatin1String("Exporting a 4200 x 4200-pixel PNG")) || label.startsWith(QLatin1String("Encoding a 4200 x 4200-pixel PNG")),
                 qPrintable(label));
        QFile old(path);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old"));
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Export cancelled: nothing was written"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList { QStringLiteral("large.png") });
    }

    // A pan (a left-drag on the chart) is reported on release: then the state holds the frame the canvas shows,
    // the canvas keeps it because the state fixed it, and a slider step does not move it.
    void aPanIsTheStatesFrameOnRelease()
    {
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        settle();
        QWidget *canvas = m_window->plot()->canvasWidget();
        const ViewRange before = m_window->plot()->viewRange();
        // From the middle of the axes, left by a tenth of the canvas.
        const QPoint from = m_window->plot()->pixelOf(30, 1e12).toPoint();
        const QPoint to = from - QPoint(canvas->width() / 10, 0);
        QTest::mousePress(canvas, Qt::LeftButton, {}, from);
        QTest::mouseMove(canvas, (from + to) / 2);
        QTest::mouseMove(canvas, to);
        QVERIFY(!m_state->session().view.has_value()); // not until the pan is done
        QTest::mouseRelease(canvas, Qt::LeftButton, {}, to);
        const ViewRange panned = m_window->plot()->viewRange();
        QVERIFY2(panned.xMin > before.xMin * 1.1, qPrintable(QString::number(panned.xMin))); // dragged left: higher intensities
        QCOMPARE(m_state->session().view, std::optional<ViewRange>(panned));
        QVERIFY(m_window->plot()->view().frame.has_value());
        m_state->setBatch(64);
        QCOMPARE(m_window->plot()->viewRange(), panned);
    }

    // The legend names a pin by what sets it apart from the chart now, and says so again at every change.
    void aPinIsNamedByWhatDiffersFromNow()
    {
        m_state->setBatch(4);
        m_state->pinCurrent();
        QCOMPARE(legendNames(*m_window->plot()).filter(QStringLiteral("pinned")), QStringList { QStringLiteral("pinned: as now") });
        m_state->setBatch(64);
        m_state->setFlashAttention(true);
        QCoreApplication::processEvents();
        QCOMPARE(m_window->results().chart.pinNames, std::vector<std::string> { "pinned: batch 4, no FlashAttention" });
        const QStringList named = legendNames(*m_window->plot()).filter(QStringLiteral("pinned"));
        QCOMPARE(named.size(), 1); // shortened to the legend's width in a small window
        QVERIFY2(named[0].startsWith(QLatin1String("pinned: batch 4, no Fla")), qPrintable(named[0]));
        m_state->undoStack()->undo();
        QCoreApplication::processEvents();
        QCOMPARE(legendNames(*m_window->plot()).filter(QStringLiteral("pinned")), QStringList { QStringLiteral("pinned: batch 4") });
        // Its tooltip and the file keep the whole scenario.
        QCOMPARE(m_window->plot()->data().pins[0].label, std::string("pinned: batch 4, seq 2048, RTX A6000, Llama-2-13B"));
    }

    void pinKeepsGhostsWhileSlidersMove()
    {
        m_state->setBatch(4);
        m_state->pinCurrent();
        QCOMPARE(m_window->plot()->data().pins.size(), 1);
        QVERIFY(QString::fromStdString(m_window->plot()->data().pins[0].label).contains(QLatin1String("batch 4")));
        const auto ghosts = decodePoints(m_presets, 4);
        control<LogSlider>(*m_window->controls(), "batch")->slider()->setValue(1000); // batch 1024
        QCOMPARE(m_state->session().workload.batch, qint64(1024));
        // The ghosts stay at batch 4; the current points moved to batch 1024.
        for (const DecodePoint &p : ghosts)
            QVERIFY(holds(m_window->plot()->data().pins[0].points, p));
        for (const DecodePoint &p : decodePoints(m_presets, 1024))
            QVERIFY(holds(m_window->plot()->data().current, p));
        // On another GPU the ghosts keep the A6000's FLOP/s, off the H100's roof (3350 GB/s x ~4 FLOP/B, over
        // four times the A6000's 768 GB/s x ~4), while the current points rise to it.
        const int h100 = int(std::find_if(m_presets.gpus.begin(), m_presets.gpus.end(), [](const GpuSpec &g) { return g.id == "h100-sxm"; })
                             - m_presets.gpus.begin());
        m_state->selectGpu(h100);
        for (const DecodePoint &p : ghosts) {
            QVERIFY(holds(m_window->plot()->data().pins[0].points, p));
            QVERIFY(p.y < 0.3 * std::min(989.4e12, 3350e9 * p.x));
        }
        for (const DecodePoint &p : decodePoints(m_presets, 1024, "h100-sxm"))
            QVERIFY(holds(m_window->plot()->data().current, p));
        m_state->pinCurrent();
        QCOMPARE(m_window->plot()->data().pins.size(), 2);
        m_state->clearPins();
        QCOMPARE(m_window->plot()->data().pins.size(), 0);
    }

    void secondGpuAddsItsRoofs()
    {
        RooflinePlot *plot = m_window->plot();
        QVERIFY(!plot->data().secondRoof);
        QVERIFY(!legendNames(*plot).contains(QStringLiteral("H100 SXM: 3350 GB/s")));
        QComboBox *second = control<QComboBox>(*m_window->controls(), "secondGpu");
        const int h100 = second->findText(QStringLiteral("H100 SXM"));
        second->setCurrentIndex(h100);
        Q_EMIT second->activated(h100);
        QVERIFY(plot->data().secondRoof);
        QCOMPARE(plot->data().secondRoof->bandwidthLabel, std::string("H100 SXM: 3350 GB/s"));
        QCOMPARE(plot->data().secondRoof->peakLabel, std::string("H100 SXM: 989.4 TFLOP/s"));
        QCOMPARE(plot->data().secondRoof->roof.bandwidthBytesPerSecond, 3350e9);
        QCOMPARE(plot->data().secondRoof->roof.peakFlopsPerSecond, 989.4e12);
        QVERIFY(legendNames(*plot).contains(QStringLiteral("H100 SXM: 3350 GB/s")));
        // Swapping the two moves the ops onto the H100's roofs; the A6000's become the other pair, and the GPU's
        // picker and sliders now show (and edit) the H100.
        const std::string a6000 = m_state->session().gpu.name;
        QTest::mouseClick(control<QPushButton>(*m_window->controls(), "swapGpus"), Qt::LeftButton);
        QCOMPARE(control<QComboBox>(*m_window->controls(), "gpu")->currentText(), QStringLiteral("H100 SXM"));
        QCOMPARE(control<LogSlider>(*m_window->controls(), "bandwidth")->value(), 3350.0);
        QCOMPARE(control<QComboBox>(*m_window->controls(), "secondGpu")->currentText(), QString::fromStdString(a6000));
        QCOMPARE(plot->data().bandwidthLabel, std::string("3350 GB/s"));
        QCOMPARE(plot->data().roof.bandwidthBytesPerSecond, 3350e9);
        QCOMPARE(plot->data().secondRoof->bandwidthLabel, std::string("RTX A6000: 768 GB/s"));
        QCOMPARE(plot->data().secondRoof->roof.bandwidthBytesPerSecond, 768e9);
        // The bandwidth slider edits the GPU the ops run on: the points' roof moves, the A6000's stays.
        m_state->setBandwidthGbps(3000);
        QCOMPARE(plot->data().roof.bandwidthBytesPerSecond, 3000e9);
        QCOMPARE(plot->data().secondRoof->roof.bandwidthBytesPerSecond, 768e9);
        // Undo gives back the edit, then the swap.
        m_state->undoStack()->undo();
        m_state->undoStack()->undo();
        QCOMPARE(plot->data().roof.bandwidthBytesPerSecond, 768e9);
        QCOMPARE(plot->data().secondRoof->roof.bandwidthBytesPerSecond, 3350e9);
    }

    void sessionSavedAndReopenedGivesTheSameChart()
    {
        QTemporaryDir dir;
        m_state->selectGpu(int(std::find_if(m_presets.gpus.begin(), m_presets.gpus.end(),
                                            [](const GpuSpec &g) { return g.id == "h100-sxm"; })
                               - m_presets.gpus.begin()));
        m_state->setBatch(32);
        m_state->setSeq(512);
        m_state->setBandwidthGbps(3000);
        m_state->pinCurrent();
        m_state->setSecondGpu(0);
        m_state->setSeriesVisible(Series::QkPvInit, false);
        m_state->addAnnotation(Annotation { Annotation::Kind::Note, "decode stays memory-bound", 10, 1e12, 0, 0 });
        m_state->setView(ViewRange { 0.5, 5e4, 1e9, 2e15 });
        const ChartData before = m_window->plot()->data();
        const ViewRange viewBefore = m_window->plot()->viewRange();
        std::unique_ptr<ExplorerState> fresh;
        std::unique_ptr<MainWindow> reopened;
        const QString path = dir.filePath(QStringLiteral("chart.roofline"));
        saveAndReopen(path, fresh, reopened);
        if (QTest::currentTestFailed())
            return;
        MainWindow &other = *reopened;
        const ChartData &after = other.plot()->data();
        QCOMPARE(after.title, before.title);
        QCOMPARE(after.subtitle, before.subtitle);
        QCOMPARE(after.current.size(), before.current.size());
        for (std::size_t i = 0; i < after.current.size(); ++i) {
            QCOMPARE(after.current[i].intensity, before.current[i].intensity);
            QCOMPARE(after.current[i].attainableFlopsPerSecond, before.current[i].attainableFlopsPerSecond);
        }
        QCOMPARE(after.pins.size(), std::size_t(1));
        QVERIFY(after.secondRoof.has_value());
        QVERIFY(!other.plot()->view().shown[std::size_t(Series::QkPvInit)]);
        QCOMPARE(other.plot()->annotationCount(), 1);
        QCOMPARE(other.plot()->viewRange(), viewBefore);
        QCOMPARE(other.files()->sessionPath(), path);
    }

    void anOpenedSessionIsNotUndoneIntoTheOneBefore()
    {
        // Batch 16 saved as a.roofline; batch 64 unsaved; b.roofline opened over it (its prompt answered
        // by the test calling openSession directly). Nothing is left to undo: an undo that brought back batch 64
        // under b's name made Save write it over b.
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.roofline"));
        const QString b = dir.filePath(QStringLiteral("b.roofline"));
        m_state->setBatch(16);
        QCOMPARE(m_window->files()->saveSession(b), QString());
        m_state->setBatch(64);
        QCOMPARE(m_window->files()->saveSession(a), QString());
        m_state->setSeq(512);
        QCOMPARE(m_window->files()->openSession(b), QString());
        QCOMPARE(m_state->session().workload.batch, qint64(16));
        QVERIFY(!m_state->undoStack()->canUndo());
        QVERIFY(m_state->undoStack()->isClean());
        QVERIFY(!m_window->isWindowModified());
        m_state->undoStack()->undo();
        QCOMPARE(m_state->session().workload.batch, qint64(16));
        QCOMPARE(m_window->files()->saveSession(b), QString());
        QString error;
        QStringList warnings;
        PresetLibrary known = m_presets;
        const std::optional<Session> saved = loadSessionFile(b, known, &error, &warnings);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(saved->workload.batch, qint64(16));
        QCOMPARE(saved->workload.seq, qint64(2048));
    }

    // A label of a current point, made at batch 1 and followed to batch 8, is saved saying what the chart says
    // there (the file held the batch-1 numbers under the batch-8 point's label).
    void aSavedLabelSaysWhatTheChartSays()
    {
        QTemporaryDir dir;
        const ChartPoint *q = m_window->plot()->data().currentPoint(OpKind::QProj, Phase::Decode);
        QVERIFY(q);
        m_state->addAnnotation(m_window->plot()->labelFor(*q));
        QVERIFY(m_state->session().annotations[0].point);
        m_state->setBatch(8);
        QCoreApplication::processEvents();
        const QString path = dir.filePath(QStringLiteral("labelled.roofline"));
        QCOMPARE(m_window->files()->saveSession(path), QString());
        QString error;
        const std::optional<Session> saved = loadSessionFile(path, m_presets, &error, nullptr);
        QVERIFY2(saved, qPrintable(error));
        const ChartPoint *q8 = m_window->plot()->data().currentPoint(OpKind::QProj, Phase::Decode);
        QVERIFY(q8 && q8->batch == 8);
        QCOMPARE(saved->annotations.size(), std::size_t(1));
        QCOMPARE(saved->annotations[0].text, pointLabel(*q8));
        QVERIFY(saved->annotations[0].x == q8->intensity);
        QVERIFY(saved->annotations[0].point == m_state->session().annotations[0].point);
        QCOMPARE(RooflinePlotProbe(*m_window->plot()).annotationShown(0).text, QString::fromStdString(pointLabel(*q8)));
    }

    // A session read with a warning (a model preset this build lacks, replaced by the default) is not the file:
    // it opens unsaved, so that closing asks and Ctrl+S is not a silent rewrite of what the file said. One read
    // without warnings opens saved.
    void aSessionReadWithWarningsOpensUnsaved()
    {
        QTemporaryDir dir;
        const QString clean = dir.filePath(QStringLiteral("clean.roofline"));
        const QString odd = dir.filePath(QStringLiteral("odd.roofline"));
        QVERIFY(writeFile(clean, R"({"format": 1, "model": {"preset": "llama-2-13b"}, "gpu": {"preset": "a6000-seed"}})"));
        QVERIFY(writeFile(odd, R"({"format": 1, "model": {"preset": "llama-9000"}, "gpu": {"preset": "a6000-seed"}})"));
        QStringList warnings;
        QCOMPARE(m_window->files()->openSession(odd, &warnings), QString());
        QVERIFY2(warnings.join(QLatin1Char(' ')).contains(QLatin1String("llama-9000")), qPrintable(warnings.join(QLatin1Char(' '))));
        QVERIFY(m_window->files()->isModified());
        QVERIFY(m_window->isWindowModified());
        QCOMPARE(m_window->files()->openSession(clean), QString()); // (discarding the first: no question in a test)
        QVERIFY(!m_window->files()->isModified());
    }

    // Ctrl+C in the ops table copies the selected rows as the table shows them, header first, tab-separated (it
    // copied the chart); with nothing selected, it copies the chart as before.
    void copyInTheTableCopiesItsRows()
    {
        auto *table = m_window->findChild<QTableView *>();
        QVERIFY(table);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        table->setFocus();
        QApplication::clipboard()->clear();
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        QVERIFY(!QApplication::clipboard()->image().isNull()); // the chart
        table->selectRow(1);
        table->selectionModel()->select(table->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
        const QStringList lines = QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].startsWith(QLatin1String("Op\tPhase\tFLOPs\tBytes\tFLOP/B")), qPrintable(lines[0]));
        QVERIFY(!lines[0].contains(QLatin1String("Measured"))); // hidden without measured kernels
        QCOMPARE(lines[1].section(QLatin1Char('\t'), 0, 1), table->model()->index(1, 0).data().toString() + QLatin1Char('\t') + table->model()->index(1, 1).data().toString());
        QVERIFY2(lines[1].startsWith(QLatin1String("q_proj\tprefill\t107 GFLOP\t94.4 MB\t1.14k")), qPrintable(lines[1]));
        QCOMPARE(lines[2].count(QLatin1Char('\t')), lines[0].count(QLatin1Char('\t')));
    }

    void theExportDialogKeepsAPathThatFailed()
    {
        // A path into a folder that does not exist: the write fails, the dialog stays open with the error in its
        // note, and the next Export dialog offers the same path to correct, in a field that shows it whole.
        QTemporaryDir dir;
        const QString failing = dir.filePath(QStringLiteral("no/such/folder/chart.png"));
        QStringList shown; // the dialogs' path fields, and the error boxes' texts
        QTimer watcher;
        bool typed = false;
        connect(&watcher, &QTimer::timeout, this, [&] {
            QWidget *modal = QApplication::activeModalWidget();
            if (auto *box = qobject_cast<QMessageBox *>(modal)) {
                shown << box->text();
                box->accept();
            } else if (auto *dialog = qobject_cast<QDialog *>(modal)) {
                auto *path = dialog->findChild<QLineEdit *>(QStringLiteral("path"));
                if (!path)
                    return;
                QVERIFY(path->width() >= path->fontMetrics().averageCharWidth() * 48);
                if (!typed) {
                    shown << path->text();
                    path->setText(failing);
                    typed = true;
                    dialog->accept();
                } else if (dialog->isVisible() && shown.size() == 1) {
                    shown << dialog->findChild<QLabel *>(QStringLiteral("note"))->text(); // still open, with the error
                    dialog->reject();
                } else {
                    shown << path->text();
                    dialog->reject();
                }
            }
        });
        watcher.start(10);
        m_window->exports()->exportDialog();
        m_window->exports()->exportDialog();
        watcher.stop();
        QCOMPARE(shown.size(), 3);
        QVERIFY2(shown[1].startsWith(QLatin1String("Not exported: ") + failing + QLatin1String(": cannot write")), qPrintable(shown[1]));
        QCOMPARE(shown[2], failing);
        QVERIFY(!QFileInfo::exists(failing));
    }

    // The Export dialog starts, for another session, in the last export's folder and format, named after the
    // session's file; within one session, at the path last exported; a new session is "roofline" again.
    void theExportDialogIsNamedAfterTheSession()
    {
        QTemporaryDir dir;
        const QString home = QDir::home().filePath(QStringLiteral("roofline.png"));
        QCOMPARE(ChartExporter::suggestedExportPath(QString(), QString()), home);
        QCOMPARE(ChartExporter::suggestedExportPath(QStringLiteral("/talks/deck.svg"), QStringLiteral("/work/h100.roofline")),
                 QStringLiteral("/talks/h100.svg"));
        QCOMPARE(ChartExporter::suggestedExportPath(QString(), QStringLiteral("/work/h100.roofline")), QStringLiteral("/work/h100.png"));

        ChartExporter *exports = m_window->exports();
        const QString chart = dir.filePath(QStringLiteral("first.svg"));
        QCOMPARE(exports->exportTo(chart, QSize(400, 300), 1.0), QString());
        QCOMPARE(exports->exportSuggestion(), chart);
        const QString session = dir.filePath(QStringLiteral("a100 study.roofline"));
        QCOMPARE(m_window->files()->saveSession(session), QString());
        QCOMPARE(exports->exportSuggestion(), dir.filePath(QStringLiteral("a100 study.svg")));
        // Exported under another name, then saved again where it was: the name typed stays.
        const QString typed = dir.filePath(QStringLiteral("slide 3.svg"));
        QCOMPARE(exports->exportTo(typed, QSize(400, 300), 1.0), QString());
        QCOMPARE(m_window->files()->saveSession(session), QString());
        QCOMPARE(exports->exportSuggestion(), typed);
        m_window->files()->newSession();
        QCOMPARE(exports->exportSuggestion(), dir.filePath(QStringLiteral("roofline.svg")));
    }

    void theQuestionNamesTheExampleShown()
    {
        // An example has no file: the question names it, not "this new session".
        QCOMPARE(m_window->files()->openSession(QStringLiteral(":/sessions/medusa-llama-33b-a100.roofline")), QString());
        QCOMPARE(m_window->files()->sessionPath(), QString());
        m_state->setBatch(2);
        QString asked;
        answerNextQuestion(QMessageBox::Cancel, &asked);
        QVERIFY(!m_window->files()->maybeSave());
        QCOMPARE(asked, QStringLiteral("Save the changes to the example medusa-llama-33b-a100 before closing?"));
    }

    void newSessionStartsFromTheDefaults()
    {
        // File > New (Ctrl+N): unsaved changes first; then the default session, no file, nothing to undo.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("mine.roofline"));
        m_state->setBatch(8);
        m_state->pinCurrent();
        QCOMPARE(m_window->files()->saveSession(path), QString());
        m_state->setSeq(512);
        QAction *newSession = actionWithShortcut(m_window.get(), QKeySequence::New);
        QVERIFY(newSession);
        QCOMPARE(newSession->text(), QStringLiteral("&New session"));
        QString asked;
        answerNextQuestion(QMessageBox::Cancel, &asked);
        newSession->trigger();
        QCOMPARE(asked, QStringLiteral("Save the changes to mine.roofline before starting a new session?"));
        QCOMPARE(m_state->session().workload.seq, qint64(512)); // stayed
        answerNextQuestion(QMessageBox::Discard, &asked);
        newSession->trigger();
        const Session fresh = defaultSession(m_presets);
        QCOMPARE(m_state->session().workload.batch, fresh.workload.batch);
        QCOMPARE(m_state->session().workload.seq, fresh.workload.seq);
        QCOMPARE(m_state->session().model.id, fresh.model.id);
        QCOMPARE(m_state->session().gpu.id, fresh.gpu.id);
        QVERIFY(m_state->session().pins.empty());
        QCOMPARE(m_window->files()->sessionPath(), QString());
        QVERIFY(!m_state->undoStack()->canUndo());
        QVERIFY(!m_window->isWindowModified());
        QVERIFY(m_window->windowTitle().startsWith(QLatin1String("Roofline Model (Llama-2-13B")));
        // Nothing unsaved now: a second New asks nothing.
        asked.clear();
        answerNextQuestion(QMessageBox::Cancel, &asked);
        newSession->trigger();
        QCOMPARE(asked, QString());
        QCoreApplication::processEvents(); // the unused answer finds no box
    }

    void badSessionChangesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.roofline"));
        QVERIFY(writeFile(path, R"({"format": 1, "workload": {"batch": -4}})"));
        m_state->setBatch(16);
        const Session before = m_state->session();
        const QString error = m_window->files()->openSession(path);
        QVERIFY2(error.contains(path) && error.contains(QLatin1String("workload.batch")), qPrintable(error));
        QVERIFY(m_state->session() == before);
        // Saving into a missing directory fails cleanly too.
        QVERIFY(m_window->files()->saveSession(dir.filePath(QStringLiteral("no/such/dir/x.roofline"))).contains(QLatin1String("cannot write")));
    }

    // Saving onto a FIFO or through a link that loops is refused and leaves them as they were (QSaveFile would
    // have put a regular file in their place); a link to a file is followed, the link kept.
    void sessionSaveRefusesWhatIsNotAFile()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("fifo.roofline"));
        QVERIFY(mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        QCOMPARE(m_window->files()->saveSession(fifo), fifo + QStringLiteral(": cannot write: it is a FIFO (named pipe), not a regular file"));
        QVERIFY(QFileInfo(fifo).exists() && !QFileInfo(fifo).isFile());
        const QString loop = dir.filePath(QStringLiteral("loop.roofline"));
        QVERIFY(QFile::link(loop + QStringLiteral("2"), loop));
        QVERIFY(QFile::link(loop, loop + QStringLiteral("2")));
        QCOMPARE(m_window->files()->saveSession(loop), loop + QStringLiteral(": cannot write: too many levels of symbolic links"));
        QVERIFY(QFileInfo(loop).isSymLink());
        const QString target = dir.filePath(QStringLiteral("target.roofline"));
        QVERIFY(writeFile(target, "{}"));
        const QString link = dir.filePath(QStringLiteral("link.roofline"));
        QVERIFY(QFile::link(target, link));
        QCOMPARE(m_window->files()->saveSession(link), QString());
        QVERIFY(QFileInfo(link).isSymLink());
        QFile saved(target);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QVERIFY(saved.readAll().contains("\"format\""));
    }

    void undoAfterADragRestoresInOneStep()
    {
        LogSlider *batch = control<LogSlider>(*m_window->controls(), "batch");
        QCOMPARE(m_state->session().workload.batch, qint64(1));
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCoreApplication::processEvents();
        const QImage before = screen(*m_window->plot()); // in full quality
        const int steps = m_state->undoStack()->count();
        dragHandle(batch->slider(), 12, 10); // a drag of twelve moves, by the mouse
        QVERIFY2(m_state->session().workload.batch > 8, qPrintable(QString::number(m_state->session().workload.batch)));
        QCOMPARE(m_state->undoStack()->count(), steps + 1);
        m_state->undoStack()->undo();
        QCOMPARE(m_state->session().workload.batch, qint64(1));
        QCOMPARE(batch->value(), 1.0); // the control follows
        // The drag drew markers without antialiasing; its end restored full quality: the screen is as it was.
        for (const DecodePoint &p : decodePoints(m_presets, 1))
            QVERIFY(holds(m_window->plot()->data().current, p));
        QCOMPARE(screen(*m_window->plot()), before);
    }

    void redoFromTheKeyboard()
    {
        // Two actions (or one action twice) on one key make Qt refuse the key with this warning.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Ambiguous shortcut")));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        int ctrlShiftZ = 0, ctrlY = 0;
        for (const QAction *action : m_window->findChildren<QAction *>())
            for (const QKeySequence &key : action->shortcuts()) {
                ctrlShiftZ += key == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z) ? 1 : 0;
                ctrlY += key == QKeySequence(Qt::CTRL | Qt::Key_Y) ? 1 : 0;
            }
        QCOMPARE(ctrlShiftZ, 1);
        QCOMPARE(ctrlY, 1);

        m_state->setBatch(8);
        m_state->setBatch(16);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_state->session().workload.batch, qint64(8));
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_state->session().workload.batch, qint64(16));
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_state->session().workload.batch, qint64(1));
        QTest::keyClick(m_window.get(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(m_state->session().workload.batch, qint64(8));
        QTest::keyClick(m_window.get(), Qt::Key_Y, Qt::ControlModifier);
        QCOMPARE(m_state->session().workload.batch, qint64(16));
        QCOMPARE(control<LogSlider>(*m_window->controls(), "batch")->value(), 16.0);
    }

    void aTypedNumberIsOneUndoStep()
    {
        // Typing "16" into the batch box changes nothing until Enter: then batch 16, one undo step, and undo goes
        // straight back to 1 (the chart never showed batch 1 from the first keystroke, nor an undo step for it).
        // Every spin box of the panel types the same way; an arrow key steps at once.
        QDoubleSpinBox *box = control<LogSlider>(*m_window->controls(), "batch")->spinBox();
        const int steps = m_state->undoStack()->count();
        QSignalSpy changes(m_state.get(), &ExplorerState::changed);
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, QStringLiteral("16"));
        QCOMPARE(m_state->session().workload.batch, qint64(1));
        QCOMPARE(changes.count(), 0);
        QTest::keyClick(box, Qt::Key_Return);
        QCOMPARE(m_state->session().workload.batch, qint64(16));
        QCOMPARE(changes.count(), 1);
        QCOMPARE(m_state->undoStack()->count(), steps + 1);
        m_state->undoStack()->undo();
        QCOMPARE(m_state->session().workload.batch, qint64(1));
        QTest::keyClick(box, Qt::Key_Up);
        QCOMPARE(m_state->session().workload.batch, qint64(2));
        for (QAbstractSpinBox *spin : m_window->controls()->findChildren<QAbstractSpinBox *>())
            QVERIFY2(!spin->keyboardTracking(), qPrintable(spin->objectName() + QLatin1Char(' ') + spin->toolTip()));
        // 8 entered, then 64 typed and not entered: Ctrl+Z drops the 64 and keeps batch 8; the window's undo then
        // takes 8 back.
        box->selectAll();
        QTest::keyClicks(box, QStringLiteral("8"));
        QTest::keyClick(box, Qt::Key_Return);
        box->selectAll();
        QTest::keyClicks(box, QStringLiteral("64"));
        QTest::keyClick(box, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_state->session().workload.batch, qint64(8));
        QCOMPARE(box->value(), 8.0);
        QCOMPARE(box->text(), QStringLiteral("8"));
        m_state->undoStack()->undo(); // the window's undo, as the next Ctrl+Z (tst_controlpanel checks the keys)
        QCOMPARE(m_state->session().workload.batch, qint64(2));
        QCOMPARE(box->text(), QStringLiteral("2"));
    }

    // A GPU file in GiB/s: the window shows decimal GB/s (2039 GiB/s = 2189.36 GB/s) and its note says it
    // converted; a session saved and reopened keeps the bytes and the note; dragging the bandwidth makes it GB/s.
    void aGpuFileInGiBIsShownInGB()
    {
        QTemporaryDir dir;
        const QString gpu = dir.filePath(QStringLiteral("a100.json"));
        QVERIFY(writeFile(gpu, R"({"name": "A100 80GB", "memory_bandwidth_gb_per_s": 2039, "bandwidth_unit": "GiB/s",
                                   "memory_gb": 80, "peak_tflops": {"fp16": 312}, "note": "Binary units."})"));
        QCOMPARE(m_window->files()->openGpuFile(gpu), QString());
        QCOMPARE(m_state->session().gpu.bandwidthBytesPerSecond, 2189359579136.0);
        ROOFLINE_COMPARE_REL(control<LogSlider>(*m_window->controls(), "bandwidth")->value(), 2189.359579136, 1e-9);
        QCOMPARE(control<QLabel>(*m_window->controls(), "gpuNote")->text(),
                 QStringLiteral("Binary units.\nBandwidth stated as 2039 GiB/s: 2189.4 GB/s."));
        const QString path = dir.filePath(QStringLiteral("gib.roofline"));
        QCOMPARE(m_window->files()->saveSession(path), QString());
        QString error;
        QStringList warnings;
        PresetLibrary known = m_presets;
        const std::optional<Session> saved = loadSessionFile(path, known, &error, &warnings);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(saved->gpu.bandwidthBytesPerSecond, 2189359579136.0);
        QVERIFY(saved->gpu.bandwidthStatedInGiB);
        m_state->setBandwidthGbps(2000);
        QVERIFY(!m_state->session().gpu.bandwidthStatedInGiB);
        QCOMPARE(control<QLabel>(*m_window->controls(), "gpuNote")->text(), QStringLiteral("Custom figures (edited with the sliders)."));
    }

    void textFromFilesStaysText()
    {
        const QString markup = QStringLiteral("<h1>X</h1><img src=x>");
        QTemporaryDir dir;
        const QString gpu = dir.filePath(QStringLiteral("card.json"));
        QVERIFY(writeFile(gpu, R"({"name": "Marked card", "memory_bandwidth_gb_per_s": 500, "memory_gb": 16,
                                   "peak_tflops": {"fp16": 50}, "note": "<h1>X</h1><img src=x>"})"));
        QCOMPARE(m_window->files()->openGpuFile(gpu), QString());
        QLabel *note = control<QLabel>(*m_window->controls(), "gpuNote");
        QCOMPARE(note->textFormat(), Qt::PlainText);
        QCOMPARE(note->text(), markup);

        // An error quoting markup from a file: the message box and the status bar show it as written.
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QVERIFY(writeFile(bad, R"({"name": "Bad card", "memory_bandwidth_gb_per_s": "<h1>X</h1><img src=x>", "memory_gb": 16,
                                   "peak_tflops": {"fp16": 50}})"));
        const QString expected = m_window->files()->openGpuFile(bad);
        QVERIFY2(expected.contains(markup), qPrintable(expected));
        MessageBoxes boxes;
        boxes.closeNext(this);
        m_window->showError(expected); // as a drop or a menu entry shows a failed open
        QCOMPARE(boxes.count, 1);
        QCOMPARE(boxes.format, Qt::PlainText);
        QCOMPARE(boxes.text, expected);
        QCOMPARE(m_window->statusBar()->currentMessage(), expected);
    }

    void pinsAndNotesBeyondTheLimitAreRefusedWithTheLimit()
    {
        Session full = m_state->session();
        full.pins = std::vector<Pin>(MaxPins, Pin { "pinned", m_state->scenario() });
        full.annotations = std::vector<Annotation>(MaxAnnotations, Annotation { Annotation::Kind::Note, "n", 10, 1e12, 0, 0 });
        m_state->loadSession(full);
        QCOMPARE(m_window->plot()->annotationCount(), int(MaxAnnotations));

        MessageBoxes boxes;
        boxes.closeNext(this);
        QAction *pin = actionWithShortcut(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_P));
        QVERIFY(pin);
        pin->trigger();
        const QString pins = QStringLiteral("A session holds at most 100 pins: remove one to pin another.");
        QCOMPARE(m_state->session().pins.size(), MaxPins);
        QCOMPARE(boxes.count, 1);
        QCOMPARE(boxes.text, pins);
        QCOMPARE(m_window->statusBar()->currentMessage(), pins);

        boxes.closeNext(this);
        Q_EMIT m_window->plot()->labelRequested(m_window->plot()->labelFor(m_window->plot()->data().current.front())); // the context menu's "Label"
        const QString notes = QStringLiteral("A session holds at most 1000 labels and notes: delete one to add another.");
        QCOMPARE(m_state->session().annotations.size(), MaxAnnotations);
        QCOMPARE(boxes.count, 2);
        QCOMPARE(boxes.text, notes);
        QCOMPARE(m_window->statusBar()->currentMessage(), notes);
    }

    void theMostTheWindowMakesIsSavedAndReopened()
    {
        // 100 pins and 1,000 notes of the longest text, made through the window's own actions and signals.
        QAction *pin = actionWithShortcut(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_P));
        QVERIFY(pin);
        for (std::size_t i = 0; i < MaxPins; ++i) {
            m_state->setBatch(double(i % 32 + 1));
            m_state->setSeq(double(std::int64_t(128) << (i / 32)));
            pin->trigger();
        }
        std::string text;
        while (text.size() < MaxAnnotationChars)
            text += "a long note, line " + std::to_string(text.size() / 80) + "\n";
        text.resize(MaxAnnotationChars);
        const ChartPoint point = m_window->plot()->data().current.front();
        for (std::size_t i = 0; i < MaxAnnotations; ++i) {
            if (i % 2)
                Q_EMIT m_window->plot()->labelRequested(m_window->plot()->labelFor(point)); // the context menu's "Label"
            else
                m_state->addAnnotation(Annotation { Annotation::Kind::Note, text, 1.0 + double(i), 1e12, 0, 0 }); // as addNote does
        }
        QCOMPARE(m_state->session().pins.size(), MaxPins);
        QCOMPARE(m_state->session().annotations.size(), MaxAnnotations);
        QCOMPARE(m_window->plot()->data().pins.size(), int(MaxPins));
        QCOMPARE(m_window->plot()->annotationCount(), int(MaxAnnotations));

        QTemporaryDir dir;
        std::unique_ptr<ExplorerState> state;
        std::unique_ptr<MainWindow> other;
        saveAndReopen(dir.filePath(QStringLiteral("full.roofline")), state, other);
        if (QTest::currentTestFailed())
            return;
        const ExplorerState &fresh = *state;
        QCOMPARE(fresh.session().pins.size(), MaxPins);
        QCOMPARE(fresh.session().annotations.size(), MaxAnnotations);
        QVERIFY(fresh.session().pins == m_state->session().pins);
        QVERIFY(fresh.session().annotations == m_state->session().annotations);
        QCOMPARE(fresh.session().annotations[0].text.size(), MaxAnnotationChars);
        QCOMPARE(other->plot()->data().pins.size(), int(MaxPins));
        QCOMPARE(other->plot()->annotationCount(), int(MaxAnnotations));
    }

    void aHeavySessionKeepsTheChartReadableAndItsStepsCheap()
    {
        Session heavy = m_state->session();
        std::vector<Pin> pins;
        for (std::size_t i = 0; i < MaxPins; ++i) {
            Pin p { "pinned " + std::to_string(i), heavy.scenario() };
            p.scenario.workload.batch = std::int64_t(i + 1);
            pins.push_back(std::move(p));
        }
        pins[0].label = std::string(std::size_t(3) * 1024 * 1024, 'L'); // a 3 MB label from a session file
        heavy.pins = std::move(pins);
        std::string text;
        for (int line = 0; text.size() < MaxAnnotationChars; ++line)
            text += std::string(100, char('a' + line % 26)) + "\n";
        text.resize(MaxAnnotationChars);
        heavy.annotations = std::vector<Annotation>(MaxAnnotations, Annotation { Annotation::Kind::Note, text, 10, 1e12, 0, 0 });
        std::vector<MeasuredKernel> kernels;
        for (std::size_t i = 0; i < MaxMeasuredKernels; ++i)
            kernels.push_back(MeasuredKernel { "q_proj", i % 2 ? Phase::Decode : Phase::Prefill, std::nullopt, OpKind::QProj,
                                               1e9 * double(i % 97 + 1), 1e8 * double(i % 89 + 1), 1e-4 * double(i % 83 + 1) });
        heavy.measured = std::move(kernels);
        m_state->loadSession(heavy);
        QCoreApplication::processEvents();

        // The legend: six series, two roofs, the measured kernels and one entry for the 100 pins.
        RooflinePlot *plot = m_window->plot();
        QCOMPARE(legendNames(*plot).size(), 10);
        QVERIFY(legendNames(*plot).contains(QStringLiteral("pins (100)")));
        QVERIFY(!legendNames(*plot).contains(QStringLiteral("pinned 1")));
        // A note shows its first lines, wrapped (its 100-letter words as 80 and 20), with an ellipsis.
        QStringList lines;
        for (int i = 0; i < MaxNoteLines / 2; ++i)
            lines << QString(MaxNoteLineChars, QLatin1Char(char('a' + i))) << QString(20, QLatin1Char(char('a' + i)));
        lines.back() += QStringLiteral(" \u2026");
        QCOMPARE(RooflinePlotProbe(*plot).annotationShown(0).text, lines.join(QLatin1Char('\n')));
        // 100,000 kernels of one op in two phases: one line for each phase.
        QCOMPARE(RooflinePlotProbe(*plot).measuredLinks().size(), std::size_t(2));

        // A batch step reuses the chart's pins and kernels as they were, and leaves the notes where they were: only
        // the points' layer is redrawn.
        const ChartData before = m_window->results().chart;
        const RooflinePlotProbe::AnnotationShown firstNote = RooflinePlotProbe(*plot).annotationShown(0);
        QSignalSpy replots(plot, &RooflinePlot::replotted);
        m_state->setBatch(8);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
        QCOMPARE(replots.count(), 1);
        QCOMPARE(replots.at(0).at(0).toBool(), false);
        QCOMPARE(m_window->results().chart.current.front().batch, qint64(8));
        QVERIFY(m_window->results().chart.measured.sharesStorageWith(before.measured));
        QVERIFY(m_window->results().chart.pins.sharesStorageWith(before.pins));
        QVERIFY(plot->data().measured.sharesStorageWith(before.measured));
        QCOMPARE(RooflinePlotProbe(*plot).annotationShown(0).text, firstNote.text);
        QCOMPARE(RooflinePlotProbe(*plot).annotationShown(0).box, firstNote.box);
        // A pin fewer: the notes stay as they were, the legend still has one entry for the pins.
        m_state->removePin(99);
        QVERIFY(legendNames(*plot).contains(QStringLiteral("pins (99)")));
        QCOMPARE(legendNames(*plot).size(), 10);
        QCOMPARE(RooflinePlotProbe(*plot).annotationShown(0).text, firstNote.text);
        QCOMPARE(RooflinePlotProbe(*plot).annotationShown(0).box, firstNote.box);
        // Four pins: each named, the long label shortened.
        Session few = m_state->session();
        few.pins.modify([](std::vector<Pin> &list) { list.resize(4); });
        m_state->loadSession(few);
        const QStringList legend = legendNames(*plot);
        QCOMPARE(legend.size(), 13);
        const int chars = ChartTheme::make(plot->font(), false, false, plot->isCompact()).legendNameChars; // 24 on a small chart
        QVERIFY2(legend.contains(QString(chars - 1, QLatin1Char('L')) + QChar(0x2026)), qPrintable(legend.join(QLatin1String(", "))));
        QVERIFY(legend.contains(QStringLiteral("pinned 3")));
    }

    void labelsAndNotes()
    {
        // As the user does it: right-click a point and label it, drag the label, delete it from its menu, undo.
        RooflinePlot *plot = m_window->plot();
        QCoreApplication::processEvents();
        const QPoint at = RooflinePlotProbe(*plot).currentMarkers().front().toPoint();
        const QStringList offered = contextMenuAt(plot->canvasWidget(), at, QStringLiteral("Label "));
        QVERIFY2(!offered.filter(QRegularExpression(QStringLiteral("^Label \\S+ \\("))).isEmpty(), qPrintable(offered.join(QLatin1String(", "))));
        QCOMPARE(plot->annotationCount(), 1);
        QCOMPARE(m_state->session().annotations.size(), std::size_t(1));
        const Annotation made = m_state->session().annotations[0];
        QCOMPARE(made.kind, Annotation::Kind::PointLabel);
        QVERIFY(made.point.has_value()); // it follows its point
        QCOMPARE(RooflinePlotProbe(*plot).annotationShown(0).text.split(QLatin1Char('\n')).front(),
                 QString::fromStdString(made.text).split(QLatin1Char('\n')).front());
        // Dragged by 30 and 20 pixels: the state's offset moves by as much.
        const QPoint from = RooflinePlotProbe(*plot).annotationShown(0).box.center();
        QTest::mousePress(plot->canvasWidget(), Qt::LeftButton, {}, from);
        QTest::mouseMove(plot->canvasWidget(), from + QPoint(15, 10));
        QTest::mouseMove(plot->canvasWidget(), from + QPoint(30, 20));
        QTest::mouseRelease(plot->canvasWidget(), Qt::LeftButton, {}, from + QPoint(30, 20));
        QCoreApplication::processEvents();
        QCOMPARE(m_state->session().annotations[0].dx, made.dx + 30);
        QCOMPARE(m_state->session().annotations[0].dy, made.dy + 20);
        contextMenuAt(plot->canvasWidget(), RooflinePlotProbe(*plot).annotationShown(0).box.center(), QStringLiteral("Delete this label"));
        QCOMPARE(plot->annotationCount(), 0);
        QVERIFY(m_state->session().annotations.empty());
        m_state->undoStack()->undo();
        QCOMPARE(plot->annotationCount(), 1);
    }

    void aNoteIsWrittenOnSeveralLinesAndAddedWithCtrlEnter()
    {
        // As the user does it: right-click empty chart, "Add a note here…", type two lines (Enter is a new line),
        // Ctrl+Enter adds it where the menu was opened.
        RooflinePlot *plot = m_window->plot();
        QCoreApplication::processEvents();
        const QPoint at(plot->canvasWidget()->width() / 2, plot->canvasWidget()->height() / 2);
        // The dialog opens from the menu's action, modal: a timer looks for it until it shows.
        bool dialogSeen = false;
        QTimer poll;
        poll.setInterval(10);
        connect(&poll, &QTimer::timeout, this, [&dialogSeen, &poll] {
            auto *dialog = qobject_cast<NoteDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            poll.stop();
            dialogSeen = true;
            auto *edit = dialog->findChild<QPlainTextEdit *>(QStringLiteral("noteText"));
            QTest::keyClicks(edit, QStringLiteral("prefill"));
            QTest::keyClick(edit, Qt::Key_Return);
            const bool stayed = dialog->isVisible(); // a new line, not the end
            QTest::keyClicks(edit, QStringLiteral("compute-bound"));
            QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
            if (!stayed || dialog->isVisible())
                dialog->reject(); // never leave the test waiting on a modal dialog
        });
        poll.start();
        contextMenuAt(plot->canvasWidget(), at, QStringLiteral("Add a note"));
        QVERIFY(dialogSeen);
        QCOMPARE(m_state->session().annotations.size(), std::size_t(1));
        const Annotation &note = m_state->session().annotations[0];
        QCOMPARE(note.kind, Annotation::Kind::Note);
        QCOMPARE(QString::fromStdString(note.text), QStringLiteral("prefill\ncompute-bound"));
        const QPointF placed = plot->pixelOf(note.x, note.y);
        QVERIFY2(std::abs(placed.x() - at.x()) <= 1 && std::abs(placed.y() - at.y()) <= 1, qPrintable(QStringLiteral("%1,%2").arg(placed.x()).arg(placed.y())));
    }

    // F9 (Chart > Side panel) folds the side panel away and brings it back; a drag that folds it unticks the entry.
    void theSidePanelFoldsAndComesBackWithF9()
    {
        QAction *side = actionWithShortcut(m_window.get(), QKeySequence(Qt::Key_F9));
        QVERIFY(side);
        QVERIFY(side->isCheckable() && side->isChecked());
        auto *splitter = m_window->findChild<SidePanelSplitter *>();
        QVERIFY(splitter);
        const int width = splitter->sizes().at(1);
        QVERIFY(width > 0);
        side->trigger();
        QCOMPARE(splitter->sizes().at(1), 0);
        QVERIFY(!side->isChecked());
        side->trigger();
        QVERIFY(splitter->sizes().at(1) >= SidePanelSplitter::MinimumPanelWidth);
        QVERIFY(side->isChecked());
        splitter->setPanelShown(false);
        QVERIFY(!side->isChecked());
        splitter->setPanelShown(true);
    }

    // The status bar's hint lasts: a menu's status tip (hovering File > Open) covers it and, once gone, leaves it
    // as it was; it did leave the bar blank.
    void theHintOutlastsAMenusStatusTip()
    {
        QVERIFY(hintShown().startsWith(QLatin1String("Hover a point")));
        QStatusTipEvent tip(QStringLiteral("Open a saved session"));
        QApplication::sendEvent(m_window.get(), &tip);
        QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Open a saved session"));
        QStatusTipEvent gone { QString() };
        QApplication::sendEvent(m_window.get(), &gone);
        QVERIFY(hintShown().startsWith(QLatin1String("Hover a point")));
        QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("hint"))->isVisibleTo(m_window.get()));
        // Its width is not the window's: the window still goes down to 800 pixels, where the hint ends with "…"
        // within the bar (it was cut mid-word).
        QVERIFY(m_window->minimumSizeHint().width() <= 800);
        const QSize before = m_window->size();
        m_window->resize(800, 600);
        QCoreApplication::processEvents();
        const auto *hint = m_window->findChild<QLabel *>(QStringLiteral("hint"));
        QVERIFY2(hintShown().endsWith(QChar(0x2026)), qPrintable(hintShown()));
        QVERIFY(hint->fontMetrics().horizontalAdvance(hintShown()) <= hint->contentsRect().width());
        QVERIFY(hint->toolTip().endsWith(QLatin1String("F9 folds the side panel away and back.")));
        m_window->resize(before);
    }

    void presentationMode()
    {
        m_window->views()->setCurrentIndex(1); // the phase map: presenting shows the roofline, without tabs
        QVERIFY(hintShown().startsWith(QLatin1String("Each cell is one batch size")));
        m_window->setPresentation(true);
        QVERIFY(m_window->isPresenting());
        QVERIFY(m_window->plot()->isPresentation());
        QVERIFY(!m_window->controls()->isVisibleTo(m_window.get()));
        QCOMPARE(m_window->views()->currentWidget(), static_cast<QWidget *>(m_window->plot()));
        QVERIFY(!m_window->views()->tabBar()->isVisibleTo(m_window.get()));
        QVERIFY(hintShown().startsWith(QLatin1String("Hover a point")));
        QTest::keyClick(m_window.get(), Qt::Key_Right);
        QCOMPARE(m_state->session().workload.batch, qint64(2));
        QTest::keyClick(m_window.get(), Qt::Key_Up);
        QCOMPARE(m_state->session().workload.seq, qint64(4096));
        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QVERIFY(!m_window->isPresenting());
        QVERIFY(m_window->controls()->isVisibleTo(m_window.get()));
        QVERIFY(m_window->views()->tabBar()->isVisibleTo(m_window.get()));
        // F5 enters and leaves it, though presenting hides the menu bar that holds the action.
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(m_window->isPresenting());
        QVERIFY(!m_window->menuBar()->isVisibleTo(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_F5);
        QVERIFY(!m_window->isPresenting());
    }

    void droppedFilesAreRecognised()
    {
        QTemporaryDir dir;
        const QString gpu = dir.filePath(QStringLiteral("card.json"));
        QVERIFY(writeFile(gpu, R"({"name": "Dropped card", "memory_bandwidth_gb_per_s": 500, "memory_gb": 16, "peak_tflops": {"fp16": 50}})"));
        QCOMPARE(m_window->files()->openAnyFile(gpu), QString());
        QCOMPARE(QString::fromStdString(m_state->session().gpu.name), QStringLiteral("Dropped card"));
        QCOMPARE(m_window->files()->openAnyFile(QStringLiteral(ROOFLINE_TEST_DATA "/good/config.json")), QString());
        QCOMPARE(m_state->session().model.hidden, qint64(4096));
        QVERIFY(!m_window->files()->openAnyFile(QStringLiteral(ROOFLINE_TEST_DATA "/bad/truncated.json")).isEmpty());
    }

    void precisionAndDecodingControls()
    {
        ControlPanel *panel = m_window->controls();
        const int int4 = control<QComboBox>(*panel, "weightType")->findText(QStringLiteral("int4")); // by name: the order is the list's
        QVERIFY(int4 >= 0);
        control<QComboBox>(*panel, "weightType")->setCurrentIndex(int4);
        Q_EMIT control<QComboBox>(*panel, "weightType")->activated(int4);
        QCOMPARE(m_state->session().workload.weightType, DType::Int4);
        control<QSpinBox>(*panel, "tokensPerStep")->setValue(64);
        QCOMPARE(m_state->session().workload.tokensPerStep, qint64(64));
        control<QCheckBox>(*panel, "flashAttention")->setChecked(true);
        // FlashAttention fuses qk and pv: the prefill qk/pv point moves to the fused op's intensity.
        bool fused = false;
        for (const ChartPoint &p : m_window->plot()->data().current)
            fused = fused || p.op == OpKind::Attention;
        QVERIFY(fused);
        // The A6000 (seed) publishes only fp16: the other compute types are greyed out.
        QVERIFY(!qobject_cast<QStandardItemModel *>(control<QComboBox>(*panel, "computeType")->model())->item(int(ComputeType::Fp8))->isEnabled());
    }

    // The summary's decode time, worked by hand for Llama-2-13B at batch 1, sequence 2048, fp16, on the seed A6000.
    // Every decode op is memory-bound (the highest intensity is 1.25 FLOP/B, far under the ridge), so a step
    // takes its bytes over the bandwidth. Its bytes: the weights, 40 layers x (4 x 5120^2 + 3 x 5120 x 13824 +
    // 2 x 5120) x 2 B, the LM head's 5120 x 32000 x 2 B, the final norm's and the embedded token's 5120 x 2 B
    // each = 25,704,058,880 B; the KV cache and the new token's K and V, 40 layers x K and V x 2049 x 5120 x
    // 2 B = 1,678,540,800 B; the activations (mostly the 40 x 2049 scores of each layer, written, read by
    // softmax, written and read again) 42,388,480 B: 27,424,988,160 B in all.
    // Over 768 GB/s that is 35.71 ms (28.0 tokens/s); with the practical ceilings, over 0.85 x 768 GB/s,
    // 35.71 / 0.85 = 42.01 ms (23.8 tokens/s).
    // Help opens the cost model's reference page, compiled into the program: its formulas and choices.
    void helpShowsTheCostModel()
    {
        QAction *open = nullptr;
        for (QAction *action : m_window->findChildren<QAction *>())
            if (action->text().startsWith(QLatin1String("The &cost model")))
                open = action;
        QVERIFY(open);
        open->trigger();
        auto *dialog = m_window->findChild<QDialog *>(QStringLiteral("costModel"));
        QVERIFY(dialog);
        auto *browser = dialog->findChild<QTextBrowser *>();
        QVERIFY(browser);
        const QString text = browser->toPlainText();
        QVERIFY2(text.contains(QLatin1String("Sliding-window attention")), qPrintable(text.left(200)));
        QVERIFY(text.contains(QLatin1String("--prefill-logits")));
        dialog->close();
    }

    // A modelling choice made in the window reaches the numbers and the chart, and undo takes it back.
    void anAssumptionFromTheWindowChangesTheChart()
    {
        const auto hasOp = [&](OpKind op) {
            const auto &points = m_window->plot()->data().current;
            return std::any_of(points.begin(), points.end(), [op](const ChartPoint &p) { return p.op == op; });
        };
        QVERIFY(hasOp(OpKind::QProj) && !hasOp(OpKind::QkvProj));
        control<QCheckBox>(*control<AssumptionsPanel>(*m_window->controls(), "assumptions"), "fuseQkv")->setChecked(true);
        QVERIFY(m_state->session().workload.assumptions.fuseQkv);
        QVERIFY(!hasOp(OpKind::QProj) && hasOp(OpKind::QkvProj));
        m_state->undoStack()->undo();
        QVERIFY(!control<QCheckBox>(*control<AssumptionsPanel>(*m_window->controls(), "assumptions"), "fuseQkv")->isChecked());
        QVERIFY(hasOp(OpKind::QProj) && !hasOp(OpKind::QkvProj));
    }

    void decodeTimeByHand()
    {
        const double bytes = 27424988160.0;
        QCOMPARE(m_window->results().evaluation.decode.bytes, bytes);
        ROOFLINE_COMPARE_REL(bytes / 768e9, 0.03570962, 1e-6);
        ROOFLINE_COMPARE_REL(bytes / (0.85 * 768e9), 0.04201132, 1e-6);
        const auto shows = [&](const char *text) {
            return m_window->summary()->text().contains(QLatin1String(text));
        };
        QVERIFY2(shows("<b>Decode</b> 35.7 ms per step, 28 tokens/s (28 per sequence)"), qPrintable(m_window->summary()->text()));
        control<QCheckBox>(*m_window->controls(), "efficiency")->setChecked(true);
        QVERIFY2(shows("<b>Decode</b> 42 ms per step, 23.8 tokens/s (23.8 per sequence)"), qPrintable(m_window->summary()->text()));
        control<QCheckBox>(*m_window->controls(), "efficiency")->setChecked(false);
        QVERIFY(shows("<b>Decode</b> 35.7 ms per step"));
    }

    void ceilingsAndPracticalRoofs()
    {
        const int h100 = int(std::find_if(m_presets.gpus.begin(), m_presets.gpus.end(), [](const GpuSpec &g) { return g.id == "h100-sxm"; })
                             - m_presets.gpus.begin());
        m_state->selectGpu(h100);
        RooflinePlot *plot = m_window->plot();
        // fp32 (67 TFLOP/s) meets the memory roof at 67e12 / 3350e9 = 20 FLOP/B; fp8 and int8 (1978.9) are named
        // as one line; fp16 is the roof itself.
        const ChartData::Ceiling &fp32 = plot->data().ceilings[std::size_t(ComputeType::Fp32)];
        QCOMPARE(fp32.flopsPerSecond, 67e12);
        ROOFLINE_COMPARE_REL(fp32.ridge, 20.0, 1e-12);
        QVERIFY(!fp32.active);
        QVERIFY(plot->data().ceilings[std::size_t(ComputeType::Fp16)].active);
        QCOMPARE(plot->data().ceilings[std::size_t(ComputeType::Fp8)].label, std::string("fp8, int8 1979 TFLOP/s"));
        // Drawn once the box is ticked: the fp32 ceiling's grey dotted line from 20 FLOP/B on (the pixels 8 to 60
        // right of there), none left of it (60 to 8), and the frame widened to take in fp8 (1.5 x 1978.9 TFLOP/s).
        const auto ceilingHits = [&](double from, double to) {
            const QImage image = screen(*plot);
            const QPointF start = plot->pixelOf(20.0, 67e12);
            int hits = 0;
            for (double dx = from; dx <= to; dx += 1.0)
                // A dotted line between two rows of pixels shows in both at half strength (0xbf on white): a
                // tolerance of 70 takes those in; the grid's 0xcc stays out.
                hits += colourNear(image, start + QPointF(dx, 0), QColor(0x80, 0x80, 0x80), 1, 70) ? 1 : 0;
            return hits;
        };
        QCOMPARE(ceilingHits(8, 60), 0);
        control<QCheckBox>(*m_window->controls(), "ceilings")->setChecked(true);
        ROOFLINE_COMPARE_REL(plot->viewRange().yMax, 1.5 * 1978.9e12, 1e-12);
        QVERIFY2(ceilingHits(8, 60) > 40, qPrintable(QString::number(ceilingHits(8, 60))));
        QCOMPARE(ceilingHits(-60, -8), 0);
        QVERIFY(!plot->data().practicalRoof);
        control<QCheckBox>(*m_window->controls(), "efficiency")->setChecked(true);
        QVERIFY(plot->data().practicalRoof);
        ROOFLINE_COMPARE_REL(plot->data().practicalRoof->bandwidthBytesPerSecond, 0.85 * 3350e9, 1e-12);
        // Times now use the practical roofs: decode at batch 1, memory-bound, takes 1 / 0.85 as long as at full
        // bandwidth: its 27,424,156,160 bytes (see decodeTimeByHand) over 0.85 x 3350 GB/s are 9.631 ms, not 8.186.
        QVERIFY2(m_window->summary()->text().contains(QLatin1String("<b>Decode</b> 9.63 ms per step")),
                 qPrintable(m_window->summary()->text()));
        ROOFLINE_COMPARE_REL(m_window->results().evaluation.timingRoof.bandwidthBytesPerSecond, 0.85 * 3350e9, 1e-12);
    }

    void measuredKernelsAreDrawnAndLinked()
    {
        // The table's Measured column shows only while kernels measure an op.
        const auto *tableView = m_window->findChild<QTableView *>();
        QVERIFY(tableView);
        QVERIFY(tableView->isColumnHidden(OpTableModel::Measured));
        QCOMPARE(m_window->files()->importMeasurements(QStringLiteral(ROOFLINE_TEST_DATA "/measured/kernels.csv")), QString());
        QVERIFY(!tableView->isColumnHidden(OpTableModel::Measured));
        // q_proj decode is in series "qkv mlp ar": one disc there, where it ran: 52,428,800 FLOPs over 52,449,280
        // bytes in 85 us. Its modelled point (batch 1) has the same FLOPs and bytes, on the memory roof.
        RooflinePlot *plot = m_window->plot();
        const ChartData &chart = plot->data();
        QCOMPARE(chart.measured.size(), std::size_t(3));
        const auto kernel = [&](Series series) {
            return std::find_if(chart.measured.begin(), chart.measured.end(), [&](const ChartData::MeasuredPoint &m) { return m.series == series; });
        };
        const double intensity = 52428800.0 / 52449280.0;
        const auto q = kernel(Series::QkvMlpAr);
        QVERIFY(q != chart.measured.end());
        ROOFLINE_COMPARE_REL(q->intensity, intensity, 1e-12);
        ROOFLINE_COMPARE_REL(q->achievedFlopsPerSecond, 52428800.0 / 85e-6, 1e-12);
        // gate_proj prefill in "up/gate/down init", flash_fwd_kernel (no op it measures) in the kernels of no series.
        const auto gate = kernel(Series::UpGateDownInit);
        QVERIFY(gate != chart.measured.end());
        ROOFLINE_COMPARE_REL(gate->intensity, 1159641169920.0 / 451936256.0, 1e-12);
        ROOFLINE_COMPARE_REL(gate->achievedFlopsPerSecond, 1159641169920.0 / 0.009, 1e-12);
        const auto flash = kernel(Series::None);
        QVERIFY(flash != chart.measured.end());
        ROOFLINE_COMPARE_REL(flash->intensity, 1024.0, 1e-12);
        // q_proj and gate_proj are linked to their modelled points; flash_fwd_kernel measures no op.
        const ChartPoint *qModel = chart.modelledPoint(*q);
        QVERIFY(qModel);
        ROOFLINE_COMPARE_REL(qModel->intensity, intensity, 1e-12);
        ROOFLINE_COMPARE_REL(qModel->attainableFlopsPerSecond, 768e9 * intensity, 1e-12);
        // gate_proj prefill of 2048 tokens: 1322.87 FLOP/B, past the ridge: on the 181 TFLOP/s roof.
        const ChartPoint *gateModel = chart.modelledPoint(*gate);
        QVERIFY(gateModel);
        ROOFLINE_COMPARE_REL(gateModel->intensity, 289910292480.0 / 219152384.0, 1e-12);
        QCOMPARE(gateModel->attainableFlopsPerSecond, 181e12);
        QVERIFY(!chart.modelledPoint(*flash));
        // The canvas draws the two links, from each kernel to its point.
        const std::vector<QLineF> links = RooflinePlotProbe(*plot).measuredLinks();
        QCOMPARE(links.size(), std::size_t(2));
        QVERIFY(QLineF(links[0].p1(), plot->pixelOf(q->intensity, q->achievedFlopsPerSecond)).length() < 0.01);
        QVERIFY(QLineF(links[0].p2(), plot->pixelOf(qModel->intensity, qModel->attainableFlopsPerSecond)).length() < 0.01);
        QVERIFY(QLineF(links[1].p1(), plot->pixelOf(gate->intensity, gate->achievedFlopsPerSecond)).length() < 0.01);
        QVERIFY(QLineF(links[1].p2(), plot->pixelOf(gateModel->intensity, 181e12)).length() < 0.01);
        // The table shows the achieved share of the roof on the op's row.
        bool shown = false;
        for (int row = 0; row < m_window->opTable()->rowCount(); ++row)
            shown = shown || m_window->opTable()->index(row, OpTableModel::Measured).data().toString().contains(QLatin1String("% of roof"));
        QVERIFY(shown);
        const QString error = m_window->files()->importMeasurements(QStringLiteral(ROOFLINE_TEST_DATA "/measured/ncu-missing-metric.csv"));
        QVERIFY2(error.contains(QLatin1String("dram__bytes_write.sum")), qPrintable(error));
        QCOMPARE(m_state->session().measured.size(), std::size_t(3)); // unchanged
        m_state->undoStack()->undo();
        QVERIFY(m_state->session().measured.empty());
        QVERIFY(tableView->isColumnHidden(OpTableModel::Measured));
    }

    void phaseMapFollowsTheControls()
    {
        // Computed only while shown: a step on the roofline tab does not pay for it; showing it computes it once.
        QSignalSpy maps(m_window->resultsModel(), &ResultsModel::phaseMapAvailable);
        m_state->setBatch(2);
        QCOMPARE(maps.count(), 0);
        m_window->views()->setCurrentWidget(m_window->phaseMap());
        QCOMPARE(maps.count(), 1);
        m_state->setBatch(1);
        QCOMPARE(maps.count(), 2);
        // The same map as --dump phase-map's, value for value.
        PhaseMap expected;
        computePhaseMap(m_state->scenario(), m_window->phaseMap()->choice().quantity, m_window->phaseMap()->choice().series, 64, expected);
        QCOMPARE(m_window->phaseMap()->data().values, expected.values);
        QVERIFY(!m_window->resultsModel()->phaseMap().values.empty());
        // The view is handed the map: the operating point, the boundary, the grid of 64 x 64 (as --dump phase-map).
        QCOMPARE(m_window->phaseMap()->data().batch, 1.0);
        m_state->setBatch(64);
        QCOMPARE(m_window->phaseMap()->data().batch, 64.0);
        QCOMPARE(m_window->phaseMap()->data().seq, 2048.0);
        QVERIFY(!m_window->phaseMap()->data().fitsBoundary.empty());
        QCOMPARE(m_window->phaseMap()->data().grid.batches.size(), std::size_t(64));
        QCOMPARE(m_window->phaseMap()->data().values.size(), std::size_t(64 * 64));
        // Picking another quantity recomputes.
        QComboBox *quantities = m_window->phaseMap()->quantityBox();
        const int share = quantities->findText(QStringLiteral("share of the series' time compute-bound"));
        QVERIFY(share >= 0);
        quantities->setCurrentIndex(share);
        Q_EMIT quantities->activated(share);
        // The pick is the state's, and the view shows what the state holds.
        QCOMPARE(m_state->session().phaseMap.quantity, GridQuantity::ComputeBoundShare);
        m_state->setPhaseMapChoice(PhaseMapChoice { GridQuantity::MemoryFits, Series::QkvMlpAr });
        QCOMPARE(m_window->phaseMap()->choice().quantity, GridQuantity::MemoryFits);
        QCOMPARE(m_window->resultsModel()->phaseMap().quantity, GridQuantity::MemoryFits);
        quantities->setCurrentIndex(share);
        Q_EMIT quantities->activated(share);
        QCOMPARE(m_window->resultsModel()->phaseMap().quantity, GridQuantity::ComputeBoundShare);
        for (double v : m_window->resultsModel()->phaseMap().values)
            QVERIFY(v >= 0.0 && v <= 1.0);
    }

    void exportFromTheWindow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QCOMPARE(m_window->exports()->exportTo(path, QSize(1280, 720), 1.0), QString());
        QCOMPARE(QImage(path).size(), QSize(1280, 720));
        QVERIFY(!m_window->exports()->exportTo(dir.filePath(QStringLiteral("missing/chart.png")), QSize(1280, 720), 1.0).isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
