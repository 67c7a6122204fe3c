#include "explore/Lattice.h"

#include "math/Error.h"

#include <cmath>

namespace aelab {

double normalQuantile(double p)
{
    if (!(p > 0 && p < 1))
        fail(ErrorKind::InvalidArgument, "a normal quantile needs a probability strictly between 0 and 1");
    // Acklam's coefficients.
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                               1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01,  -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    const double low = 0.02425;
    double x;
    if (p < low) {
        const double q = std::sqrt(-2 * std::log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - low) {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
        const double q = std::sqrt(-2 * std::log(1 - p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    // One Halley step on Phi(x) - p = 0.
    const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
    const double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

Matrix gridLattice(const PlaneRect& rect, int n)
{
    if (n < 1)
        fail(ErrorKind::InvalidArgument, "a lattice needs at least one point a side");
    Matrix points(Eigen::Index(n) * n, 2);
    const double dx = (rect.xMax - rect.xMin) / n, dy = (rect.yMax - rect.yMin) / n;
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            points(r * n + c, 0) = Scalar(rect.xMin + (c + 0.5) * dx);
            points(r * n + c, 1) = Scalar(rect.yMax - (r + 0.5) * dy);
        }
    return points;
}

Matrix gaussianLattice(int n)
{
    if (n < 1)
        fail(ErrorKind::InvalidArgument, "a lattice needs at least one point a side");
    Matrix points(Eigen::Index(n) * n, 2);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            points(r * n + c, 0) = Scalar(normalQuantile((c + 0.5) / n));
            points(r * n + c, 1) = Scalar(normalQuantile(1 - (r + 0.5) / n));
        }
    return points;
}

Matrix interpolationPath(const RowVector& a, const RowVector& b, int steps)
{
    if (a.size() != b.size() || a.size() == 0)
        fail(ErrorKind::InvalidArgument, "an interpolation needs two codes of the same size");
    if (steps < 2)
        fail(ErrorKind::InvalidArgument, "an interpolation needs at least two steps");
    Matrix path(steps, a.size());
    for (int i = 0; i < steps; ++i) {
        const Scalar t = Scalar(i) / Scalar(steps - 1);
        path.row(i) = (Scalar(1) - t) * a + t * b;
    }
    path.row(steps - 1) = b;   // exactly, whatever the rounding
    return path;
}

} // namespace aelab
