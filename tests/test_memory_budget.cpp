// Memory budgets for datasets (data/MemoryBudget.h): a file that expands to
// more than the memory at hand is refused, before it is decompressed, with
// what it would take and what is available, instead of the OOM killer
// ending the process. The budget comes from AELAB_MEMORY_BUDGET, else
// MemAvailable in /proc/meminfo (or the cgroup's limit).
#include "TestSupport.h"

#include "data/Catalog.h"
#include "data/DataSplit.h"
#include "data/Idx.h"
#include "data/IdxDataset.h"
#include "data/MemoryBudget.h"
#include "math/Error.h"

#include <QtTest>

#include <zlib.h>

#include <cstdlib>
#include <fstream>
#include <sys/resource.h>

using namespace aelab;
using aelab::test::outcomeOf;
namespace fs = std::filesystem;

namespace {

std::string idxHeader(std::vector<std::uint32_t> dims)
{
    std::string b{0, 0, 8, char(dims.size())};
    for (std::uint32_t d : dims)
        for (int shift = 24; shift >= 0; shift -= 8)
            b.push_back(char(d >> shift));
    return b;
}

// An IDX file of `count` images of side x side pixels, gzip-compressed;
// `pixel(i)` gives the bytes. Zeros compress about 1000:1.
void writeGzIdx(const fs::path& path, std::uint32_t count, std::uint32_t side,
                const std::function<unsigned char(std::size_t)>& pixel)
{
    gzFile f = gzopen(path.string().c_str(), "wb");
    const std::string header = idxHeader({count, side, side});
    gzwrite(f, header.data(), unsigned(header.size()));
    std::vector<unsigned char> image(std::size_t(side) * side);
    for (std::uint32_t n = 0; n < count; ++n) {
        for (std::size_t i = 0; i < image.size(); ++i)
            image[i] = pixel(n * image.size() + i);
        gzwrite(f, image.data(), unsigned(image.size()));
    }
    gzclose(f);
}

long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

MemoryBudget budgetOf(std::uint64_t bytes) { return {bytes, "the test's budget"}; }

} // namespace

class TestMemoryBudget : public QObject {
    Q_OBJECT

private:
    fs::path m_dir;

private slots:
    void initTestCase() { m_dir = test::freshTempDir("budget"); }
    void cleanupTestCase() { fs::remove_all(m_dir); }
    void cleanup() { qunsetenv("AELAB_MEMORY_BUDGET"); }

    void parsesSizes()
    {
        QCOMPARE(parseByteCount("123"), std::optional<std::uint64_t>(123));
        QCOMPARE(parseByteCount("64K"), std::optional<std::uint64_t>(64 << 10));
        QCOMPARE(parseByteCount("512M"), std::optional<std::uint64_t>(512ull << 20));
        QCOMPARE(parseByteCount("3g"), std::optional<std::uint64_t>(3ull << 30));
        for (const char* bad : {"", "M", "12MB", "-5", "1.5G", "99999999999999999999", "20000000000G"})
            QVERIFY2(!parseByteCount(bad), bad);

        const std::string meminfo = "MemTotal:       24683748 kB\nMemFree:        21697672 kB\n"
                                    "MemAvailable:   23251008 kB\nBuffers:           15224 kB\n";
        QCOMPARE(memAvailableIn(meminfo), std::optional<std::uint64_t>(23251008ull * 1024));
        QVERIFY(!memAvailableIn("MemTotal: 1 kB\n"));
        QVERIFY(!memAvailableIn("MemAvailable: lots\n"));

        QCOMPARE(formatBytes(512), std::string("512 bytes"));
        QCOMPARE(formatBytes(3ull << 29), std::string("1.5 GiB"));
    }

    void budgetComesFromTheEnvironmentOrTheMachine()
    {
        qputenv("AELAB_MEMORY_BUDGET", "64M");
        MemoryBudget b = machineMemoryBudget();
        QCOMPARE(b.bytes, std::uint64_t(64) << 20);
        QCOMPARE(b.source, std::string("AELAB_MEMORY_BUDGET"));

        qputenv("AELAB_MEMORY_BUDGET", "lots");
        const test::Outcome o = outcomeOf([] { machineMemoryBudget(); });
        QVERIFY(o.threwAelab && o.kind == ErrorKind::InvalidArgument);
        QVERIFY2(o.message.find("512M") != std::string::npos, o.message.c_str());

        qunsetenv("AELAB_MEMORY_BUDGET");
        b = machineMemoryBudget();
        std::ifstream in("/proc/meminfo");
        const std::string meminfo((std::istreambuf_iterator<char>(in)), {});
        const auto available = memAvailableIn(meminfo);
        QVERIFY(available);
        // MemAvailable moves as other processes run: within 1 GiB of ours.
        QVERIFY2(b.bytes <= *available + (1ull << 30), b.source.c_str());
        QVERIFY2(b.bytes > 0, b.source.c_str());
    }

    // Finding 1 of issue 19: a small gzip file expanding to 64 MiB of
    // pixels (256 MiB as floats). Loading it used to read it all; now the
    // header's claim is compared with the budget first, and nothing is
    // decompressed past the header.
    void expandingFileIsRefusedBeforeReading()
    {
        const fs::path bomb = m_dir / "bomb-images-idx3-ubyte.gz";
        writeGzIdx(bomb, 16384, 64, [](std::size_t) { return 0; });
        QVERIFY(fs::file_size(bomb) < 256 * 1024);

        LoadOptions options;
        options.memory = budgetOf(64ull << 20);
        const long rssBefore = peakRssKb();
        QElapsedTimer timer;
        timer.start();
        const test::Outcome o = outcomeOf([&] { loadDataset("idx:" + bomb.string(), options); });
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        const long grownKb = peakRssKb() - rssBefore;
        qInfo("refused in %.1f ms; peak RSS grew by %ld KiB: %s", ms, grownKb, o.message.c_str());
        QVERIFY2(o.threwAelab && o.kind == ErrorKind::Unsupported, o.message.c_str());
        QVERIFY2(o.message.find(bomb.string()) != std::string::npos, o.message.c_str());
        // 64 MiB of bytes, and 2 x 64 Mi values as floats.
        QVERIFY2(o.message.find("needs about 576.0 MiB of memory, more than the 64.0 MiB available "
                                "(the test's budget)") != std::string::npos, o.message.c_str());
        QVERIFY2(grownKb < 16 * 1024, qPrintable(QString::number(grownKb)));

        // Within the budget the same file loads.
        options.memory = budgetOf(1ull << 30);
        options.limit = 10;
        const Dataset d = loadDataset("idx:" + bomb.string(), options);
        QCOMPARE(d.trainX.rows(), Eigen::Index(10));
    }

    // Two files (train and test): the limits shrink what is read, so the
    // advice is a limit, and with one the load fits.
    void limitsShrinkTheEstimateOfAPair()
    {
        const fs::path dir = m_dir / "pair";
        fs::create_directories(dir);
        writeGzIdx(dir / "train-images-idx3-ubyte.gz", 4096, 32, [](std::size_t i) { return i % 251; });
        writeGzIdx(dir / "t10k-images-idx3-ubyte.gz", 1024, 32, [](std::size_t i) { return i % 241; });
        LoadOptions options;
        options.memory = budgetOf(4ull << 20);   // 5120 images of 1024 floats need 40 MiB
        const test::Outcome o = outcomeOf([&] { loadDataset(dir.string(), options); });
        QVERIFY2(o.threwAelab && o.kind == ErrorKind::Unsupported, o.message.c_str());
        QVERIFY2(o.message.find("--limit") != std::string::npos, o.message.c_str());
        options.limit = 200;
        options.testLimit = 100;
        const Dataset d = loadDataset(dir.string(), options);
        QCOMPARE(d.trainX.rows(), Eigen::Index(200));
        QCOMPARE(d.testX.rows(), Eigen::Index(100));
    }

    // A single IDX file is split 80/20 from its bytes: the same rows and
    // values as splitting all of it as floats and then keeping the first ones.
    void singleFileSplitKeepsTheSameRows()
    {
        const fs::path images = m_dir / "one-images-idx3-ubyte";
        const fs::path labels = m_dir / "one-labels-idx1-ubyte";
        {
            std::ofstream out(images, std::ios::binary);
            out << idxHeader({50, 4, 4});
            for (int i = 0; i < 50 * 16; ++i)
                out.put(char((i * 29) % 256));
            std::ofstream lab(labels, std::ios::binary);
            lab << idxHeader({50});
            for (int i = 0; i < 50; ++i)
                lab.put(char(i % 7));
        }
        for (const int limit : {-1, 7}) {
            Dataset expected;
            expected.trainX = readIdxImages(images.string(), expected.shape);
            expected.trainY = readIdxLabels(labels.string());
            splitTrainTest(expected, 0.2, 42);
            keepFirst(expected.trainX, expected.trainY, limit);
            keepFirst(expected.testX, expected.testY, limit < 0 ? -1 : 3);

            const Dataset d = loadIdxFiles({images.string(), labels.string(), "", ""}, limit, limit < 0 ? -1 : 3,
                                           42, budgetOf(1 << 20));
            QVERIFY(d.trainX == expected.trainX);
            QVERIFY(d.testX == expected.testX);
            QCOMPARE(d.trainY, expected.trainY);
            QCOMPARE(d.testY, expected.testY);
            QCOMPARE(d.shape, expected.shape);
        }
    }

    void csvOverTheBudgetIsRefused()
    {
        const fs::path csv = m_dir / "wide.csv";
        {
            std::ofstream out(csv);
            for (int r = 0; r < 2000; ++r) {
                for (int c = 0; c < 50; ++c)
                    out << (c ? "," : "") << (r + c) % 10;
                out << "\n";
            }
        }
        LoadOptions options;
        options.memory = budgetOf(512 << 10);   // the text fits, 100000 values twice do not
        const test::Outcome o = outcomeOf([&] { loadDataset(csv.string(), options); });
        QVERIFY2(o.threwAelab && o.kind == ErrorKind::Unsupported, o.message.c_str());
        QVERIFY2(o.message.find("wide.csv needs about") != std::string::npos, o.message.c_str());
        QVERIFY2(o.message.find("512.0 KiB available") != std::string::npos, o.message.c_str());
        options.memory = budgetOf(8 << 20);
        QCOMPARE(loadDataset(csv.string(), options).trainX.rows() + loadDataset(csv.string(), options).testX.rows(),
                 Eigen::Index(2000));
    }
};

QTEST_APPLESS_MAIN(TestMemoryBudget)
#include "test_memory_budget.moc"
