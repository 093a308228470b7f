#include "testutil.h"
#include "widgettestutil.h"

#include "chartdata.h"
#include "scenarioresults.h"
#include "chartexport.h"
#include "filewriting.h"
#include "chartcolors.h"
#include "modelfixtures.h"
#include "charttext.h"
#include "rooflineplot.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

using namespace roofline;

namespace {
// Everything in a directory, hidden files included: a temporary file left behind shows up here.
QStringList listing(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// While one of these lives, a write that crosses `bytes` in a file stores up to the limit and returns the short
// count; the next write fails with EFBIG. That is how a filling disk looks to a writer, and it needs no root.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        getrlimit(RLIMIT_FSIZE, &m_old);
        m_oldHandler = std::signal(SIGXFSZ, SIG_IGN); // else the kernel ends the process
        rlimit limit = m_old;
        limit.rlim_cur = bytes;
        m_ok = setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit()
    {
        setrlimit(RLIMIT_FSIZE, &m_old);
        std::signal(SIGXFSZ, m_oldHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    bool isSet() const { return m_ok; }

private:
    rlimit m_old {};
    void (*m_oldHandler)(int) = nullptr;
    bool m_ok = false;
};

// A device that takes only the first `accept` bytes written to it and, as the system does when a disk fills
// up, leaves the cause in errno.
class ShortWriteDevice : public QIODevice
{
public:
    ShortWriteDevice(qint64 accept, int cause)
        : m_accept(accept)
        , m_cause(cause)
    {
        open(QIODevice::WriteOnly);
    }
    QByteArray bytes;

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 length) override
    {
        const qint64 taken = std::min(length, m_accept - bytes.size());
        errno = m_cause;
        if (taken <= 0)
            return -1;
        bytes.append(data, taken);
        return taken;
    }

private:
    qint64 m_accept;
    int m_cause;
};

// Whether a cross marker (ssCross: two diagonals) of `colour` is drawn centred on `centre`, in image pixels,
// `f` image pixels to a layout pixel. Sampled on the down-right diagonal, three and four pixels either side of
// the centre: away from a horizontal compute roof and across a memory roof through the same point, so that
// a roof of the same colour cannot stand in for the marker.
bool crossAt(const QImage &image, QPointF centre, double f, const QColor &colour)
{
    int hits = 0;
    for (const double d : { -4.0, -3.0, 3.0, 4.0 })
        hits += pixelIs(image, centre + QPointF(d, d) * f, colour, 40) ? 1 : 0;
    return hits >= 2;
}

// Whether a disc of `colour` (a measured kernel's marker) is drawn centred on `centre`.
bool discAt(const QImage &image, QPointF centre, double f, const QColor &colour)
{
    int hits = 0;
    for (const QPointF d : { QPointF(0, 0), QPointF(1, 0), QPointF(-1, 0), QPointF(0, 1), QPointF(0, -1) })
        hits += pixelIs(image, centre + d * f, colour, 40) ? 1 : 0;
    return hits >= 4;
}

// A chart whose marks do not cover one another: Llama-2-13B on the seed A6000 at batch 4096 (sequence 2048),
// with no sweep and the three measured kernels of kernels.csv. At this batch the six series part: on the
// compute roof (181 TFLOP/s) q/k/v/o decode at 1575 FLOP/B, gate/up/down decode at 1954, q/k/v/o prefill at
// 2560 and gate/up/down prefill at 3736 (25 to 45 pixels apart at 1280 x 720); on the memory roof qk/pv
// prefill at 113.8 and qk/pv decode at 0.99. The kernels lie below the roof: q_proj decode at (0.9996,
// 616.8 GFLOP/s), 11 pixels under the qk/pv decode marker that would hide it on the roof; gate_proj prefill at
// (2566, 128.8 TFLOP/s), 18 pixels under q/k/v/o prefill; flash_fwd_kernel at (1024, 114.5 TFLOP/s).
ChartData separatedChart(ScenarioResults &results)
{
    Session session = seedSession();
    session.workload.batch = 4096;
    session.measured = kernelsCsv();
    results.recompute(session);
    ChartData chart = results.chart;
    chart.sweep.clear();
    return chart;
}

// The attributes of an SVG file's <svg> element.
QXmlStreamAttributes svgAttributes(const QString &path)
{
    QXmlStreamReader xml(readFile(path));
    while (!xml.atEnd() && !(xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("svg"))) {
    }
    return xml.attributes();
}

// The characters XML 1.0 allows (tab, newline, CR, and from U+0020 on, but no lone surrogates, U+FFFE, U+FFFF).
QString xmlAllowed(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            out += text.mid(i, 2);
            ++i;
        } else if (c == 0x9 || c == 0xA || c == 0xD
                   || (c >= 0x20 && !QChar::isSurrogate(c) && c != 0xFFFE && c != 0xFFFF)) {
            out += QChar(c);
        }
    }
    return out;
}
}

class TestChartExport : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<RooflinePlot> m_plot;
    QTemporaryDir m_dir;

private Q_SLOTS:
    // One table names the formats: by suffix, any case; for the file dialog; for messages.
    void formatsAreNamedFromTheirTable()
    {
        ExportFormat format = ExportFormat::Png;
        QVERIFY(exportFormatForPath(QStringLiteral("/tmp/chart.SVG"), &format));
        QCOMPARE(format, ExportFormat::Svg);
        QVERIFY(exportFormatForPath(QStringLiteral("chart.pdf"), &format));
        QCOMPARE(format, ExportFormat::Pdf);
        QVERIFY(!exportFormatForPath(QStringLiteral("chart.jpg"), &format));
        QVERIFY(!exportFormatForPath(QStringLiteral("chart"), &format));
        QCOMPARE(exportFileFilter(), QStringLiteral("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
        QCOMPARE(exportSuffixRule(), QStringLiteral("the name must end in .png, .svg or .pdf"));
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QImageReader::setAllocationLimit(0); // the largest exports are read back whole
        Scenario scenario = seedScenario();
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
        // Scale multiplies the pixels.
        QCOMPARE(exportChart(*m_plot, path, QSize(800, 450), 2.0), QString());
        QCOMPARE(QImage(path).size(), QSize(1600, 900));
    }

    // The default chart's export shows every one of the six series: for each, at least one cross in its colour
    // where the canvas draws it (beside the other series' markers in the decode cluster at ~1 FLOP/B), outside
    // the legend. Laid out at 1280 x 720 and drawn at 1.5 for 1920 x 1080.
    void theDefaultExportShowsEverySeries()
    {
        RooflinePlot plot;
        ScenarioResults results;
        results.recompute(seedSession());
        QVERIFY(showChart(plot, results.chart));
        const QString path = m_dir.filePath(QStringLiteral("default.png"));
        QCOMPARE(exportChart(plot, path, QSize(1920, 1080)), QString());
        const QImage image(path);
        QCOMPARE(image.size(), QSize(1920, 1080));
        const QRect legend = legendRect(plot).adjusted(-8, -8, 8, 8);
        const std::vector<QPointF> markers = RooflinePlotProbe(plot).currentMarkers();
        std::array<int, SeriesCount> seen {};
        for (std::size_t i = 0; i < markers.size(); ++i) {
            const auto series = results.chart.current[i].series;
            if (!legend.contains(markers[i].toPoint()) && crossAt(image, markers[i] * 1.5, 1.5, seriesColor(series)))
                ++seen[std::size_t(series)];
        }
        for (int i = 0; i < SeriesCount; ++i)
            QVERIFY2(seen[std::size_t(i)] > 0, seriesName(static_cast<Series>(i)).data());
    }

    // Each mark where it belongs, sampled at the pixels its data maps to: the six series' markers, each kernel's
    // disc at what it achieved (not at the roof), and the ridge line at 181e12 / 768e9 = 235.7 FLOP/B. The chart is
    // laid out at 1280 x 720 on screen and in the export (a 1920 x 1080 export is laid out at 1280 x 720 and
    // drawn at 1.5), so the screen's axes map data to the export's pixels, times the export's scale.
    void pngShowsEachMarkWhereItBelongs_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<double>("scale");
        QTest::addColumn<bool>("dark");
        QTest::newRow("1280x720") << QSize(1280, 720) << 1.0 << false;
        QTest::newRow("1920x1080") << QSize(1920, 1080) << 1.0 << false;
        QTest::newRow("1280x720 at 2, dark") << QSize(1280, 720) << 2.0 << true;
    }
    void pngShowsEachMarkWhereItBelongs()
    {
        QFETCH(QSize, size);
        QFETCH(double, scale);
        QFETCH(bool, dark);
        RooflinePlot plot;
        ScenarioResults results;
        const ChartData chart = separatedChart(results);
        QVERIFY(showChart(plot, chart)); // laid out: the axes map data to pixels
        QCOMPARE(plot.canvasWidget()->size(), QSize(1280, 720));
        const auto pixel = [&](double x, double y) { return plot.pixelOf(x, y); };
        const QRect legend = legendRect(plot).adjusted(-16, -16, 16, 16); // the entries, the legend's border and more
        const QRect axes = axesRect(plot);

        // The markers to look for, in layout pixels: each series' crosses that no later series' cross covers
        // (one drawn within 14 pixels) and that lie clear of the legend.
        std::vector<std::pair<Series, QPointF>> crosses;
        for (const ChartPoint &p : chart.current) {
            const QPointF at = pixel(p.intensity, p.attainableFlopsPerSecond);
            bool covered = legend.contains(at.toPoint()) || !axes.contains(at.toPoint());
            for (const ChartPoint &q : chart.current)
                covered = covered || (int(q.series) > int(p.series) && QLineF(at, pixel(q.intensity, q.attainableFlopsPerSecond)).length() < 14);
            if (!covered)
                crosses.emplace_back(p.series, at);
        }
        for (int i = 0; i < SeriesCount; ++i)
            QVERIFY2(std::count_if(crosses.begin(), crosses.end(), [&](const auto &c) { return int(c.first) == i; }) > 0,
                     seriesName(static_cast<Series>(i)).data());
        QCOMPARE(chart.measured.size(), std::size_t(3));
        std::vector<std::pair<QColor, QPointF>> discs;
        for (const ChartData::MeasuredPoint &m : chart.measured) {
            const QPointF at = pixel(m.intensity, m.achievedFlopsPerSecond);
            QVERIFY(!legend.contains(at.toPoint()) && axes.contains(at.toPoint()));
            // Far enough below the roof that a disc drawn there would miss these pixels.
            QVERIFY(QLineF(at, pixel(m.intensity, chart.roof.attainable(m.intensity))).length() > 10);
            discs.emplace_back(m.series == Series::None ? QColor(0x55, 0x55, 0x55) : seriesColor(m.series), at);
        }
        // The ridge runs from the top of the axes down to the bottom, or to the legend's top where the legend is
        // under it; its label is at its foot.
        const double ridgeX = pixel(181e12 / 768e9, 1e12).x();
        const double ridgeTop = axes.top() + 2;
        const bool overLegend = ridgeX >= legend.left() && ridgeX <= legend.right();
        const double ridgeBottom = (overLegend ? legend.top() : axes.bottom()) - 30; // above its label
        QVERIFY(ridgeBottom - ridgeTop > 200);

        const QString path = m_dir.filePath(QStringLiteral("marks.png"));
        QCOMPARE(exportChart(plot, path, size, scale, dark), QString());
        const QImage image(path);
        QCOMPARE(image.size(), exportPixelSize(size, scale));
        const double f = image.width() / 1280.0;
        QCOMPARE(image.pixelColor(2, 2), dark ? QColor(0x1e, 0x1f, 0x22) : QColor(Qt::white));

        for (const auto &[series, at] : crosses)
            QVERIFY2(crossAt(image, at * f, f, seriesColor(series)),
                     qPrintable(QStringLiteral("%1 at (%2, %3)").arg(QString::fromUtf8(seriesName(series).data())).arg(at.x()).arg(at.y())));
        for (const auto &[colour, at] : discs)
            QVERIFY2(discAt(image, at * f, f, colour), qPrintable(QStringLiteral("kernel at (%1, %2)").arg(at.x()).arg(at.y())));
        // The ridge: a dashed line (dashes of 4, gaps of 2 pen widths) in the ridge's colour down the whole column, and
        // none of its colour 15 pixels to either side.
        const auto ridgeRows = [&](double x) {
            int rows = 0;
            for (double y = ridgeTop; y <= ridgeBottom; y += 1.0) {
                bool hit = false;
                for (const double dx : { -1.0, 0.0, 1.0 })
                    hit = hit || pixelIs(image, QPointF((x + dx) * f, y * f), ridgeColor(), 20); // not the red roof's blend with white
                rows += hit ? 1 : 0;
            }
            return rows;
        };
        const int rows = int(ridgeBottom - ridgeTop) + 1;
        QVERIFY2(ridgeRows(ridgeX) > rows / 2, qPrintable(QStringLiteral("%1 of %2 rows").arg(ridgeRows(ridgeX)).arg(rows)));
        QCOMPARE(ridgeRows(ridgeX - 15), 0);
        QCOMPARE(ridgeRows(ridgeX + 15), 0);
    }

    // The checks above can fail: a hidden series leaves none of its crosses (nor its kernels' discs) in the PNG.
    void pngLeavesOutAHiddenSeries()
    {
        RooflinePlot plot;
        ScenarioResults results;
        const ChartData chart = separatedChart(results);
        QVERIFY(showChart(plot, chart)); // laid out: the axes map data to pixels
        const auto pixel = [&](double x, double y) { return plot.pixelOf(x, y); };
        const QString path = m_dir.filePath(QStringLiteral("hidden.png"));
        for (int i = 0; i < SeriesCount; ++i) {
            const auto series = static_cast<Series>(i);
            setShown(plot, series, false);
            QCOMPARE(exportChart(plot, path, QSize(1280, 720)), QString());
            const QImage image(path);
            for (const ChartPoint &p : chart.current)
                if (p.series == series)
                    QVERIFY2(!crossAt(image, pixel(p.intensity, p.attainableFlopsPerSecond), 1.0, seriesColor(series)),
                             seriesName(series).data());
            for (const ChartData::MeasuredPoint &m : chart.measured)
                if (m.series == series)
                    QVERIFY(!discAt(image, pixel(m.intensity, m.achievedFlopsPerSecond), 1.0, seriesColor(series)));
            setShown(plot, series, true);
        }
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
        // SVG too: the dark export's background is the dark theme's #1e1f22, which the light one never uses.
        const QString svg = m_dir.filePath(QStringLiteral("style.svg"));
        QCOMPARE(exportChart(*m_plot, svg, QSize(640, 360), 1.0, true), QString());
        QVERIFY(readFile(svg).contains("#1e1f22"));
        QCOMPARE(exportChart(*m_plot, svg, QSize(640, 360)), QString());
        QVERIFY(!readFile(svg).contains("#1e1f22"));
    }

    // Presentation mode (large fonts, thick roofs) is for the screen: an export made during it is the same
    // image, pixel for pixel, as one made without it, and the screen stays in presentation.
    void presentationModeStaysOnTheScreen()
    {
        const QString plain = m_dir.filePath(QStringLiteral("plain.png"));
        const QString presenting = m_dir.filePath(QStringLiteral("presenting.png"));
        QCOMPARE(exportChart(*m_plot, plain, QSize(960, 540)), QString());
        m_plot->setPresentation(true);
        QCOMPARE(exportChart(*m_plot, presenting, QSize(960, 540)), QString());
        QVERIFY(m_plot->isPresentation());
        m_plot->setPresentation(false);
        const QImage a(plain), b(presenting);
        QCOMPARE(a.size(), QSize(960, 540));
        QVERIFY(a == b);
    }

    void svgHoldsTheLegendTexts()
    {
        const QString path = m_dir.filePath(QStringLiteral("chart.svg"));
        QCOMPARE(exportChart(*m_plot, path, QSize(1920, 1080)), QString());
        const QByteArray svg = readFile(path);
        QXmlStreamReader xml(svg);
        QString texts;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::Characters)
                texts += xml.text();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        for (const char *text : { "768 GB/s", "181 TFLOP/s", "qkv mlp init", "qkv mlp ar", "up/gate/down init",
                                  "up/gate/down ar", "qk/pv init", "qk/pv ar", "Roofline Model (Llama-2-13B, RTX A6000)",
                                  "Operational Intensity (FLOP/Byte)", "ridge 235.7 FLOP/B" })
            QVERIFY2(texts.contains(QLatin1String(text)), text);
    }

    void svgStatesTheSizeAskedFor_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("64x64") << QSize(64, 64);
        QTest::newRow("tall") << QSize(64, 16384);
        QTest::newRow("wide") << QSize(16384, 64);
        QTest::newRow("odd") << QSize(1001, 333);
    }
    void svgStatesTheSizeAskedFor()
    {
        // The generator wrote millimetres to six digits (64 px read back as 63.9999) and a viewBox whose shape
        // could differ from the size (3 x 720 for 64 x 16384), letterboxing the drawing.
        QFETCH(QSize, size);
        const QString path = m_dir.filePath(QStringLiteral("size.svg"));
        QCOMPARE(exportChart(*m_plot, path, size), QString());
        const QXmlStreamAttributes svg = svgAttributes(path);
        QCOMPARE(svg.value(QLatin1String("width")).toString(), QString::number(size.width()));
        QCOMPARE(svg.value(QLatin1String("height")).toString(), QString::number(size.height()));
        QCOMPARE(svg.value(QLatin1String("preserveAspectRatio")).toString(), QStringLiteral("none"));
    }

    // The drawing keeps the shape asked for: a 64 x 16384 SVG was laid out 3 units wide (viewBox "0 0 3 720")
    // and stretched 21 times across, its axis rect squeezed out of the picture.
    void svgKeepsTheShapeAskedFor_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("64x16384") << QSize(64, 16384);
        QTest::newRow("16384x64") << QSize(16384, 64);
        QTest::newRow("800x600") << QSize(800, 600);
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("200x16384") << QSize(200, 16384);
        QTest::newRow("16384x16384") << QSize(16384, 16384);
        QTest::newRow("64x64") << QSize(64, 64);
    }
    void svgKeepsTheShapeAskedFor()
    {
        QFETCH(QSize, size);
        const QString path = m_dir.filePath(QStringLiteral("shape.svg"));
        QCOMPARE(exportChart(*m_plot, path, size), QString());
        const QStringList box = svgAttributes(path).value(QLatin1String("viewBox")).toString().split(QLatin1Char(' '));
        QCOMPARE(box.size(), 4);
        const QRectF viewBox(box[0].toDouble(), box[1].toDouble(), box[2].toDouble(), box[3].toDouble());
        QCOMPARE(viewBox.topLeft(), QPointF(0, 0));
        const double asked = double(size.width()) / size.height();
        const double drawn = viewBox.width() / viewBox.height();
        QVERIFY2(std::abs(drawn / asked - 1.0) <= 0.01,
                 qPrintable(QStringLiteral("viewBox %1 x %2 for %3 x %4").arg(viewBox.width()).arg(viewBox.height())
                                .arg(size.width()).arg(size.height())));
        // Fonts read as on screen: the layout is at most 720 high, unless its short side would be under 256.
        QVERIFY(viewBox.height() <= 720 || std::min(viewBox.width(), viewBox.height()) <= 257);
        // The chart was laid out in that box: its axis rect (left as the export placed it) lies inside it and is
        // not empty.
        const QRect axes = axesRect(*m_plot);
        QVERIFY2(axes.width() > 0 && axes.height() > 0 && viewBox.contains(QRectF(axes)),
                 qPrintable(QStringLiteral("axis rect %1,%2 %3x%4 in a viewBox %5x%6")
                                .arg(axes.x()).arg(axes.y()).arg(axes.width()).arg(axes.height())
                                .arg(viewBox.width()).arg(viewBox.height())));
    }

    // The page is exactly the size asked for at 96 pixels per inch (801 pixels: 600.75 points); Qt rounded it
    // to whole points.
    void pdfPageIsTheSizeAskedFor_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QByteArray>("mediaBox");
        QTest::newRow("801x601") << QSize(801, 601) << QByteArray("[0 0 600.750000 450.750000]");
        QTest::newRow("1333x1333") << QSize(1333, 1333) << QByteArray("[0 0 999.7500000 999.7500000]"); // 1000 rounded
        QTest::newRow("1920x1080") << QSize(1920, 1080) << QByteArray("[0 0 1440.000000 810.000000]");
        QTest::newRow("64x16384") << QSize(64, 16384) << QByteArray("[0 0 48.000000 12288.000000]");
        QTest::newRow("65x16383") << QSize(65, 16383) << QByteArray("[0 0 48.750000 12287.250000]");
        QTest::newRow("1002x1001") << QSize(1002, 1001) << QByteArray("[0 0 751.500000 750.750000]");
    }
    void pdfPageIsTheSizeAskedFor()
    {
        QFETCH(QSize, size);
        QFETCH(QByteArray, mediaBox);
        const QString path = m_dir.filePath(QStringLiteral("page.pdf"));
        QCOMPARE(exportChart(*m_plot, path, size), QString());
        const QByteArray pdf = readFile(path);
        QCOMPARE(pdf.count("/MediaBox"), qsizetype(1));
        const qsizetype at = pdf.indexOf("/MediaBox ") + 10;
        QCOMPARE(pdf.mid(at, pdf.indexOf(']', at) + 1 - at), mediaBox);
        // The box kept its length, so the cross-reference table still points at each object: the first
        // object's offset is where "1 0 obj" starts.
        const qsizetype xref = pdf.lastIndexOf("\nxref\n");
        QVERIFY(xref > 0);
        const QList<QByteArray> lines = pdf.mid(xref + 6).split('\n');
        QVERIFY(lines.size() > 3);
        const qsizetype firstObject = lines[2].left(10).toLongLong();
        QVERIFY2(pdf.mid(firstObject).startsWith("1 0 obj"), pdf.mid(firstObject, 20).constData());
        // Every object the table lists starts where it says.
        const int count = lines[0].split(' ').value(1).toInt();
        QVERIFY(count > 3);
        for (int i = 1; i < count; ++i) {
            const QByteArray &entry = lines[1 + i];
            if (!entry.endsWith(" n ") && !entry.endsWith(" n"))
                continue;
            const qsizetype offset = entry.left(10).toLongLong();
            QVERIFY2(pdf.mid(offset).startsWith(QByteArray(QByteArray::number(i) + " 0 obj")), entry.constData());
        }
    }

    // The PDF's page is the size asked for at 96 pixels per inch (1920 x 1080 pixels: 1440 x 810 points), and
    // the drawing fills it: the background, laid out at 1280 x 720 and scaled by 1.5, covers the whole page (a
    // layout left unscaled would cover 960 x 540 points of it). The same for a portrait page of 600 x 900 points.
    void pdfDrawingFillsItsPage_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QSizeF>("points");
        QTest::newRow("1920x1080") << QSize(1920, 1080) << QSizeF(1440, 810);
        QTest::newRow("800x1200") << QSize(800, 1200) << QSizeF(600, 900);
        // Not whole points: 600.75 x 450.75 (Qt rounds the page up to whole points; the drawing is moved to match).
        QTest::newRow("801x601") << QSize(801, 601) << QSizeF(600.75, 450.75);
    }
    void pdfDrawingFillsItsPage()
    {
        QFETCH(QSize, size);
        QFETCH(QSizeF, points);
        const QString path = m_dir.filePath(QStringLiteral("chart.pdf"));
        QCOMPARE(exportChart(*m_plot, path, size), QString());
        const QByteArray pdf = readFile(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        QCOMPARE(pdfMediaBox(pdf), QRectF(QPointF(0, 0), points));
        const std::vector<QRectF> filled = pdfFilledRects(pdf);
        QVERIFY(!filled.empty());
        const QRectF largest = *std::max_element(filled.begin(), filled.end(), [](const QRectF &a, const QRectF &b) {
            return a.width() * a.height() < b.width() * b.height();
        });
        const QRectF page(QPointF(0, 0), points);
        QVERIFY2(std::fabs(largest.left() - page.left()) < 0.05 && std::fabs(largest.top() - page.top()) < 0.05
                     && std::fabs(largest.right() - page.right()) < 0.05 && std::fabs(largest.bottom() - page.bottom()) < 0.05,
                 qPrintable(QStringLiteral("the background covers (%1, %2) to (%3, %4) points")
                                .arg(largest.left()).arg(largest.top()).arg(largest.right()).arg(largest.bottom())));
    }

    void failedWritesLeaveNothing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("expected");
        QTest::newRow("parent is a file") << QStringLiteral("blocker/chart.png") << "cannot write";
        QTest::newRow("missing directory") << QStringLiteral("no/such/dir/chart.svg") << "cannot write";
        QTest::newRow("path is a directory") << QStringLiteral("adir.pdf") << "cannot write: it is a directory, not a regular file";
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
        const QStringList before = listing(m_dir.path());
        const QString error = exportChart(*m_plot, full, QSize(1920, 1080));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(error.contains(full));
        if (!path.startsWith(QLatin1String("adir")))
            QVERIFY(!QFile::exists(full));
        // No temporary file is left beside it either.
        QCOMPARE(listing(m_dir.path()), before);
    }

    // An existing target that is not a regular file is refused and left as it was: QSaveFile would rename its
    // temporary file onto the name, replacing a FIFO, a socket or a device node (as root, /dev/full) with a
    // regular file. A link that loops is refused too (QSaveFile gave up following it and replaced the link).
    void specialTargetsAreRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("fifo") << "fifo" << "it is a FIFO (named pipe), not a regular file";
        QTest::newRow("socket") << "socket" << "it is a socket, not a regular file";
        QTest::newRow("character device") << "device" << "it is a character device, not a regular file";
        QTest::newRow("directory") << "directory" << "it is a directory, not a regular file";
        QTest::newRow("link to a fifo") << "link to fifo" << "it leads to %1, a FIFO (named pipe), not a regular file";
        QTest::newRow("link loop") << "loop" << "too many levels of symbolic links";
    }
    void specialTargetsAreRefused()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("fifo"));
        QVERIFY(mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        for (const char *name : { "chart.png", "chart.svg", "chart.pdf" }) {
            const QString path = dir.filePath(QLatin1String(name));
            const QByteArray native = QFile::encodeName(path);
            if (kind == QLatin1String("fifo")) {
                QVERIFY(mkfifo(native.constData(), 0600) == 0);
            } else if (kind == QLatin1String("socket")) {
                const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
                QVERIFY(fd >= 0);
                sockaddr_un address {};
                address.sun_family = AF_UNIX;
                QVERIFY(std::size_t(native.size()) < sizeof address.sun_path);
                std::memcpy(address.sun_path, native.constData(), std::size_t(native.size()));
                QVERIFY(::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0);
                ::close(fd);
            } else if (kind == QLatin1String("device")) {
                // A copy of /dev/full's node (character device 1, 7); making one needs root.
                if (mknod(native.constData(), S_IFCHR | 0666, makedev(1, 7)) != 0)
                    QSKIP("cannot make a device node here (needs root)");
            } else if (kind == QLatin1String("directory")) {
                QVERIFY(QDir(dir.path()).mkdir(QLatin1String(name)));
            } else if (kind == QLatin1String("link to fifo")) {
                QVERIFY(QFile::link(fifo, path));
            } else {
                const QString other = path + QStringLiteral(".other");
                QVERIFY(QFile::link(path, other));
                QVERIFY(QFile::link(other, path));
            }
            struct stat before {};
            QVERIFY(::lstat(native.constData(), &before) == 0);
            const QStringList listed = listing(dir.path());
            const QString expected = path + QStringLiteral(": cannot write: ") + (reason.contains(QLatin1String("%1")) ? reason.arg(fifo) : reason);
            QCOMPARE(exportChart(*m_plot, path, QSize(640, 360)), expected);
            // The window's staged export writes the same way.
            QCOMPARE(writeExport(path, QByteArray("bytes")), expected);
            struct stat after {};
            QVERIFY(::lstat(native.constData(), &after) == 0);
            QCOMPARE(after.st_ino, before.st_ino);
            QCOMPARE(after.st_mode, before.st_mode);
            QCOMPARE(listing(dir.path()), listed);
        }
    }

    // A symbolic link is followed: the link stays a link and the file it leads to (through a chain of links,
    // or one to nothing yet) gets the chart, keeping its permissions. A hard link is not: the name gets a new
    // file and the other name keeps the old one.
    // Writing over a file keeps its permission bits, read-only ones included (QSaveFile alone made a 0444 file
    // 0644); set-user-ID and set-group-ID bits are not carried over to a chart.
    void permissionBitsAreKept_data()
    {
        QTest::addColumn<uint>("before");
        QTest::addColumn<uint>("after");
        QTest::newRow("read-only") << 0444u << 0444u;
        QTest::newRow("owner only") << 0600u << 0600u;
        QTest::newRow("group read") << 0640u << 0640u;
        QTest::newRow("set-user-ID") << 04755u << 0755u;
    }
    void permissionBitsAreKept()
    {
        QFETCH(uint, before);
        QFETCH(uint, after);
        for (const char *name : { "kept.png", "kept.svg" }) {
            const QString path = m_dir.filePath(QString::fromLatin1(name));
            QFile::remove(path);
            QVERIFY(writeFile(path, "old chart"));
            QCOMPARE(::chmod(QFile::encodeName(path).constData(), mode_t(before)), 0);
            const QString error = exportChart(*m_plot, path, QSize(200, 100));
            if (!error.isEmpty() && ::geteuid() != 0 && (before & 0200) == 0)
                continue; // not root: a read-only file's directory entry is still replaceable, but say so if not
            QCOMPARE(error, QString());
            struct stat st {};
            QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
            QCOMPARE(uint(st.st_mode & 07777), after);
        }
    }

    // A path as typed goes into the message cleaned and bounded, as the loaders' errors are: a newline, ESC and
    // a bidi override in a missing directory's name made a two-line message that recoloured the terminal, and a
    // 6,000-byte path a 6,000-byte message.
    void exportErrorsAreOneCleanLine()
    {
        const QString odd = m_dir.filePath(QStringLiteral("no\nsuch\x01\x1b[31m\u202edir/x.png"));
        const QString error = exportChart(*m_plot, odd, QSize(200, 100));
        QVERIFY(!error.isEmpty());
        QVERIFY2(!error.contains(QLatin1Char('\n')) && !error.contains(QChar(0x1b)) && !error.contains(QChar(0x202e))
                     && !error.contains(QChar(0x01)),
                 qPrintable(error));
        QVERIFY2(error.startsWith(m_dir.filePath(QStringLiteral("no"))) && error.contains(QChar(0xfffd)), qPrintable(error));
        QVERIFY2(error.endsWith(QStringLiteral(": cannot write: No such file or directory")), qPrintable(error));

        QString deep = m_dir.path();
        for (int i = 0; i < 3000; ++i)
            deep += QStringLiteral("/d");
        const QString long_ = exportChart(*m_plot, deep + QStringLiteral("/x.svg"), QSize(200, 100));
        QVERIFY(long_.toUtf8().size() <= 2000);
        QVERIFY2(long_.endsWith(QStringLiteral(": cannot write: File name too long")), qPrintable(long_.right(200)));
    }

    void linksAndPermissions()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("target.png"));
        QVERIFY(writeFile(target, "old chart"));
        QVERIFY(QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
        const QString link = dir.filePath(QStringLiteral("link.png"));
        const QString chain = dir.filePath(QStringLiteral("chain.png"));
        QVERIFY(QFile::link(QStringLiteral("target.png"), link)); // relative, as `ln -s` makes them
        QVERIFY(QFile::link(link, chain));
        QCOMPARE(exportChart(*m_plot, chain, QSize(200, 100)), QString());
        QCOMPARE(QFileInfo(chain).symLinkTarget(), link);
        QCOMPARE(QFileInfo(link).symLinkTarget(), target);
        QCOMPARE(QImage(target).size(), QSize(200, 100));
        QCOMPARE(QFile::permissions(target),
                 QFileDevice::ReadOwner | QFileDevice::ReadUser | QFileDevice::WriteOwner | QFileDevice::WriteUser
                     | QFileDevice::ReadGroup);
        // A link to nothing yet: the file is made where it points.
        const QString dangling = dir.filePath(QStringLiteral("dangling.svg"));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("made.svg")), dangling));
        QCOMPARE(exportChart(*m_plot, dangling, QSize(200, 100)), QString());
        QVERIFY(QFileInfo(dangling).isSymLink());
        QVERIFY(readFile(dir.filePath(QStringLiteral("made.svg"))).contains("<svg"));

        const QString hard = dir.filePath(QStringLiteral("hard.png"));
        const QString other = dir.filePath(QStringLiteral("other.png"));
        QVERIFY(writeFile(hard, "old chart"));
        QVERIFY(::link(QFile::encodeName(hard).constData(), QFile::encodeName(other).constData()) == 0);
        QCOMPARE(exportChart(*m_plot, hard, QSize(200, 100)), QString());
        QCOMPARE(QImage(hard).size(), QSize(200, 100));
        QCOMPARE(readFile(other), QByteArray("old chart"));
    }

    // A write that stops part-way with no error flag (as on a disk that fills up during the write) must fail
    // the export, name the cause, leave the earlier file as it was and leave no temporary file.
    void shortWriteKeepsTheEarlierFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("early"); // the disk "fills up" half-way, or 100 bytes before the end
        for (const char *name : { "chart.png", "chart.svg", "chart.pdf" }) {
            QTest::addRow("%s, half-way", name) << QString::fromLatin1(name) << true;
            QTest::addRow("%s, last bytes", name) << QString::fromLatin1(name) << false;
        }
    }
    void shortWriteKeepsTheEarlierFile()
    {
        QFETCH(QString, name);
        QFETCH(bool, early);
        // The whole file, written without a limit, tells how long it is.
        QTemporaryDir reference;
        const QString whole = reference.filePath(name);
        QCOMPARE(exportChart(*m_plot, whole, QSize(1920, 1080)), QString());
        const qint64 size = QFileInfo(whole).size();
        QVERIFY2(size > 20000, qPrintable(QString::number(size)));
        const qint64 written = early ? size / 2 : size - 100;

        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QVERIFY(writeFile(path, "the earlier chart"));
        const QStringList before = listing(dir.path());
        QString error;
        {
            const FileSizeLimit limit { rlim_t(written) };
            QVERIFY(limit.isSet());
            error = exportChart(*m_plot, path, QSize(1920, 1080));
        }
        QCOMPARE(error, path + QStringLiteral(": cannot write: only %1 of %2 bytes were written (File too large)")
                                   .arg(written)
                                   .arg(size));
        QCOMPARE(readFile(path), QByteArray("the earlier chart"));
        QCOMPARE(listing(dir.path()), before);
    }

    void writeAllChecksTheCount_data()
    {
        QTest::addColumn<qint64>("accept");
        QTest::addColumn<int>("cause");
        QTest::addColumn<QString>("expected");
        QTest::newRow("disk fills part-way") << qint64(100) << ENOSPC << "no space left on the device";
        QTest::newRow("disk already full") << qint64(0) << ENOSPC << "no space left on the device";
        QTest::newRow("short, file too large")
            << qint64(100) << EFBIG << "only 100 of 5000 bytes were written (File too large)";
        QTest::newRow("short, no cause given") << qint64(4999) << 0 << "only 4999 of 5000 bytes were written";
        QTest::newRow("everything") << qint64(5000) << 0 << "";
    }
    void writeAllChecksTheCount()
    {
        QFETCH(qint64, accept);
        QFETCH(int, cause);
        QFETCH(QString, expected);
        QByteArray bytes(5000, 'x');
        for (int i = 0; i < bytes.size(); ++i)
            bytes[i] = char(i * 7);
        ShortWriteDevice device(accept, cause);
        QCOMPARE(writeAll(device, bytes), expected);
        QCOMPARE(device.bytes, bytes.left(accept));
    }

    // The real thing: /dev/full fails every write with ENOSPC.
    void writeAllOnAFullDevice()
    {
        QFile full(QStringLiteral("/dev/full"));
        if (!full.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            QSKIP("no writable /dev/full here; writeAllChecksTheCount fakes the full disk instead");
        QCOMPARE(writeAll(full, QByteArray(100000, 'x')), QStringLiteral("no space left on the device"));
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

    // A tall, narrow or small PNG is laid out as the SVG is (at least 256 units on its short side) and scaled
    // down, so the chart keeps its plot area: the compute roof, a horizontal red line across the plot, spans
    // at least half the width. (Laid out 3 units wide, a 200 x 1600 image drew the whole plot in 6 pixel
    // columns.)
    void pngKeepsItsPlotInExtremeShapes_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QSize>("layout"); // the short side at 256 units, the shape kept
        QTest::newRow("200x1600") << QSize(200, 1600) << QSize(256, 2048);
        QTest::newRow("64x4096") << QSize(64, 4096) << QSize(256, 16384);
        QTest::newRow("1600x200") << QSize(1600, 200) << QSize(2048, 256);
        QTest::newRow("1080x1920") << QSize(1080, 1920) << QSize(405, 720); // a portrait slide
    }
    void pngKeepsItsPlotInExtremeShapes()
    {
        QFETCH(QSize, size);
        QFETCH(QSize, layout);
        QCOMPARE(exportLayoutSize(size), layout);
        const QString path = m_dir.filePath(QStringLiteral("extreme.png"));
        QCOMPARE(exportChart(*m_plot, path, size), QString());
        const QImage image(path);
        QCOMPARE(image.size(), size);
        // Scaled down, the 2-unit red line is under a pixel thick and blends with the white: count the pixels
        // where red leads green and blue by 50 (the roof's #d62728 leads by 175; half blended, by 87), and the
        // markers drawn side by side along it (any colour as saturated: the greys of the grid are not).
        int widest = 0; // from the leftmost to the rightmost such pixel of a row
        for (int y = 0; y < image.height(); ++y) {
            int first = -1, last = -1;
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                const int saturation = std::max({ c.red(), c.green(), c.blue() }) - std::min({ c.red(), c.green(), c.blue() });
                if (c.red() - std::max(c.green(), c.blue()) >= 50 || saturation >= 80) {
                    first = first < 0 ? x : first;
                    last = x;
                }
            }
            widest = std::max(widest, first < 0 ? 0 : last - first + 1);
        }
        QVERIFY2(widest >= image.width() / 2, qPrintable(QStringLiteral("the compute roof spans %1 of %2 pixels").arg(widest).arg(image.width())));
    }

    // The pixel limits bind PNG (whose cost grows with its pixels); SVG and PDF are bounded a side only.
    void sizeLimits_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<double>("scale");
        QTest::addColumn<QString>("expected");
        QTest::newRow("8192x8192 at 4") << "cap.png" << QSize(8192, 8192) << 4.0
                                        << "8192x8192 at scale 4 makes a 32768x32768-pixel image, over the limit of 16384 "
                                           "pixels a side";
        QTest::newRow("16384x4097") << "cap.png" << QSize(16384, 4097) << 1.0
                                    << "16384x4097 at scale 1 makes a 16384x4097-pixel image (67125248 pixels), over the "
                                       "limit of 67108864 pixels (8192x8192)";
        QTest::newRow("4097x4096 at 2") << "cap.png" << QSize(4097, 4096) << 2.0
                                        << "4097x4096 at scale 2 makes a 8194x8192-pixel image (67125248 pixels), over the "
                                           "limit of 67108864 pixels (8192x8192)";
        QTest::newRow("16384x16384 at 1") << "cap.png" << QSize(16384, 16384) << 1.0
                                          << "16384x16384 at scale 1 makes a 16384x16384-pixel image (268435456 pixels), "
                                             "over the limit of 67108864 pixels (8192x8192)";
        QTest::newRow("scale 0") << "cap.png" << QSize(640, 480) << 0.0 << "640x480 at scale 0 is not a valid export size";
        QTest::newRow("svg a side over") << "cap.svg" << QSize(16385, 64) << 1.0
                                         << "16385x64 is over the limit of 16384 pixels a side";
        QTest::newRow("pdf a side over") << "cap.pdf" << QSize(64, 20000) << 1.0
                                         << "64x20000 is over the limit of 16384 pixels a side";
        QTest::newRow("png at the pixel cap") << "cap.png" << QSize(4096, 4096) << 2.0 << "";
        QTest::newRow("svg, largest, scale ignored") << "cap.svg" << QSize(16384, 16384) << 4.0 << "";
        QTest::newRow("pdf, largest, scale ignored") << "cap.pdf" << QSize(16384, 16384) << 4.0 << "";
    }
    void sizeLimits()
    {
        QFETCH(QString, name);
        QFETCH(QSize, size);
        QFETCH(double, scale);
        QFETCH(QString, expected);
        ExportFormat format;
        QVERIFY(exportFormatForPath(name, &format));
        QCOMPARE(exportSizeProblem(size, scale, format), expected);
        if (expected.isEmpty() && format == ExportFormat::Png)
            return; // exactPixelSize exports the largest PNG
        QTemporaryDir dir;
        const QString path = dir.filePath(name);
        QCOMPARE(exportChart(*m_plot, path, size, scale),
                 expected.isEmpty() ? QString() : path + QStringLiteral(": cannot export: ") + expected);
        QCOMPARE(listing(dir.path()), expected.isEmpty() ? QStringList { name } : QStringList());
    }

    // Names come from shared files: markup in them stays text, and characters XML cannot hold are dropped, in
    // the title and description and in the chart's own text.
    void svgKeepsNamesAsText()
    {
        Scenario scenario;
        scenario.model = llama2_13b();
        scenario.model.name = "<script>alert(1)</script> & ]]> \x01 'q\" \xEF\xBF\xBE \xED\xA0\x80 end";
        scenario.gpu = seedA6000();
        scenario.gpu.name = "GPU <img src=x onerror=alert(2)> \x01\x1F";
        ScenarioResults results;
        results.recompute(scenario);
        RooflinePlot plot;
        plot.resize(1000, 700);
        plot.setData(results.chart);
        const QString path = m_dir.filePath(QStringLiteral("names.svg"));
        QCOMPARE(exportChart(plot, path, QSize(1920, 1080)), QString());

        QXmlStreamReader xml(readFile(path));
        QString title;
        QString desc;
        QString texts;
        QStringList elements;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            elements << xml.name().toString();
            if (xml.name() == QLatin1String("title"))
                title = xml.readElementText();
            else if (xml.name() == QLatin1String("desc"))
                desc = xml.readElementText();
            else if (xml.name() == QLatin1String("text"))
                texts += xml.readElementText(QXmlStreamReader::IncludeChildElements) + QLatin1Char('\n');
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(!elements.contains(QLatin1String("script")));
        QVERIFY(!elements.contains(QLatin1String("img")));
        QCOMPARE(elements.count(QLatin1String("title")), 1);
        QCOMPARE(title, xmlAllowed(QString::fromStdString(plot.data().title)));
        // The three bytes of an encoded lone surrogate are read as three replacement characters.
        QCOMPARE(title, QString::fromUtf8("Roofline Model (<script>alert(1)</script> & ]]>  'q\"  "
                                          "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end, GPU <img src=x onerror=alert(2)> )"));
        QCOMPARE(desc, xmlAllowed(QString::fromStdString(plot.data().subtitle)));
        QVERIFY2(texts.contains(title), qPrintable(texts));
    }

    void xmlEscapedKeepsTextAsText()
    {
        // Lone surrogates on each side of the z, two noncharacters, then a valid pair (an emoji), DEL and U+FFFD.
        const QString text = QStringLiteral("<b>&amp;\"x\" 'y'") + QChar(0x1) + QStringLiteral("\t\n\r") + QChar(0xD800)
            + QChar(u'z') + QChar(0xDC00) + QChar(0xFFFE) + QChar(0xFFFF) + QChar(0xD83D) + QChar(0xDE00) + QChar(0x7F)
            + QChar(0xFFFD);
        QCOMPARE(xmlEscaped(text), QStringLiteral("&lt;b&gt;&amp;amp;&quot;x&quot; &apos;y&apos;\t\n\rz") + QChar(0xD83D)
                     + QChar(0xDE00) + QChar(0x7F) + QChar(0xFFFD));
    }

    void fullDiskKeepsTheEarlierFile()
    {
        // A 64 kB tmpfs stands in for a full disk; mounting needs root and a kernel that allows it.
        const QString mountPoint = m_dir.filePath(QStringLiteral("tiny"));
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("tiny")));
        if (QProcess::execute(QStringLiteral("mount"), { QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                        QStringLiteral("size=64k"), QStringLiteral("tmpfs"), mountPoint })
            != 0)
            QSKIP("cannot mount a small tmpfs here (needs root); shortWriteKeepsTheEarlierFile covers short writes");
        const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), { mountPoint }); });
        const QString path = mountPoint + QStringLiteral("/chart.png");
        QCOMPARE(exportChart(*m_plot, path, QSize(160, 90)), QString()); // small enough to fit
        const QByteArray before = readFile(path);
        QVERIFY(!before.isEmpty());
        QFile filler(mountPoint + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(4096, 'x');
        for (qint64 free : { 0, 16 * 1024 }) {
            // Fill what is left, then free some: the disk fills up in the middle of the write, or at its start.
            while (filler.write(block) == block.size()) { }
            QVERIFY(filler.resize(filler.size() - free));
            QVERIFY(filler.seek(filler.size()));
            for (const char *name : { "chart.png", "chart.svg", "chart.pdf" }) {
                const QString target = mountPoint + QLatin1Char('/') + QLatin1String(name);
                QCOMPARE(exportChart(*m_plot, target, QSize(1920, 1080)),
                         target + QStringLiteral(": cannot write: no space left on the device"));
            }
        }
        filler.close();
        QCOMPARE(readFile(path), before); // the earlier chart is intact
        // No half-written file or temporary is left behind.
        QCOMPARE(QDir(mountPoint).entryList(QDir::Files | QDir::Hidden | QDir::System),
                 (QStringList { QStringLiteral("chart.png"), QStringLiteral("filler") }));
    }
};

QTEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"
