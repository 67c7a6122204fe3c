#include "TestSupport.h"

#include "models/Registry.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
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

bool sameBits(const Matrix& a, const Matrix& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
        && (a.size() == 0 || std::memcmp(a.data(), b.data(), sizeof(Scalar) * std::size_t(a.size())) == 0);
}

bool sameBits(const WeightSet& a, const WeightSet& b)
{
    if (a.values.size() != b.values.size())
        return false;
    for (std::size_t i = 0; i < a.values.size(); ++i)
        if (a.values[i].first != b.values[i].first || !sameBits(a.values[i].second, b.values[i].second))
            return false;
    return true;
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

Matrix jsonMatrix(const nlohmann::json& j)
{
    if (j.front().is_number()) {
        Matrix m(1, Eigen::Index(j.size()));
        for (std::size_t c = 0; c < j.size(); ++c)
            m(0, Eigen::Index(c)) = j[c].get<double>();
        return m;
    }
    Matrix m(Eigen::Index(j.size()), Eigen::Index(j.front().size()));
    for (std::size_t r = 0; r < j.size(); ++r)
        for (std::size_t c = 0; c < j[r].size(); ++c)
            m(Eigen::Index(r), Eigen::Index(c)) = j[r][c].get<double>();
    return m;
}

double relativeError(const Matrix& a, const Matrix& b)
{
    if (a.rows() != b.rows() || a.cols() != b.cols())
        return INFINITY;
    return double((a - b).cwiseAbs().maxCoeff()) / std::max(double(b.cwiseAbs().maxCoeff()), 1e-300);
}

double relativeError(double a, double b) { return std::abs(a - b) / std::max(std::abs(b), 1e-300); }

std::unique_ptr<Autoencoder> makeModel(const std::string& variant,
                                       const std::map<std::string, std::string>& values,
                                       const ModelContext& context)
{
    const auto& specs = variantInfo(variant).specs;
    HyperParams hp = HyperParams::defaults(specs);
    for (const auto& [k, v] : values) {
        const ParamSpec* spec = findSpec(specs, k);
        if (!spec)
            throw std::logic_error(variant + " has no spec " + k);
        hp.setFromText(*spec, v);
    }
    return createModel(variant, hp, context);
}

std::unique_ptr<Autoencoder> smallModel(const std::string& variant, bool unitInterval,
                                        const std::vector<std::pair<std::string, std::string>>& values,
                                        std::uint64_t seed)
{
    const auto& specs = variantInfo(variant).specs;
    HyperParams hp;
    hp.setFromText(*findSpec(specs, "hidden"), "5,4");
    hp.setFromText(*findSpec(specs, "latent"), "2");
    hp.setFromText(*findSpec(specs, "activation"), "tanh");
    for (const auto& [k, v] : values)
        hp.setFromText(*findSpec(specs, k), v);
    ModelContext context;
    context.inputDim = 6;
    context.shape = {1, 1, 6};
    context.unitInterval = unitInterval;
    context.seed = seed;
    return createModel(variant, hp, context);
}

} // namespace aelab::test
