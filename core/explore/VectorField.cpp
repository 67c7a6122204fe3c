#include "explore/VectorField.h"

#include "math/Error.h"
#include "models/Denoising.h"
#include "train/Evaluate.h"

#include <limits>

namespace aelab {

PlaneRect dataBounds(const Matrix& x, double margin)
{
    if (x.rows() < 1 || x.cols() < 2)
        fail(ErrorKind::InvalidArgument, "the data's bounds need 2-D points");
    PlaneRect r{double(x.col(0).minCoeff()), double(x.col(0).maxCoeff()), double(x.col(1).minCoeff()),
                double(x.col(1).maxCoeff())};
    const double wx = std::max(1e-6, r.xMax - r.xMin), wy = std::max(1e-6, r.yMax - r.yMin);
    r.xMin -= margin * wx;
    r.xMax += margin * wx;
    r.yMin -= margin * wy;
    r.yMax += margin * wy;
    return r;
}

double scoreNoiseSigma(const Autoencoder& model)
{
    const auto* dae = dynamic_cast<const DenoisingAutoencoder*>(&model);
    if (!dae || dae->corruption().kind != CorruptionKind::Gaussian
        || dae->outputMode().kind != OutputKind::LinearSquaredError)
        return 0;
    return dae->corruption().level;
}

VectorField reconstructionField(Autoencoder& model, const PlaneRect& rect, int n)
{
    if (model.context().inputDim != 2)
        fail(ErrorKind::InvalidArgument, "the reconstruction field needs 2-D data (this model takes "
             + std::to_string(model.context().inputDim) + " features)");
    VectorField f;
    f.points = gridLattice(rect, n);
    f.deltas = reconstructSet(model, f.points) - f.points;
    return f;
}

FieldAgreement fieldAgreement(const VectorField& field, const Matrix& data)
{
    FieldAgreement a;
    const Eigen::Index n = field.points.rows();
    if (n == 0 || data.rows() == 0)
        return a;
    for (Eigen::Index i = 0; i < n; ++i) {
        const RowVector p = field.points.row(i);
        Eigen::Index nearest = 0;
        (data.rowwise() - p).rowwise().squaredNorm().minCoeff(&nearest);
        const RowVector toData = data.row(nearest) - p;
        const RowVector arrow = field.deltas.row(i);
        a.meanLength += double(arrow.norm());
        const double denom = double(arrow.norm()) * double(toData.norm());
        a.meanCosineToData += denom > 0 ? double(arrow.dot(toData)) / denom : 0.0;
    }
    a.meanLength /= double(n);
    a.meanCosineToData /= double(n);
    return a;
}

} // namespace aelab
