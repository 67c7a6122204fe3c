#pragma once
// Small helpers shared by the test executables (no Qt in here either, beyond
// what Qt Test needs at the call site).
#include <filesystem>
#include <string>

namespace aelab::test {

// A fresh empty directory under the system temp dir, removed by the caller.
std::filesystem::path freshTempDir(const std::string& tag);

// Path of a committed fixture file under tests/fixtures.
std::filesystem::path fixture(const std::string& name);

// Whether Debian's Fashion-MNIST package is installed (the README's setup
// installs it; tests that need it fail loudly when it is missing).
bool haveFashionMnist();

} // namespace aelab::test
