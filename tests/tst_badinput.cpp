#include "testutil.h"

#include "gpuspec.h"
#include "inputerror.h"
#include "jsonreader.h"
#include "modelconfig.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
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
        QTest::addColumn<QString>("gpuExpects"); // what the GPU loader's message says after the path
        QTest::addColumn<QString>("modelExpects");
        // What each message says, after "<path>: ": every file of the corpus is here, so a file refused for
        // another reason than the one it was made for (a NUL-byte file refused for missing fields) fails.
        const QHash<QString, QPair<QString, QString>> expected {
            { QStringLiteral("array-for-object.json"),
              { QStringLiteral("field 'peak_tflops': expected an object, got [100]"),
                QStringLiteral("field 'hidden_size': expected a whole number, got [4096]") } },
            { QStringLiteral("array-top.json"),
              { QStringLiteral("expected a JSON object at the top level, found array"),
                QStringLiteral("expected a JSON object at the top level, found array") } },
            { QStringLiteral("comments.json"),
              { QStringLiteral("begins with a comment; JSON has none (remove it)"),
                QStringLiteral("begins with a comment; JSON has none (remove it)") } },
            { QStringLiteral("deep-in-hidden-size.json"),
              { QStringLiteral("invalid JSON: nested deeper than 64 levels of arrays and objects"),
                QStringLiteral("invalid JSON: nested deeper than 64 levels of arrays and objects") } },
            { QStringLiteral("deep-in-name.json"),
              { QStringLiteral("invalid JSON: nested deeper than 64 levels of arrays and objects"),
                QStringLiteral("invalid JSON: nested deeper than 64 levels of arrays and objects") } },
            { QStringLiteral("deep-nesting.json"),
              { QStringLiteral("invalid JSON: nested deeper than 64 levels of arrays and objects"),
                QStringLiteral("invalid JSON: nested deeper than 64 levels of arrays and objects") } },
            { QStringLiteral("deep-objects.json"),
              { QStringLiteral("invalid JSON: nested deeper than 64 levels of arrays and objects"),
                QStringLiteral("invalid JSON: nested deeper than 64 levels of arrays and objects") } },
            { QStringLiteral("denormal-values.json"),
              { QStringLiteral("field 'memory_bandwidth_gb_per_s': must be between 1e-06 and 1e+07, got 5e-324"),
                QStringLiteral("field 'hidden_size': expected a whole number, got 5e-324") } },
            { QStringLiteral("duplicate-keys.json"),
              { QStringLiteral("field 'memory_bandwidth_gb_per_s': appears twice in the same object"),
                QStringLiteral("field 'memory_bandwidth_gb_per_s': appears twice in the same object") } },
            { QStringLiteral("empty-name.json"),
              { QStringLiteral("field 'name': must not be empty"),
                QStringLiteral("field 'hidden_size': is missing") } },
            { QStringLiteral("empty.json"),
              { QStringLiteral("the file is empty; expected a JSON object"),
                QStringLiteral("the file is empty; expected a JSON object") } },
            { QStringLiteral("fractional-size.json"),
              { QStringLiteral("field 'name': is missing"),
                QStringLiteral("field 'hidden_size': expected a whole number, got 4096.5") } },
            { QStringLiteral("heads-do-not-divide.json"),
              { QStringLiteral("field 'name': is missing"),
                QStringLiteral("field 'num_attention_heads': 30 does not divide hidden_size 4096 (and there is no head_dim)") } },
            { QStringLiteral("hidden-size-zero.json"),
              { QStringLiteral("field 'name': is missing"),
                QStringLiteral("field 'hidden_size': must be between 1 and 1048576, got 0") } },
            { QStringLiteral("huge-values.json"),
              { QStringLiteral("field 'memory_bandwidth_gb_per_s': must be between 1e-06 and 1e+07, got 1e+308"),
                QStringLiteral("field 'hidden_size': must be between 1 and 1048576, got 1e+308") } },
            { QStringLiteral("infinity-literal.json"),
              { QStringLiteral("invalid JSON at line 1, column 47: expected a value (an object, array, string, number, true, false or null), found 'I'"),
                QStringLiteral("invalid JSON at line 1, column 47: expected a value (an object, array, string, number, true, false or null), found 'I'") } },
            { QStringLiteral("kv-heads-do-not-divide.json"),
              { QStringLiteral("field 'name': is missing"),
                QStringLiteral("field 'num_key_value_heads': 5 does not divide num_attention_heads 32") } },
            { QStringLiteral("kv-heads-over-heads.json"),
              { QStringLiteral("field 'name': is missing"),
                QStringLiteral("field 'num_key_value_heads': 8 is more than num_attention_heads 1 (each key/value head serves a "
                               "group of attention heads)") } },
            { QStringLiteral("missing-fields.json"),
              { QStringLiteral("field 'memory_bandwidth_gb_per_s': is missing"),
                QStringLiteral("field 'hidden_size': is missing") } },
            { QStringLiteral("nan-literal.json"),
              { QStringLiteral("invalid JSON at line 1, column 47: expected a value (an object, array, string, number, true, false or null), found 'N'"),
                QStringLiteral("invalid JSON at line 1, column 47: expected a value (an object, array, string, number, true, false or null), found 'N'") } },
            { QStringLiteral("negative-values.json"),
              { QStringLiteral("field 'memory_bandwidth_gb_per_s': must be between 1e-06 and 1e+07, got -1"),
                QStringLiteral("field 'hidden_size': must be between 1 and 1048576, got -1") } },
            { QStringLiteral("no-fp16-peak.json"),
              { QStringLiteral("field 'peak_tflops.fp16': is missing (the FP16/BF16 tensor peak in TFLOP/s is required)"),
                QStringLiteral("field 'hidden_size': is missing") } },
            // Latin-1 "caf\xE9": byte 14 of the line.
            { QStringLiteral("non-utf8.json"),
              { QStringLiteral("is not UTF-8 text: byte 0xE9 at line 1, column 14; expected JSON saved as UTF-8"),
                QStringLiteral("is not UTF-8 text: byte 0xE9 at line 1, column 14; expected JSON saved as UTF-8") } },
            { QStringLiteral("not-json.json"),
              { QStringLiteral("invalid JSON at line 1, column 2: expected a value (an object, array, string, number, true, false or null), found 'na'"),
                QStringLiteral("invalid JSON at line 1, column 2: expected a value (an object, array, string, number, true, false or null), found 'na'") } },
            { QStringLiteral("nul-bytes.json"),
              { QStringLiteral("invalid JSON: a NUL byte at offset 11"),
                QStringLiteral("invalid JSON: a NUL byte at offset 11") } },
            // A field that is there as null is not missing.
            { QStringLiteral("null-name.json"),
              { QStringLiteral("field 'name': is null; expected a string"),
                QStringLiteral("field 'hidden_size': is null; expected a whole number") } },
            { QStringLiteral("null.json"),
              { QStringLiteral("expected a JSON object at the top level, found null"),
                QStringLiteral("expected a JSON object at the top level, found null") } },
            { QStringLiteral("overflow-number.json"),
              { QStringLiteral("invalid JSON: number overflow parsing '1e999'"),
                QStringLiteral("invalid JSON: number overflow parsing '1e999'") } },
            { QStringLiteral("string-top.json"),
              { QStringLiteral("expected a JSON object at the top level, found string"),
                QStringLiteral("expected a JSON object at the top level, found string") } },
            { QStringLiteral("trailing-garbage.json"),
              { QStringLiteral("invalid JSON at line 1, column 100: expected nothing after the top-level value, found '}'"),
                QStringLiteral("invalid JSON at line 1, column 100: expected nothing after the top-level value, found '}'") } },
            { QStringLiteral("truncated.json"),
              { QStringLiteral("invalid JSON at line 1, column 41: a string has no closing quote (is the file cut short?)"),
                QStringLiteral("invalid JSON at line 1, column 41: a string has no closing quote (is the file cut short?)") } },
            { QStringLiteral("unknown-architecture.json"),
              { QStringLiteral("field 'name': is missing"),
                QStringLiteral("field 'model_type': \"gpt2\" is not a supported architecture (supported: llama, mistral, mixtral, qwen2)") } },
            // As Windows Notepad saves "Unicode": named, not "a NUL byte at offset 3".
            { QStringLiteral("utf16.json"),
              { QStringLiteral("is UTF-16 text; save it as UTF-8"), QStringLiteral("is UTF-16 text; save it as UTF-8") } },
            { QStringLiteral("whitespace.json"),
              { QStringLiteral("invalid JSON at line 2, column 4: expected a value (an object, array, string, number, true, false or null), but the text ends there (is the file cut short?)"),
                QStringLiteral("invalid JSON at line 2, column 4: expected a value (an object, array, string, number, true, false or null), but the text ends there (is the file cut short?)") } },
            { QStringLiteral("wrong-types.json"),
              { QStringLiteral("field 'name': expected a string, got 42"),
                QStringLiteral("field 'hidden_size': expected a whole number, got \"4096\"") } },
            { QStringLiteral("zero-values.json"),
              { QStringLiteral("field 'memory_bandwidth_gb_per_s': must be between 1e-06 and 1e+07, got 0"),
                QStringLiteral("field 'hidden_size': must be between 1 and 1048576, got 0") } },
        };
        const QDir bad(QStringLiteral(ROOFLINE_TEST_DATA "/bad"));
        const QStringList files = bad.entryList(QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 30);
        for (const QString &file : files) {
            QVERIFY2(expected.contains(file), qPrintable(file + QStringLiteral(" has no expected message")));
            const auto expects = expected.value(file);
            QTest::newRow(qPrintable(file)) << bad.filePath(file) << expects.first << expects.second;
        }
    }

private Q_SLOTS:
    // Text that cannot begin a JSON value is named by how it begins (control characters shown as spaces), a comment
    // as a comment; a byte-order mark before JSON is read.
    void proseIsNamedByHowItBegins()
    {
        const auto refusal = [](std::string_view text) {
            try {
                (void)parseJsonObject(text, "x.roofline");
            } catch (const InputError &error) {
                return QString::fromStdString(error.what());
            }
            return QString();
        };
        QCOMPARE(refusal("hello world this is not json"),
                 QStringLiteral("x.roofline: is not JSON: it begins \"hello world this is not json\"; a session, model or GPU "
                                "file is a JSON object, starting with '{'"));
        QCOMPARE(refusal("op,flops\x1b[31m,bytes\nq,1,2\n and a long tail after it"), // its first 40 bytes
                 QStringLiteral("x.roofline: is not JSON: it begins \"op,flops [31m,bytes q,1,2  and a long ta...\"; a session, "
                                "model or GPU file is a JSON object, starting with '{'"));
        QCOMPARE(refusal("  /* made by hand */ {}"), QStringLiteral("x.roofline: begins with a comment; JSON has none (remove it)"));
        QCOMPARE(refusal("\xEF\xBB\xBF{\"a\": 1}"), QString());
    }

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
        // Not a raw string: Qt 6.4's moc reads R"({"name": ")" as an unterminated string and misses the class.
        big.write("{\"name\": \""); // NOLINT(modernize-raw-string-literal)
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
        QVERIFY2(gpuError.startsWith(path + QStringLiteral(": ") + gpuExpects), qPrintable(gpuError));
        QVERIFY2(modelError.startsWith(path + QStringLiteral(": ") + modelExpects), qPrintable(modelError));
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

    // Messages name the real problem: a link that loops is not a missing file, a file under /proc (whose size
    // reads as 0) is not empty, and an empty path is a flag without its value.
    void linkLoopIsNotAMissingFile()
    {
        const QString loop = m_dir.filePath(QStringLiteral("loop.json"));
        QVERIFY(QFile::link(loop + QStringLiteral(".2"), loop));
        QVERIFY(QFile::link(loop, loop + QStringLiteral(".2")));
        for (const bool asGpu : { true, false })
            QCOMPARE(loadError(loop, asGpu), loop + QStringLiteral(": too many levels of symbolic links"));
    }

    void procFilesAreReadToTheEnd()
    {
        const QString proc = QStringLiteral("/proc/self/status");
        QVERIFY(readInputFile(proc.toStdString()).starts_with("Name:"));
        // Read whole, it is refused for what it holds (the lines after "Name:" differ from kernel to kernel).
        const QString refused = loadError(proc, true);
        QVERIFY2(refused.startsWith(proc + QStringLiteral(": is not JSON: it begins \"Name: tst_badinput "))
                     && refused.endsWith(QStringLiteral("; a session, model or GPU file is a JSON object, starting with '{'")),
                 qPrintable(refused));
        // Read to the end, the size limit still holds.
        try {
            readInputFile("/proc/self/maps", 16);
            QFAIL("a /proc file over the limit was read");
        } catch (const InputError &error) {
            QCOMPARE(QString::fromUtf8(error.what()), QStringLiteral("/proc/self/maps: file is more than 16 bytes; the limit is 16"));
        }
    }

    void emptyPathNamesTheFlag()
    {
        for (const char *flag : { "--gpu-file", "--model-config", "--session", "--measured", "--export" }) {
            const Run run = runExplorer({ QString::fromLatin1(flag), QString(), QStringLiteral("--dump"), QStringLiteral("csv") });
            QCOMPARE(run.exitCode, 2);
            QCOMPARE(run.err, QByteArray("roofline-explorer: ") + flag + QByteArray(": needs a file path, got an empty one\n"));
            QVERIFY(run.out.isEmpty());
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
        // Every loader the command line has, including sessions and measured kernels.
        for (const char *flag : { "--gpu-file", "--model-config", "--session", "--measured" }) {
            const Run run = runExplorer({ QString::fromLatin1(flag), path, QStringLiteral("--dump"), QStringLiteral("json") });
            QVERIFY(!run.crashed);
            QCOMPARE(run.exitCode, 2);
            QVERIFY(run.out.isEmpty());
            const QString err = QString::fromUtf8(run.err).trimmed();
            QVERIFY2(err.startsWith(QLatin1String("roofline-explorer: ") + path), qPrintable(err));
            QVERIFY2(!err.contains(QLatin1Char('\n')), qPrintable(err));
        }
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
