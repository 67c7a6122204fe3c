#include "data/Shapes.h"

#include "math/Error.h"

#include <array>
#include <cmath>
#include <numbers>

namespace aelab {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr int kSub = 4; // supersamples per pixel side

enum Kind { Circle, Ring, Square, Frame, Triangle, Cross, Line, Star, KindCount };

struct Pose {
    double cx, cy;   // centre, pixels
    double size;     // half extent, pixels
    double cosA, sinA;
    double stroke;   // stroke width relative to size
};

// Whether a point (u, v) of the shape's own frame, where the shape spans
// [-1, 1], is inside it. Even-odd rule for polygons.
bool insidePolygon(double u, double v, const double* px, const double* py, int count)
{
    bool inside = false;
    for (int i = 0, j = count - 1; i < count; j = i++) {
        if ((py[i] > v) != (py[j] > v)
            && u < (px[j] - px[i]) * (v - py[i]) / (py[j] - py[i]) + px[i])
            inside = !inside;
    }
    return inside;
}

struct Polygons {
    std::array<double, 3> triX, triY;
    std::array<double, 10> starX, starY;
    Polygons()
    {
        for (int i = 0; i < 3; ++i) {
            const double a = kPi / 2 + 2 * kPi * i / 3;
            triX[i] = std::cos(a);
            triY[i] = std::sin(a);
        }
        for (int i = 0; i < 10; ++i) {
            const double a = kPi / 2 + kPi * i / 5;
            const double r = i % 2 == 0 ? 1.0 : 0.42;
            starX[i] = r * std::cos(a);
            starY[i] = r * std::sin(a);
        }
    }
};

bool inside(Kind kind, double u, double v, double w, const Polygons& poly)
{
    const double au = std::abs(u), av = std::abs(v);
    switch (kind) {
    case Circle: return u * u + v * v <= 1;
    case Ring: {
        const double r2 = u * u + v * v;
        return r2 <= 1 && r2 >= (1 - w) * (1 - w);
    }
    case Square: return au <= 0.8 && av <= 0.8;
    case Frame: return au <= 0.8 && av <= 0.8 && (au >= 0.8 - w || av >= 0.8 - w);
    case Triangle: return insidePolygon(u, v, poly.triX.data(), poly.triY.data(), 3);
    case Cross: return (au <= w / 2 && av <= 1) || (av <= w / 2 && au <= 1);
    case Line: return av <= w / 2 && au <= 1;
    case Star: return insidePolygon(u, v, poly.starX.data(), poly.starY.data(), 10);
    default: return false;
    }
}

void draw(Kind kind, const Pose& pose, double brightness, Scalar* pixels)
{
    static const Polygons poly;
    for (int py = 0; py < kShapeImageSize; ++py) {
        for (int px = 0; px < kShapeImageSize; ++px) {
            int hits = 0;
            for (int sy = 0; sy < kSub; ++sy) {
                for (int sx = 0; sx < kSub; ++sx) {
                    const double dx = px + (sx + 0.5) / kSub - pose.cx;
                    const double dy = py + (sy + 0.5) / kSub - pose.cy;
                    // Into the shape's frame: rotate back, then scale to [-1, 1].
                    // Image y grows downwards; flip so triangles point up at angle 0.
                    const double u = (pose.cosA * dx + pose.sinA * dy) / pose.size;
                    const double v = -(-pose.sinA * dx + pose.cosA * dy) / pose.size;
                    hits += inside(kind, u, v, pose.stroke, poly);
                }
            }
            pixels[py * kShapeImageSize + px] = Scalar(brightness * hits / (kSub * kSub));
        }
    }
}

} // namespace

const std::vector<std::string>& shapeClassNames()
{
    static const std::vector<std::string> names{
        "circle", "ring", "square", "frame", "triangle", "cross", "line", "star"};
    return names;
}

Samples makeShapes(int n, Rng& rng)
{
    if (n < 0 || n > (1 << 22))
        fail(ErrorKind::InvalidArgument, "shapes: sample count must be in 0..2^22");
    constexpr int pixels = kShapeImageSize * kShapeImageSize;
    Samples s;
    s.x = Matrix::Zero(n, pixels);
    s.y.resize(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        const Kind kind = Kind(i % KindCount);
        Pose pose;
        pose.size = rng.uniform(5.5, 11.0);
        // Keep the shape inside the frame: a rotated square's corner reaches
        // 1.13 sizes from the centre.
        const double margin = 1.15 * pose.size + 0.5;
        pose.cx = rng.uniform(margin, kShapeImageSize - margin);
        pose.cy = rng.uniform(margin, kShapeImageSize - margin);
        const double angle = rng.uniform(0, 2 * kPi);
        pose.cosA = std::cos(angle);
        pose.sinA = std::sin(angle);
        const double strokePixels = rng.uniform(2.0, 3.5);
        pose.stroke = strokePixels / pose.size;
        const double brightness = rng.uniform(0.75, 1.0);
        draw(kind, pose, brightness, s.x.row(i).data());
        s.y[std::size_t(i)] = int(kind);
    }
    return s;
}

} // namespace aelab
