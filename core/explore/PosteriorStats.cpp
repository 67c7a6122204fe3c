#include "explore/PosteriorStats.h"

#include "losses/GaussianKl.h"
#include "math/Error.h"

namespace aelab {

PosteriorStats posteriorStats(const Matrix& mu, const Matrix& logvar, double activeThreshold, double klThreshold)
{
    if (mu.rows() < 1 || mu.rows() != logvar.rows() || mu.cols() != logvar.cols())
        fail(ErrorKind::InvalidArgument, "posterior statistics need mu and logvar of the same shape");
    PosteriorStats s;
    const GaussianKlValue kl = gaussianKl(mu, logvar);
    s.klPerDimension = kl.perDimension;
    s.totalKl = kl.value;
    const Eigen::MatrixXd m = mu.cast<double>();
    const Eigen::RowVectorXd mean = m.colwise().mean();
    const double denom = m.rows() > 1 ? double(m.rows() - 1) : 1.0;
    for (Eigen::Index j = 0; j < m.cols(); ++j) {
        const double var = (m.col(j).array() - mean(j)).square().sum() / denom;
        s.activity.push_back(var);
        if (var > activeThreshold)
            ++s.activeUnits;
        if (s.klPerDimension[std::size_t(j)] < klThreshold)
            s.collapsed.push_back(int(j));
    }
    return s;
}

} // namespace aelab
