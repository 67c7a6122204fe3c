// Plot exports (File > Export plot, ui/widgets/PlotStyle's exportWidget) go
// through the atomic writer: PNG and PDF of a plot and of a plain widget
// come out whole, and a failing write (full disk, file-size limit,
// permission), injected into the writer, leaves the old file byte-identical,
// no temporary, and a message naming the cause.
#include "TestSupport.h"

#include "io/WriteFault.h"
#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QImage>
#include <QLabel>
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
