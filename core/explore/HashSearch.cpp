#include "explore/HashSearch.h"

#include "math/Error.h"

#include <limits>

namespace aelab {

std::vector<Neighbour> hammingNeighbours(const BinaryCodes& database, const std::uint64_t* query, int k, int skip)
{
    std::vector<Neighbour> out;
    for (int i : hammingRanking(database, query)) {
        if (int(out.size()) >= k)
            break;
        if (i == skip)
            continue;
        out.push_back({i, double(hammingDistance(database.row(i), query, database.words))});
    }
    return out;
}

std::vector<Neighbour> euclideanNeighbours(const Matrix& database, const RowVector& query, int k, int skip)
{
    if (query.size() != database.cols())
        fail(ErrorKind::InvalidArgument, "the query and the database have different sizes");
    const Vector norms = database.rowwise().squaredNorm();
    std::vector<Neighbour> out;
    for (int i : euclideanRanking(database, norms, query)) {
        if (int(out.size()) >= k)
            break;
        if (i == skip)
            continue;
        out.push_back({i, double((database.row(i) - query).norm())});
    }
    return out;
}

RadiusCurve precisionByRadius(const BinaryCodes& database, const std::vector<int>& labels, const std::uint64_t* query,
                              int queryLabel, int skip)
{
    if (labels.size() != std::size_t(database.rows()))
        fail(ErrorKind::InvalidArgument, "precision by radius needs one label per database code");
    const int b = database.bits;
    std::vector<int> within(std::size_t(b) + 1, 0), relevant(std::size_t(b) + 1, 0);
    for (Eigen::Index i = 0; i < database.rows(); ++i) {
        if (i == skip)
            continue;
        const int d = hammingDistance(database.row(i), query, database.words);
        ++within[std::size_t(d)];
        if (labels[std::size_t(i)] == queryLabel)
            ++relevant[std::size_t(d)];
    }
    RadiusCurve c;
    int n = 0, r = 0;
    for (int d = 0; d <= b; ++d) {
        n += within[std::size_t(d)];
        r += relevant[std::size_t(d)];
        c.retrieved.push_back(n);
        c.precision.push_back(n > 0 ? double(r) / n : std::numeric_limits<double>::quiet_NaN());
    }
    return c;
}

std::string codeString(const BinaryCodes& codes, Eigen::Index row)
{
    std::string s;
    const std::uint64_t* w = codes.row(row);
    for (int i = 0; i < codes.bits; ++i) {
        if (i > 0 && i % 4 == 0)
            s += ' ';
        s += (w[i / 64] >> (i % 64)) & 1u ? '1' : '0';
    }
    return s;
}

} // namespace aelab
