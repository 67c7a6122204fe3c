#include "models/Retrieval.h"

#include "math/Error.h"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>

namespace aelab {

namespace {

using Clock = std::chrono::steady_clock;

void checkLabels(Eigen::Index rows, const std::vector<int>& labels, const char* what)
{
    if (Eigen::Index(labels.size()) != rows)
        fail(ErrorKind::InvalidArgument, std::string("retrieval needs one label per ") + what
             + " (relevant = same label); this dataset has no labels");
}

void checkK(int k, Eigen::Index databaseRows)
{
    if (k < 1 || k > databaseRows)
        fail(ErrorKind::InvalidArgument, "--k must be between 1 and the database size ("
             + std::to_string(databaseRows) + ")");
}

// Accumulates the per-query scores into a RetrievalScore.
struct ScoreSum {
    double precision = 0, ap = 0;
    int queries = 0;
    void add(const std::pair<double, double>& s)
    {
        if (std::isnan(s.second))
            return;
        precision += s.first;
        ap += s.second;
        ++queries;
    }
    RetrievalScore result(const std::string& method, double seconds, Eigen::Index total) const
    {
        RetrievalScore r;
        r.method = method;
        r.queries = queries;
        r.precisionAtK = queries > 0 ? precision / queries : std::numeric_limits<double>::quiet_NaN();
        r.meanAveragePrecision = queries > 0 ? ap / queries : std::numeric_limits<double>::quiet_NaN();
        r.secondsPerQuery = total > 0 ? seconds / double(total) : 0;
        return r;
    }
};

} // namespace

BinaryCodes packBits(const Matrix& codes)
{
    BinaryCodes c;
    c.bits = int(codes.cols());
    c.words = std::max(1, (c.bits + 63) / 64);
    c.data.assign(std::size_t(codes.rows() * c.words), 0);
    for (Eigen::Index i = 0; i < codes.rows(); ++i)
        for (int b = 0; b < c.bits; ++b)
            if (codes(i, b) > Scalar(0.5))
                c.data[std::size_t(i * c.words + b / 64)] |= std::uint64_t(1) << (b % 64);
    return c;
}

int hammingDistance(const std::uint64_t* a, const std::uint64_t* b, int words)
{
    int d = 0;
    for (int w = 0; w < words; ++w)
        d += std::popcount(a[w] ^ b[w]);
    return d;
}

RandomProjectionLsh::RandomProjectionLsh(int dim, int bits, const RowVector& centre, Rng& rng)
    : m_directions(rng.normalMatrix(dim, bits)), m_centre(centre)
{
    if (centre.size() != dim)
        fail(ErrorKind::InvalidArgument, "LSH: the centre's size does not match the dimension");
}

BinaryCodes RandomProjectionLsh::hash(const Matrix& x) const
{
    const Matrix projected = (x.rowwise() - m_centre) * m_directions;
    return packBits(projected.unaryExpr([](Scalar v) { return v > 0 ? Scalar(1) : Scalar(0); }));
}

std::vector<int> hammingRanking(const BinaryCodes& database, const std::uint64_t* query)
{
    // Counting sort by distance: stable, so ties keep database order.
    const Eigen::Index n = database.rows();
    std::vector<int> distance(static_cast<std::size_t>(n));
    std::vector<int> start(std::size_t(database.words * 64 + 2), 0);
    for (Eigen::Index i = 0; i < n; ++i) {
        distance[std::size_t(i)] = hammingDistance(database.row(i), query, database.words);
        ++start[std::size_t(distance[std::size_t(i)] + 1)];
    }
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<int> order(static_cast<std::size_t>(n));
    for (Eigen::Index i = 0; i < n; ++i)
        order[std::size_t(start[std::size_t(distance[std::size_t(i)])]++)] = int(i);
    return order;
}

std::vector<int> euclideanRanking(const Matrix& database, const Vector& databaseSqNorms, const RowVector& query)
{
    // ||q - x||^2 = ||q||^2 - 2 q.x + ||x||^2; ||q||^2 does not change the order.
    const Vector d = databaseSqNorms - 2 * (database * query.transpose());
    std::vector<int> order(std::size_t(database.rows()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return d(a) < d(b); });
    return order;
}

std::pair<double, double> scoreRanking(const std::vector<int>& ranking, const std::vector<int>& databaseLabels,
                                       int queryLabel, int k)
{
    int hitsAtK = 0, hits = 0;
    double apSum = 0;
    for (std::size_t r = 0; r < ranking.size(); ++r) {
        if (databaseLabels[std::size_t(ranking[r])] != queryLabel)
            continue;
        ++hits;
        apSum += double(hits) / double(r + 1);   // precision at this rank
        if (int(r) < k)
            ++hitsAtK;
    }
    const double ap = hits > 0 ? apSum / hits : std::numeric_limits<double>::quiet_NaN();
    return {double(hitsAtK) / k, ap};
}

RetrievalScore retrieveHamming(const BinaryCodes& database, const std::vector<int>& databaseLabels,
                               const BinaryCodes& queries, const std::vector<int>& queryLabels, int k)
{
    checkLabels(database.rows(), databaseLabels, "database item");
    checkLabels(queries.rows(), queryLabels, "query");
    checkK(k, database.rows());
    if (database.bits != queries.bits)
        fail(ErrorKind::InvalidArgument, "the queries' codes and the database's have different lengths");
    ScoreSum sum;
    double seconds = 0;
    for (Eigen::Index q = 0; q < queries.rows(); ++q) {
        const auto start = Clock::now();
        const std::vector<int> ranking = hammingRanking(database, queries.row(q));
        seconds += std::chrono::duration<double>(Clock::now() - start).count();
        sum.add(scoreRanking(ranking, databaseLabels, queryLabels[std::size_t(q)], k));
    }
    return sum.result("hamming", seconds, queries.rows());
}

RetrievalScore retrieveEuclidean(const Matrix& database, const std::vector<int>& databaseLabels,
                                 const Matrix& queries, const std::vector<int>& queryLabels, int k)
{
    checkLabels(database.rows(), databaseLabels, "database item");
    checkLabels(queries.rows(), queryLabels, "query");
    checkK(k, database.rows());
    if (database.cols() != queries.cols())
        fail(ErrorKind::InvalidArgument, "the queries and the database have different widths");
    const auto startNorms = Clock::now();
    const Vector sqNorms = database.rowwise().squaredNorm();
    double seconds = std::chrono::duration<double>(Clock::now() - startNorms).count();
    ScoreSum sum;
    for (Eigen::Index q = 0; q < queries.rows(); ++q) {
        const auto start = Clock::now();
        const std::vector<int> ranking = euclideanRanking(database, sqNorms, queries.row(q));
        seconds += std::chrono::duration<double>(Clock::now() - start).count();
        sum.add(scoreRanking(ranking, databaseLabels, queryLabels[std::size_t(q)], k));
    }
    return sum.result("euclidean", seconds, queries.rows());
}

} // namespace aelab
