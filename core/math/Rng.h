#pragma once
// A seeded, portable random number generator (xoshiro256**, seeded through
// splitmix64). Unlike std::normal_distribution, every draw here is defined by
// this code alone, so the same seed gives the same numbers on every platform.
#include "math/Matrix.h"

#include <array>
#include <cstdint>
#include <vector>

namespace aelab {

// Where a stream stands: its four state words and Box-Muller's spare normal.
// A stream restored from it continues with the very numbers the original
// would have drawn (a resumed run, io/ModelFile's resume section).
struct RngState {
    std::array<std::uint64_t, 4> words{};
    bool hasSpare = false;
    double spare = 0;
    bool operator==(const RngState&) const = default;
};

class Rng {
public:
    explicit Rng(std::uint64_t seed = 0);

    std::uint64_t next();              // 64 random bits
    double uniform();                  // [0, 1)
    double uniform(double lo, double hi);
    double normal();                   // standard normal (Box-Muller)
    std::uint64_t below(std::uint64_t n); // uniform integer in [0, n), unbiased
    bool bernoulli(double p);

    Matrix normalMatrix(Eigen::Index rows, Eigen::Index cols, double mean = 0, double stddev = 1);
    Matrix uniformMatrix(Eigen::Index rows, Eigen::Index cols, double lo, double hi);
    std::vector<int> permutation(int n);  // Fisher-Yates
    Rng split();                          // an independent child stream

    RngState state() const;
    void restore(const RngState& state);

private:
    std::uint64_t m_state[4];
    bool m_hasSpare = false;
    double m_spare = 0;
};

} // namespace aelab
