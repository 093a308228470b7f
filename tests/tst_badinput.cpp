#include "testutil.h"

#include "gpuspec.h"
#include "inputerror.h"
#include "jsonreader.h"
#include "modelconfig.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <sys/stat.h>

using namespace roofline;

// Every file of tests/data/bad, and the inputs that cannot be committed (a directory, a special file, a
// 50 MB file), through both loaders and through the command line: a clear one-line error naming the
// file, exit code 2, nothing on stdout, never a crash.
class TestBadInput : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static QString loadError(const QString &path, bool asGpu)
    {
        try {
            const std::string text = readInputFile(path.toStdString());
            if (asGpu)
                parseGpuFile(text, path.toStdString());
            else
                parseModelConfig(text, path.toStdString(), "m");
        } catch (const InputError &error) {
            return QString::fromStdString(error.what());
        }
        return {};
    }

    static void addRows()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("gpuExpects"); // what the GPU loader's message must hold ("" = just fail)
        QTest::addColumn<QString>("modelExpects");
        // What the message says about the field and value, for the files where it is specific.
        const QHash<QString, QPair<QString, QString>> specific {
            { QStringLiteral("zero-values.json"),
              { QStringLiteral("'memory_bandwidth_gb_per_s': must be between 1e-06 and 1e+07, got 0"),
                QStringLiteral("'hidden_size': must be between 1 and 1048576, got 0") } },
            { QStringLiteral("negative-values.json"),
              { QStringLiteral("got -1"), QStringLiteral("'hidden_size': must be between 1 and 1048576, got -1") } },
            { QStringLiteral("huge-values.json"),
              { QStringLiteral("must be between 1e-06 and 1e+07, got 1e+308"), QStringLiteral("'hidden_size'") } },
            { QStringLiteral("wrong-types.json"),
              { QStringLiteral("'name': expected a string, got 42"), QStringLiteral("'hidden_size': expected a whole number") } },
            { QStringLiteral("duplicate-keys.json"),
              { QStringLiteral("'memory_bandwidth_gb_per_s': appears twice"), QStringLiteral("appears twice") } },
            { QStringLiteral("hidden-size-zero.json"), { QString(), QStringLiteral("'hidden_size'") } },
            { QStringLiteral("heads-do-not-divide.json"), { QString(), QStringLiteral("30 does not divide hidden_size 4096") } },
            { QStringLiteral("kv-heads-do-not-divide.json"), { QString(), QStringLiteral("5 does not divide num_attention_heads 32") } },
            { QStringLiteral("non-utf8.json"), { QStringLiteral("invalid JSON"), QStringLiteral("invalid JSON") } },
            { QStringLiteral("denormal-values.json"),
              { QStringLiteral("'memory_bandwidth_gb_per_s': must be between 1e-06 and 1e+07, got 5e-324"),
                QStringLiteral("'hidden_size': expected a whole number, got 5e-324") } },
            { QStringLiteral("deep-in-hidden-size.json"),
              { QStringLiteral("nested deeper than 64 levels"), QStringLiteral("nested deeper than 64 levels") } },
            { QStringLiteral("deep-in-name.json"),
              { QStringLiteral("nested deeper than 64 levels"), QStringLiteral("nested deeper than 64 levels") } },
            { QStringLiteral("empty.json"), { QStringLiteral("empty"), QStringLiteral("empty") } },
            { QStringLiteral("overflow-number.json"), { QStringLiteral("number overflow"), QStringLiteral("number overflow") } },
            { QStringLiteral("no-fp16-peak.json"), { QStringLiteral("'peak_tflops.fp16': is missing"), QString() } },
        };
        const QDir bad(QStringLiteral(ROOFLINE_TEST_DATA "/bad"));
        const QStringList files = bad.entryList(QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 30);
        for (const QString &file : files) {
            const auto expects = specific.value(file);
            QTest::newRow(qPrintable(file)) << bad.filePath(file) << expects.first << expects.second;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // A directory named like a config, a FIFO (no regular file to read), a dangling link, a 50 MB file.
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("directory.json")));
        QVERIFY(mkfifo(QFile::encodeName(m_dir.filePath(QStringLiteral("fifo.json"))).constData(), 0600) == 0);
        QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("nowhere.json")), m_dir.filePath(QStringLiteral("dangling.json"))));
        QFile big(m_dir.filePath(QStringLiteral("50mb.json")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        const QByteArray chunk(1 << 20, ' ');
        big.write("{\"name\": \"");
        for (int i = 0; i < 50; ++i)
            big.write(chunk);
        big.write("\"}");
        big.close();
    }

    void corpusFailsBothLoaders_data() { addRows(); }
    void corpusFailsBothLoaders()
    {
        QFETCH(QString, path);
        QFETCH(QString, gpuExpects);
        QFETCH(QString, modelExpects);
        const QString gpuError = loadError(path, true);
        const QString modelError = loadError(path, false);
        QVERIFY2(gpuError.startsWith(path), qPrintable(gpuError));
        QVERIFY2(modelError.startsWith(path), qPrintable(modelError));
        QVERIFY2(gpuError.contains(gpuExpects), qPrintable(gpuError));
        QVERIFY2(modelError.contains(modelExpects), qPrintable(modelError));
        QVERIFY(!gpuError.contains(QLatin1Char('\n')));
    }

    void filesThatCannotBeCommitted_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("directory") << "directory.json" << "is a directory";
        QTest::newRow("fifo") << "fifo.json" << "is not a regular file";
        QTest::newRow("dangling link") << "dangling.json" << "no such file";
        QTest::newRow("50 MB") << "50mb.json" << "the limit is 4194304";
    }
    void filesThatCannotBeCommitted()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const QString path = m_dir.filePath(name);
        for (const bool asGpu : { true, false }) {
            const QString error = loadError(path, asGpu);
            QVERIFY2(error.startsWith(path) && error.contains(expected), qPrintable(error));
        }
    }

    void goodFilesLoad()
    {
        // A UTF-8 byte-order mark, as Windows editors write, is accepted.
        QVERIFY(loadError(QStringLiteral(ROOFLINE_TEST_DATA "/good/gpu-bom.json"), true).isEmpty());
        QVERIFY(loadError(QStringLiteral(ROOFLINE_TEST_DATA "/good/gpu.json"), true).isEmpty());
        QVERIFY(loadError(QStringLiteral(ROOFLINE_TEST_DATA "/good/config.json"), false).isEmpty());
        QVERIFY(loadError(QStringLiteral(ROOFLINE_TEST_DATA "/good/moe-config.json"), false).isEmpty());
    }

    void commandLineRefusesTheCorpus_data() { addRows(); }
    void commandLineRefusesTheCorpus()
    {
        QFETCH(QString, path);
        for (const char *flag : { "--gpu-file", "--model-config" }) {
            QProcess process;
            process.start(QStringLiteral(ROOFLINE_EXECUTABLE), { QString::fromLatin1(flag), path, QStringLiteral("--dump"), QStringLiteral("json") });
            QVERIFY(process.waitForFinished(60000));
            QCOMPARE(process.exitStatus(), QProcess::NormalExit); // no crash
            QCOMPARE(process.exitCode(), 2);
            QVERIFY(process.readAllStandardOutput().isEmpty());
            const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
            QVERIFY2(err.startsWith(QLatin1String("roofline-explorer: ") + path), qPrintable(err));
            QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
        }
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
