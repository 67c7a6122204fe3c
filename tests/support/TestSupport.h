#pragma once
// Small helpers shared by the test executables (no Qt in here either, beyond
// what Qt Test needs at the call site).
#include "experiment/WeightSet.h"
#include "math/Error.h"
#include "math/Matrix.h"
#include "models/Autoencoder.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace aelab::test {

// A fresh empty directory under the system temp dir, removed by the caller.
std::filesystem::path freshTempDir(const std::string& tag);

// Path of a committed fixture file under tests/fixtures.
std::filesystem::path fixture(const std::string& name);

// A whole file's bytes; and a file made of exactly these bytes (removed
// first: ext4 flushes a file that is truncated and rewritten in place, which
// made the robustness tests' many small writes slow).
std::string readBytes(const std::filesystem::path& path);
void writeBytes(const std::filesystem::path& path, const std::string& bytes);

// The names of what `dir` holds, sorted.
std::vector<std::string> namesIn(const std::filesystem::path& dir);

// Whether Debian's Fashion-MNIST package is installed (the README's setup
// installs it; tests that need it fail loudly when it is missing).
bool haveFashionMnist();

// Bit for bit: the same shape and the same bytes.
bool sameBits(const Matrix& a, const Matrix& b);
// The same parameters, by name and in order, each bit for bit.
bool sameBits(const WeightSet& a, const WeightSet& b);

// How a call ended: normally, with an aelab::Error (its kind and message), or
// with anything else (which the robustness tests treat as a failure).
struct Outcome {
    bool threwAelab = false;
    bool threwOther = false;
    ErrorKind kind = ErrorKind::InvalidArgument;
    std::string message;
};
Outcome outcomeOf(const std::function<void()>& f);

// A variant for gradient checks and small tests, on vectors of 6 features:
// hidden 5,4, latent 2, tanh (smooth: no kinks to straddle), then `values`
// as the CLI's flags would set them.
std::unique_ptr<Autoencoder> smallModel(const std::string& variant, bool unitInterval,
                                        const std::vector<std::pair<std::string, std::string>>& values,
                                        std::uint64_t seed = 11);

// A model of `variant` with its defaults and `values` set from text as the
// form or the CLI would; a key the variant has no spec for throws
// std::logic_error (a mistyped test, not a refused value).
std::unique_ptr<Autoencoder> makeModel(const std::string& variant,
                                       const std::map<std::string, std::string>& values,
                                       const ModelContext& context);

// A reference tensor from a fixture: a list of rows, or a flat list (a
// bias: (out) in PyTorch, one row here).
Matrix jsonMatrix(const nlohmann::json& j);

// max |a - b| / max |b|: relative to the reference's largest entry
// (infinite when the shapes differ); and |a - b| / |b| for numbers.
double relativeError(const Matrix& a, const Matrix& b);
double relativeError(double a, double b);

} // namespace aelab::test
