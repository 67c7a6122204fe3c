#pragma once
// One query against a database of binary codes, as the hashing view shows
// it: its nearest neighbours by Hamming distance (and, beside them, by
// Euclidean distance in pixel space), and precision against the Hamming
// radius: of the items within distance r of the query, the fraction with the
// query's label,
//   P(r) = #{i : d_i <= r, y_i = y_q} / #{i : d_i <= r}    (NaN when none is within r)
// for r = 0 .. B. Ties are in database order (Retrieval.h).
#include "models/Retrieval.h"

#include <string>
#include <vector>

namespace aelab {

struct Neighbour {
    int index = 0;
    double distance = 0;
};

std::vector<Neighbour> hammingNeighbours(const BinaryCodes& database, const std::uint64_t* query, int k,
                                         int skip = -1);   // skip: a database row to leave out (the query itself)
std::vector<Neighbour> euclideanNeighbours(const Matrix& database, const RowVector& query, int k, int skip = -1);

struct RadiusCurve {
    std::vector<double> precision;   // r = 0 .. bits
    std::vector<int> retrieved;      // items within r
};
RadiusCurve precisionByRadius(const BinaryCodes& database, const std::vector<int>& labels, const std::uint64_t* query,
                              int queryLabel, int skip = -1);

// A code as "0110 1001 ...", in groups of four.
std::string codeString(const BinaryCodes& codes, Eigen::Index row);

} // namespace aelab
