// Safetensors model files and atomic writes: bit-exact round trips, the exact
// byte layout, and a reader that refuses every malformed file with an
// aelab::Error instead of crashing or allocating what a header claims.
#include "TestSupport.h"

#include "io/AtomicFile.h"
#include "io/Safetensors.h"
#include "math/Checksum.h"
#include "math/Error.h"

#include <QtTest>

#include <algorithm>
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

std::string u64le(std::uint64_t v)
{
    std::string s(8, '\0');
    for (int i = 0; i < 8; ++i)
        s[static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
    return s;
}

// Hand-written JSON with ' for " (keeps the tests readable and moc happy:
// it does not parse raw string literals).
std::string q(std::string text)
{
    std::replace(text.begin(), text.end(), '\'', '"');
    return text;
}

// A safetensors file from a hand-written header and buffer.
std::string rawFile(const std::string& header, const std::string& buffer)
{
    return u64le(header.size()) + header + buffer;
}

std::string floatBytes(std::initializer_list<float> values)
{
    std::string s;
    for (float v : values)
        s.append(reinterpret_cast<const char*>(&v), sizeof v);
    return s;
}

// Same shapes and bit-identical data, in order; names too unless told not to.
bool sameTensors(const TensorFile& a, const TensorFile& b, bool compareNames = true)
{
    if (a.tensors.size() != b.tensors.size())
        return false;
    for (std::size_t i = 0; i < a.tensors.size(); ++i) {
        const Tensor& x = a.tensors[i];
        const Tensor& y = b.tensors[i];
        if ((compareNames && x.name != y.name) || x.shape != y.shape || x.data.size() != y.data.size())
            return false;
        if (!x.data.empty() && std::memcmp(x.data.data(), y.data.data(), x.data.size() * 4) != 0)
            return false;
    }
    return true;
}

TensorFile smallFile()
{
    TensorFile f;
    f.tensors.push_back({"encoder.0.weight", {2, 3}, {1.f, -2.f, 0.5f, -0.f, 3.25f, 1e-3f}});
    f.tensors.push_back({"encoder.0.bias", {2}, {0.25f, -7.f}});
    f.metadata["variant"] = "dense";
    return f;
}

} // namespace

// Expects `expr` to throw an aelab::Error of `errKind` whose message names `path`.
#define EXPECT_ERROR(expr, errKind, path)                                                          \
    do {                                                                                           \
        const Outcome o_ = outcomeOf([&] { expr; });                                               \
        QVERIFY2(!o_.threwOther, ("non-aelab exception: " + o_.message).c_str());                  \
        QVERIFY2(o_.threwAelab, "no exception thrown");                                            \
        QVERIFY2(o_.kind == (errKind), ("wrong error kind: " + o_.message).c_str());               \
        QVERIFY2(o_.message.find(path) != std::string::npos,                                       \
                 ("message does not name the file: " + o_.message).c_str());                       \
    } while (0)

class TestSafetensors : public QObject {
    Q_OBJECT

private:
    fs::path m_dir;

    std::string pathOf(const std::string& name) const { return (m_dir / name).string(); }

    // Writes `bytes` and checks that reading them throws a Format error
    // containing `needle`.
    void expectRejected(const std::string& bytes, const std::string& needle)
    {
        const std::string path = pathOf("hostile.safetensors");
        writeBytes(path, bytes);
        const Outcome o = outcomeOf([&] { readSafetensors(path); });
        QVERIFY2(!o.threwOther, ("non-aelab exception: " + o.message).c_str());
        QVERIFY2(o.threwAelab, ("accepted a bad file expected to fail with: " + needle).c_str());
        QVERIFY2(o.kind == ErrorKind::Format, o.message.c_str());
        QVERIFY2(o.message.find(path) != std::string::npos, o.message.c_str());
        QVERIFY2(o.message.find(needle) != std::string::npos,
                 ("expected '" + needle + "' in: " + o.message).c_str());
    }

private slots:
    void init() { m_dir = test::freshTempDir("io"); }
    void cleanup() { fs::remove_all(m_dir); }

    void roundTripIsBitExact()
    {
        std::mt19937 rng(1234);
        TensorFile f;
        Tensor random{"random", {17, 13}, {}};
        for (int i = 0; i < 17 * 13; ++i) {
            // Any bit pattern: NaNs with payloads, infinities, denormals.
            const std::uint32_t bits = rng();
            float v;
            std::memcpy(&v, &bits, 4);
            random.data.push_back(v);
        }
        f.tensors.push_back(random);
        Tensor special{"special", {8}, {}};
        for (std::uint32_t bits : {0x80000000u, 0x00000001u, 0x007fffffu, 0x7fa00001u, 0xffc00000u,
                                   0x7f800000u, 0xff800000u, 0x7fffffffu}) {
            float v;
            std::memcpy(&v, &bits, 4);
            special.data.push_back(v);
        }
        f.tensors.push_back(special);
        f.tensors.push_back({"empty", {2, 0}, {}});
        f.tensors.push_back({"scalar", {}, {42.f}});
        f.tensors.push_back({"cube", {2, 1, 2}, {1.f, 2.f, 3.f, 4.f}});

        const std::string path = pathOf("model.safetensors");
        writeSafetensors(path, f);
        const TensorFile back = readSafetensors(path);
        QVERIFY(sameTensors(f, back));

        // Writing what was read gives the same bytes.
        const std::string path2 = pathOf("again.safetensors");
        writeSafetensors(path2, back);
        QVERIFY(readBytes(path) == readBytes(path2));
    }

    void metadataRoundTrips()
    {
        TensorFile f = smallFile();
        const nlohmann::json history = {{{"epoch", 1}, {"loss", 0.5}}, {{"epoch", 2}, {"loss", 0.25}}};
        f.metadata["history"] = history.dump();
        f.metadata["unicode"] = "\xc2\xb5-test \xe2\x9c\x93";
        f.metadata["epochs"] = 12; // not a string: stored as its JSON text
        const std::string path = pathOf("meta.safetensors");
        writeSafetensors(path, f);

        const TensorFile back = readSafetensors(path);
        QCOMPARE(back.metadata["variant"].get<std::string>(), std::string("dense"));
        QCOMPARE(back.metadata["unicode"].get<std::string>(), f.metadata["unicode"].get<std::string>());
        QCOMPARE(back.metadata["epochs"].get<std::string>(), std::string("12"));
        QVERIFY(nlohmann::json::parse(back.metadata["history"].get<std::string>()) == history);
        QCOMPARE(back.metadata["format"].get<std::string>(), std::string("pt"));
        QCOMPARE(back.metadata["aelab_checksum"].get<std::string>().size(), std::size_t(16));
        for (const auto& [key, value] : back.metadata.items())
            QVERIFY2(value.is_string(), key.c_str());
    }

    void byteLayoutMatchesTheSpec()
    {
        TensorFile f;
        f.tensors.push_back({"a", {2}, {1.f, -2.f}});
        const std::string path = pathOf("layout.safetensors");
        writeSafetensors(path, f);

        const std::string buffer("\x00\x00\x80\x3f\x00\x00\x00\xc0", 8);
        Fnv1a hash;
        hash.add(buffer.data(), buffer.size());
        std::string header = q("{'__metadata__':{'format':'pt','aelab_checksum':'") + hash.hex()
                             + q("'},'a':{'dtype':'F32','shape':[2],'data_offsets':[0,8]}}");
        header.append((8 - header.size() % 8) % 8, ' ');
        QCOMPARE(header.size() % 8, std::size_t(0));
        const std::string expected = u64le(header.size()) + header + buffer;
        const std::string actual = readBytes(path);
        QVERIFY2(actual == expected, actual.c_str());
    }

    void readsForeignFiles()
    {
        // No metadata, no checksum, keys out of offset order, an empty tensor,
        // whitespace padding: as another writer may produce.
        const std::string header =
            q("{'b':{'dtype':'F32','shape':[1,2],'data_offsets':[4,12]},"
            "'z':{'dtype':'F32','shape':[0],'data_offsets':[12,12]},"
            "'a':{'dtype':'F32','shape':[],'data_offsets':[0,4]}}     ");
        const std::string path = pathOf("foreign.safetensors");
        writeBytes(path, rawFile(header, floatBytes({9.f, 1.f, 2.f})));
        const TensorFile f = readSafetensors(path);
        QCOMPARE(f.tensors.size(), std::size_t(3));
        QCOMPARE(f.tensors[0].name, std::string("a"));
        QCOMPARE(f.tensors[0].data, std::vector<float>({9.f}));
        QCOMPARE(f.tensors[1].name, std::string("b"));
        QCOMPARE(f.tensors[1].data, std::vector<float>({1.f, 2.f}));
        QCOMPARE(f.tensors[2].name, std::string("z"));
        QVERIFY(f.tensors[2].data.empty());
        QVERIFY(f.metadata.is_object() && f.metadata.empty());
    }

    void everyTruncationIsRejected()
    {
        const std::string path = pathOf("full.safetensors");
        writeSafetensors(path, smallFile());
        const std::string bytes = readBytes(path);
        const std::string cut = pathOf("cut.safetensors");
        for (std::size_t n = 0; n < bytes.size(); ++n) {
            writeBytes(cut, bytes.substr(0, n));
            const Outcome o = outcomeOf([&] { readSafetensors(cut); });
            QVERIFY2(!o.threwOther, o.message.c_str());
            QVERIFY2(o.threwAelab, ("truncation to " + std::to_string(n) + " bytes accepted").c_str());
        }
    }

    void bitFlipsAreCaughtOrHarmless()
    {
        const TensorFile original = smallFile();
        const std::string path = pathOf("full.safetensors");
        writeSafetensors(path, original);
        const std::string bytes = readBytes(path);
        std::uint64_t headerBytes = 0;
        std::memcpy(&headerBytes, bytes.data(), 8);
        const std::size_t bufferStart = 8 + headerBytes;

        const std::string flipped = pathOf("flipped.safetensors");
        int rejected = 0;
        int accepted = 0;
        for (std::size_t pos = 0; pos < bytes.size(); ++pos) {
            for (int bit = 0; bit < 8; ++bit) {
                std::string b = bytes;
                b[pos] = static_cast<char>(b[pos] ^ (1 << bit));
                writeBytes(flipped, b);
                TensorFile loaded;
                const Outcome o = outcomeOf([&] { loaded = readSafetensors(flipped); });
                QVERIFY2(!o.threwOther, o.message.c_str());
                const std::string where = "flip of bit " + std::to_string(bit) + " at byte " + std::to_string(pos);
                if (pos >= bufferStart)
                    QVERIFY2(o.threwAelab, (where + " in the data buffer was not detected").c_str());
                if (o.threwAelab) {
                    ++rejected;
                } else {
                    // A flip that still parses (inside a metadata value or a
                    // tensor name, which the checksum does not cover) must not
                    // change the weights.
                    QVERIFY2(pos < bufferStart, where.c_str());
                    QVERIFY2(sameTensors(original, loaded, false), (where + " changed the weights").c_str());
                    ++accepted;
                }
            }
        }
        QVERIFY(rejected > accepted);
    }

    void hostileHeadersAreRejected()
    {
        const std::string eight = floatBytes({1.f, 2.f});
        const std::string okHeader = q("{'a':{'dtype':'F32','shape':[2],'data_offsets':[0,8]}}");

        expectRejected(u64le(1ull << 63) + okHeader + eight, "header length");
        expectRejected(u64le(1ull << 40) + okHeader + eight, "header length");
        expectRejected(u64le(okHeader.size() + 9) + okHeader + eight, "header length");
        expectRejected(rawFile("{not json", eight), "not valid JSON");
        expectRejected(rawFile("[1, 2]", eight), "not a JSON object");
        expectRejected(rawFile("", eight), "not valid JSON");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[2],'data_offsets':[0,16]}}"), eight),
                       "outside");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[2],'data_offsets':[0,18446744073709551615]}}"), eight),
                       "outside");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[2],'data_offsets':[8,0]}}"), eight),
                       "outside");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[2],'data_offsets':[-1,8]}}"), eight),
                       "data_offsets");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[2],'data_offsets':[0.0,8.0]}}"), eight),
                       "data_offsets");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[2],'data_offsets':[0]}}"), eight),
                       "data_offsets");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[2]}}"), eight), "data_offsets");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[2],'data_offsets':[0,8]},"
                               "'b':{'dtype':'F32','shape':[2],'data_offsets':[4,12]}}"),
                               floatBytes({1.f, 2.f, 3.f})),
                       "overlaps");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[1],'data_offsets':[0,4]},"
                               "'b':{'dtype':'F32','shape':[1],'data_offsets':[8,12]}}"),
                               floatBytes({1.f, 2.f, 3.f})),
                       "gap");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[1],'data_offsets':[0,4]}}"), eight),
                       "no tensor accounts for");
        expectRejected(rawFile(q("{'a':{'dtype':'F16','shape':[4],'data_offsets':[0,8]}}"), eight),
                       "dtype F16");
        expectRejected(rawFile(q("{'a':{'dtype':'I64','shape':[1],'data_offsets':[0,8]}}"), eight),
                       "dtype I64");
        expectRejected(rawFile(q("{'a':{'shape':[2],'data_offsets':[0,8]}}"), eight), "dtype");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[3],'data_offsets':[0,8]}}"), eight),
                       "needs 12 bytes");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[1099511627776,1099511627776],'data_offsets':[0,8]}}"), eight),
                       "too large");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[4611686018427387904,1],'data_offsets':[0,8]}}"), eight),
                       "too large");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[1099511627776,1099511627776,0],'data_offsets':[0,8]}}"), eight),
                       "too large");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[18446744073709551615],'data_offsets':[0,8]}}"), eight),
                       "too large");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[-1,-2],'data_offsets':[0,8]}}"), eight),
                       "negative");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[2.0],'data_offsets':[0,8]}}"), eight),
                       "shape");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':'2','data_offsets':[0,8]}}"), eight),
                       "shape");
        expectRejected(rawFile(q("{'a':[1,2]}"), eight), "not an object");
        expectRejected(rawFile(q("{'a':{'dtype':'F32','shape':[1],'data_offsets':[0,4]},"
                               "'a':{'dtype':'F32','shape':[1],'data_offsets':[4,8]}}"), eight),
                       "duplicate");
        expectRejected(rawFile(q("{'__metadata__':[],") + okHeader.substr(1), eight), "__metadata__");
        expectRejected(rawFile(q("{'__metadata__':{'x':1},") + okHeader.substr(1), eight),
                       "not a string");
        expectRejected(rawFile(q("{'__metadata__':{'aelab_checksum':'0000000000000000'},")
                                   + okHeader.substr(1),
                               eight),
                       "checksum mismatch: the file is corrupt");
        expectRejected(rawFile(q("{'__metadata__':{'x':") + std::string(100000, '[')
                                   + std::string(100000, ']') + "}}",
                               ""),
                       "nested too deeply");
        expectRejected(rawFile("{\"a\":{\"dtype\":\"F32\xff\"}}", eight), "not valid JSON");

        // 5000 empty tensors: over the tensor cap, though each is valid.
        std::string many = "{";
        for (int i = 0; i < 5000; ++i) {
            if (i > 0)
                many += ',';
            many += q("'t");
            many += std::to_string(i);
            many += q("':{'dtype':'F32','shape':[0],'data_offsets':[0,0]}");
        }
        many += "}";
        expectRejected(rawFile(many, ""), "4096 tensors");
    }

    void missingFilesAreIoErrors()
    {
        const std::string missing = pathOf("missing.safetensors");
        EXPECT_ERROR(readSafetensors(missing), ErrorKind::Io, missing);
        EXPECT_ERROR(readSafetensors(m_dir.string()), ErrorKind::Io, m_dir.string());
        const std::string noDir = pathOf("no/such/dir/model.safetensors");
        EXPECT_ERROR(writeSafetensors(noDir, smallFile()), ErrorKind::Io, noDir);
    }

    void writerRejectsInvalidInput()
    {
        const std::string path = pathOf("model.safetensors");
        writeSafetensors(path, smallFile());
        const std::string before = readBytes(path);

        TensorFile f = smallFile();
        f.tensors[0].shape = {4, 4};
        EXPECT_ERROR(writeSafetensors(path, f), ErrorKind::InvalidArgument, "encoder.0.weight");
        f = smallFile();
        f.tensors[1].name = f.tensors[0].name;
        EXPECT_ERROR(writeSafetensors(path, f), ErrorKind::InvalidArgument, "duplicate");
        f = smallFile();
        f.tensors[1].name = "__metadata__";
        EXPECT_ERROR(writeSafetensors(path, f), ErrorKind::InvalidArgument, "__metadata__");
        f = smallFile();
        f.tensors[1].shape = {-1, -2};
        EXPECT_ERROR(writeSafetensors(path, f), ErrorKind::InvalidArgument, "encoder.0.bias");
        f = smallFile();
        f.metadata = nlohmann::json::array();
        EXPECT_ERROR(writeSafetensors(path, f), ErrorKind::InvalidArgument, "metadata");
        f = smallFile();
        f.metadata["bad"] = std::string("\xff\xfe");
        EXPECT_ERROR(writeSafetensors(path, f), ErrorKind::InvalidArgument, path);
        f = TensorFile{};
        for (int i = 0; i < 5000; ++i) {
            std::string name = "t";
            name += std::to_string(i);
            f.tensors.push_back({name, {0}, {}});
        }
        EXPECT_ERROR(writeSafetensors(path, f), ErrorKind::InvalidArgument, "too many tensors");

        QVERIFY(readBytes(path) == before);
    }

    void matrixConversions()
    {
        Matrix m(3, 4);
        for (int i = 0; i < 12; ++i)
            m.data()[i] = static_cast<Scalar>(i) * Scalar(0.5) - 2;
        const Tensor t = matrixToTensor("w", m);
        QCOMPARE(t.shape, std::vector<std::int64_t>({3, 4}));
        QCOMPARE(t.data[1], 0.5f * 1 - 2); // row-major: (0, 1)
        QCOMPARE(t.data[4], 0.5f * 4 - 2); // (1, 0)
        QVERIFY(tensorToMatrix(t) == m);

        Matrix column(5, 1);
        column << 1, 2, 3, 4, 5;
        const Tensor bias = vectorToTensor("b", column);
        QCOMPARE(bias.shape, std::vector<std::int64_t>({5}));
        const Matrix row = tensorToMatrix(bias);
        QCOMPARE(row.rows(), Eigen::Index(1));
        QCOMPARE(row.cols(), Eigen::Index(5));
        QVERIFY(row == column.transpose());
        QCOMPARE(vectorToTensor("b", row).shape, std::vector<std::int64_t>({5}));

        EXPECT_ERROR(vectorToTensor("bad", m), ErrorKind::InvalidArgument, "bad");
        EXPECT_ERROR(tensorToMatrix(Tensor{"cube", {2, 1, 2}, {1, 2, 3, 4}}), ErrorKind::Format, "cube");
        EXPECT_ERROR(tensorToMatrix(Tensor{"short", {2, 2}, {1, 2, 3}}), ErrorKind::Format, "short");

        TensorFile f;
        f.tensors.push_back(t);
        QVERIFY(findTensor(f, "w") == &f.tensors[0]);
        QVERIFY(findTensor(f, "nope") == nullptr);
    }

    void atomicWriteReplaces()
    {
        const std::string path = pathOf("file.txt");
        writeFileAtomically(path, std::string_view("first"));
        writeFileAtomically(path, [](std::ostream& out) { out << "second"; });
        QCOMPARE(readBytes(path), std::string("second"));
        QCOMPARE(std::distance(fs::directory_iterator(m_dir), fs::directory_iterator{}), 1L);
    }

    void failedAtomicWriteLeavesOldFile()
    {
        const std::string path = pathOf("model.safetensors");
        writeSafetensors(path, smallFile());
        const std::string before = readBytes(path);

        // A writer that dies midway, with a plain exception and with an aelab::Error.
        EXPECT_ERROR(writeFileAtomically(path,
                                         [](std::ostream& out) {
                                             out << std::string(100000, 'x');
                                             throw std::runtime_error("disk on fire");
                                         }),
                     ErrorKind::Io, path);
        const Outcome o = outcomeOf([&] {
            writeFileAtomically(path, [](std::ostream& out) {
                out << "partial";
                throw Error(ErrorKind::Format, "bad data");
            });
        });
        QVERIFY(o.threwAelab && o.kind == ErrorKind::Format && o.message == "bad data");

        QVERIFY(readBytes(path) == before);
        QCOMPARE(std::distance(fs::directory_iterator(m_dir), fs::directory_iterator{}), 1L);
    }

    void atomicWriteToMissingDirectory()
    {
        const std::string path = pathOf("missing/file.txt");
        EXPECT_ERROR(writeFileAtomically(path, std::string_view("x")), ErrorKind::Io, path);
        QVERIFY(!fs::exists(m_dir / "missing"));
    }
};

QTEST_APPLESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
