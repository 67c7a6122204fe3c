#include "explore/LatentPlane.h"

#include "math/Error.h"
#include "math/FiniteRows.h"

#include <cstdio>

namespace aelab {

namespace {

std::string percent(double fraction)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * fraction);
    return buf;
}

// The mean of the finite codes (0 when there is none: a diverged model).
RowVector finiteMean(const Matrix& codes)
{
    const Matrix finite = finiteRows(codes);
    return finite.rows() > 0 ? RowVector(finite.colwise().mean()) : RowVector(RowVector::Zero(codes.cols()));
}

} // namespace

LatentPlane fitPlane(const Matrix& codes, const PlaneChoice& choice, const LatentPlane* previous)
{
    if (codes.rows() < 1 || codes.cols() < 1)
        fail(ErrorKind::InvalidArgument, "a latent plane needs at least one code");
    LatentPlane plane;
    plane.latentSize = int(codes.cols());
    const int d = plane.latentSize;
    if (d == 1) {
        plane.mode = PlaneMode::Dims;
        plane.dimX = 0;
        plane.dimY = -1;
        plane.base = RowVector::Zero(1);
        plane.xLabel = "z1";
        plane.yLabel = "";
        return plane;
    }
    if (d == 2 || choice.mode == PlaneMode::Dims) {
        const int a = d == 2 && choice.mode == PlaneMode::Pca ? 0 : choice.dimX;
        const int b = d == 2 && choice.mode == PlaneMode::Pca ? 1 : choice.dimY;
        if (a < 0 || a >= d || b < 0 || b >= d || a == b)
            fail(ErrorKind::InvalidArgument, "choose two different latent dimensions between 1 and "
                 + std::to_string(d));
        plane.mode = PlaneMode::Dims;
        plane.dimX = a;
        plane.dimY = b;
        plane.base = choice.zeroBase ? RowVector(RowVector::Zero(d)) : RowVector(finiteMean(codes));
        plane.xLabel = "z" + std::to_string(a + 1);
        plane.yLabel = "z" + std::to_string(b + 1);
        return plane;
    }
    plane.mode = PlaneMode::Pca;
    plane.pca = fitPca(codes, 2);
    if (previous && previous->mode == PlaneMode::Pca && previous->latentSize == d)
        alignPca(plane.pca, previous->pca);
    plane.xLabel = "PC1 of " + std::to_string(d) + "-D codes (" + percent(plane.pca.explainedFraction(0))
        + " of variance)";
    plane.yLabel = "PC2 (" + percent(plane.pca.explainedFraction(1)) + ")";
    return plane;
}

Matrix LatentPlane::project(const Matrix& codes) const
{
    if (codes.cols() != latentSize)
        fail(ErrorKind::InvalidArgument, "codes of size " + std::to_string(codes.cols())
             + " do not fit a plane of latent size " + std::to_string(latentSize));
    Matrix p = Matrix::Zero(codes.rows(), 2);
    if (mode == PlaneMode::Pca) {
        p = projectPca(pca, codes);
    } else {
        p.col(0) = codes.col(dimX);
        if (dimY >= 0)
            p.col(1) = codes.col(dimY);
    }
    blankNonFiniteRows(p);
    return p;
}

Matrix LatentPlane::lift(const Matrix& points) const
{
    if (points.cols() != 2)
        fail(ErrorKind::InvalidArgument, "plane points have two coordinates");
    if (mode == PlaneMode::Pca) {
        Matrix z = points * pca.components.transpose();   // (n, 2) (2, latent)
        z.rowwise() += pca.mean;
        return z;
    }
    Matrix z = base.replicate(points.rows(), 1);
    z.col(dimX) = points.col(0);
    if (dimY >= 0)
        z.col(dimY) = points.col(1);
    return z;
}

} // namespace aelab
