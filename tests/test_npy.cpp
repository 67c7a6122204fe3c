// .npy and CSV export: NumPy-identical bytes (checked against files made by
// NumPy itself, committed under fixtures/io), a validating reader, and CSV
// text that reads back exactly.
#include "TestSupport.h"

#include "io/CsvWriter.h"
#include "io/Npy.h"
#include "math/Error.h"

#include <QtTest>

#include <clocale>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>

using namespace aelab;
using aelab::test::Outcome;
using aelab::test::outcomeOf;
using aelab::test::readBytes;
using aelab::test::writeBytes;
namespace fs = std::filesystem;

namespace {

// A version 1.0 .npy file with the given header dict text and data bytes.
std::string npyFile(const std::string& dict, const std::string& data)
{
    std::string header = dict + "\n";
    std::string s("\x93NUMPY\x01\x00", 8);
    s += static_cast<char>(header.size() & 0xff);
    s += static_cast<char>(header.size() >> 8);
    return s + header + data;
}

bool bitIdentical(const Matrix& a, const Matrix& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
           && (a.size() == 0 || std::memcmp(a.data(), b.data(), sizeof(Scalar) * a.size()) == 0);
}

// The matrix that fixtures/io/make_npy_fixture.py saves as small.npy.
Matrix smallMatrix()
{
    Matrix m(3, 4);
    m << 0.0f, 1.5f, -2.25f, 3.0f, -0.0f, 1024.0f, 0.125f, -7.75f, std::ldexp(1.0f, -20), -65504.0f,
        0.5f, 100.0f;
    return m;
}

} // namespace

// Expects `expr` to throw an aelab::Error of `errKind` whose message contains `needle`.
#define EXPECT_ERROR(expr, errKind, needle)                                                        \
    do {                                                                                           \
        const Outcome o_ = outcomeOf([&] { expr; });                                               \
        QVERIFY2(!o_.threwOther, ("non-aelab exception: " + o_.message).c_str());                  \
        QVERIFY2(o_.threwAelab, "no exception thrown");                                            \
        QVERIFY2(o_.kind == (errKind), ("wrong error kind: " + o_.message).c_str());               \
        QVERIFY2(o_.message.find(needle) != std::string::npos,                                     \
                 ("expected '" + std::string(needle) + "' in: " + o_.message).c_str());            \
    } while (0)

class TestNpy : public QObject {
    Q_OBJECT

private:
    fs::path m_dir;

    std::string pathOf(const std::string& name) const { return (m_dir / name).string(); }

    void expectRejected(const std::string& bytes, const std::string& needle)
    {
        const std::string path = pathOf("hostile.npy");
        writeBytes(path, bytes);
        EXPECT_ERROR(readNpy(path), ErrorKind::Format, needle);
        EXPECT_ERROR(readNpy(path), ErrorKind::Format, path);
    }

private slots:
    void init() { m_dir = test::freshTempDir("npy"); }
    void cleanup() { fs::remove_all(m_dir); }

    void roundTrip()
    {
        std::mt19937 rng(7);
        std::normal_distribution<float> normal;
        Matrix m(5, 7);
        for (Eigen::Index i = 0; i < m.size(); ++i)
            m.data()[i] = normal(rng);
        const std::string path = pathOf("m.npy");
        writeNpy(path, m);
        QVERIFY(bitIdentical(readNpy(path), m));

        for (const auto& [rows, cols] : {std::pair{0, 3}, std::pair{3, 0}, std::pair{1, 1}}) {
            const Matrix e = Matrix::Constant(rows, cols, 2.5f);
            writeNpy(path, e);
            QVERIFY(bitIdentical(readNpy(path), e));
        }
    }

    void headerIsAligned()
    {
        const std::string path = pathOf("m.npy");
        writeNpy(path, Matrix::Zero(12345, 3));
        const std::string bytes = readBytes(path);
        QVERIFY(bytes.compare(0, 8, std::string("\x93NUMPY\x01\x00", 8)) == 0);
        const std::size_t headerBytes =
            static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
        QCOMPARE((10 + headerBytes) % 64, std::size_t(0));
        QCOMPARE(bytes[10 + headerBytes - 1], '\n');
        QVERIFY(bytes.find("'descr': '<f4'") != std::string::npos);
        QVERIFY(bytes.find("'shape': (12345, 3)") != std::string::npos);
        QCOMPARE(bytes.size(), 10 + headerBytes + 12345 * 3 * 4);
    }

    void matchesNumpyFixtures()
    {
        const Matrix expected = smallMatrix();
        const fs::path small = test::fixture("io/small.npy");
        QVERIFY(bitIdentical(readNpy(small.string()), expected));
        const std::string path = pathOf("small.npy");
        writeNpy(path, expected);
        QVERIFY2(readBytes(path) == readBytes(small), "writeNpy differs from numpy.save");

        const std::vector<int> labels = {0, 3, -1, 9, 2147483647};
        const fs::path labelsFixture = test::fixture("io/labels.npy");
        QCOMPARE(readNpyInt(labelsFixture.string()), labels);
        writeNpyInt(pathOf("labels.npy"), labels);
        QVERIFY2(readBytes(pathOf("labels.npy")) == readBytes(labelsFixture),
                 "writeNpyInt differs from numpy.save");

        // float64 1-D, NumPy's default dtype: a 1 x n row.
        Matrix row(1, 4);
        row << 1.0f, -0.5f, 0.25f, 8.0f;
        QVERIFY(bitIdentical(readNpy(test::fixture("io/vector_f8.npy").string()), row));
    }

    void intsRoundTrip()
    {
        const std::string path = pathOf("ints.npy");
        writeNpyInt(path, {});
        QVERIFY(readNpyInt(path).empty());
        writeNpyInt(path, {-2147483647 - 1, 5});
        QCOMPARE(readNpyInt(path), std::vector<int>({-2147483647 - 1, 5}));

        writeBytes(path, npyFile("{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }",
                                 std::string("\x00\x00\x00\x00\x01\x00\x00\x00", 8)));
        EXPECT_ERROR(readNpyInt(path), ErrorKind::Format, "does not fit");
        EXPECT_ERROR(readNpy(path), ErrorKind::Format, "'<i8'");
        EXPECT_ERROR(readNpyInt(test::fixture("io/small.npy").string()), ErrorKind::Format, "'<f4'");
    }

    void malformedFilesAreRejected()
    {
        const std::string four(16, '\0');
        expectRejected("", "too short");
        expectRejected("PK\x03\x04 this is a zip file", "bad magic");
        expectRejected(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", four + "x"),
                       "data size");
        expectRejected(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", four),
                       "data size");
        expectRejected(npyFile("{'descr': '>f4', 'fortran_order': False, 'shape': (2, 2), }", four),
                       "'>f4'");
        expectRejected(npyFile("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (4,), }", four),
                       "expected a string");
        expectRejected(npyFile("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", four),
                       "Fortran");
        expectRejected(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 2), }", four),
                       "3 dimensions");
        expectRejected(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", "1234"),
                       "0 dimensions");
        expectRejected(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", four),
                       "too large");
        expectRejected(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999999,), }", four),
                       "too large");
        expectRejected(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (-1, 4), }", four),
                       "non-negative");
        expectRejected(npyFile("{'descr': '<f4', 'fortran_order': False}", four), "shape");
        expectRejected(npyFile("{'descr': '<f4', 'fortran_order': False, 'shape': (4,), 'x': 1}", four),
                       "unexpected key");
        expectRejected(npyFile("{'descr': '<f4", four), "unterminated");
        std::string hugeLength = npyFile("{}", four);
        hugeLength[8] = hugeLength[9] = '\xff';
        expectRejected(hugeLength, "header length");
        std::string version9 = npyFile("{}", four);
        version9[6] = 9;
        expectRejected(version9, "version 9");
    }

    void truncationsAndBitFlipsNeverCrash()
    {
        const std::string bytes = readBytes(test::fixture("io/small.npy"));
        const std::string path = pathOf("damaged.npy");
        for (std::size_t n = 0; n < bytes.size(); ++n) {
            writeBytes(path, bytes.substr(0, n));
            const Outcome o = outcomeOf([&] { readNpy(path); });
            QVERIFY2(o.threwAelab && !o.threwOther, ("truncation to " + std::to_string(n)).c_str());
        }
        // No checksum in .npy: a flip in the data changes a value, one in the
        // header must be refused or read as some valid array.
        for (std::size_t pos = 0; pos < bytes.size(); ++pos) {
            for (int bit = 0; bit < 8; ++bit) {
                std::string b = bytes;
                b[pos] = static_cast<char>(b[pos] ^ (1 << bit));
                writeBytes(path, b);
                const Outcome o = outcomeOf([&] { readNpy(path); });
                QVERIFY2(!o.threwOther, o.message.c_str());
            }
        }
    }

    void missingFiles()
    {
        const std::string missing = pathOf("missing.npy");
        EXPECT_ERROR(readNpy(missing), ErrorKind::Io, missing);
        EXPECT_ERROR(readNpyInt(missing), ErrorKind::Io, missing);
        const std::string noDir = pathOf("none/out.npy");
        EXPECT_ERROR(writeNpy(noDir, smallMatrix()), ErrorKind::Io, noDir);
        EXPECT_ERROR(writeNpyInt(noDir, {1}), ErrorKind::Io, noDir);
        EXPECT_ERROR(writeCsv(pathOf("none/out.csv"), smallMatrix()), ErrorKind::Io, "none/out.csv");
    }

    void csvText()
    {
        Matrix m(3, 2);
        m << 0.1f, -1.5f, -0.0f, 1e-45f, std::numeric_limits<float>::quiet_NaN(),
            -std::numeric_limits<float>::infinity();
        const std::string path = pathOf("out.csv");
        writeCsv(path, m, {"z0", "z,\"1\""}, {7, 8, 9});
        QCOMPARE(readBytes(path), std::string("label,z0,\"z,\"\"1\"\"\"\n"
                                              "7,0.1,-1.5\n"
                                              "8,-0,1e-45\n"
                                              "9,nan,-inf\n"));
        writeCsv(path, m.topRows(1));
        QCOMPARE(readBytes(path), std::string("0.1,-1.5\n"));

        EXPECT_ERROR(writeCsv(path, m, {"only one"}), ErrorKind::InvalidArgument, "column names");
        EXPECT_ERROR(writeCsv(path, m, {}, {1, 2}), ErrorKind::InvalidArgument, "labels");
        QCOMPARE(readBytes(path), std::string("0.1,-1.5\n"));
    }

    void csvReadsBackExactly()
    {
        std::mt19937 rng(99);
        Matrix m(50, 4);
        for (Eigen::Index i = 0; i < m.size(); ++i) {
            std::uint32_t bits = rng() & 0x7f7fffffu; // finite values of any magnitude
            float v;
            std::memcpy(&v, &bits, 4);
            m.data()[i] = (i % 2) ? -v : v;
        }
        // A decimal comma locale must not leak into the file.
        const bool german = std::setlocale(LC_NUMERIC, "de_DE.UTF-8") != nullptr;
        const std::string path = pathOf("exact.csv");
        writeCsv(path, m);
        std::setlocale(LC_NUMERIC, "C");

        std::istringstream in(readBytes(path));
        std::string line;
        Eigen::Index r = 0;
        while (std::getline(in, line)) {
            std::istringstream fields(line);
            std::string field;
            Eigen::Index c = 0;
            while (std::getline(fields, field, ',')) {
                const float v = std::strtof(field.c_str(), nullptr);
                QVERIFY2(std::memcmp(&v, &m(r, c), 4) == 0, field.c_str());
                ++c;
            }
            QCOMPARE(c, m.cols());
            ++r;
        }
        QCOMPARE(r, m.rows());
        if (!german)
            qInfo("de_DE.UTF-8 locale not installed: decimal-comma check skipped");
    }
};

QTEST_APPLESS_MAIN(TestNpy)
#include "test_npy.moc"
