#include "io/Npy.h"

#include "io/AtomicFile.h"
#include "io/InputFile.h"
#include "math/Error.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <type_traits>
#include <vector>

namespace aelab {

static_assert(std::endian::native == std::endian::little, "npy I/O assumes a little-endian host");

namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr std::size_t kMagicBytes = 6;
constexpr std::uint32_t kMaxHeaderBytes = 1u << 16;

[[noreturn]] void formatError(const std::string& path, const std::string& what)
{
    throw Error(ErrorKind::Format, path + ": " + what);
}

// The exact header numpy 1.24 writes: the dict in sorted key order, spare
// spaces after it so the first axis can grow in place, then padding so the
// data starts on a 64-byte boundary.
std::string npyHeader(const std::string& descr, const std::vector<std::uint64_t>& shape)
{
    std::string shapeRepr = "(";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i > 0)
            shapeRepr += ", ";
        shapeRepr += std::to_string(shape[i]);
    }
    shapeRepr += shape.size() == 1 ? ",)" : ")";

    std::string dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeRepr + ", }";
    constexpr std::size_t kGrowthAxisMaxDigits = 21;
    if (!shape.empty())
        dict.append(kGrowthAxisMaxDigits - std::to_string(shape[0]).size(), ' ');

    const std::size_t hlen = dict.size() + 1; // + the final newline
    const std::size_t padlen = 64 - (kMagicBytes + 4 + hlen) % 64;
    const std::size_t total = hlen + padlen;

    std::string out(kMagic, kMagicBytes);
    out += '\x01';
    out += '\x00';
    out += static_cast<char>(total & 0xff);
    out += static_cast<char>((total >> 8) & 0xff);
    out += dict;
    out.append(padlen, ' ');
    out += '\n';
    return out;
}

// ---- reading -------------------------------------------------------------

struct NpyHeader {
    std::string descr;
    bool fortranOrder = false;
    std::vector<std::uint64_t> shape;
    std::uint64_t dataOffset = 0;
};

// A parser for the small Python dict literal in the header, e.g.
// {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }
class DictParser {
public:
    DictParser(const std::string& path, const std::string& text) : m_path(path), m_text(text) {}

    NpyHeader parse()
    {
        NpyHeader h;
        bool haveDescr = false, haveOrder = false, haveShape = false;
        expect('{');
        while (!peekIs('}')) {
            const std::string key = parseString();
            expect(':');
            if (key == "descr") {
                h.descr = parseString();
                haveDescr = true;
            } else if (key == "fortran_order") {
                h.fortranOrder = parseBool();
                haveOrder = true;
            } else if (key == "shape") {
                h.shape = parseTuple();
                haveShape = true;
            } else {
                fail("unexpected key '" + key + "' in the header");
            }
            if (!peekIs(','))
                break;
            expect(',');
        }
        expect('}');
        skipSpace();
        if (m_pos != m_text.size())
            fail("trailing characters after the header dict");
        if (!haveDescr || !haveOrder || !haveShape)
            fail("header lacks descr, fortran_order or shape");
        return h;
    }

private:
    [[noreturn]] void fail(const std::string& what) { formatError(m_path, "bad .npy header: " + what); }

    void skipSpace()
    {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }
    bool peekIs(char c)
    {
        skipSpace();
        return m_pos < m_text.size() && m_text[m_pos] == c;
    }
    void expect(char c)
    {
        if (!peekIs(c))
            fail(std::string("expected '") + c + "'");
        ++m_pos;
    }
    std::string parseString()
    {
        skipSpace();
        if (m_pos >= m_text.size() || (m_text[m_pos] != '\'' && m_text[m_pos] != '"'))
            fail("expected a string");
        const char quote = m_text[m_pos++];
        const std::size_t close = m_text.find(quote, m_pos);
        if (close == std::string::npos)
            fail("unterminated string");
        std::string s = m_text.substr(m_pos, close - m_pos);
        m_pos = close + 1;
        return s;
    }
    bool parseBool()
    {
        skipSpace();
        if (m_text.compare(m_pos, 4, "True") == 0) {
            m_pos += 4;
            return true;
        }
        if (m_text.compare(m_pos, 5, "False") == 0) {
            m_pos += 5;
            return false;
        }
        fail("expected True or False");
    }
    std::vector<std::uint64_t> parseTuple()
    {
        std::vector<std::uint64_t> values;
        expect('(');
        while (!peekIs(')')) {
            if (values.size() >= 32)
                fail("too many dimensions");
            values.push_back(parseUnsigned());
            if (!peekIs(','))
                break;
            expect(',');
        }
        expect(')');
        return values;
    }
    std::uint64_t parseUnsigned()
    {
        skipSpace();
        if (m_pos >= m_text.size() || !std::isdigit(static_cast<unsigned char>(m_text[m_pos])))
            fail("expected a non-negative dimension");
        std::uint64_t v = 0;
        while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) {
            const auto digit = static_cast<std::uint64_t>(m_text[m_pos++] - '0');
            if (__builtin_mul_overflow(v, std::uint64_t{10}, &v) || __builtin_add_overflow(v, digit, &v))
                fail("dimension too large");
        }
        return v;
    }

    const std::string& m_path;
    const std::string& m_text;
    std::size_t m_pos = 0;
};

class NpyReader {
public:
    explicit NpyReader(const std::string& path) : m_path(path), m_in(m_file)
    {
        m_fileSize = openForReading(m_file, path);
    }
    NpyReader(std::istream& in, std::uint64_t size, const std::string& path)
        : m_path(path), m_in(in), m_fileSize(size) {}

    NpyHeader readHeader()
    {
        unsigned char prefix[12] = {};
        if (m_fileSize < 10)
            formatError(m_path, "too short to be a .npy file");
        read(prefix, 10);
        if (std::memcmp(prefix, kMagic, kMagicBytes) != 0)
            formatError(m_path, "not a .npy file (bad magic)");
        const int major = prefix[6];
        std::uint64_t headerBytes = 0;
        std::uint64_t prefixBytes = 10;
        if (major == 1) {
            headerBytes = prefix[8] | (std::uint64_t{prefix[9]} << 8);
        } else if (major == 2 || major == 3) {
            if (m_fileSize < 12)
                formatError(m_path, "too short to be a .npy file");
            read(prefix + 10, 2);
            headerBytes = prefix[8] | (std::uint64_t{prefix[9]} << 8) | (std::uint64_t{prefix[10]} << 16)
                          | (std::uint64_t{prefix[11]} << 24);
            prefixBytes = 12;
        } else {
            formatError(m_path, "unsupported .npy version " + std::to_string(major));
        }
        if (headerBytes > kMaxHeaderBytes || headerBytes > m_fileSize - prefixBytes)
            formatError(m_path, "header length " + std::to_string(headerBytes) + " is invalid");
        std::string text(headerBytes, '\0');
        read(text.data(), headerBytes);
        NpyHeader h = DictParser(m_path, text).parse();
        h.dataOffset = prefixBytes + headerBytes;
        return h;
    }

    // Checks that the data is exactly `count` items of `itemBytes` bytes.
    void checkDataSize(std::uint64_t count, std::uint64_t itemBytes, std::uint64_t dataOffset)
    {
        std::uint64_t bytes = 0;
        if (__builtin_mul_overflow(count, itemBytes, &bytes) || bytes != m_fileSize - dataOffset)
            formatError(m_path, "data size does not match the shape in the header (truncated or corrupt)");
    }

    void read(void* dst, std::uint64_t bytes)
    {
        if (bytes > 0 && !m_in.read(static_cast<char*>(dst), static_cast<std::streamsize>(bytes)))
            throw Error(ErrorKind::Io, m_path + ": read failed (was the file changed while reading?)");
    }

    // Reads `count` little-endian items of type T, converting each to Out.
    template <typename T, typename Out>
    void readConverted(Out* dst, std::uint64_t count)
    {
        std::vector<T> chunk(std::min<std::uint64_t>(count, 1u << 16));
        while (count > 0) {
            const std::uint64_t n = std::min<std::uint64_t>(count, chunk.size());
            read(chunk.data(), n * sizeof(T));
            for (std::uint64_t i = 0; i < n; ++i)
                *dst++ = convert<T, Out>(chunk[i]);
            count -= n;
        }
    }

private:
    template <typename T, typename Out>
    Out convert(T v)
    {
        if constexpr (std::is_integral_v<T>) {
            if (v < std::numeric_limits<Out>::min() || v > std::numeric_limits<Out>::max())
                formatError(m_path, "value " + std::to_string(v) + " does not fit in an int");
        }
        return static_cast<Out>(v);
    }

    std::string m_path;
    std::ifstream m_file;
    std::istream& m_in;
    std::uint64_t m_fileSize = 0;
};

std::uint64_t elementCount(const std::string& path, const std::vector<std::uint64_t>& shape)
{
    std::uint64_t count = 1;
    for (const std::uint64_t d : shape) {
        if (__builtin_mul_overflow(count, d, &count))
            formatError(path, "shape too large");
    }
    // Eigen indexes with a signed type.
    if (count > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        formatError(path, "shape too large");
    return count;
}

Matrix readMatrix(NpyReader& reader, const std::string& path);
std::vector<int> readInts(NpyReader& reader, const std::string& path);

} // namespace

StreamWriter npyWriter(const Matrix& m)
{
    return [&m](std::ostream& out) {
        const std::string header = npyHeader(
            "<f4", {static_cast<std::uint64_t>(m.rows()), static_cast<std::uint64_t>(m.cols())});
        out.write(header.data(), static_cast<std::streamsize>(header.size()));
        if constexpr (std::is_same_v<Scalar, float>) {
            out.write(reinterpret_cast<const char*>(m.data()),
                      static_cast<std::streamsize>(m.size() * sizeof(float)));
        } else {
            for (Eigen::Index i = 0; i < m.size(); ++i) {
                const float v = static_cast<float>(m.data()[i]);
                out.write(reinterpret_cast<const char*>(&v), sizeof v);
            }
        }
    };
}

StreamWriter npyIntWriter(const std::vector<int>& values)
{
    static_assert(sizeof(int) == 4, "'<i4' needs a 32-bit int");
    return [&values](std::ostream& out) {
        const std::string header = npyHeader("<i4", {values.size()});
        out.write(header.data(), static_cast<std::streamsize>(header.size()));
        out.write(reinterpret_cast<const char*>(values.data()),
                  static_cast<std::streamsize>(values.size() * sizeof(int)));
    };
}

void writeNpy(const std::string& path, const Matrix& m) { writeFileAtomically(path, npyWriter(m)); }

void writeNpyInt(const std::string& path, const std::vector<int>& values)
{
    writeFileAtomically(path, npyIntWriter(values));
}

Matrix readNpy(const std::string& path)
{
    NpyReader reader(path);
    return readMatrix(reader, path);
}

Matrix readNpy(std::istream& in, std::uint64_t size, const std::string& path)
{
    NpyReader reader(in, size, path);
    return readMatrix(reader, path);
}

std::vector<int> readNpyInt(const std::string& path)
{
    NpyReader reader(path);
    return readInts(reader, path);
}

std::vector<int> readNpyInt(std::istream& in, std::uint64_t size, const std::string& path)
{
    NpyReader reader(in, size, path);
    return readInts(reader, path);
}

namespace {

Matrix readMatrix(NpyReader& reader, const std::string& path)
{
    const NpyHeader h = reader.readHeader();
    if (h.descr != "<f4" && h.descr != "<f8")
        formatError(path, "array dtype is '" + h.descr + "'; expected '<f4' or '<f8'");
    if (h.fortranOrder)
        formatError(path, "array is in Fortran order; save it with C order (numpy's default)");
    if (h.shape.size() != 1 && h.shape.size() != 2)
        formatError(path, "array has " + std::to_string(h.shape.size())
                              + " dimensions; expected 1 or 2");
    const std::uint64_t count = elementCount(path, h.shape);
    const std::uint64_t itemBytes = h.descr == "<f4" ? 4 : 8;
    reader.checkDataSize(count, itemBytes, h.dataOffset);

    const std::uint64_t rows = h.shape.size() == 2 ? h.shape[0] : 1;
    const std::uint64_t cols = h.shape.back();
    Matrix m(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(cols));
    if (itemBytes == 4)
        reader.readConverted<float>(m.data(), count);
    else
        reader.readConverted<double>(m.data(), count);
    return m;
}

std::vector<int> readInts(NpyReader& reader, const std::string& path)
{
    const NpyHeader h = reader.readHeader();
    if (h.descr != "<i4" && h.descr != "<i8")
        formatError(path, "array dtype is '" + h.descr + "'; expected '<i4' or '<i8'");
    if (h.shape.size() != 1)
        formatError(path, "array has " + std::to_string(h.shape.size()) + " dimensions; expected 1");
    const std::uint64_t count = elementCount(path, h.shape);
    const std::uint64_t itemBytes = h.descr == "<i4" ? 4 : 8;
    reader.checkDataSize(count, itemBytes, h.dataOffset);

    std::vector<int> values(count);
    if (itemBytes == 4)
        reader.readConverted<std::int32_t>(values.data(), count);
    else
        reader.readConverted<std::int64_t>(values.data(), count);
    return values;
}

} // namespace

} // namespace aelab
