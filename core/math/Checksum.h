#pragma once
// FNV-1a (64-bit) over bytes: the fingerprint of a dataset and the checksum of
// a model file's tensor data. Not cryptographic: it detects corruption and
// tells datasets apart, which is all it is asked to do.
#include <cstddef>
#include <cstdint>
#include <string>

namespace aelab {

class Fnv1a {
public:
    void add(const void* data, std::size_t bytes);
    std::uint64_t value() const { return m_hash; }
    std::string hex() const;

private:
    std::uint64_t m_hash = 0xcbf29ce484222325ull;
};

} // namespace aelab
