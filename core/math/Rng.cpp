#include "math/Rng.h"

#include <cmath>
#include <numbers>

namespace aelab {

namespace {
std::uint64_t splitmix64(std::uint64_t& x)
{
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
} // namespace

Rng::Rng(std::uint64_t seed)
{
    for (auto& s : m_state)
        s = splitmix64(seed);
}

std::uint64_t Rng::next()
{
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double Rng::uniform() { return double(next() >> 11) * 0x1.0p-53; }

double Rng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

double Rng::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    double u1 = uniform();
    while (u1 <= 0.0)
        u1 = uniform();
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    m_spare = radius * std::sin(angle);
    m_hasSpare = true;
    return radius * std::cos(angle);
}

std::uint64_t Rng::below(std::uint64_t n)
{
    if (n <= 1)
        return 0;
    // Rejection sampling: draws in the incomplete top bucket are redrawn.
    const std::uint64_t limit = ~std::uint64_t(0) - (~std::uint64_t(0) % n);
    std::uint64_t x;
    do {
        x = next();
    } while (x >= limit);
    return x % n;
}

bool Rng::bernoulli(double p) { return uniform() < p; }

Matrix Rng::normalMatrix(Eigen::Index rows, Eigen::Index cols, double mean, double stddev)
{
    Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = Scalar(mean + stddev * normal());
    return m;
}

Matrix Rng::uniformMatrix(Eigen::Index rows, Eigen::Index cols, double lo, double hi)
{
    Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = Scalar(uniform(lo, hi));
    return m;
}

std::vector<int> Rng::permutation(int n)
{
    std::vector<int> p(n);
    for (int i = 0; i < n; ++i)
        p[i] = i;
    for (int i = n - 1; i > 0; --i)
        std::swap(p[i], p[below(std::uint64_t(i) + 1)]);
    return p;
}

Rng Rng::split() { return Rng(next()); }

RngState Rng::state() const
{
    RngState s;
    for (std::size_t i = 0; i < 4; ++i)
        s.words[i] = m_state[i];
    s.hasSpare = m_hasSpare;
    s.spare = m_spare;
    return s;
}

void Rng::restore(const RngState& s)
{
    for (std::size_t i = 0; i < 4; ++i)
        m_state[i] = s.words[i];
    m_hasSpare = s.hasSpare;
    m_spare = s.spare;
}

} // namespace aelab
