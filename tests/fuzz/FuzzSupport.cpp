#include "FuzzSupport.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace aelab::fuzz {

namespace fs = std::filesystem;

namespace {
struct Scratch {
    std::string dir;
    Scratch()
    {
        const char* tmp = std::getenv("TMPDIR");
        dir = (fs::path(tmp && *tmp ? tmp : "/tmp") / ("aelab-fuzz-" + std::to_string(::getpid()))).string();
        fs::create_directories(dir);
    }
    ~Scratch()
    {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};
} // namespace

bool verbose()
{
    static const bool on = std::getenv("AELAB_FUZZ_VERBOSE") != nullptr;
    return on;
}

const std::string& scratchDir()
{
    static const Scratch scratch;
    return scratch.dir;
}

std::string writeScratch(const std::string& name, const std::uint8_t* data, std::size_t size)
{
    const fs::path path = fs::path(scratchDir()) / name;
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), std::streamsize(size));
    out.close();
    if (!out) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", path.c_str());
        std::abort();
    }
    return path.string();
}

} // namespace aelab::fuzz
