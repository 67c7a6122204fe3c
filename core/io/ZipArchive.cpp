#include "io/ZipArchive.h"

#include "io/InputFile.h"
#include "math/Error.h"

#include <zip.h>

#include <memory>
#include <set>

namespace aelab {

namespace {

[[noreturn]] void formatError(const std::string& path, const std::string& what)
{
    throw Error(ErrorKind::Format, path + ": " + what);
}

std::string zipErrorText(zip_error_t* error)
{
    const std::string text = zip_error_strerror(error);
    zip_error_fini(error);
    return text;
}

struct ArchiveCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;
using EntryFile = std::unique_ptr<zip_file_t, FileCloser>;

} // namespace

std::string zipBytes(const std::vector<ZipEntry>& entries)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer)
        fail(ErrorKind::Io, "cannot make a zip archive: " + zipErrorText(&error));
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer);
        fail(ErrorKind::Io, "cannot make a zip archive: " + zipErrorText(&error));
    }
    zip_error_fini(&error);
    // The buffer outlives the archive's close, which writes into it.
    zip_source_keep(buffer);
    const auto abandon = [&](const std::string& what) {
        zip_discard(archive);
        zip_source_free(buffer);
        fail(ErrorKind::InvalidArgument, what);
    };
    std::set<std::string> names;
    for (const ZipEntry& e : entries) {
        if (e.name.empty() || !names.insert(e.name).second)
            abandon("zip entry name '" + e.name + "' is empty or used twice");
        zip_source_t* data = zip_source_buffer(archive, e.bytes.data(), e.bytes.size(), 0);
        if (!data)
            abandon("cannot add '" + e.name + "' to a zip archive: " + zip_strerror(archive));
        const zip_int64_t index = zip_file_add(archive, e.name.c_str(), data, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(data);
            abandon("cannot add '" + e.name + "' to a zip archive: " + zip_strerror(archive));
        }
        // Level 1: weights hardly compress; the JSON does at any level.
        zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 1);
    }
    if (zip_close(archive) != 0) {
        const std::string what = zip_strerror(archive);
        zip_discard(archive);
        zip_source_free(buffer);
        fail(ErrorKind::Io, "cannot make a zip archive: " + what);
    }

    std::string bytes;
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_stat(buffer, &stat) != 0 || zip_source_open(buffer) != 0) {
        zip_source_free(buffer);
        fail(ErrorKind::Io, "cannot read back the zip archive made in memory");
    }
    bytes.resize(stat.size);
    const zip_int64_t got = zip_source_read(buffer, bytes.data(), stat.size);
    zip_source_close(buffer);
    zip_source_free(buffer);
    if (got < 0 || zip_uint64_t(got) != stat.size)
        fail(ErrorKind::Io, "cannot read back the zip archive made in memory");
    return bytes;
}

std::map<std::string, std::string> readZip(const std::string& path, const ZipLimits& limits)
{
    std::ifstream in;
    const std::uint64_t fileSize = openForReading(in, path);
    if (fileSize > limits.maxFileBytes)
        formatError(path, "the file has " + std::to_string(fileSize) + " bytes, more than the "
                              + std::to_string(limits.maxFileBytes) + " a session may have");
    std::string file(fileSize, '\0');
    if (fileSize > 0 && !in.read(file.data(), std::streamsize(fileSize)))
        throw Error(ErrorKind::Io, path + ": read failed (was the file changed while reading?)");

    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(file.data(), file.size(), 0, &error);
    if (!source)
        formatError(path, "cannot be read as a zip archive: " + zipErrorText(&error));
    // ZIP_CHECKCONS: the local headers must agree with the central directory.
    Archive archive(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error));
    if (!archive) {
        zip_source_free(source);
        formatError(path, "not a zip archive or a damaged one (" + zipErrorText(&error) + ")");
    }
    zip_error_fini(&error);

    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    if (count < 0 || std::uint64_t(count) > limits.maxEntries)
        formatError(path, "holds " + std::to_string(count) + " entries, more than the "
                              + std::to_string(limits.maxEntries) + " accepted");

    // Every declared size first: nothing is inflated when the sum is too large.
    std::vector<std::pair<std::string, std::uint64_t>> sizes;
    std::uint64_t total = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive.get(), zip_uint64_t(i), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_NAME)
            || !(stat.valid & ZIP_STAT_SIZE) || !stat.name)
            formatError(path, "entry " + std::to_string(i) + " cannot be read: " + zip_strerror(archive.get()));
        const std::string name = stat.name;
        if (stat.size > limits.maxEntryBytes)
            formatError(path, "entry '" + name + "' inflates to " + std::to_string(stat.size)
                                  + " bytes, more than the " + std::to_string(limits.maxEntryBytes) + " accepted");
        if (__builtin_add_overflow(total, stat.size, &total) || total > limits.maxTotalBytes)
            formatError(path, "its entries inflate to more than the " + std::to_string(limits.maxTotalBytes)
                                  + " bytes accepted (a zip bomb, or a session too large for this machine)");
        sizes.emplace_back(name, stat.size);
    }

    std::map<std::string, std::string> entries;
    for (zip_int64_t i = 0; i < count; ++i) {
        const auto& [name, size] = sizes[std::size_t(i)];
        if (entries.count(name))
            formatError(path, "entry '" + name + "' appears twice");
        EntryFile entry(zip_fopen_index(archive.get(), zip_uint64_t(i), 0));
        if (!entry)
            formatError(path, "entry '" + name + "' cannot be opened: " + zip_strerror(archive.get()));
        // One byte more than declared: an entry that inflates further lies.
        std::string bytes(size + 1, '\0');
        std::uint64_t got = 0;
        while (got < size + 1) {
            const zip_int64_t n = zip_fread(entry.get(), bytes.data() + got, size + 1 - got);
            if (n < 0)
                formatError(path, "entry '" + name + "' is damaged (" + zip_file_strerror(entry.get()) + ")");
            if (n == 0)
                break;
            got += std::uint64_t(n);
        }
        if (got != size)
            formatError(path, "entry '" + name + "' holds " + std::to_string(got) + " bytes but declares "
                                  + std::to_string(size));
        bytes.resize(size);
        entries.emplace(name, std::move(bytes));
    }
    return entries;
}

} // namespace aelab
