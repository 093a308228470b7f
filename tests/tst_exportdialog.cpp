#include "testutil.h"

#include "chartexport.h"
#include "exportdialog.h"
#include "inputlimits.h"
#include "session.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>

using namespace roofline;

// The export dialog offers only what can be exported: the same limits as the command line.
class TestExportDialog : public QObject
{
    Q_OBJECT
private:
    struct Parts {
        QLineEdit *path;
        QSpinBox *width;
        QSpinBox *height;
        QDoubleSpinBox *scale;
        QPushButton *save;
        QLabel *note;
    };
    static Parts parts(ExportDialog &dialog)
    {
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        return { dialog.findChild<QLineEdit *>(QStringLiteral("path")), dialog.findChild<QSpinBox *>(QStringLiteral("width")),
                 dialog.findChild<QSpinBox *>(QStringLiteral("height")), dialog.findChild<QDoubleSpinBox *>(QStringLiteral("scale")),
                 buttons ? buttons->button(QDialogButtonBox::Save) : nullptr, dialog.findChild<QLabel *>(QStringLiteral("note")) };
    }

private Q_SLOTS:
    void stylesAreTheSessionsStyles()
    {
        // One entry per export style a session or the command line names, light (for slides) first; the one
        // given is shown and the one picked is read back.
        ExportDialog dialog(QStringLiteral("chart.png"), QSize(1920, 1080), 1.0, true);
        auto *style = dialog.findChild<QComboBox *>();
        QVERIFY(style);
        QCOMPARE(style->count(), int(ExportStyles.size()));
        QCOMPARE(style->itemText(0), QStringLiteral("Light (for slides)"));
        QCOMPARE(style->itemText(1), QStringLiteral("Dark"));
        QVERIFY(dialog.dark());
        style->setCurrentIndex(0);
        QVERIFY(!dialog.dark());
    }

    void anExistingFileIsReplacedOnlyWhenTheUserSaysSo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QVERIFY(writeFile(path, "an earlier chart"));
        for (const bool replace : { false, true }) {
            ExportDialog dialog(path, QSize(1920, 1080), 1.0, false);
            QString asked;
            QTimer::singleShot(0, this, [&asked, replace] {
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                if (!box)
                    return;
                asked = box->text();
                box->button(replace ? QMessageBox::Yes : QMessageBox::No)->click();
            });
            dialog.accept();
            QCOMPARE(asked, QStringLiteral("chart.png already exists. Replace it?"));
            QCOMPARE(dialog.result(), replace ? int(QDialog::Accepted) : int(QDialog::Rejected));
        }
        // A new file is not asked about.
        ExportDialog fresh(dir.filePath(QStringLiteral("new.png")), QSize(1920, 1080), 1.0, false);
        fresh.accept();
        QCOMPARE(fresh.result(), int(QDialog::Accepted));
    }

    void limits_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<double>("scale");
        QTest::addColumn<QString>("note");
        QTest::addColumn<bool>("canSave");
        // A session may hold what an earlier version of the dialog allowed: shown as it is, and refused.
        QTest::newRow("stored 16384x16384 at 4") << "chart.png" << QSize(16384, 16384) << 4.0
                                                 << "16384x16384 at scale 4 makes a 65536x65536-pixel image, over the "
                                                    "limit of 16384 pixels a side"
                                                 << false;
        QTest::newRow("8192x8192 at 4") << "chart.png" << QSize(8192, 8192) << 4.0
                                        << "8192x8192 at scale 4 makes a 32768x32768-pixel image, over the limit of 16384 "
                                           "pixels a side"
                                        << false;
        QTest::newRow("over the count") << "chart.png" << QSize(16384, 4097) << 1.0
                                        << "16384x4097 at scale 1 makes a 16384x4097-pixel image (67125248 pixels), over the "
                                           "limit of 67108864 pixels (8192x8192)"
                                        << false;
        QTest::newRow("at the cap") << "chart.png" << QSize(4096, 4096) << 2.0 << "The PNG will be 8192x8192 pixels." << true;
        QTest::newRow("odd at 1.5") << "chart.png" << QSize(65, 1001) << 1.5 << "The PNG will be 98x1502 pixels." << true;
        QTest::newRow("svg, largest") << "chart.svg" << QSize(16384, 16384) << 4.0 << "" << true;
        QTest::newRow("pdf, largest") << "chart.pdf" << QSize(16384, 16384) << 4.0 << "" << true;
        QTest::newRow("unknown type") << "chart.bmp" << QSize(1920, 1080) << 1.0
                                      << "The file name must end in .png, .svg or .pdf." << false;
    }
    void limits()
    {
        QFETCH(QString, name);
        QFETCH(QSize, size);
        QFETCH(double, scale);
        QFETCH(QString, note);
        QFETCH(bool, canSave);
        const QString path = QStringLiteral("/tmp/") + name;
        // Opened with these values (a session's stored settings)...
        {
            ExportDialog dialog(path, size, scale, false);
            const Parts p = parts(dialog);
            QVERIFY(p.save);
            QCOMPARE(p.save->isEnabled(), canSave);
            QVERIFY(p.note);
            QCOMPARE(p.note->text(), note);
            dialog.accept(); // as Enter would
            QCOMPARE(dialog.result(), int(canSave ? QDialog::Accepted : QDialog::Rejected));
            if (canSave)
                QCOMPARE(dialog.size(), size);
        }
        // ...or typed in.
        ExportDialog dialog(QStringLiteral("/tmp/chart.png"), QSize(1920, 1080), 1.0, false);
        const Parts p = parts(dialog);
        QVERIFY(p.path && p.width && p.height && p.scale && p.save && p.note);
        QCOMPARE(p.note->text(), QStringLiteral("The PNG will be 1920x1080 pixels."));
        p.path->setText(path);
        p.width->setValue(size.width());
        p.height->setValue(size.height());
        p.scale->setValue(scale);
        QCOMPARE(p.save->isEnabled(), canSave);
        QCOMPARE(p.note->text(), note);
    }

    void ranges()
    {
        ExportDialog dialog(QStringLiteral("/tmp/chart.png"), QSize(1920, 1080), 1.0, false);
        const Parts p = parts(dialog);
        QVERIFY(p.width && p.height && p.scale);
        for (QSpinBox *box : { p.width, p.height }) {
            QCOMPARE(box->minimum(), int(ExportSideRange.min));
            QCOMPARE(box->maximum(), int(ExportSideRange.max));
        }
        QCOMPARE(p.scale->minimum(), 1.0);
        QCOMPARE(p.scale->maximum(), 4.0);
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
