#include "testutil.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>

// The headless export, as a script would call it.
class TestExportCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    int run(const QStringList &arguments, QByteArray *err = nullptr)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        // As on a machine without a display: the program must pick the offscreen platform itself.
        env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(ROOFLINE_EXECUTABLE), arguments);
        if (!process.waitForFinished(60000))
            return -1;
        if (err)
            *err = process.readAllStandardError();
        return process.exitCode();
    }

private Q_SLOTS:
    void exportsEachFormat_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("png") << "chart.png";
        QTest::newRow("svg") << "chart.svg";
        QTest::newRow("pdf") << "chart.pdf";
    }
    void exportsEachFormat()
    {
        QFETCH(QString, name);
        const QString path = m_dir.filePath(name);
        QCOMPARE(run({ QStringLiteral("--gpu"), QStringLiteral("h100-sxm"), QStringLiteral("--batch"), QStringLiteral("8"),
                       QStringLiteral("--export"), path }),
                 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray head = file.read(8);
        if (name.endsWith(QLatin1String(".png")))
            QCOMPARE(QImage(path).size(), QSize(1920, 1080));
        else if (name.endsWith(QLatin1String(".pdf")))
            QVERIFY(head.startsWith("%PDF"));
        else
            QVERIFY(file.readAll().contains("3350GB/s"));
    }

    void sizeFlag()
    {
        const QString path = m_dir.filePath(QStringLiteral("small.png"));
        QCOMPARE(run({ QStringLiteral("--export"), path, QStringLiteral("--size"), QStringLiteral("800x600") }), 0);
        QCOMPARE(QImage(path).size(), QSize(800, 600));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("parent is a file") << QStringList { QStringLiteral("--export") } << "blocker/chart.png" << "cannot write";
        QTest::newRow("missing directory") << QStringList { QStringLiteral("--export") } << "none/chart.png" << "cannot write";
        QTest::newRow("unknown extension") << QStringList { QStringLiteral("--export") } << "chart.gif" << "unknown file type";
        QTest::newRow("size 0x0") << QStringList { QStringLiteral("--size"), QStringLiteral("0x0"), QStringLiteral("--export") }
                                  << "zero.png" << "--size: each side must be between 64 and 16384";
        QTest::newRow("size huge") << QStringList { QStringLiteral("--size"), QStringLiteral("100000x100000"), QStringLiteral("--export") }
                                   << "huge.png" << "--size: each side must be between";
        QTest::newRow("size garbage") << QStringList { QStringLiteral("--size"), QStringLiteral("big"), QStringLiteral("--export") }
                                      << "big.png" << "--size: expected WIDTHxHEIGHT";
    }
    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = m_dir.filePath(file);
        QByteArray err;
        QCOMPARE(run(arguments << path, &err), 2);
        QVERIFY2(err.contains(expected.toUtf8()), err.constData());
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_export_cli.moc"
