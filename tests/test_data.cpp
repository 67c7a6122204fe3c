// Tests of core/data: IDX and CSV readers (including hostile input), the
// generated sets, the drawn shapes and the catalog.
#include "data/Catalog.h"
#include "data/Csv.h"
#include "data/Idx.h"
#include "data/Shapes.h"
#include "data/Synthetic.h"
#include "math/Error.h"
#include "math/Rng.h"

#include "TestSupport.h"

#include <QtTest>

#include <zlib.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <set>

using namespace aelab;
namespace fs = std::filesystem;

namespace {

using Bytes = std::vector<unsigned char>;

Bytes idxBytes(std::vector<std::uint32_t> dims, const Bytes& data, int type = 0x08)
{
    Bytes b{0, 0, static_cast<unsigned char>(type), static_cast<unsigned char>(dims.size())};
    for (std::uint32_t d : dims)
        for (int shift = 24; shift >= 0; shift -= 8)
            b.push_back(static_cast<unsigned char>(d >> shift));
    b.insert(b.end(), data.begin(), data.end());
    return b;
}

void writeRaw(const fs::path& path, const Bytes& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
}

void writeGz(const fs::path& path, const Bytes& bytes)
{
    gzFile f = gzopen(path.string().c_str(), "wb");
    QVERIFY(f);
    if (!bytes.empty())
        QCOMPARE(gzwrite(f, bytes.data(), unsigned(bytes.size())), int(bytes.size()));
    gzclose(f);
}

Bytes readAll(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

void writeText(const fs::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

// Runs f, expecting an aelab::Error (of `kind` unless it is null); returns its
// message. Any other outcome fails the test.
std::string expectError(const std::function<void()>& f, const ErrorKind* kind = nullptr)
{
    try {
        f();
    } catch (const Error& e) {
        if (kind && e.kind() != *kind)
            qWarning("unexpected error kind %d: %s", int(e.kind()), e.what());
        return kind && e.kind() != *kind ? std::string("<wrong kind>") : std::string(e.what());
    } catch (const std::exception& e) {
        qWarning("unexpected exception: %s", e.what());
        return "<foreign exception>";
    }
    return "<no error>";
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Five 3x4 images with distinct bytes, and their labels.
Bytes smallImages()
{
    Bytes data;
    for (int i = 0; i < 5 * 12; ++i)
        data.push_back(static_cast<unsigned char>((i * 37) % 256));
    return idxBytes({5, 3, 4}, data);
}

Bytes smallLabels() { return idxBytes({5}, {3, 1, 4, 1, 5}); }

bool inUnitRange(const Matrix& x) { return x.size() == 0 || (x.minCoeff() >= 0 && x.maxCoeff() <= 1); }

} // namespace

class DataTest : public QObject {
    Q_OBJECT

private:
    fs::path m_dir;

private slots:
    void initTestCase() { m_dir = test::freshTempDir("data"); }
    void cleanupTestCase() { fs::remove_all(m_dir); }

    void idxRoundTrip_data()
    {
        QTest::addColumn<bool>("gzip");
        QTest::newRow("raw") << false;
        QTest::newRow("gzip") << true;
    }

    void idxRoundTrip()
    {
        QFETCH(bool, gzip);
        const fs::path images = m_dir / (gzip ? "rt-images.gz" : "rt-images");
        const fs::path labels = m_dir / (gzip ? "rt-labels.gz" : "rt-labels");
        (gzip ? writeGz : writeRaw)(images, smallImages());
        (gzip ? writeGz : writeRaw)(labels, smallLabels());

        SampleShape shape;
        const Matrix x = readIdxImages(images.string(), shape, -1);
        QCOMPARE(shape, (SampleShape{1, 3, 4}));
        QCOMPARE(x.rows(), Eigen::Index(5));
        QCOMPARE(x.cols(), Eigen::Index(12));
        for (int i = 0; i < 60; ++i)
            QCOMPARE(x.data()[i], Scalar(double((i * 37) % 256) / 255.0));
        QCOMPARE(readIdxLabels(labels.string()), (std::vector<int>{3, 1, 4, 1, 5}));

        const Matrix firstTwo = readIdxImages(images.string(), shape, 2);
        QCOMPARE(firstTwo.rows(), Eigen::Index(2));
        QVERIFY(firstTwo == x.topRows(2));
        QCOMPARE(readIdxLabels(labels.string(), 3), (std::vector<int>{3, 1, 4}));
        QCOMPARE(readIdxLabels(labels.string(), 99).size(), std::size_t(5));
    }

    void idxOtherRanks()
    {
        const fs::path flat = m_dir / "flat";
        writeRaw(flat, idxBytes({2, 3}, {0, 255, 51, 1, 2, 3}));
        SampleShape shape;
        const Matrix x = readIdxImages(flat.string(), shape);
        QCOMPARE(shape, (SampleShape{1, 1, 3}));
        QCOMPARE(x(0, 1), Scalar(1));
        QCOMPARE(x(0, 2), Scalar(0.2));

        const fs::path colour = m_dir / "colour";
        writeRaw(colour, idxBytes({1, 3, 2, 2}, Bytes(12, 255)));
        readIdxImages(colour.string(), shape);
        QCOMPARE(shape, (SampleShape{3, 2, 2}));
    }

    void idxLoadsAsDataset()
    {
        const fs::path dir = m_dir / "mnist-like";
        fs::create_directories(dir);
        writeGz(dir / "train-images-idx3-ubyte.gz", smallImages());
        writeGz(dir / "train-labels-idx1-ubyte.gz", smallLabels());
        writeRaw(dir / "t10k-images-idx3-ubyte", idxBytes({2, 3, 4}, Bytes(24, 128)));
        writeRaw(dir / "t10k-labels-idx1-ubyte", idxBytes({2}, {0, 5}));
        const Dataset d = loadDataset(dir.string(), {});
        QCOMPARE(d.trainX.rows(), Eigen::Index(5));
        QCOMPARE(d.testX.rows(), Eigen::Index(2));
        QCOMPARE(d.classNames.size(), std::size_t(6));
        QCOMPARE(d.name, std::string("mnist-like"));
        QVERIFY(!d.fingerprint.empty());

        // One pair through idx:, split 80/20 (4 + 1).
        const Dataset pair = loadDataset("idx:" + (dir / "train-images-idx3-ubyte.gz").string() + ","
                                         + (dir / "train-labels-idx1-ubyte.gz").string());
        QCOMPARE(pair.trainX.rows(), Eigen::Index(4));
        QCOMPARE(pair.testX.rows(), Eigen::Index(1));
        QCOMPARE(pair.trainY.size(), std::size_t(4));

        // A labels file that disagrees with its images.
        writeRaw(dir / "bad-labels", idxBytes({4}, {1, 2, 3, 4}));
        const ErrorKind format = ErrorKind::Format;
        const std::string message = expectError(
            [&] { loadDataset("idx:" + (dir / "train-images-idx3-ubyte.gz").string() + "," + (dir / "bad-labels").string()); },
            &format);
        QVERIFY2(contains(message, "4 labels"), message.c_str());
    }

    void fashionMnist()
    {
        QVERIFY2(test::haveFashionMnist(), "Fashion-MNIST is not installed (dataset-fashion-mnist)");
        LoadOptions options;
        options.limit = 1000;
        const Dataset d = loadDataset("fashion-mnist", options);
        QCOMPARE(d.name, std::string("fashion-mnist"));
        QCOMPARE(d.shape, (SampleShape{1, 28, 28}));
        QCOMPARE(d.trainX.rows(), Eigen::Index(1000));
        QCOMPARE(d.trainX.cols(), Eigen::Index(784));
        QCOMPARE(d.testX.rows(), Eigen::Index(166));
        QCOMPARE(d.trainY.size(), std::size_t(1000));
        QCOMPARE(d.testY.size(), std::size_t(166));
        QVERIFY(inUnitRange(d.trainX) && inUnitRange(d.testX));
        for (int y : d.trainY)
            QVERIFY(y >= 0 && y <= 9);
        QCOMPARE(d.classNames.size(), std::size_t(10));
        QCOMPARE(d.classNames[9], std::string("Ankle boot"));
        // Verified with Python's gzip module: the first training label is 9,
        // the first test label 9, and the first image's bytes sum to 76247.
        QCOMPARE(d.trainY[0], 9);
        QCOMPARE(d.testY[0], 9);
        QVERIFY(std::abs(double(d.trainX.row(0).sum()) - 76247.0 / 255.0) < 1e-2);

        const Dataset again = loadDataset("fashion-mnist", options);
        QCOMPARE(again.fingerprint, d.fingerprint);
        QCOMPARE(d.fingerprint.size(), std::size_t(16));
        options.limit = 500;
        QVERIFY(loadDataset("fashion-mnist", options).fingerprint != d.fingerprint);
    }

    void fashionMnistMissing()
    {
        const fs::path empty = m_dir / "no-fashion";
        fs::create_directories(empty);
        ::setenv("AELAB_FASHION_MNIST_DIR", empty.string().c_str(), 1);
        const ErrorKind io = ErrorKind::Io;
        const std::string message = expectError([] { loadDataset("fashion-mnist", {}); }, &io);
        ::unsetenv("AELAB_FASHION_MNIST_DIR");
        QVERIFY2(contains(message, "Fashion-MNIST not found at " + empty.string()), message.c_str());
        QVERIFY2(contains(message, "dataset-fashion-mnist"), message.c_str());
    }

    void idxTruncated_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("gzip");
        for (int length : {0, 1, 3, 4, 6, 11, 15, 16, 17, 40, 75})
            for (bool gzip : {false, true})
                QTest::addRow("%d bytes %s", length, gzip ? "gzip" : "raw") << length << gzip;
    }

    void idxTruncated()
    {
        QFETCH(int, length);
        QFETCH(bool, gzip);
        Bytes bytes = smallImages(); // 16 header bytes + 60 data bytes
        bytes.resize(std::size_t(length));
        const fs::path path = m_dir / "truncated";
        (gzip ? writeGz : writeRaw)(path, bytes);
        const ErrorKind format = ErrorKind::Format;
        SampleShape shape;
        const std::string message = expectError([&] { readIdxImages(path.string(), shape); }, &format);
        QVERIFY2(contains(message, path.string() + ": "), message.c_str());
        if (length == 0)
            QVERIFY2(contains(message, "empty"), message.c_str());
        else if (length >= 16)
            QVERIFY2(contains(message, "truncated IDX file: expected 60 bytes of data, found "
                                           + std::to_string(length - 16)),
                     message.c_str());
        else
            QVERIFY2(contains(message, "truncated") || contains(message, "not an IDX"), message.c_str());
    }

    void idxHostileHeaders()
    {
        const ErrorKind format = ErrorKind::Format;
        SampleShape shape;
        auto imagesError = [&](const Bytes& bytes, bool gzip = false) {
            const fs::path path = m_dir / "hostile";
            (gzip ? writeGz : writeRaw)(path, bytes);
            return expectError([&] { readIdxImages(path.string(), shape); }, &format);
        };

        // Bit-flipped magic bytes.
        for (int bit : {0, 7, 8, 15, 17, 20, 27}) {
            Bytes bytes = smallImages();
            bytes[std::size_t(bit / 8)] ^= static_cast<unsigned char>(1 << (bit % 8));
            const std::string message = imagesError(bytes);
            QVERIFY2(message[0] != '<', message.c_str());
        }
        // Dimensions whose product overflows 64 bits, or claims gigabytes.
        QVERIFY(contains(imagesError(idxBytes({0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF}, {1, 2, 3})),
                         "implausibly large"));
        QVERIFY(contains(imagesError(idxBytes({1000000000, 28, 28}, {1, 2, 3}), true), "implausibly large"));
        QVERIFY(contains(imagesError(idxBytes({1, 1 << 13, 1 << 13}, {}), true), "implausibly large"));
        // Under the cap but far beyond the data: a truncation, not an allocation.
        QVERIFY(contains(imagesError(idxBytes({2000000, 28, 28}, {1, 2, 3}), true), "truncated"));
        QVERIFY(contains(imagesError(idxBytes({2000000, 28, 28}, {1, 2, 3})), "truncated"));
        QVERIFY(contains(imagesError(idxBytes({5, 0, 4}, {})), "zero dimension"));
        // Longer than the header says.
        Bytes longer = smallImages();
        longer.push_back(1);
        QVERIFY(contains(imagesError(longer), "longer"));
        QVERIFY(contains(imagesError(longer, true), "more data"));
        // Other element types are refused, by name.
        const ErrorKind unsupported = ErrorKind::Unsupported;
        writeRaw(m_dir / "floats", idxBytes({1, 1}, {0, 0, 0, 0}, 0x0D));
        QVERIFY(contains(expectError([&] { readIdxImages((m_dir / "floats").string(), shape); }, &unsupported),
                         "float"));
        // Labels are one-dimensional; images are not.
        writeRaw(m_dir / "labels", smallLabels());
        writeRaw(m_dir / "images", smallImages());
        QVERIFY(contains(expectError([&] { readIdxImages((m_dir / "labels").string(), shape); }, &format),
                         "one-dimensional"));
        QVERIFY(contains(expectError([&] { readIdxLabels((m_dir / "images").string()); }, &format),
                         "labels"));
        // Corrupt deflate data inside a valid gzip wrapper.
        writeGz(m_dir / "corrupt.gz", smallImages());
        Bytes gz = readAll(m_dir / "corrupt.gz");
        for (std::size_t i = 12; i < gz.size() - 8; ++i)
            gz[i] ^= 0x5A;
        QVERIFY(imagesError(gz)[0] != '<');
    }

    void idxMissingFiles()
    {
        const ErrorKind io = ErrorKind::Io;
        SampleShape shape;
        const std::string missing = (m_dir / "does-not-exist").string();
        QVERIFY(contains(expectError([&] { readIdxImages(missing, shape); }, &io), missing));
        QVERIFY(contains(expectError([&] { readIdxLabels(m_dir.string()); }, &io), "directory"));
        QVERIFY(expectError([&] { loadDataset("idx:" + missing); }, &io)[0] != '<');
        const fs::path emptyDir = m_dir / "empty-dir";
        fs::create_directories(emptyDir);
        QVERIFY(contains(expectError([&] { loadDataset(emptyDir.string()); }, &io), "train-images"));
        const ErrorKind invalid = ErrorKind::InvalidArgument;
        QVERIFY(contains(expectError([] { loadDataset("no-such-set"); }, &invalid), "moons"));
    }

    void csvHeaderAndLabels()
    {
        const fs::path path = m_dir / "iris.csv";
        writeText(path, "sepal,petal,species\n"
                        "5.1,1.4,setosa\n"
                        "7.0,4.7,versicolor\r\n"
                        "\n"
                        "# a comment\n"
                        "6.3,6.0,virginica\n"
                        "4.9,1.5,setosa\n");
        const Dataset d = readCsv(path.string());
        QCOMPARE(d.shape, (SampleShape{1, 1, 2}));
        QCOMPARE(d.trainX.rows(), Eigen::Index(4));
        QCOMPARE(d.trainX(1, 1), Scalar(4.7));
        QCOMPARE(d.classNames, (std::vector<std::string>{"setosa", "versicolor", "virginica"}));
        QCOMPARE(d.trainY, (std::vector<int>{0, 1, 2, 0}));

        // No header; numeric labels in the first column chosen by index,
        // remapped in numeric order ("3" and "3.0" are one class).
        const fs::path numbers = m_dir / "numbers.csv";
        writeText(numbers, "10;1,5;2\n3;2,5;3\n3.0;0;1\n");
        CsvOptions options;
        options.labelColumn = "0";
        const Dataset n = readCsv(numbers.string(), options);
        QCOMPARE(n.trainX.rows(), Eigen::Index(3));
        QCOMPARE(n.trainX(0, 0), Scalar(1.5)); // decimal comma with ';'
        QCOMPARE(n.classNames, (std::vector<std::string>{"3", "10"}));
        QCOMPARE(n.trainY, (std::vector<int>{1, 0, 0}));

        options.labelColumn = "last";
        QCOMPARE(readCsv(numbers.string(), options).classNames.size(), std::size_t(3));
        options.labelColumn = "none";
        const Dataset unlabelled = readCsv(numbers.string(), options);
        QVERIFY(!unlabelled.hasLabels());
        QCOMPARE(unlabelled.features(), 3);

        // Tabs, quotes, a header found by name, case-insensitively.
        const fs::path tabs = m_dir / "tabs.csv";
        writeText(tabs, "a\t\"b c\"\tLabel\n1\t\"2\"\t7\n4\t5\t8\n");
        const Dataset t = readCsv(tabs.string());
        QCOMPARE(t.features(), 2);
        QCOMPARE(t.trainX(0, 1), Scalar(2));
        QCOMPARE(t.classNames, (std::vector<std::string>{"7", "8"}));
        options.labelColumn = "B C";
        QCOMPARE(readCsv(tabs.string(), options).trainX(1, 1), Scalar(8));

        // Header-only numbers are not mistaken for a header.
        const fs::path plain = m_dir / "plain.csv";
        writeText(plain, "1,2\n3,4\n");
        QCOMPARE(readCsv(plain.string()).trainX.rows(), Eigen::Index(2));
    }

    void csvErrors()
    {
        const ErrorKind format = ErrorKind::Format;
        const ErrorKind invalid = ErrorKind::InvalidArgument;
        auto csvError = [&](const std::string& text, const std::string& label = "auto",
                            const ErrorKind* kind = nullptr) {
            const fs::path path = m_dir / "bad.csv";
            writeText(path, text);
            CsvOptions options;
            options.labelColumn = label;
            return expectError([&] { readCsv(path.string(), options); }, kind ? kind : &format);
        };
        const std::string file = (m_dir / "bad.csv").string();

        std::string m = csvError("x,y\n1,2\n3,4\n5\n");
        QVERIFY2(contains(m, file + ":4:") && contains(m, "1 cells, expected 2"), m.c_str());
        m = csvError("x,y\n1,2\n3,4,5\n");
        QVERIFY2(contains(m, file + ":3:"), m.c_str());
        m = csvError("x,y\n1,2\n3,abc\n");
        QVERIFY2(contains(m, file + ":3:3:") && contains(m, "'abc' is not a number")
                     && contains(m, "\"y\""), m.c_str());
        m = csvError("1,2\n3,\n");
        QVERIFY2(contains(m, file + ":2:3:") && contains(m, "empty cell"), m.c_str());
        m = csvError("1,2\nnan,4\n");
        QVERIFY2(contains(m, "finite"), m.c_str());
        QVERIFY(contains(csvError(""), "empty"));
        QVERIFY(contains(csvError("\n\n# nothing\n"), "empty"));
        QVERIFY(contains(csvError("a,b,c\n"), "no data rows"));
        QVERIFY(contains(csvError("1,\"2\n"), "unterminated"));
        QVERIFY(contains(csvError("a,b\n1,2\n", "height", &invalid), "a, b"));
        QVERIFY(contains(csvError("1,2\n", "7", &invalid), "out of range"));
        QVERIFY(contains(csvError("1\n2\n", "0"), "no feature columns"));

        const ErrorKind io = ErrorKind::Io;
        QVERIFY(contains(expectError([&] { readCsv((m_dir / "missing.csv").string()); }, &io), "cannot open"));
        QVERIFY(contains(expectError([&] { loadDataset((m_dir / "missing.csv").string()); }, &io), "missing.csv"));

        // The byte cap answers before reading.
        writeText(m_dir / "big.csv", std::string(2048, '1'));
        CsvOptions tiny;
        tiny.maxBytes = 1024;
        const ErrorKind unsupported = ErrorKind::Unsupported;
        QVERIFY(contains(expectError([&] { readCsv((m_dir / "big.csv").string(), tiny); }, &unsupported), "limit"));
    }

    void csvThroughCatalog()
    {
        const fs::path path = m_dir / "table.csv";
        std::string text = "f1,f2,f3,label\n";
        for (int i = 0; i < 50; ++i)
            text += std::to_string(i) + "," + std::to_string(i * 2) + "," + std::to_string(i % 7) + ","
                + (i % 3 == 0 ? "a" : "b") + "\n";
        writeText(path, text);
        LoadOptions options;
        const Dataset d = loadDataset(path.string(), options);
        QCOMPARE(d.name, std::string("table.csv"));
        QCOMPARE(d.trainX.rows(), Eigen::Index(40));
        QCOMPARE(d.testX.rows(), Eigen::Index(10));
        QCOMPARE(d.testY.size(), std::size_t(10));
        QCOMPARE(d.shape, (SampleShape{1, 1, 3}));
        QCOMPARE(d.classNames, (std::vector<std::string>{"a", "b"}));
        // Rows keep their labels through the split.
        for (Eigen::Index r = 0; r < d.trainX.rows(); ++r)
            QCOMPARE(d.trainY[std::size_t(r)], int(d.trainX(r, 0)) % 3 == 0 ? 0 : 1);
        QCOMPARE(loadDataset(path.string(), options).fingerprint, d.fingerprint);
        options.seed = 2;
        const Dataset other = loadDataset(path.string(), options);
        QVERIFY(other.fingerprint != d.fingerprint);
        QVERIFY(other.trainX != d.trainX);
        options.limit = 5;
        QCOMPARE(loadDataset(path.string(), options).trainX.rows(), Eigen::Index(5));
    }

    void synthetic_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("dims");
        QTest::addColumn<int>("classes");
        QTest::newRow("moons") << "moons" << 2 << 2;
        QTest::newRow("circles") << "circles" << 2 << 2;
        QTest::newRow("spiral") << "spiral" << 2 << 3;
        QTest::newRow("spiral:4") << "spiral:4" << 2 << 4;
        QTest::newRow("gaussians") << "gaussians" << 2 << 5;
        QTest::newRow("gaussians:8") << "gaussians:8" << 2 << 8;
        QTest::newRow("swiss-roll") << "swiss-roll" << 3 << 5;
        QTest::newRow("s-curve") << "s-curve" << 3 << 5;
    }

    void synthetic()
    {
        QFETCH(QString, spec);
        QFETCH(int, dims);
        QFETCH(int, classes);
        LoadOptions options;
        options.syntheticSamples = 600;
        const Dataset d = loadDataset(spec.toStdString(), options);
        QCOMPARE(d.shape, (SampleShape{1, 1, dims}));
        QCOMPARE(d.trainX.rows(), Eigen::Index(600));
        QCOMPARE(d.testX.rows(), Eigen::Index(100));
        QCOMPARE(d.trainY.size(), std::size_t(600));
        QCOMPARE(d.classNames.size(), std::size_t(classes));
        QVERIFY(d.trainX.allFinite());
        QVERIFY(d.trainX.cwiseAbs().maxCoeff() < 5);
        std::set<int> seen(d.trainY.begin(), d.trainY.end());
        QCOMPARE(int(seen.size()), classes);
        QCOMPARE(*seen.begin(), 0);
        QCOMPARE(*seen.rbegin(), classes - 1);
        QVERIFY(d.testX != d.trainX.topRows(100)); // separate streams

        const Dataset same = loadDataset(spec.toStdString(), options);
        QVERIFY(same.trainX == d.trainX && same.testX == d.testX && same.trainY == d.trainY);
        QCOMPARE(same.fingerprint, d.fingerprint);
        options.seed = 99;
        const Dataset other = loadDataset(spec.toStdString(), options);
        QVERIFY(other.trainX != d.trainX);
        QVERIFY(other.fingerprint != d.fingerprint);
        options.limit = 50;
        options.testLimit = 7;
        const Dataset small = loadDataset(spec.toStdString(), options);
        QCOMPARE(small.trainX.rows(), Eigen::Index(50));
        QCOMPARE(small.testX.rows(), Eigen::Index(7));
    }

    void syntheticGeometry()
    {
        // Noise-free sets lie exactly on their curves.
        Rng rng(5);
        const Samples circles = makeCircles(200, 0.0, rng, 0.5);
        for (int i = 0; i < 200; ++i) {
            const double r = double(circles.x.row(i).norm());
            QVERIFY(std::abs(r - (circles.y[std::size_t(i)] == 0 ? 1.0 : 0.5)) < 1e-5);
        }
        const Samples blobs = makeGaussians(400, 4, 0.0, rng);
        QVERIFY(std::abs(double(blobs.x.row(0).norm()) - 2.0) < 1e-5);
        const Samples roll = makeSwissRoll(300, 0.0, rng);
        std::vector<int> perBin(5);
        for (int y : roll.y)
            ++perBin[std::size_t(y)];
        for (int count : perBin)
            QVERIFY(count > 30); // position bins are roughly even
        const ErrorKind invalid = ErrorKind::InvalidArgument;
        QVERIFY(expectError([&] { makeMoons(10, -1, rng); }, &invalid)[0] != '<');
        QVERIFY(expectError([&] { loadDataset("spiral:0"); }, &invalid)[0] != '<');
        QVERIFY(expectError([&] { loadDataset("spiral:x"); }, &invalid)[0] != '<');
    }

    void shapes()
    {
        Rng rng(3);
        const Samples s = makeShapes(600, rng);
        QCOMPARE(s.x.rows(), Eigen::Index(600));
        QCOMPARE(s.x.cols(), Eigen::Index(28 * 28));
        QVERIFY(inUnitRange(s.x));
        const int classes = int(shapeClassNames().size());
        QVERIFY(classes >= 6);
        std::vector<int> perClass(static_cast<std::size_t>(classes));
        for (int i = 0; i < 600; ++i) {
            ++perClass[std::size_t(s.y[std::size_t(i)])];
            QVERIFY2(s.x.row(i).maxCoeff() > 0.5, qPrintable(QString("image %1 is faint").arg(i)));
            QVERIFY(s.x.row(i).minCoeff() == 0); // a background remains
        }
        for (int count : perClass)
            QVERIFY(count > 0);

        LoadOptions options;
        options.syntheticSamples = 200;
        const Dataset d = loadDataset("shapes", options);
        QCOMPARE(d.shape, (SampleShape{1, 28, 28}));
        QCOMPARE(d.classNames, shapeClassNames());
        QCOMPARE(loadDataset("shapes", options).fingerprint, d.fingerprint);
    }

    void builtinList()
    {
        const auto list = builtinDatasets();
        QVERIFY(list.size() >= 8);
        LoadOptions options;
        options.syntheticSamples = 100;
        options.limit = 100;
        for (const DatasetInfo& info : list) {
            QVERIFY(!info.description.empty());
            const Dataset d = loadDataset(info.name, options);
            QCOMPARE(d.shape.isImage(), info.isImage);
        }
    }

    void fuzzIdx_data()
    {
        QTest::addColumn<bool>("gzip");
        QTest::newRow("raw") << false;
        QTest::newRow("gzip") << true;
    }

    void fuzzIdx()
    {
        QFETCH(bool, gzip);
        const fs::path clean = m_dir / "fuzz-clean";
        (gzip ? writeGz : writeRaw)(clean, smallImages());
        const Bytes original = readAll(clean);
        const fs::path path = m_dir / "fuzz";
        Rng rng(gzip ? 11 : 12);
        int ok = 0;
        for (int round = 0; round < 300; ++round) {
            Bytes bytes = original;
            if (round % 3 == 0) {
                bytes.resize(std::size_t(rng.below(bytes.size() + 1)));
            } else {
                const int flips = 1 + int(rng.below(4));
                for (int f = 0; f < flips; ++f)
                    bytes[std::size_t(rng.below(bytes.size()))] ^= static_cast<unsigned char>(1 + rng.below(255));
            }
            writeRaw(path, bytes);
            try {
                SampleShape shape;
                const Matrix x = readIdxImages(path.string(), shape, round % 2 ? -1 : 3);
                QVERIFY(x.rows() * Eigen::Index(shape.size()) == x.size());
                QVERIFY(inUnitRange(x));
                ++ok;
            } catch (const Error&) {
            } catch (...) {
                QFAIL(qPrintable(QString("round %1: not an aelab::Error").arg(round)));
            }
        }
        qInfo("%d of 300 mutated IDX files still parsed", ok);
    }

    void fuzzCsv()
    {
        const std::string original = "a,b,c,label\n1,2.5,3,x\n4,-5e3,6,y\n\"7\",8,9,x\n10,11,12,z\n";
        Rng rng(13);
        const fs::path path = m_dir / "fuzz.csv";
        const char alphabet[] = ",;\t\"\n\r#.e+-0123456789abc \xEF\xBB\xBF";
        writeText(path, original);
        QCOMPARE(readCsv(path.string()).trainX.rows(), Eigen::Index(4));
        int ok = 0;
        for (int round = 0; round < 300; ++round) {
            std::string text = original;
            if (round % 3 == 0) {
                text.resize(std::size_t(rng.below(text.size() + 1)));
            } else {
                const int flips = 1 + int(rng.below(4));
                for (int f = 0; f < flips; ++f)
                    text[std::size_t(rng.below(text.size()))] =
                        round % 2 ? char(rng.below(256)) : alphabet[rng.below(sizeof alphabet - 1)];
            }
            writeText(path, text);
            try {
                CsvOptions options;
                options.labelColumn = round % 4 == 0 ? "last" : "auto";
                const Dataset d = readCsv(path.string(), options);
                QVERIFY(d.trainX.allFinite());
                QVERIFY(d.trainY.empty() || d.trainY.size() == std::size_t(d.trainX.rows()));
                for (int y : d.trainY)
                    QVERIFY(y >= 0 && y < int(d.classNames.size()));
                ++ok;
            } catch (const Error&) {
            } catch (...) {
                QFAIL(qPrintable(QString("round %1: not an aelab::Error").arg(round)));
            }
        }
        qInfo("%d of 300 mutated CSV files still parsed", ok);
    }
};

QTEST_APPLESS_MAIN(DataTest)
#include "test_data.moc"
