#include "math/Checksum.h"

#include <cstdio>

namespace aelab {

void Fnv1a::add(const void* data, std::size_t bytes)
{
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) {
        m_hash ^= p[i];
        m_hash *= 0x100000001b3ull;
    }
}

std::string Fnv1a::hex() const
{
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(m_hash));
    return buf;
}

} // namespace aelab
