#include "models/Imputation.h"

#include "data/MissingData.h"
#include "math/Error.h"
#include "math/Rng.h"
#include "train/Split.h"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <Eigen/QR>
#include <algorithm>
#include <cmath>
#include <limits>

namespace aelab {

double CompleteCaseSummary::rowsDiscardedFraction() const
{
    return rows > 0 ? double(rows - completeRows) / double(rows) : 0.0;
}

double CompleteCaseSummary::observedDiscardedFraction() const
{
    return observedEntries > 0 ? double(discardedEntries) / double(observedEntries) : 0.0;
}

CompleteCaseSummary completeCases(const Matrix& mask)
{
    CompleteCaseSummary s;
    s.rows = mask.rows();
    for (Eigen::Index i = 0; i < mask.rows(); ++i) {
        const auto observed = Eigen::Index((mask.row(i).array() > 0).count());
        s.observedEntries += observed;
        if (observed == mask.cols())
            ++s.completeRows;
        else
            s.discardedEntries += observed;
    }
    return s;
}

double imputationRmse(const Matrix& imputed, const Matrix& truth, const Matrix& mask)
{
    double sum = 0;
    Eigen::Index n = 0;
    for (Eigen::Index k = 0; k < mask.size(); ++k)
        if (mask.data()[k] <= 0) {
            const double e = double(imputed.data()[k]) - double(truth.data()[k]);
            sum += e * e;
            ++n;
        }
    return n > 0 ? std::sqrt(sum / double(n)) : std::numeric_limits<double>::quiet_NaN();
}

Matrix fillMissing(const Matrix& x, const Matrix& mask, const Matrix& fill)
{
    Matrix out = x;
    for (Eigen::Index k = 0; k < x.size(); ++k)
        if (mask.data()[k] <= 0 || !std::isfinite(x.data()[k]))
            out.data()[k] = fill.data()[k];
    return out;
}

namespace {

// Mean of the observed entries of each column over the rows with rowWeight 1.
RowVector observedMeans(const Matrix& x, const Matrix& mask, const Eigen::VectorXd& rowWeight)
{
    Eigen::VectorXd sum = Eigen::VectorXd::Zero(x.cols()), count = Eigen::VectorXd::Zero(x.cols());
    const Matrix values = zeroMissing(x, mask);
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        if (rowWeight(i) <= 0)
            continue;
        for (Eigen::Index j = 0; j < x.cols(); ++j)
            if (mask(i, j) > 0) {
                sum(j) += double(values(i, j));
                count(j) += 1;
            }
    }
    RowVector means(x.cols());
    for (Eigen::Index j = 0; j < x.cols(); ++j)
        means(j) = Scalar(count(j) > 0 ? sum(j) / count(j) : 0.0);
    return means;
}

// The top k eigenvectors of a covariance matrix (d, d), largest first. Small
// problems use the exact solver; large ones (784 pixels) subspace iteration:
// Q <- orth(C Q) from a seeded random start with 10 spare columns, then the
// exact eigenvectors of the small Q^T C Q; ~20x faster than the full solver
// and as good for picking regression predictors.
Eigen::MatrixXd topEigenvectors(const Eigen::MatrixXd& cov, int k, std::uint64_t seed)
{
    const Eigen::Index d = cov.rows();
    const Eigen::Index width = std::min<Eigen::Index>(d, k + 10);
    if (d <= 128 || 2 * width >= d) {
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
        return eig.eigenvectors().rightCols(k).rowwise().reverse();
    }
    Rng rng(seed);
    Eigen::MatrixXd q = rng.normalMatrix(d, width).cast<double>();
    for (int it = 0; it < 8; ++it) {
        const Eigen::MatrixXd y = cov * q;
        Eigen::HouseholderQR<Eigen::MatrixXd> qr(y);
        q = qr.householderQ() * Eigen::MatrixXd::Identity(d, width);
    }
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(q.transpose() * cov * q);
    return q * eig.eigenvectors().rightCols(k).rowwise().reverse();
}

void checkShapes(const Matrix& x, const Matrix& mask)
{
    if (x.rows() != mask.rows() || x.cols() != mask.cols())
        fail(ErrorKind::InvalidArgument, "the mask's shape does not match the data's");
}

} // namespace

bool MeanImputer::fit(const Matrix& x, const Matrix& mask, bool completeCasesOnly)
{
    checkShapes(x, mask);
    Eigen::VectorXd use = Eigen::VectorXd::Ones(x.rows());
    bool any = x.rows() > 0;
    if (completeCasesOnly) {
        any = false;
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
            use(i) = (mask.row(i).array() > 0).all() ? 1.0 : 0.0;
            any = any || use(i) > 0;
        }
    }
    m_means = observedMeans(x, mask, use);
    return any;
}

Matrix MeanImputer::impute(const Matrix& x, const Matrix& mask) const
{
    checkShapes(x, mask);
    if (m_means.size() != x.cols())
        fail(ErrorKind::InvalidArgument, "the mean imputer was fitted on data of another width");
    return fillMissing(x, mask, m_means.replicate(x.rows(), 1));
}

void LinearRegressionImputer::fit(const Matrix& xAll, const Matrix& maskAll, const Options& options)
{
    checkShapes(xAll, maskAll);
    if (xAll.rows() < 2)
        fail(ErrorKind::InvalidArgument, "the linear-regression imputer needs at least 2 rows");
    if (options.rounds < 1)
        fail(ErrorKind::InvalidArgument, "the linear-regression imputer needs at least one round");
    Matrix x = xAll, mask = maskAll;
    if (options.maxRows > 0 && xAll.rows() > options.maxRows) {
        Rng rng(options.seed ^ 0x11f17ull);
        auto order = rng.permutation(int(xAll.rows()));
        order.resize(std::size_t(options.maxRows));
        std::sort(order.begin(), order.end());
        x = gatherRows(xAll, order);
        mask = gatherRows(maskAll, order);
    }
    m_means = observedMeans(x, mask, Eigen::VectorXd::Ones(x.rows()));
    m_rounds.clear();
    Matrix filled = fillMissing(x, mask, m_means.replicate(x.rows(), 1));
    for (int r = 0; r < options.rounds; ++r) {
        m_rounds.push_back(fitRound(filled, mask, options));
        filled = fillMissing(x, mask, predict(m_rounds.back(), filled));
    }
}

LinearRegressionImputer::Round LinearRegressionImputer::fitRound(const Matrix& filled, const Matrix& mask,
                                                                 const Options& options) const
{
    const Eigen::Index n = filled.rows(), d = filled.cols();
    const int k = int(std::min<Eigen::Index>(std::max(options.components, 1), d));
    Round round;
    const Matrix xc = filled.rowwise() - m_means;
    // V: the top k eigenvectors of the covariance of the completed data.
    const Eigen::MatrixXd cov = (xc.transpose() * xc).cast<double>() / double(n - 1);
    round.basis = topEigenvectors(cov, k, options.seed).cast<Scalar>();
    const Eigen::MatrixXd s = (xc * round.basis).cast<double>();   // (n, k)

    round.coef = Matrix::Zero(k + 1, d);
    Eigen::MatrixXd sj(n, k), weighted(n, k), g(k + 1, k + 1);
    Eigen::VectorXd rhs(k + 1);
    for (Eigen::Index j = 0; j < d; ++j) {
        const Eigen::VectorXd m = mask.col(j).cast<double>().cwiseMin(1.0).cwiseMax(0.0);
        const double nj = m.sum();
        if (nj < 1)
            continue;   // never observed: predict the mean
        const Eigen::VectorXd y = xc.col(j).cast<double>();
        sj = s - y * round.basis.row(j).cast<double>();            // s^(j)
        weighted = sj.array().colwise() * m.array();
        // Normal equations of [s^(j), 1] over the observed rows, ridge on beta only.
        g.topLeftCorner(k, k).noalias() = weighted.transpose() * sj;
        g.topLeftCorner(k, k).diagonal().array() += options.ridge * nj;
        g.block(0, k, k, 1) = weighted.colwise().sum().transpose();
        g.block(k, 0, 1, k) = weighted.colwise().sum();
        g(k, k) = nj;
        rhs.head(k).noalias() = weighted.transpose() * y;
        rhs(k) = m.dot(y);
        round.coef.col(j) = g.ldlt().solve(rhs).cast<Scalar>();
    }
    round.ownPart = (round.basis.array() * round.coef.topRows(k).transpose().array()).rowwise().sum().transpose();
    return round;
}

Matrix LinearRegressionImputer::predict(const Round& round, const Matrix& filled) const
{
    // x^_ij = mu_j + c_j + s_i . beta_j - (x~_ij - mu_j) gamma_j
    const Eigen::Index k = round.basis.cols();
    const Matrix xc = filled.rowwise() - m_means;
    Matrix p = xc * round.basis * round.coef.topRows(k);
    p -= (xc.array().rowwise() * round.ownPart.array()).matrix();
    p.rowwise() += round.coef.row(k) + m_means;
    return p;
}

Matrix LinearRegressionImputer::impute(const Matrix& x, const Matrix& mask) const
{
    checkShapes(x, mask);
    if (m_means.size() != x.cols() || m_rounds.empty())
        fail(ErrorKind::InvalidArgument, "the regression imputer was not fitted on data of this width");
    Matrix filled = fillMissing(x, mask, m_means.replicate(x.rows(), 1));
    for (const Round& round : m_rounds)
        filled = fillMissing(x, mask, predict(round, filled));
    return filled;
}

} // namespace aelab
