#include "io/Safetensors.h"

#include "io/AtomicFile.h"
#include "io/InputFile.h"
#include "math/Checksum.h"
#include "math/Error.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>

namespace aelab {

// Tensors are copied to and from disk as raw bytes, which is little-endian
// F32 only on a little-endian host (every platform aelab targets).
static_assert(std::endian::native == std::endian::little,
              "safetensors I/O assumes a little-endian host");

namespace {

// Limits that keep a hostile or corrupt header from exhausting memory.
constexpr std::uint64_t kMaxHeaderBytes = 100ull << 20;
constexpr std::size_t kMaxTensors = 4096;
constexpr std::size_t kMaxJsonValues = 1u << 20;
constexpr int kMaxJsonDepth = 16;
constexpr std::size_t kMaxRank = 32;

const char* const kMetadataKey = "__metadata__";
const char* const kChecksumKey = "aelab_checksum";

[[noreturn]] void formatError(const std::string& path, const std::string& what)
{
    throw Error(ErrorKind::Format, path + ": " + what);
}

// Number of elements of `shape`, or false if a dimension is negative or the
// product (of the non-zero dimensions, so [2^40, 2^40, 0] is refused too)
// does not fit in 64 bits.
bool elementCount(const std::vector<std::int64_t>& shape, std::uint64_t& count)
{
    std::uint64_t product = 1;
    bool zero = false;
    for (const std::int64_t d : shape) {
        if (d < 0)
            return false;
        if (d == 0) {
            zero = true;
            continue;
        }
        if (__builtin_mul_overflow(product, static_cast<std::uint64_t>(d), &product))
            return false;
    }
    count = zero ? 0 : product;
    return true;
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i > 0)
            s += ", ";
        s += std::to_string(shape[i]);
    }
    return s + "]";
}

// The "__metadata__" object with every value a string. The order is fixed
// (format, the caller's keys sorted, the checksum last) so that writing what
// was read reproduces the file byte for byte.
nlohmann::ordered_json metadataForWriting(const nlohmann::json& metadata, const std::string& checksum)
{
    if (!metadata.is_null() && !metadata.is_object())
        throw Error(ErrorKind::InvalidArgument, "safetensors metadata must be a JSON object");
    auto asString = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); };
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    const bool hasFormat = metadata.is_object() && metadata.contains("format");
    out["format"] = hasFormat ? asString(metadata.at("format")) : std::string("pt");
    if (metadata.is_object()) {
        for (const auto& [key, value] : metadata.items()) {
            if (key != "format" && key != kChecksumKey)
                out[key] = asString(value);
        }
    }
    out[kChecksumKey] = checksum;
    return out;
}

void validateForWriting(const TensorFile& file)
{
    std::set<std::string> names;
    for (const Tensor& t : file.tensors) {
        if (t.name.empty() || t.name == kMetadataKey)
            throw Error(ErrorKind::InvalidArgument, "invalid tensor name '" + t.name + "'");
        if (!names.insert(t.name).second)
            throw Error(ErrorKind::InvalidArgument, "duplicate tensor name '" + t.name + "'");
        std::uint64_t count = 0;
        if (!elementCount(t.shape, count) || count != t.data.size())
            throw Error(ErrorKind::InvalidArgument,
                        "tensor '" + t.name + "': shape " + shapeText(t.shape) + " does not match its "
                            + std::to_string(t.data.size()) + " values");
    }
    if (file.tensors.size() > kMaxTensors)
        throw Error(ErrorKind::InvalidArgument,
                    "too many tensors (" + std::to_string(file.tensors.size()) + "; the limit is "
                        + std::to_string(kMaxTensors) + ")");
}

// ---- reading -------------------------------------------------------------

struct Entry {
    std::string name;
    std::vector<std::int64_t> shape;
    std::uint64_t begin = 0;
    std::uint64_t end = 0;
    std::size_t headerIndex = 0; // position in the header, to keep file order on ties
};

// What the parser callback learns while parsing the header.
struct HeaderScan {
    std::vector<std::string> topKeys;
    std::set<std::string> seen;
    std::size_t values = 0;
};

nlohmann::json parseHeader(const std::string& path, const std::string& text, HeaderScan& scan)
{
    using nlohmann::json;
    // The callback rejects, while parsing, what would cost unbounded time or
    // memory, and catches duplicate names (the DOM silently keeps one of them).
    auto callback = [&](int depth, json::parse_event_t event, json& parsed) -> bool {
        if (depth > kMaxJsonDepth)
            formatError(path, "header JSON is nested too deeply");
        if (++scan.values > kMaxJsonValues)
            formatError(path, "header JSON has too many values");
        if (event == json::parse_event_t::key && depth == 1) {
            const std::string& key = parsed.get_ref<const std::string&>();
            if (!scan.seen.insert(key).second)
                formatError(path, "duplicate tensor name '" + key + "' in the header");
            if (scan.topKeys.size() > kMaxTensors)
                formatError(path, "more than " + std::to_string(kMaxTensors) + " tensors");
            scan.topKeys.push_back(key);
        }
        return true;
    };
    json header;
    try {
        header = json::parse(text, callback);
    } catch (const json::exception& e) {
        formatError(path, std::string("header is not valid JSON: ") + e.what());
    }
    if (!header.is_object())
        formatError(path, "header is not a JSON object");
    return header;
}

nlohmann::json parseMetadata(const std::string& path, const nlohmann::json& header)
{
    auto it = header.find(kMetadataKey);
    if (it == header.end() || it->is_null())
        return nlohmann::json::object();
    if (!it->is_object())
        formatError(path, "__metadata__ is not a JSON object");
    for (const auto& [key, value] : it->items()) {
        if (!value.is_string())
            formatError(path, "__metadata__ value '" + key + "' is not a string");
    }
    return *it;
}

std::uint64_t unsignedValue(const std::string& path, const std::string& name, const char* field,
                            const nlohmann::json& v)
{
    if (!v.is_number_unsigned())
        formatError(path, "tensor '" + name + "': " + field + " must be non-negative integers");
    return v.get<std::uint64_t>();
}

Entry parseEntry(const std::string& path, const std::string& name, const nlohmann::json& info,
                 std::uint64_t bufferBytes)
{
    Entry e;
    e.name = name;
    if (!info.is_object())
        formatError(path, "tensor '" + name + "': header entry is not an object");

    auto dtype = info.find("dtype");
    if (dtype == info.end() || !dtype->is_string())
        formatError(path, "tensor '" + name + "': missing dtype");
    const std::string& type = dtype->get_ref<const std::string&>();
    if (type != "F32")
        formatError(path, "tensor '" + name + "' has dtype " + type + "; aelab reads only F32 tensors");

    auto shape = info.find("shape");
    if (shape == info.end() || !shape->is_array())
        formatError(path, "tensor '" + name + "': missing shape");
    if (shape->size() > kMaxRank)
        formatError(path, "tensor '" + name + "': too many dimensions");
    for (const auto& d : *shape) {
        if (d.is_number_integer() && !d.is_number_unsigned() && d.get<std::int64_t>() < 0)
            formatError(path, "tensor '" + name + "': negative dimension in shape");
        const std::uint64_t dim = unsignedValue(path, name, "shape entries", d);
        if (dim > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            formatError(path, "tensor '" + name + "': dimension too large");
        e.shape.push_back(static_cast<std::int64_t>(dim));
    }

    auto offsets = info.find("data_offsets");
    if (offsets == info.end() || !offsets->is_array() || offsets->size() != 2)
        formatError(path, "tensor '" + name + "': data_offsets must be [begin, end]");
    e.begin = unsignedValue(path, name, "data_offsets", (*offsets)[0]);
    e.end = unsignedValue(path, name, "data_offsets", (*offsets)[1]);
    if (e.begin > e.end || e.end > bufferBytes)
        formatError(path, "tensor '" + name + "': data_offsets [" + std::to_string(e.begin) + ", "
                              + std::to_string(e.end) + "] lie outside the "
                              + std::to_string(bufferBytes) + "-byte data buffer");

    std::uint64_t count = 0;
    std::uint64_t bytes = 0;
    if (!elementCount(e.shape, count) || __builtin_mul_overflow(count, std::uint64_t{4}, &bytes))
        formatError(path, "tensor '" + name + "': shape " + shapeText(e.shape) + " is too large");
    if (bytes != e.end - e.begin)
        formatError(path, "tensor '" + name + "': shape " + shapeText(e.shape) + " needs "
                              + std::to_string(bytes) + " bytes but data_offsets span "
                              + std::to_string(e.end - e.begin));
    return e;
}

// The spec requires the tensors to tile the buffer exactly.
void checkCoverage(const std::string& path, std::vector<Entry>& entries, std::uint64_t bufferBytes)
{
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.begin != b.begin)
            return a.begin < b.begin;
        if (a.end != b.end)
            return a.end < b.end;
        return a.headerIndex < b.headerIndex;
    });
    std::uint64_t expected = 0;
    for (const Entry& e : entries) {
        if (e.begin < expected)
            formatError(path, "tensor '" + e.name + "' overlaps the previous tensor's data");
        if (e.begin > expected)
            formatError(path, "gap in the data buffer before tensor '" + e.name + "'");
        expected = e.end;
    }
    if (expected != bufferBytes)
        formatError(path, "the data buffer has " + std::to_string(bufferBytes - expected)
                              + " bytes no tensor accounts for");
}

void readExactly(std::istream& in, const std::string& path, void* dst, std::uint64_t bytes)
{
    if (bytes == 0)
        return;
    if (!in.read(static_cast<char*>(dst), static_cast<std::streamsize>(bytes)))
        throw Error(ErrorKind::Io, path + ": read failed (was the file changed while reading?)");
}

} // namespace

StreamWriter safetensorsWriter(const TensorFile& file, const std::string& path)
{
    validateForWriting(file);

    Fnv1a hash;
    for (const Tensor& t : file.tensors)
        hash.add(t.data.data(), t.data.size() * sizeof(float));

    nlohmann::ordered_json header = nlohmann::ordered_json::object();
    std::string headerText;
    try {
        header[kMetadataKey] = metadataForWriting(file.metadata, hash.hex());
        std::uint64_t offset = 0;
        for (const Tensor& t : file.tensors) {
            const std::uint64_t bytes = t.data.size() * sizeof(float);
            header[t.name] = {{"dtype", "F32"},
                              {"shape", t.shape},
                              {"data_offsets", {offset, offset + bytes}}};
            offset += bytes;
        }
        headerText = header.dump();
    } catch (const nlohmann::json::exception& e) {
        // Non-UTF-8 names or metadata strings end up here.
        throw Error(ErrorKind::InvalidArgument, "cannot write " + path + ": " + e.what());
    }
    // Pad with spaces to a multiple of 8, as the reference implementation does,
    // so the data buffer starts 8-byte aligned.
    headerText.append((8 - headerText.size() % 8) % 8, ' ');

    return [&file, headerText](std::ostream& out) {
        std::array<unsigned char, 8> length{};
        std::uint64_t n = headerText.size();
        for (auto& byte : length) {
            byte = static_cast<unsigned char>(n & 0xff);
            n >>= 8;
        }
        out.write(reinterpret_cast<const char*>(length.data()), 8);
        out.write(headerText.data(), static_cast<std::streamsize>(headerText.size()));
        for (const Tensor& t : file.tensors)
            out.write(reinterpret_cast<const char*>(t.data.data()),
                      static_cast<std::streamsize>(t.data.size() * sizeof(float)));
    };
}

void writeSafetensors(const std::string& path, const TensorFile& file)
{
    writeFileAtomically(path, safetensorsWriter(file, path));
}

TensorFile readSafetensors(const std::string& path)
{
    std::ifstream in;
    const std::uint64_t fileSize = openForReading(in, path);
    return readSafetensors(in, fileSize, path);
}

TensorFile readSafetensors(std::istream& in, std::uint64_t fileSize, const std::string& path)
{
    if (fileSize < 8)
        formatError(path, "too short to be a safetensors file (" + std::to_string(fileSize) + " bytes)");

    std::array<unsigned char, 8> lengthBytes{};
    readExactly(in, path, lengthBytes.data(), 8);
    std::uint64_t headerBytes = 0;
    for (int i = 7; i >= 0; --i)
        headerBytes = (headerBytes << 8) | lengthBytes[static_cast<std::size_t>(i)];
    if (headerBytes > kMaxHeaderBytes)
        formatError(path, "header length " + std::to_string(headerBytes)
                              + " exceeds the 100 MiB limit (not a safetensors file, or corrupt)");
    if (headerBytes > fileSize - 8)
        formatError(path, "header length " + std::to_string(headerBytes) + " exceeds the file size "
                              + std::to_string(fileSize) + " (truncated or corrupt)");
    const std::uint64_t bufferBytes = fileSize - 8 - headerBytes;

    std::string headerText(headerBytes, '\0');
    readExactly(in, path, headerText.data(), headerBytes);
    HeaderScan scan;
    const nlohmann::json header = parseHeader(path, headerText, scan);

    TensorFile file;
    file.metadata = parseMetadata(path, header);
    std::vector<Entry> entries;
    for (std::size_t i = 0; i < scan.topKeys.size(); ++i) {
        const std::string& name = scan.topKeys[i];
        if (name == kMetadataKey)
            continue;
        entries.push_back(parseEntry(path, name, header.at(name), bufferBytes));
        entries.back().headerIndex = i;
    }
    if (entries.size() > kMaxTensors)
        formatError(path, "more than " + std::to_string(kMaxTensors) + " tensors");
    checkCoverage(path, entries, bufferBytes);

    // Every size below has been checked against the file size.
    Fnv1a hash;
    file.tensors.reserve(entries.size());
    for (Entry& e : entries) {
        Tensor t;
        t.name = std::move(e.name);
        t.shape = std::move(e.shape);
        t.data.resize((e.end - e.begin) / sizeof(float));
        readExactly(in, path, t.data.data(), e.end - e.begin);
        hash.add(t.data.data(), e.end - e.begin);
        file.tensors.push_back(std::move(t));
    }

    auto checksum = file.metadata.find(kChecksumKey);
    if (checksum != file.metadata.end() && checksum->get<std::string>() != hash.hex())
        formatError(path, "checksum mismatch: the file is corrupt");
    return file;
}

const Tensor* findTensor(const TensorFile& file, const std::string& name)
{
    for (const Tensor& t : file.tensors) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

Tensor matrixToTensor(const std::string& name, const Matrix& m)
{
    Tensor t;
    t.name = name;
    t.shape = {static_cast<std::int64_t>(m.rows()), static_cast<std::int64_t>(m.cols())};
    t.data.resize(static_cast<std::size_t>(m.size()));
    // Row-major storage is already the tensor's layout.
    for (Eigen::Index i = 0; i < m.size(); ++i)
        t.data[static_cast<std::size_t>(i)] = static_cast<float>(m.data()[i]);
    return t;
}

Tensor vectorToTensor(const std::string& name, const Matrix& m)
{
    if (m.rows() != 1 && m.cols() != 1)
        throw Error(ErrorKind::InvalidArgument,
                    "tensor '" + name + "': a " + std::to_string(m.rows()) + "x"
                        + std::to_string(m.cols()) + " matrix is not a vector");
    Tensor t = matrixToTensor(name, m);
    t.shape = {static_cast<std::int64_t>(m.size())};
    return t;
}

Matrix tensorToMatrix(const Tensor& t)
{
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    if (t.shape.size() == 2) {
        rows = t.shape[0];
        cols = t.shape[1];
    } else if (t.shape.size() == 1) {
        rows = 1;
        cols = t.shape[0];
    } else {
        throw Error(ErrorKind::Format, "tensor '" + t.name + "' has shape " + shapeText(t.shape)
                                           + "; expected a matrix or a vector");
    }
    std::uint64_t count = 0;
    if (rows < 0 || cols < 0 || !elementCount(t.shape, count) || count != t.data.size())
        throw Error(ErrorKind::Format, "tensor '" + t.name + "': shape " + shapeText(t.shape)
                                           + " does not match its " + std::to_string(t.data.size())
                                           + " values");
    Matrix m(rows, cols);
    for (std::size_t i = 0; i < t.data.size(); ++i)
        m.data()[i] = static_cast<Scalar>(t.data[i]);
    return m;
}

} // namespace aelab
