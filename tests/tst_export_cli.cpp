#include "testutil.h"
#include "widgettestutil.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <csignal>
#include <functional>

// The headless export, as a script would call it.
class TestExportCli : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // `inChild` runs in the child before the program starts (to set its standard output, limits, signals).
    int run(const QStringList &arguments, QByteArray *err = nullptr, QByteArray *out = nullptr,
            const std::function<void()> &inChild = {})
    {
        const Run run = runExplorer(arguments, [&](QProcess &process) {
            if (inChild)
                process.setChildProcessModifier(inChild);
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            // As on a machine without a display: the program must pick the offscreen platform itself.
            env.remove(QStringLiteral("QT_QPA_PLATFORM"));
            env.remove(QStringLiteral("DISPLAY"));
            env.remove(QStringLiteral("WAYLAND_DISPLAY"));
            process.setProcessEnvironment(env);
        });
        if (err)
            *err = run.err;
        if (out)
            *out = run.out;
        return run.exitCode;
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
        const QByteArray bytes = readFile(path);
        QVERIFY(!bytes.isEmpty());
        // Each in its own format at the default 1920 x 1080, on the H100 SXM at batch 8.
        if (name.endsWith(QLatin1String(".png"))) {
            const QImage image(path);
            QCOMPARE(image.size(), QSize(1920, 1080));
            QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white));
        } else if (name.endsWith(QLatin1String(".pdf"))) {
            // 1920 x 1080 pixels at 96 per inch: 1440 x 810 points, filled by the drawing's background.
            QVERIFY(bytes.startsWith("%PDF-"));
            QCOMPARE(pdfMediaBox(bytes), QRectF(0, 0, 1440, 810));
            const std::vector<QRectF> filled = pdfFilledRects(bytes);
            QVERIFY(std::any_of(filled.begin(), filled.end(), [](const QRectF &r) {
                return std::fabs(r.width() - 1440) < 0.5 && std::fabs(r.height() - 810) < 0.5;
            }));
        } else {
            QVERIFY(bytes.contains("<svg width=\"1920\" height=\"1080\""));
            QVERIFY(bytes.contains("viewBox=\"0 0 1280 720\""));
            QVERIFY(bytes.contains("<title>Roofline Model (Llama-2-13B, H100 SXM)</title>"));
            QVERIFY(bytes.contains("<desc>H100 SXM: 3350 GB/s, 989.4 TFLOP/s fp16  \u00b7  batch 8, sequence 2048"));
            QVERIFY(bytes.contains(">3350 GB/s<"));
        }
    }

    // --export-style dark draws on the dark canvas; the default is light, for slides.
    void exportStyle()
    {
        const QString light = m_dir.filePath(QStringLiteral("light.png"));
        const QString dark = m_dir.filePath(QStringLiteral("dark.png"));
        QCOMPARE(run({ QStringLiteral("--size"), QStringLiteral("640x360"), QStringLiteral("--export"), light }), 0);
        QCOMPARE(run({ QStringLiteral("--size"), QStringLiteral("640x360"), QStringLiteral("--export-style"), QStringLiteral("dark"),
                       QStringLiteral("--export"), dark }),
                 0);
        QCOMPARE(QImage(light).pixelColor(2, 2), QColor(Qt::white));
        QCOMPARE(QImage(dark).pixelColor(2, 2), QColor(0x1e, 0x1f, 0x22));
    }

    // --all-ceilings labels every other compute ceiling in the frame: on the H100 SXM, fp32 at 67 TFLOP/s (fp8 and
    // int8, at 1978.9, lie above the fitted frame; fp16 is the roof).
    void allCeilings()
    {
        const QString plain = m_dir.filePath(QStringLiteral("plain.svg"));
        const QString all = m_dir.filePath(QStringLiteral("ceilings.svg"));
        QCOMPARE(run({ QStringLiteral("--gpu"), QStringLiteral("h100-sxm"), QStringLiteral("--export"), plain }), 0);
        QCOMPARE(run({ QStringLiteral("--gpu"), QStringLiteral("h100-sxm"), QStringLiteral("--all-ceilings"), QStringLiteral("--export"), all }), 0);
        const QByteArray without = readFile(plain);
        const QByteArray with = readFile(all);
        QVERIFY(without.contains("989.4 TFLOP/s"));
        QVERIFY(!without.contains("fp32 67 TFLOP/s"));
        QVERIFY(with.contains("fp32 67 TFLOP/s"));
        QVERIFY(with.contains("fp8, int8 1979 TFLOP/s")); // one line for both, in the frame
        QVERIFY(!with.contains("fp16 989.4 TFLOP/s"));
    }

    void sizeFlag()
    {
        const QString path = m_dir.filePath(QStringLiteral("small.png"));
        QCOMPARE(run({ QStringLiteral("--export"), path, QStringLiteral("--size"), QStringLiteral("800x600") }), 0);
        QCOMPARE(QImage(path).size(), QSize(800, 600));
    }

    void sessionExportReproducesTheSavedChart()
    {
        // A session with a pin, a second GPU, a hidden series, a label and a fixed view.
        const QString session = m_dir.filePath(QStringLiteral("deck.roofline"));
        QVERIFY(writeFile(session, R"({"format": 1, "model": {"preset": "llama-2-70b"}, "gpu": {"preset": "h100-sxm"},
            "workload": {"batch": 32, "seq": 4096}, "hidden_series": ["qk/pv init"],
            "pins": [{"label": "pinned: batch 1, A6000", "model": {"preset": "llama-2-70b"}, "gpu": {"preset": "a6000-seed"},
                      "workload": {"batch": 1, "seq": 4096}}],
            "second_gpu": {"preset": "a100-80gb-pcie"},
            "annotations": [{"kind": "note", "text": "decode is memory-bound until batch ~300", "x": 3, "y": 1e14}],
            "view": {"x": [0.5, 20000], "y": [1e10, 2e15]},
            "export": {"width": 1600, "height": 900, "scale": 1}})"));
        const QString svg = m_dir.filePath(QStringLiteral("deck.svg"));
        QByteArray err;
        QCOMPARE(run({ QStringLiteral("--session"), session, QStringLiteral("--export"), svg }, &err), 0);
        QVERIFY2(err.trimmed().isEmpty() || !err.contains("warning"), err.constData());
        const QByteArray text = readFile(svg);
        QVERIFY(!text.isEmpty());
        for (const char *part : { "Llama-2-70B", "H100 SXM", "3350 GB/s", "pinned: batch 1, A6000", "A100 80GB PCIe: 1935 GB/s",
                                  "decode is memory-bound until batch ~300", "qkv mlp ar" })
            QVERIFY2(text.contains(part), part);
        // The session's 1600x900: the SVG says it in pixels, exactly.
        QVERIFY2(text.contains("<svg width=\"1600\" height=\"900\" preserveAspectRatio=\"none\""), text.left(300).constData());
        // The PNG takes the session's export size.
        const QString png = m_dir.filePath(QStringLiteral("deck.png"));
        QCOMPARE(run({ QStringLiteral("--session"), session, QStringLiteral("--export"), png }), 0);
        QCOMPARE(QImage(png).size(), QSize(1600, 900));
        // A broken session is refused like any other file.
        QCOMPARE(run({ QStringLiteral("--session"), QStringLiteral(ROOFLINE_TEST_DATA "/bad/truncated.json"),
                       QStringLiteral("--export"), m_dir.filePath(QStringLiteral("x.png")) }, &err), 2);
        QVERIFY(err.contains("truncated.json"));
    }

    // A session keeps the export size the window last used; commands that do not export must not care.
    void storedExportSizeBreaksNothing()
    {
        const QString plain = m_dir.filePath(QStringLiteral("plain.roofline"));
        QVERIFY(writeFile(plain, R"({"format": 1, "model": {"preset": "llama-2-13b"}, "gpu": {"preset": "h100-sxm"}})"));
        const QString big = m_dir.filePath(QStringLiteral("big.roofline"));
        QVERIFY(writeFile(big, R"({"format": 1, "model": {"preset": "llama-2-13b"}, "gpu": {"preset": "h100-sxm"},
            "export": {"width": 16384, "height": 16384, "scale": 4}})"));
        for (const char *format : { "csv", "json" }) {
            QByteArray expected;
            QCOMPARE(run({ QStringLiteral("--session"), plain, QStringLiteral("--dump"), QLatin1String(format) }, nullptr, &expected), 0);
            QVERIFY(expected.size() > 100);
            QByteArray err;
            QByteArray out;
            QCOMPARE(run({ QStringLiteral("--session"), big, QStringLiteral("--dump"), QLatin1String(format) }, &err, &out), 0);
            QCOMPARE(err, QByteArray());
            QCOMPARE(out, expected);
        }

        // Exporting a PNG at the stored size is refused, naming where the size came from and the limit.
        const QString png = m_dir.filePath(QStringLiteral("stored.png"));
        QByteArray err;
        QCOMPARE(run({ QStringLiteral("--session"), big, QStringLiteral("--export"), png }, &err), 2);
        QCOMPARE(err, "roofline-explorer: the export size and scale stored in " + big.toUtf8()
                     + ": 16384x16384 at scale 4 makes a 65536x65536-pixel image, over the limit of 16384 pixels a side; "
                       "give a smaller --size or --scale\n");
        QVERIFY(!QFile::exists(png));
        QCOMPARE(run({ QStringLiteral("--session"), big, QStringLiteral("--scale"), QStringLiteral("1"), QStringLiteral("--export"), png },
                     &err),
                 2);
        QCOMPARE(err, "roofline-explorer: the size stored in " + big.toUtf8()
                     + " and --scale: 16384x16384 at scale 1 makes a 16384x16384-pixel image (268435456 pixels), over the limit "
                       "of 67108864 pixels (8192x8192); give a smaller --size or --scale\n");
        // --size names the pixels: the stored scale does not multiply it.
        QCOMPARE(run({ QStringLiteral("--session"), big, QStringLiteral("--size"), QStringLiteral("4096x2048"), QStringLiteral("--export"),
                       png },
                     &err),
                 0);
        QCOMPARE(err, QByteArray());
        QCOMPARE(QImage(png).size(), QSize(4096, 2048));
        // Flags that bring it within the limits win; SVG and PDF take the stored size as it is.
        QCOMPARE(run({ QStringLiteral("--session"), big, QStringLiteral("--size"), QStringLiteral("800x600"), QStringLiteral("--scale"),
                       QStringLiteral("1"), QStringLiteral("--export"), png }),
                 0);
        QCOMPARE(QImage(png).size(), QSize(800, 600));
        const QString svg = m_dir.filePath(QStringLiteral("stored.svg"));
        QCOMPARE(run({ QStringLiteral("--session"), big, QStringLiteral("--export"), svg }, &err), 0);
        QCOMPARE(err, QByteArray());
        QFile drawing(svg);
        QVERIFY(drawing.open(QIODevice::ReadOnly));
        const QByteArray head = drawing.read(200);
        QVERIFY2(head.contains("<svg width=\"16384\" height=\"16384\""), head.constData());
        QVERIFY2(head.contains("viewBox=\"0 0 720 720\""), head.constData()); // laid out as on screen, at most 720 high
    }

    // Flags given on the command line win over the export settings a session stores (size, scale, style).
    void flagsWinOverTheStoredExport_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QSize>("pixels");
        QTest::addColumn<bool>("dark");
        QTest::newRow("stored") << QStringList() << QSize(1600, 900) << true;
        QTest::newRow("--size") << QStringList { QStringLiteral("--size"), QStringLiteral("800x600") } << QSize(800, 600) << true;
        QTest::newRow("--scale") << QStringList { QStringLiteral("--scale"), QStringLiteral("1.5") } << QSize(1200, 675) << true;
        QTest::newRow("--size and --scale")
            << QStringList { QStringLiteral("--size"), QStringLiteral("800x600"), QStringLiteral("--scale"), QStringLiteral("3") }
            << QSize(2400, 1800) << true;
        QTest::newRow("--export-style") << QStringList { QStringLiteral("--export-style"), QStringLiteral("light") } << QSize(1600, 900)
                                        << false;
    }
    void flagsWinOverTheStoredExport()
    {
        QFETCH(QStringList, flags);
        QFETCH(QSize, pixels);
        QFETCH(bool, dark);
        const QString session = m_dir.filePath(QStringLiteral("scaled.roofline"));
        QVERIFY(writeFile(session, R"({"format": 1, "model": {"preset": "llama-2-13b"}, "gpu": {"preset": "h100-sxm"},
            "export": {"width": 800, "height": 450, "scale": 2, "style": "dark"}})"));
        const QString png = m_dir.filePath(QStringLiteral("scaled.png"));
        QFile::remove(png);
        QByteArray err;
        QCOMPARE(run(QStringList { QStringLiteral("--session"), session, QStringLiteral("--export"), png } + flags, &err), 0);
        QCOMPARE(err, QByteArray());
        const QImage image(png);
        QCOMPARE(image.size(), pixels);
        QCOMPARE(image.pixelColor(2, 2).lightness() < 64, dark);
    }

    // The pixels of a PNG from the command line are exactly the size times the scale, for any shape in the limits.
    void exactSizes_data()
    {
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("scale");
        QTest::addColumn<QSize>("pixels");
        QTest::newRow("64x16384") << "64x16384" << "1" << QSize(64, 16384);
        QTest::newRow("16384x64") << "16384x64" << "1" << QSize(16384, 64);
        QTest::newRow("64x64 at 4") << "64x64" << "4" << QSize(256, 256);
        QTest::newRow("1920x1080 at 4") << "1920x1080" << "4" << QSize(7680, 4320);
        QTest::newRow("333x777 at 2.5") << "333x777" << "2.5" << QSize(833, 1943); // 832.5 rounds up
    }
    void exactSizes()
    {
        QFETCH(QString, size);
        QFETCH(QString, scale);
        QFETCH(QSize, pixels);
        const QString path = m_dir.filePath(QStringLiteral("shape.png"));
        QCOMPARE(run({ QStringLiteral("--size"), size, QStringLiteral("--scale"), scale, QStringLiteral("--export"), path }), 0);
        QCOMPARE(QImage(path).size(), pixels);
    }

    // Over the limits: refused before anything is drawn, with the limit in the message.
    void overTheLimits_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("8192x8192 at 4")
            << QStringList { QStringLiteral("--size"), QStringLiteral("8192x8192"), QStringLiteral("--scale"), QStringLiteral("4") }
            << "over.png"
            << "roofline-explorer: --size and --scale: 8192x8192 at scale 4 makes a 32768x32768-pixel image, over the limit "
               "of 16384 pixels a side; give a smaller --size or --scale\n";
        QTest::newRow("16384x4097") << QStringList { QStringLiteral("--size"), QStringLiteral("16384x4097") } << "over.png"
                                    << "roofline-explorer: --size: 16384x4097 at scale 1 makes a 16384x4097-pixel image "
                                       "(67125248 pixels), over the limit of 67108864 pixels (8192x8192); give a smaller "
                                       "--size or --scale\n";
    }
    void overTheLimits()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const QString path = m_dir.filePath(file);
        QByteArray err;
        QCOMPARE(run(arguments << QStringLiteral("--export") << path, &err), 2);
        QCOMPARE(QString::fromUtf8(err), expected);
        QVERIFY(!QFile::exists(path));
    }

    // Bad requests exit with 2; a file that cannot be written with 3, as a --dump whose output cannot be written.
    void refusals_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("parent is a file") << QStringList { QStringLiteral("--export") } << "blocker/chart.png" << 3
                                          << "%1: cannot write: Not a directory";
        QTest::newRow("missing directory") << QStringList { QStringLiteral("--export") } << "none/chart.png" << 3
                                           << "%1: cannot write: No such file or directory";
        QTest::newRow("a FIFO") << QStringList { QStringLiteral("--export") } << "fifo.svg" << 3
                                << "%1: cannot write: it is a FIFO (named pipe), not a regular file";
        QTest::newRow("unknown extension") << QStringList { QStringLiteral("--export") } << "chart.gif" << 2
                                           << "--export: unknown file type \"%1\" (the name must end in .png, .svg or .pdf)";
        QTest::newRow("size 0x0") << QStringList { QStringLiteral("--size"), QStringLiteral("0x0"), QStringLiteral("--export") }
                                  << "zero.png" << 2 << "--size: each side must be between 64 and 16384 pixels, got 0x0";
        QTest::newRow("size huge") << QStringList { QStringLiteral("--size"), QStringLiteral("100000x100000"), QStringLiteral("--export") }
                                   << "huge.png" << 2 << "--size: each side must be between 64 and 16384 pixels, got 100000x100000";
        QTest::newRow("size garbage") << QStringList { QStringLiteral("--size"), QStringLiteral("big"), QStringLiteral("--export") }
                                      << "big.png" << 2 << "--size: expected WIDTHxHEIGHT such as 1920x1080, got \"big\"";
    }
    void refusals()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, file);
        QFETCH(int, code);
        QFETCH(QString, expected);
        QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const QString path = m_dir.filePath(file);
        if (file == QLatin1String("fifo.svg"))
            QVERIFY(mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
        QByteArray err;
        QCOMPARE(run(arguments << path, &err), code);
        QCOMPARE(QString::fromUtf8(err), QStringLiteral("roofline-explorer: ") + (expected.contains(QLatin1String("%1")) ? expected.arg(path) : expected) + QLatin1Char('\n'));
        if (file == QLatin1String("fifo.svg"))
            QVERIFY(QFileInfo(path).exists() && !QFileInfo(path).isFile());
        else
            QVERIFY(!QFile::exists(path));
    }

    // A device node, as /dev/full is (made here as a copy, which needs root): refused with 3, left in place.
    void deviceNodeIsLeftAlone()
    {
        const QString path = m_dir.filePath(QStringLiteral("full.png"));
        if (mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, makedev(1, 7)) != 0)
            QSKIP("cannot make a device node here (needs root)");
        QByteArray err;
        QCOMPARE(run({ QStringLiteral("--export"), path }, &err), 3);
        QCOMPARE(err, "roofline-explorer: " + path.toUtf8() + ": cannot write: it is a character device, not a regular file\n");
        struct stat after {};
        QVERIFY(::lstat(QFile::encodeName(path).constData(), &after) == 0);
        QVERIFY(S_ISCHR(after.st_mode));
        QCOMPARE(after.st_rdev, makedev(1, 7));
    }

    // The help lists the exit codes.
    void helpListsTheExitCodes()
    {
        QByteArray out;
        QCOMPARE(run({ QStringLiteral("--help") }, nullptr, &out), 0);
        QVERIFY2(out.contains("Exit codes: 0 done; 2 bad input (a flag, a file read); 3 an output that cannot be written\n"
                              "(standard output, the --export file)."),
                 out.constData());
    }

    // A closed pipe (`--dump csv | head -c 10`) and a file-size limit (`ulimit -f`) killed the program with
    // SIGPIPE (exit 141) and SIGXFSZ (exit 153), without a word; they are write errors: exit 3 and the cause.
    // The child starts with both signals at their defaults, as from a shell.
    void closedPipeIsAWriteError()
    {
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        ::close(fds[0]); // no reader: every write fails
        const int writeEnd = fds[1];
        QByteArray err;
        const int code = run({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--sweep") }, &err, nullptr,
                             [writeEnd] {
                                 std::signal(SIGPIPE, SIG_DFL);
                                 ::dup2(writeEnd, STDOUT_FILENO);
                             });
        ::close(writeEnd);
        QCOMPARE(code, 3);
        QCOMPARE(err, QByteArray("roofline-explorer: cannot write to standard output: Broken pipe\n"));
    }
    void fileSizeLimitIsAWriteError()
    {
        const auto limited = [] {
            std::signal(SIGXFSZ, SIG_DFL);
            const rlimit limit { 20000, 20000 }; // bytes: under a PNG, under a sweep's JSON
            ::setrlimit(RLIMIT_FSIZE, &limit);
        };
        const QString png = m_dir.filePath(QStringLiteral("limited.png"));
        QFile old(png);
        QVERIFY(old.open(QIODevice::WriteOnly) && old.write("old chart") == 9);
        old.close();
        QByteArray err;
        QCOMPARE(run({ QStringLiteral("--export"), png }, &err, nullptr, limited), 3);
        QVERIFY2(err.startsWith(QByteArray("roofline-explorer: " + QFile::encodeName(png) + ": cannot write: only "))
                     && err.endsWith(" bytes were written (File too large)\n"),
                 err.constData());
        QCOMPARE(QFile(png).size(), qint64(9)); // the earlier file, untouched
        QCOMPARE(QDir(m_dir.path()).entryList({ QStringLiteral("limited.png*") }, QDir::Files | QDir::Hidden),
                 QStringList { QStringLiteral("limited.png") });
        // A dump into a file: exit 3 and the cause (the shell made the file; what reached it is cut short).
        const QByteArray json = QFile::encodeName(m_dir.filePath(QStringLiteral("limited.json")));
        QCOMPARE(run({ QStringLiteral("--dump"), QStringLiteral("json"), QStringLiteral("--sweep") }, &err, nullptr,
                     [limited, json] {
                         limited();
                         const int fd = ::open(json.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
                         ::dup2(fd, STDOUT_FILENO);
                     }),
                 3);
        QCOMPARE(err, QByteArray("roofline-explorer: cannot write to standard output: File too large\n"));
    }

    // Qt reads file names as UTF-8: other bytes became U+FFFD, so `--export $'\xff.png'` wrote "\uFFFD.png", and
    // two such names the same file. Refused, naming the argument, and nothing written.
    void fileNamesThatAreNotUtf8AreRefused()
    {
        QProcess shell;
        shell.setWorkingDirectory(m_dir.path());
        shell.start(QStringLiteral("/bin/sh"),
                    { QStringLiteral("-c"), QStringLiteral("exec \"$0\" --export \"$(printf 'a\\377b.png')\""),
                      QStringLiteral(ROOFLINE_EXECUTABLE) });
        QVERIFY(shell.waitForFinished(60000));
        QCOMPARE(shell.exitCode(), 2);
        QCOMPARE(shell.readAllStandardError(),
                 QByteArray("roofline-explorer: the argument \"a\xef\xbf\xbd"
                            "b.png\" is not valid UTF-8 (file names must be UTF-8 text; rename the file)\n"));
        QCOMPARE(QDir(m_dir.path()).entryList({ QStringLiteral("a*b.png") }, QDir::Files), QStringList());
    }

    // Standard output closed by the caller (`>&-`): a dump says so and exits 3 (it said "Invalid argument"); an
    // export, which writes nothing there, still works, and no file opened takes standard output's number.
    void closedStandardOutput()
    {
        const auto closeStdout = [] { ::close(STDOUT_FILENO); };
        QByteArray err;
        QCOMPARE(run({ QStringLiteral("--gpu-file"), QStringLiteral(ROOFLINE_TEST_DATA "/good/gpu.json"), QStringLiteral("--dump"),
                       QStringLiteral("csv") },
                     &err, nullptr, closeStdout),
                 3);
        QCOMPARE(err, QByteArray("roofline-explorer: cannot write to standard output: it is closed\n"));
        const QString png = m_dir.filePath(QStringLiteral("closed-stdout.png"));
        QCOMPARE(run({ QStringLiteral("--export"), png }, &err, nullptr, closeStdout), 0);
        QCOMPARE(err, QByteArray());
        QCOMPARE(QImage(png).size(), QSize(1920, 1080));
    }
};

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_export_cli.moc"
