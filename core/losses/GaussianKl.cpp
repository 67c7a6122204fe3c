#include "losses/GaussianKl.h"

#include "math/Error.h"

namespace aelab {

GaussianKlValue gaussianKl(const Matrix& mu, const Matrix& logvar)
{
    if (mu.rows() != logvar.rows() || mu.cols() != logvar.cols())
        fail(ErrorKind::InvalidArgument, "Gaussian KL: mu and log-variance differ in shape");
    const double batch = double(mu.rows());
    const Eigen::ArrayXXd m = mu.cast<double>().array();
    const Eigen::ArrayXXd lv = logvar.cast<double>().array();
    const Eigen::ArrayXXd perEntry = 0.5 * (m.square() + lv.exp() - 1.0 - lv);   // (B, latent)

    GaussianKlValue out;
    out.perDimension.resize(std::size_t(mu.cols()));
    for (Eigen::Index j = 0; j < mu.cols(); ++j)
        out.perDimension[std::size_t(j)] = batch > 0 ? perEntry.col(j).sum() / batch : 0.0;
    out.value = batch > 0 ? perEntry.sum() / batch : 0.0;
    out.gradMu = mu / Scalar(batch);
    out.gradLogvar = ((logvar.array().exp() - Scalar(1)) / Scalar(2 * batch)).matrix();
    return out;
}

} // namespace aelab
