#include "TestSupport.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace aelab::test {

std::string readBytes(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeBytes(const std::filesystem::path& path, const std::string& bytes)
{
    std::filesystem::remove(path);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::filesystem::path freshTempDir(const std::string& tag)
{
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    auto dir = std::filesystem::temp_directory_path()
        / ("aelab-test-" + tag + "-" + std::to_string(::getpid()) + "-"
           + std::to_string(stamp) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir);
    return dir;
}

std::filesystem::path fixture(const std::string& name)
{
    return std::filesystem::path(AELAB_FIXTURES_DIR) / name;
}

std::vector<std::string> namesIn(const std::filesystem::path& dir)
{
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

bool haveFashionMnist()
{
    return std::filesystem::exists("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz");
}

Outcome outcomeOf(const std::function<void()>& f)
{
    Outcome o;
    try {
        f();
    } catch (const Error& e) {
        o.threwAelab = true;
        o.kind = e.kind();
        o.message = e.what();
    } catch (const std::exception& e) {
        o.threwOther = true;
        o.message = e.what();
    } catch (...) {
        o.threwOther = true;
    }
    return o;
}

} // namespace aelab::test
