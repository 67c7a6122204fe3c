#include "experiment/Standardizer.h"

#include <cmath>

namespace aelab {

Standardizer Standardizer::fit(const Matrix& reference)
{
    Standardizer s;
    const Eigen::Index n = reference.rows(), d = reference.cols();
    s.mean = RowVector::Zero(d);
    s.scale = RowVector::Ones(d);
    if (n == 0)
        return s;
    // In double: pixel sums over 60000 rows lose digits in float.
    const Eigen::RowVectorXd mean = reference.cast<double>().colwise().mean();
    Eigen::RowVectorXd var = Eigen::RowVectorXd::Zero(d);
    for (Eigen::Index i = 0; i < n; ++i)
        var += (reference.row(i).cast<double>() - mean).array().square().matrix();
    var /= double(std::max<Eigen::Index>(n - 1, 1));
    s.mean = mean.cast<Scalar>();
    for (Eigen::Index j = 0; j < d; ++j) {
        const double sd = std::sqrt(var(j));
        s.scale(j) = sd > 1e-6 ? Scalar(1.0 / sd) : Scalar(1);
    }
    return s;
}

Matrix Standardizer::apply(const Matrix& x) const
{
    Matrix out = x.rowwise() - mean;
    out.array().rowwise() *= scale.array();
    return out;
}

} // namespace aelab
