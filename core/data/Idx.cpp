#include "data/Idx.h"

#include "math/Error.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <system_error>

namespace aelab {

namespace {

// Limits: far above any real IDX dataset (EMNIST is about 2^29 bytes), far
// below what would exhaust memory when a header lies; sample counts fit an
// int. What fits the memory at hand is the loader's check (MemoryBudget.h).
constexpr std::uint64_t kMaxElements = (std::uint64_t(1) << 31) - 1;
constexpr std::uint64_t kMaxSampleSize = std::uint64_t(1) << 24;
constexpr std::size_t kChunk = std::size_t(1) << 20;

std::string typeName(int type)
{
    switch (type) {
    case 0x09: return "signed byte";
    case 0x0B: return "16-bit integer";
    case 0x0C: return "32-bit integer";
    case 0x0D: return "float";
    case 0x0E: return "double";
    default: return "unknown";
    }
}

// Reads gzip or raw files alike: zlib passes non-gzip files through as-is
// ("transparent" mode), and gzdirect() tells which one we have.
class ByteSource {
public:
    explicit ByteSource(const std::string& path)
        : m_path(path)
    {
        std::error_code ec;
        if (std::filesystem::is_directory(path, ec))
            fail(ErrorKind::Io, path + ": is a directory, not an IDX file");
        m_file = gzopen(path.c_str(), "rb");
        if (!m_file)
            fail(ErrorKind::Io, path + ": cannot open IDX file (missing or unreadable)");
        gzbuffer(m_file, 1 << 17);
        m_raw = gzdirect(m_file) == 1;
    }
    ~ByteSource() { gzclose(m_file); }
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;

    bool raw() const { return m_raw; }

    // Reads up to n bytes; returns fewer only at the end of the data.
    std::size_t read(void* buffer, std::size_t n)
    {
        auto* out = static_cast<unsigned char*>(buffer);
        std::size_t got = 0;
        while (got < n) {
            const unsigned want = unsigned(std::min(n - got, kChunk));
            const int r = gzread(m_file, out + got, want);
            if (r < 0) {
                int errnum = 0;
                const char* message = gzerror(m_file, &errnum);
                if (errnum == Z_BUF_ERROR) // zlib's "unexpected end of file"
                    break;
                fail(ErrorKind::Format,
                     m_path + ": corrupt gzip data (" + (message ? message : "unknown error") + ")");
            }
            if (r == 0)
                break;
            got += std::size_t(r);
        }
        return got;
    }

private:
    std::string m_path;
    gzFile m_file = nullptr;
    bool m_raw = false;
};

std::uint32_t bigEndian32(const unsigned char* p)
{
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16)
        | (std::uint32_t(p[2]) << 8) | std::uint32_t(p[3]);
}

[[noreturn]] void truncated(const std::string& path, std::uint64_t expected, std::uint64_t found)
{
    fail(ErrorKind::Format, path + ": truncated IDX file: expected " + std::to_string(expected)
             + " bytes of data, found " + std::to_string(found));
}

// Reads and checks the magic number and dimensions; `sampleSize` is the
// product of all but the first.
std::vector<std::uint32_t> readHeader(ByteSource& in, const std::string& path, std::uint64_t& sampleSize)
{
    unsigned char magic[4];
    const std::size_t magicBytes = in.read(magic, 4);
    if (magicBytes == 0)
        fail(ErrorKind::Format, path + ": file is empty, not an IDX file");
    if (magicBytes < 4)
        fail(ErrorKind::Format, path + ": truncated IDX file: header ends after "
                 + std::to_string(magicBytes) + " bytes");
    const int ndim = magic[3];
    if (magic[0] != 0 || magic[1] != 0 || ndim < 1 || ndim > 4)
        fail(ErrorKind::Format, path + ": not an IDX file (bad magic number; expected "
                 "00 00 08 followed by 1 to 4 dimensions)");
    if (magic[2] != 0x08) {
        const std::string name = typeName(magic[2]);
        if (name == "unknown")
            fail(ErrorKind::Format, path + ": not an IDX file (unknown data type in the magic number)");
        fail(ErrorKind::Unsupported, path + ": IDX data type '" + name
                 + "' is not supported; only unsigned bytes (type 0x08) are");
    }

    std::array<unsigned char, 16> dimBytes{};
    const std::size_t headerBytes = std::size_t(4) * ndim;
    const std::size_t gotDims = in.read(dimBytes.data(), headerBytes);
    if (gotDims < headerBytes)
        fail(ErrorKind::Format, path + ": truncated IDX file: header ends after "
                 + std::to_string(4 + gotDims) + " of " + std::to_string(4 + headerBytes) + " bytes");

    std::vector<std::uint32_t> dims;
    std::uint64_t total = 1;
    sampleSize = 1;
    for (int i = 0; i < ndim; ++i) {
        const std::uint32_t d = bigEndian32(dimBytes.data() + 4 * i);
        if (d == 0)
            fail(ErrorKind::Format, path + ": IDX header has a zero dimension");
        // total < 2^31 before this product and d < 2^32, so it cannot overflow.
        total *= d;
        if (i > 0)
            sampleSize *= d;
        if (total > kMaxElements || sampleSize > kMaxSampleSize)
            fail(ErrorKind::Format, path + ": IDX header claims an implausibly large array ("
                     "2^31 values or more, or more than 2^24 per sample)");
        dims.push_back(d);
    }
    return dims;
}

} // namespace

std::vector<std::uint32_t> readIdxDims(const std::string& path)
{
    ByteSource in(path);
    std::uint64_t sampleSize = 0;
    return readHeader(in, path, sampleSize);
}

IdxArray readIdx(const std::string& path, long long limit)
{
    ByteSource in(path);
    IdxArray result;
    std::uint64_t sampleSize = 0;
    result.dims = readHeader(in, path, sampleSize);
    result.fileCount = result.dims[0];
    const std::uint64_t total = result.fileCount * sampleSize;
    const std::size_t headerBytes = 4 * result.dims.size();

    // A raw file's length is known: check it against the header up front.
    if (in.raw()) {
        std::error_code ec;
        const auto fileSize = std::filesystem::file_size(path, ec);
        const std::uint64_t header = 4 + headerBytes;
        if (!ec && fileSize < header + total)
            truncated(path, total, fileSize - header);
        if (!ec && fileSize > header + total)
            fail(ErrorKind::Format, path + ": IDX file is " + std::to_string(fileSize - header - total)
                     + " bytes longer than its header says");
    }

    const std::uint64_t keep = limit < 0 ? result.fileCount
                                         : std::min<std::uint64_t>(result.fileCount, std::uint64_t(limit));
    const std::uint64_t wanted = keep * sampleSize;
    // Grow with the data actually read, so a lying header in a small gzip
    // file fails on truncation instead of allocating first.
    std::uint64_t got = 0;
    while (got < wanted) {
        const std::size_t step = std::size_t(std::min<std::uint64_t>(wanted - got, kChunk));
        result.data.resize(std::size_t(got) + step);
        const std::size_t r = in.read(result.data.data() + got, step);
        got += r;
        if (r < step) {
            truncated(path, wanted, got);
        }
    }
    if (keep == result.fileCount && !in.raw()) {
        unsigned char extra;
        if (in.read(&extra, 1) != 0)
            fail(ErrorKind::Format, path + ": IDX file has more data than its header says");
    }
    result.dims[0] = std::uint32_t(keep);
    return result;
}

SampleShape idxSampleShape(const IdxArray& a, const std::string& path)
{
    if (a.dims.size() < 2)
        fail(ErrorKind::Format, path + ": expected an IDX file of images (2 to 4 dimensions), "
                 "found a one-dimensional file (labels?)");
    SampleShape shape;
    if (a.dims.size() == 2) {
        shape.width = int(a.dims[1]);
    } else if (a.dims.size() == 3) {
        shape.height = int(a.dims[1]);
        shape.width = int(a.dims[2]);
    } else {
        shape.channels = int(a.dims[1]);
        shape.height = int(a.dims[2]);
        shape.width = int(a.dims[3]);
    }
    return shape;
}

Matrix idxRowsScaled(const IdxArray& a, const std::vector<int>& rows)
{
    // A table computed in double, so the float and double builds hold the
    // same values up to rounding of the stored type.
    std::array<Scalar, 256> scale;
    for (int v = 0; v < 256; ++v)
        scale[v] = Scalar(double(v) / 255.0);

    const std::size_t sampleSize = a.dims[0] == 0 ? 0 : a.data.size() / a.dims[0];
    Matrix x(Eigen::Index(rows.size()), Eigen::Index(sampleSize));
    Scalar* out = x.data();
    for (const int row : rows) {
        const std::uint8_t* in = a.data.data() + std::size_t(row) * sampleSize;
        for (std::size_t i = 0; i < sampleSize; ++i)
            *out++ = scale[in[i]];
    }
    return x;
}

Matrix readIdxImages(const std::string& path, SampleShape& shapeOut, int limit)
{
    const IdxArray a = readIdx(path, limit);
    const SampleShape shape = idxSampleShape(a, path);
    std::vector<int> all(a.dims[0]);
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = int(i);
    Matrix x = idxRowsScaled(a, all);
    shapeOut = shape;
    return x;
}

std::vector<int> readIdxLabels(const std::string& path, int limit)
{
    const IdxArray a = readIdx(path, limit);
    if (a.dims.size() != 1 && !(a.dims.size() == 2 && a.dims[1] == 1))
        fail(ErrorKind::Format, path + ": expected a one-dimensional IDX file of labels, found "
                 + std::to_string(a.dims.size()) + " dimensions");
    return std::vector<int>(a.data.begin(), a.data.end());
}

} // namespace aelab
