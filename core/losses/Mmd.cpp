#include "losses/Mmd.h"

#include "math/Error.h"

#include <iterator>

namespace aelab {

namespace {

constexpr double kScales[] = {0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0};

// ||a_i - b_j||^2 for every pair: (rows of a, rows of b).
Matrix squaredDistances(const Matrix& a, const Matrix& b)
{
    const Matrix aa = a.rowwise().squaredNorm();
    const Matrix bb = b.rowwise().squaredNorm();
    Matrix d = -2 * a * b.transpose();
    d.colwise() += aa.col(0);
    d.rowwise() += bb.col(0).transpose();
    return d.cwiseMax(Scalar(0));   // rounding can dip below 0 for a pair of equal rows
}

struct KernelSums {
    double sum = 0;    // sum_ij k (the diagonal left out when asked)
    Matrix weight;     // sum_s C_s / (C_s + r^2)^2 per pair: the derivative's weight
};

KernelSums kernel(const Matrix& distances, double d, bool offDiagonal)
{
    KernelSums k;
    k.weight = Matrix::Zero(distances.rows(), distances.cols());
    for (double s : kScales) {
        const Scalar c = Scalar(2 * d * s);
        const Matrix denominator = (distances.array() + c).matrix();
        k.sum += double((c / denominator.array()).sum());
        k.weight.array() += c / denominator.array().square();
    }
    if (offDiagonal) {
        // k(a, a) = sum_s 1 on the diagonal; no gradient there (a - a = 0).
        k.sum -= double(distances.rows()) * double(std::size(kScales));
        k.weight.diagonal().setZero();
    }
    return k;
}

// sum_j w_ij (a_i - b_j) for every row i: diag(W 1) A - W B.
Matrix weightedDifferences(const Matrix& w, const Matrix& a, const Matrix& b)
{
    return (a.array().colwise() * w.rowwise().sum().array()).matrix() - w * b;
}

} // namespace

LossValue mmdImq(const Matrix& q, const Matrix& p)
{
    const double n = double(q.rows()), m = double(p.rows()), d = double(q.cols());
    if (q.rows() < 2 || p.rows() < 2)
        fail(ErrorKind::InvalidArgument, "the MMD needs at least two codes and two prior samples");
    if (q.cols() != p.cols())
        fail(ErrorKind::InvalidArgument, "the codes and the prior samples differ in size");
    const KernelSums qq = kernel(squaredDistances(q, q), d, true);
    const KernelSums pp = kernel(squaredDistances(p, p), d, true);
    const KernelSums qp = kernel(squaredDistances(q, p), d, false);

    LossValue l;
    l.value = qq.sum / (n * (n - 1)) + pp.sum / (m * (m - 1)) - 2 * qp.sum / (n * m);
    // Each pair (a, j) of Q appears twice in the first sum, each dk/da = -2 W (a - b).
    l.grad = Scalar(-4 / (n * (n - 1))) * weightedDifferences(qq.weight, q, q)
        + Scalar(4 / (n * m)) * weightedDifferences(qp.weight, q, p);
    return l;
}

} // namespace aelab
