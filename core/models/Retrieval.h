#pragma once
// Retrieval by similarity, and how good it is. A query's relevant items are
// the database items with its label; each method ranks the whole database:
//   Hamming    binary codes packed 64 bits a word, distance = popcount(a ^ b);
//              ranked by a counting sort over the B + 1 distances, ties in
//              database order (which makes ties arbitrary but reproducible)
//   Euclidean  raw vectors, ||q||^2 - 2 q.x + ||x||^2 (one product per query block)
//   LSH        random-projection (SimHash) bits of the raw vectors:
//              b = [(x - centre) . r_i > 0] for B Gaussian directions r_i,
//              then Hamming as above
// Metrics, averaged over queries:
//   precision@k  (relevant among the first k) / k
//   AP           (1/R) sum over the ranks r of relevant items of precision@r,
//                R = relevant items in the database (queries with R = 0 skipped)
#include "math/Matrix.h"
#include "math/Rng.h"

#include <cstdint>
#include <string>
#include <vector>

namespace aelab {

struct BinaryCodes {
    int bits = 0;
    int words = 0;                        // 64-bit words per code
    std::vector<std::uint64_t> data;      // rows * words
    Eigen::Index rows() const { return words > 0 ? Eigen::Index(data.size()) / words : 0; }
    const std::uint64_t* row(Eigen::Index i) const { return data.data() + i * words; }
};

// Entries > 0.5 become 1 bits. (n, B) -> n codes of B bits.
BinaryCodes packBits(const Matrix& codes);
int hammingDistance(const std::uint64_t* a, const std::uint64_t* b, int words);

class RandomProjectionLsh {
public:
    // B directions drawn N(0, I) in `dim` dimensions; `centre` (1, dim) is
    // subtracted first (the database mean, so each bit splits the data).
    RandomProjectionLsh(int dim, int bits, const RowVector& centre, Rng& rng);
    BinaryCodes hash(const Matrix& x) const;

private:
    Matrix m_directions;   // (dim, bits)
    RowVector m_centre;
};

struct RetrievalScore {
    std::string method;
    double precisionAtK = 0;
    double meanAveragePrecision = 0;
    double secondsPerQuery = 0;    // ranking the database (plus encoding, if the caller adds it)
    int queries = 0;               // queries scored (those with a relevant item)
};

// Database order for one query, nearest first.
std::vector<int> hammingRanking(const BinaryCodes& database, const std::uint64_t* query);
std::vector<int> euclideanRanking(const Matrix& database, const Vector& databaseSqNorms, const RowVector& query);

// precision@k and AP of one ranking; relevant = label equal to queryLabel.
// Returns {precision@k, AP}; AP is NaN when nothing is relevant.
std::pair<double, double> scoreRanking(const std::vector<int>& ranking, const std::vector<int>& databaseLabels,
                                       int queryLabel, int k);

RetrievalScore retrieveHamming(const BinaryCodes& database, const std::vector<int>& databaseLabels,
                               const BinaryCodes& queries, const std::vector<int>& queryLabels, int k);
RetrievalScore retrieveEuclidean(const Matrix& database, const std::vector<int>& databaseLabels,
                                 const Matrix& queries, const std::vector<int>& queryLabels, int k);

} // namespace aelab
