// A folder of images as a dataset (ui/worker/ImageFolder): classes from
// subfolders, one square size, and refusals that say what is wrong: an image
// over Qt's allocation limit is "too large (W x H)" (it read as "not a
// readable image"), a folder over the memory budget says what it needs.
#include "TestSupport.h"

#include "worker/ImageFolder.h"

#include <QImage>
#include <QImageReader>
#include <QtTest>

#include <fstream>

using namespace aelab;
using aelab::test::outcomeOf;
namespace fs = std::filesystem;

namespace {

void writeImage(const fs::path& path, int side, int shade)
{
    QImage image(side, side, QImage::Format_Grayscale8);
    image.fill(shade);
    QVERIFY(image.save(QString::fromStdString(path.string())));
}

QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

} // namespace

class TestImageFolder : public QObject {
    Q_OBJECT

private:
    fs::path m_dir;

private slots:
    void init() { m_dir = test::freshTempDir("images"); }
    void cleanup() { fs::remove_all(m_dir); }

    void subfoldersAreClasses()
    {
        for (const char* cls : {"cats", "dogs"}) {
            fs::create_directories(m_dir / cls);
            for (int i = 0; i < 5; ++i)
                writeImage(m_dir / cls / ("i" + std::to_string(i) + ".png"), 16, cls[0] == 'c' ? 0 : 255);
        }
        const Dataset d = ui::loadImageFolder(q(m_dir), -1, 1);
        QCOMPARE(d.shape, (SampleShape{1, 16, 16}));
        QCOMPARE(d.trainX.rows() + d.testX.rows(), Eigen::Index(10));
        QCOMPARE(d.classNames, (std::vector<std::string>{"cats", "dogs"}));
        for (Eigen::Index r = 0; r < d.trainX.rows(); ++r)
            QCOMPARE(d.trainX.row(r).maxCoeff(), Scalar(d.trainY[std::size_t(r)]));   // cats black, dogs white
    }

    // A 20000 x 20000 grey image: 400 MB of pixels, over the limit. The file
    // itself is a few bytes: a PGM header and no pixels.
    void tooLargeImageSaysItsSize()
    {
        fs::create_directories(m_dir / "big");
        writeImage(m_dir / "big" / "a.png", 8, 10);
        std::ofstream(m_dir / "big" / "b.pgm", std::ios::binary) << "P5\n20000 20000\n255\n" << std::string(64, 'x');
        const test::Outcome o = outcomeOf([&] { ui::loadImageFolder(q(m_dir), -1, 1); });
        QVERIFY2(o.threwAelab, o.message.c_str());
        QVERIFY2(o.message.find("b.pgm: image too large (20000 x 20000)") != std::string::npos, o.message.c_str());
        QCOMPARE(QImageReader::allocationLimit(), ui::kMaxImageMegabytes);
    }

    void unreadableImageIsNamed()
    {
        std::ofstream(m_dir / "broken.png", std::ios::binary) << "not a png at all";
        const test::Outcome o = outcomeOf([&] { ui::loadImageFolder(q(m_dir), -1, 1); });
        QVERIFY2(o.threwAelab && o.kind == ErrorKind::Format, o.message.c_str());
        QVERIFY2(o.message.find("broken.png: not a readable image") != std::string::npos, o.message.c_str());
    }

    // 40 images of 64 x 64: refused from the first image's size, before the
    // others are read, when the budget is smaller than what they need.
    void folderOverTheBudgetIsRefused()
    {
        for (int i = 0; i < 40; ++i)
            writeImage(m_dir / ("i" + std::to_string(i) + ".png"), 64, i);
        const test::Outcome o = outcomeOf([&] { ui::loadImageFolder(q(m_dir), -1, 1, {100000, "the test's budget"}); });
        QVERIFY2(o.threwAelab && o.kind == ErrorKind::Unsupported, o.message.c_str());
        QVERIFY2(o.message.find("needs about 1.2 MiB of memory, more than the 97.7 KiB available "
                                "(the test's budget)") != std::string::npos, o.message.c_str());
        QCOMPARE(ui::loadImageFolder(q(m_dir), -1, 1).shape, (SampleShape{1, 64, 64}));
    }
};

QTEST_GUILESS_MAIN(TestImageFolder)
#include "test_image_folder.moc"
