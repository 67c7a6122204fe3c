// Plot exports (File > Export plot, ui/widgets/PlotExport's exportWidget) go
// through the atomic writer: PNG, PDF and SVG of a plot and of a plain widget
// come out whole (the SVG parses, with the caption under the plot), the
// plot's data comes out as CSV beside it, and a failing write (full disk,
// file-size limit, permission), injected into the writer, leaves the old
// files byte-identical, no temporary, and a message naming the cause.
#include "TestSupport.h"

#include "io/WriteFault.h"
#include "widgets/PlotExport.h"

#include "experiment/FigureCaption.h"

#include <qcustomplot.h>

#include <QImage>
#include <QLabel>
#include <QSvgRenderer>
#include <QtTest>

#include <cerrno>

using namespace aelab;
namespace fs = std::filesystem;

Q_DECLARE_METATYPE(aelab::WriteStep)

class TestExport : public QObject {
    Q_OBJECT

    fs::path m_dir;
    QCustomPlot* m_plot = nullptr;
    QLabel* m_label = nullptr;

    QString pathOf(const std::string& name) const { return QString::fromStdString((m_dir / name).string()); }

private slots:
    void initTestCase()
    {
        m_plot = new QCustomPlot;
        m_plot->resize(320, 240);
        m_plot->addGraph()->setData({0, 1, 2, 3}, {1, 3, 2, 4});
        m_plot->graph(0)->setName("loss, train");
        m_plot->addGraph()->setData({0, 2}, {0.5, 0.25});
        m_plot->graph(1)->setName("val");
        m_plot->rescaleAxes();
        m_plot->replot();
        m_label = new QLabel("a widget");
        m_label->resize(200, 50);
    }
    void cleanupTestCase()
    {
        delete m_plot;
        delete m_label;
    }
    void init() { m_dir = test::freshTempDir("export"); }
    void cleanup()
    {
        injectWriteFault(std::nullopt);
        fs::remove_all(m_dir);
    }

    void pngAndPdfComeOutWhole()
    {
        QString error;
        QVERIFY2(ui::exportWidget(m_plot, pathOf("plot.png"), &error), qPrintable(error));
        QVERIFY2(ui::exportWidget(m_plot, pathOf("plot.pdf"), &error), qPrintable(error));
        QVERIFY2(ui::exportWidget(m_label, pathOf("label.png"), &error), qPrintable(error));
        QVERIFY2(ui::exportWidget(m_label, pathOf("label.pdf"), &error), qPrintable(error));
        // The plot at twice its size, as savePng made it.
        QCOMPARE(QImage(pathOf("plot.png")).size(), QSize(640, 480));
        QVERIFY(!QImage(pathOf("label.png")).isNull());
        for (const char* pdf : {"plot.pdf", "label.pdf"}) {
            const std::string bytes = test::readBytes(m_dir / pdf);
            QVERIFY2(bytes.rfind("%PDF-", 0) == 0, pdf);
            QVERIFY2(bytes.find("%%EOF") != std::string::npos, pdf);
        }
        QCOMPARE(test::namesIn(m_dir), (std::vector<std::string>{"label.pdf", "label.png", "plot.pdf", "plot.png"}));
    }

    void svgParsesWithItsCaptionAndDataBeside()
    {
        QString error;
        ui::ExportOptions options;
        options.caption = "ae on moons, 5 epochs, seed 1: --latent 2 --lr 0.01";
        options.withData = true;
        QVERIFY2(ui::exportWidget(m_plot, pathOf("loss.svg"), &error, options), qPrintable(error));
        QVERIFY2(ui::exportWidget(m_label, pathOf("label.svg"), &error), qPrintable(error));
        for (const char* name : {"loss.svg", "label.svg"}) {
            QSvgRenderer svg(pathOf(name));
            QVERIFY2(svg.isValid(), name);
            QVERIFY(!svg.defaultSize().isEmpty());
        }
        // Taller than the plot by the caption, whose words are in the drawing.
        QSvgRenderer svg(pathOf("loss.svg"));
        QCOMPARE(svg.viewBoxF().width(), 320.0);
        QVERIFY(svg.viewBoxF().height() > 240);
        const std::string text = test::readBytes(m_dir / "loss.svg");
        QVERIFY(text.find("--latent 2 --lr 0.01") != std::string::npos);
        QVERIFY(text.find("<path") != std::string::npos || text.find("<polyline") != std::string::npos);
        QVERIFY(text.find(", sans-serif\"") != std::string::npos);   // a browser without the font keeps a sans face
        // The data beside it: a row per point, graphs by name (quoted when it has a comma).
        const std::string csv = test::readBytes(m_dir / "loss.csv");
        QCOMPARE(csv, std::string("series,x,y\n\"loss, train\",0,1\n\"loss, train\",1,3\n\"loss, train\",2,2\n"
                                  "\"loss, train\",3,4\nval,0,0.5\nval,2,0.25\n"));
        // A PNG with a caption is taller too; a widget without a plot has no data.
        QVERIFY2(ui::exportWidget(m_plot, pathOf("captioned.png"), &error, options), qPrintable(error));
        QVERIFY(QImage(pathOf("captioned.png")).height() > 480);
        QVERIFY2(ui::exportWidget(m_label, pathOf("label.png"), &error, options), qPrintable(error));
        QCOMPARE(test::namesIn(m_dir), (std::vector<std::string>{"captioned.csv", "captioned.png", "label.png",
                                                                  "label.svg", "loss.csv", "loss.svg"}));
    }

    void captionNamesOnlyWhatDiffersFromTheDefaults()
    {
        RunSettings s;
        s.variant = "ae";
        s.epochs = 3;
        s.seed = 4;
        s.values = {{"latent", 8}, {"lr", 0.001}, {"hidden", {64, 32}}};
        const std::string caption = figureCaption(s, "moons");
        QVERIFY2(caption.rfind("ae on moons, 3 epochs, seed 4", 0) == 0, caption.c_str());
        QVERIFY2(caption.find("--latent 8") != std::string::npos, caption.c_str());
        QVERIFY2(caption.find("--hidden 64,32") != std::string::npos, caption.c_str());
        QVERIFY2(caption.find("--lr") == std::string::npos, caption.c_str());   // 0.001 is the default
    }

    void faultLeavesImageAndDataAsTheyWere()
    {
        // The CSV's rename fails after the SVG's temporary is written: neither changes.
        const QString svg = pathOf("p.svg");
        test::writeBytes(svg.toStdString(), "the old svg");
        test::writeBytes((m_dir / "p.csv").string(), "the old csv");
        injectWriteFault(WriteFault{WriteStep::Rename, EIO, 2, 0});
        QString message;
        ui::ExportOptions options;
        options.withData = true;
        const bool ok = ui::exportWidget(m_plot, svg, &message, options);
        injectWriteFault(std::nullopt);
        QVERIFY(!ok);
        QVERIFY2(!message.isEmpty(), "no message");
        QCOMPARE(test::readBytes(svg.toStdString()), std::string("the old svg"));
        QCOMPARE(test::readBytes(m_dir / "p.csv"), std::string("the old csv"));
        QCOMPARE(test::namesIn(m_dir), (std::vector<std::string>{"p.csv", "p.svg"}));
    }

    void faultLeavesOldFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<WriteStep>("step");
        QTest::addColumn<int>("error");
        QTest::addColumn<qulonglong>("afterBytes");
        QTest::addColumn<QString>("cause");
        QTest::newRow("png, disk full mid-file") << "p.png" << WriteStep::Write << ENOSPC << 2000ull << "disk is full";
        QTest::newRow("pdf, disk full at once") << "p.pdf" << WriteStep::Write << ENOSPC << 0ull << "disk is full";
        QTest::newRow("png, file-size limit") << "p.png" << WriteStep::Write << EFBIG << 1000ull << "file-size limit";
        QTest::newRow("pdf, permission") << "p.pdf" << WriteStep::Create << EACCES << 0ull << "permission denied";
        QTest::newRow("png, rename") << "p.png" << WriteStep::Rename << EIO << 0ull << "rename failed";
        QTest::newRow("svg, disk full mid-file") << "p.svg" << WriteStep::Write << ENOSPC << 1000ull << "disk is full";
    }

    void faultLeavesOldFile()
    {
        QFETCH(QString, name);
        QFETCH(WriteStep, step);
        QFETCH(int, error);
        QFETCH(qulonglong, afterBytes);
        QFETCH(QString, cause);
        const QString path = pathOf(name.toStdString());
        test::writeBytes(path.toStdString(), "the old export");

        injectWriteFault(WriteFault{step, error, 1, afterBytes});
        QString message;
        const bool ok = ui::exportWidget(m_plot, path, &message);
        injectWriteFault(std::nullopt);

        QVERIFY(!ok);
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains(cause), qPrintable(message));
        QCOMPARE(test::readBytes(path.toStdString()), std::string("the old export"));
        QCOMPARE(test::namesIn(m_dir), std::vector<std::string>{name.toStdString()});
    }
};

QTEST_MAIN(TestExport)
#include "test_export.moc"
