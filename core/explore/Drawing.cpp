#include "explore/Drawing.h"

#include "math/Error.h"
#include "math/FiniteRows.h"
#include "math/Pca.h"
#include "models/Masked.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace aelab {

namespace {

// Distance from p to the segment [a, b].
double segmentDistance(double px, double py, double ax, double ay, double bx, double by)
{
    const double dx = bx - ax, dy = by - ay;
    const double length2 = dx * dx + dy * dy;
    const double t = length2 > 0 ? std::clamp(((px - ax) * dx + (py - ay) * dy) / length2, 0.0, 1.0) : 0.0;
    return std::hypot(px - (ax + t * dx), py - (ay + t * dy));
}

} // namespace

void brushStroke(Matrix& image, Matrix& mask, int width, int height, double x0, double y0, double x1, double y1,
                 const Brush& brush)
{
    if (image.size() != Eigen::Index(width) * height || mask.size() != image.size())
        throw Error(ErrorKind::InvalidArgument, "brushStroke: the image and its mask must hold width x height values");
    const double reach = brush.radius + 0.5;
    const int left = std::max(0, int(std::floor(std::min(x0, x1) - reach)));
    const int right = std::min(width - 1, int(std::ceil(std::max(x0, x1) + reach)));
    const int top = std::max(0, int(std::floor(std::min(y0, y1) - reach)));
    const int bottom = std::min(height - 1, int(std::ceil(std::max(y0, y1) + reach)));
    for (int y = top; y <= bottom; ++y)
        for (int x = left; x <= right; ++x) {
            const double c = std::clamp(reach - segmentDistance(x + 0.5, y + 0.5, x0, y0, x1, y1), 0.0, 1.0);
            if (c <= 0)
                continue;
            Scalar& v = image(Eigen::Index(y) * width + x);
            Scalar& m = mask(Eigen::Index(y) * width + x);
            switch (brush.mode) {
            case BrushMode::Ink:
                v = std::max(v, Scalar(c));
                m = 1;
                break;
            case BrushMode::Erase: v = v * Scalar(1 - c); break;
            case BrushMode::CutOut:
                if (c >= 0.5) {
                    v = 0;
                    m = 0;
                }
                break;
            }
        }
}

DrawingReadout readDrawing(Autoencoder& model, const Matrix& image, const Matrix& mask, const CorruptionSpec& noise,
                           std::uint64_t seed)
{
    if (image.rows() != 1 || mask.rows() != 1 || image.cols() != mask.cols())
        throw Error(ErrorKind::InvalidArgument, "readDrawing: one image and its mask of the same size");
    DrawingReadout r;
    Matrix x = image.cwiseProduct(mask);   // missing entries hold 0
    r.missing = int((mask.array() <= 0).count());
    auto* masked = dynamic_cast<MaskedAutoencoder*>(&model);
    if (masked) {
        // masked reads NaN as "missing": it sees the hole, not a black patch.
        Matrix withHoles = x;
        for (Eigen::Index i = 0; i < x.size(); ++i)
            if (mask(i) <= 0)
                withHoles(i) = std::numeric_limits<Scalar>::quiet_NaN();
        r.code = model.encode(withHoles).row(0);
        r.reconstruction = model.reconstruct(withHoles);
        if (r.missing > 0)
            r.imputed = masked->impute(x, mask);
    } else {
        r.code = model.encode(x).row(0);
        r.reconstruction = model.reconstruct(x);
    }
    CorruptionSpec spec = noise;
    spec.clampUnit = true;
    Rng rng(seed);
    r.corrupted = corrupt(x, spec, rng);
    r.denoised = model.reconstruct(r.corrupted);
    return r;
}

RowVector placeOnMap(const LatentMap& map, const RowVector& code)
{
    RowVector p = RowVector::Constant(2, std::numeric_limits<Scalar>::quiet_NaN());
    if (code.size() != map.codes.cols() || map.codes.rows() == 0)
        return p;
    if (code.size() == 2)
        return code;
    if (code.size() == 1) {
        p << code(0), Scalar(-1);
        return p;
    }
    if (finiteRows(map.codes).rows() == 0)
        return p;
    const Pca pca = fitPca(map.codes, 2);
    const Matrix mine = projectPca(pca, map.codes);
    p = projectPca(pca, Matrix(code)).row(0);
    for (int axis = 0; axis < 2; ++axis) {
        double agree = 0;
        for (Eigen::Index i = 0; i < mine.rows() && i < map.points.rows(); ++i)
            if (std::isfinite(mine(i, axis)) && std::isfinite(map.points(i, axis)))
                agree += double(mine(i, axis)) * double(map.points(i, axis));
        if (agree < 0)
            p(axis) = -p(axis);
    }
    return p;
}

} // namespace aelab
