#include "math/Pca.h"

#include "math/Error.h"
#include "math/FiniteRows.h"

#include <Eigen/Eigenvalues>

namespace aelab {

double Pca::explainedFraction(int k) const
{
    if (k < 0 || k >= int(variance.size()) || totalVariance <= 0)
        return 0;
    return variance[std::size_t(k)] / totalVariance;
}

Pca fitPca(const Matrix& all, int k)
{
    const Matrix x = finiteRows(all);
    if (x.rows() < 1 || x.cols() < 1)
        fail(ErrorKind::InvalidArgument, all.rows() > 0 && all.cols() > 0 ? "PCA needs at least one finite sample"
                                                                          : "PCA needs at least one sample");
    if (k < 1 || k > x.cols())
        fail(ErrorKind::InvalidArgument, "PCA: cannot keep " + std::to_string(k) + " of "
             + std::to_string(x.cols()) + " components");
    using MatD = Eigen::MatrixXd;
    const MatD xd = x.cast<double>();
    const Eigen::RowVectorXd mean = xd.colwise().mean();
    const MatD centred = xd.rowwise() - mean;
    const double denom = x.rows() > 1 ? double(x.rows() - 1) : 1.0;
    const MatD cov = (centred.transpose() * centred) / denom;   // (features, features)
    Eigen::SelfAdjointEigenSolver<MatD> eig(cov);                // eigenvalues ascending

    Pca pca;
    pca.mean = mean.cast<Scalar>();
    pca.components.resize(x.cols(), k);
    pca.totalVariance = cov.trace();
    const Eigen::Index d = x.cols();
    for (int j = 0; j < k; ++j) {
        Eigen::VectorXd v = eig.eigenvectors().col(d - 1 - j);
        // A deterministic sign: the largest-magnitude entry is positive.
        Eigen::Index at = 0;
        v.cwiseAbs().maxCoeff(&at);
        if (v(at) < 0)
            v = -v;
        pca.components.col(j) = v.cast<Scalar>();
        pca.variance.push_back(std::max(0.0, eig.eigenvalues()(d - 1 - j)));
    }
    return pca;
}

Matrix projectPca(const Pca& pca, const Matrix& x)
{
    if (x.cols() != pca.features())
        fail(ErrorKind::InvalidArgument, "PCA projection: the data has " + std::to_string(x.cols())
             + " features, the fit had " + std::to_string(pca.features()));
    Matrix out(x.rows(), pca.kept());
    out.noalias() = (x.rowwise() - pca.mean) * pca.components;
    return out;
}

void alignPca(Pca& pca, const Pca& reference)
{
    if (reference.components.rows() != pca.components.rows()
        || reference.components.cols() != pca.components.cols())
        return;
    for (int j = 0; j < pca.kept(); ++j)
        if (pca.components.col(j).dot(reference.components.col(j)) < 0)
            pca.components.col(j) = -pca.components.col(j);
}

} // namespace aelab
