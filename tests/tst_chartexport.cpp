#include "testutil.h"

#include "chartdata.h"
#include "chartexport.h"
#include "chartstyle.h"
#include "modelfixtures.h"
#include "rooflineplot.h"

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace roofline;

namespace {
// Whether the image holds a pixel within `tolerance` of `color` in every channel.
bool containsColor(const QImage &image, const QColor &color, int tolerance = 12)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) {
            if (std::abs(qRed(line[x]) - color.red()) <= tolerance && std::abs(qGreen(line[x]) - color.green()) <= tolerance
                && std::abs(qBlue(line[x]) - color.blue()) <= tolerance)
                return true;
        }
    }
    return false;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
}

class TestChartExport : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<RooflinePlot> m_plot;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QImageReader::setAllocationLimit(0); // the largest exports are read back whole
        Scenario scenario;
        scenario.model = llama2_13b();
        scenario.gpu = seedA6000();
        ScenarioResults results;
        results.recompute(scenario);
        m_plot = std::make_unique<RooflinePlot>();
        m_plot->resize(1000, 700);
        m_plot->setData(results.chart);
    }

    void png()
    {
        const QString path = m_dir.filePath(QStringLiteral("chart.png"));
        QCOMPARE(exportChart(*m_plot, path, QSize(1920, 1080)), QString());
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1920, 1080));
        for (int i = 0; i < SeriesCount; ++i)
            QVERIFY2(containsColor(image, seriesColor(static_cast<Series>(i))), qPrintable(seriesColor(static_cast<Series>(i)).name()));
        QVERIFY(containsColor(image, QColor(0x2c, 0xa0, 0x2c))); // the ridge line
        // Scale multiplies the pixels.
        QCOMPARE(exportChart(*m_plot, path, QSize(800, 450), 2.0), QString());
        QCOMPARE(QImage(path).size(), QSize(1600, 900));
    }

    void exportStyleIsChosenNotInherited()
    {
        const QString path = m_dir.filePath(QStringLiteral("style.png"));
        m_plot->setDark(true); // the screen is dark...
        QCOMPARE(exportChart(*m_plot, path, QSize(640, 360)), QString());
        QCOMPARE(QImage(path).pixelColor(2, 2), QColor(Qt::white)); // ...the export is light by default
        QCOMPARE(exportChart(*m_plot, path, QSize(640, 360), 1.0, true), QString());
        QVERIFY(QImage(path).pixelColor(2, 2).lightness() < 64); // unless dark is chosen
        QVERIFY(m_plot->isDark()); // and the screen keeps its own
        m_plot->setDark(false);
    }

    void svgHoldsTheLegendTexts()
    {
        const QString path = m_dir.filePath(QStringLiteral("chart.svg"));
        QCOMPARE(exportChart(*m_plot, path, QSize(1920, 1080)), QString());
        const QByteArray svg = readAll(path);
        QXmlStreamReader xml(svg);
        QString texts;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::Characters)
                texts += xml.text();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        for (const char *text : { "768GB/s", "181 TFLOP/s", "qkv mlp init", "qkv mlp ar", "up/gate/down init",
                                  "up/gate/down ar", "qk/pv init", "qk/pv ar", "Roofline Model (Llama-2-13B, RTX A6000)",
                                  "Operational Intensity (FLOP/Byte)", "ridge 235.7 FLOP/B" })
            QVERIFY2(texts.contains(QLatin1String(text)), text);
    }

    void pdfIsAPdf()
    {
        const QString path = m_dir.filePath(QStringLiteral("chart.pdf"));
        QCOMPARE(exportChart(*m_plot, path, QSize(1920, 1080)), QString());
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        QVERIFY(pdf.size() > 5000);
    }

    // The image has exactly the pixels asked for, whatever its shape: the layout's rounding must not show.
    void exactPixelSize_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<double>("scale");
        QTest::addColumn<QSize>("pixels");
        QTest::newRow("tall and narrow") << QSize(64, 16384) << 1.0 << QSize(64, 16384);
        QTest::newRow("wide and short") << QSize(16384, 64) << 1.0 << QSize(16384, 64);
        QTest::newRow("smallest") << QSize(64, 64) << 1.0 << QSize(64, 64);
        QTest::newRow("smallest at 4") << QSize(64, 64) << 4.0 << QSize(256, 256);
        QTest::newRow("tall at 4") << QSize(64, 4096) << 4.0 << QSize(256, 16384);
        QTest::newRow("odd at 1.5") << QSize(65, 1001) << 1.5 << QSize(98, 1502); // 97.5 and 1501.5 round up
        QTest::newRow("odd near square") << QSize(1000, 999) << 1.0 << QSize(1000, 999);
        QTest::newRow("widest at the pixel cap") << QSize(16384, 4096) << 1.0 << QSize(16384, 4096);
        QTest::newRow("square at the pixel cap") << QSize(4096, 4096) << 2.0 << QSize(8192, 8192);
    }
    void exactPixelSize()
    {
        QFETCH(QSize, size);
        QFETCH(double, scale);
        QFETCH(QSize, pixels);
        const QString path = m_dir.filePath(QStringLiteral("shape.png"));
        QCOMPARE(exportChart(*m_plot, path, size, scale), QString());
        const QImage image(path);
        QCOMPARE(image.size(), pixels);
    }

    void failedWritesLeaveNothing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("parent is a file") << QStringLiteral("blocker/chart.png") << "cannot write";
        QTest::newRow("missing directory") << QStringLiteral("no/such/dir/chart.svg") << "cannot write";
        QTest::newRow("path is a directory") << QStringLiteral("adir.pdf") << "cannot write";
        QTest::newRow("unknown type") << QStringLiteral("chart.bmp") << "unknown file type";
    }
    void failedWritesLeaveNothing()
    {
        QFETCH(QString, path);
        QFETCH(QString, expected);
        QFile blocker(m_dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QDir(m_dir.path()).mkdir(QStringLiteral("adir.pdf"));
        const QString full = m_dir.filePath(path);
        const QString error = exportChart(*m_plot, full, QSize(1920, 1080));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(error.contains(full));
        if (!path.startsWith(QLatin1String("adir")))
            QVERIFY(!QFile::exists(full));
        // No temporary file is left beside it either.
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).filter(QStringLiteral("chart")).size(),
                 QDir(m_dir.path()).entryList(QDir::Files).filter(QStringLiteral("chart")).size());
    }

    void fullDiskKeepsTheEarlierFile()
    {
        // A 64 kB tmpfs stands in for a full disk; mounting needs root and a kernel that allows it.
        const QString mountPoint = m_dir.filePath(QStringLiteral("tiny"));
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("tiny")));
        if (QProcess::execute(QStringLiteral("mount"), { QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                        QStringLiteral("size=64k"), QStringLiteral("tmpfs"), mountPoint })
            != 0)
            QSKIP("cannot mount a small tmpfs here (needs root)");
        const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), { mountPoint }); });
        const QString path = mountPoint + QStringLiteral("/chart.png");
        QCOMPARE(exportChart(*m_plot, path, QSize(160, 90)), QString()); // small enough to fit
        const QByteArray before = readAll(path);
        QVERIFY(!before.isEmpty());
        // Fill what is left.
        QFile filler(mountPoint + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size()) { }
        filler.close();
        for (const char *name : { "chart.png", "chart.svg", "chart.pdf" }) {
            const QString target = mountPoint + QLatin1Char('/') + QLatin1String(name);
            const QString error = exportChart(*m_plot, target, QSize(3840, 2160), 2.0);
            QVERIFY2(error.contains(QLatin1String("cannot write")), qPrintable(QLatin1String(name) + QLatin1String(": ") + error));
        }
        QCOMPARE(readAll(path), before); // the earlier chart is intact
        // No half-written file or temporary is left behind.
        QCOMPARE(QDir(mountPoint).entryList(QDir::Files | QDir::Hidden | QDir::System),
                 (QStringList { QStringLiteral("chart.png"), QStringLiteral("filler") }));
    }
};

QTEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"
