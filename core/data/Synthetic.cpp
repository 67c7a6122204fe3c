#include "data/Synthetic.h"

#include "math/Error.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace aelab {

namespace {

constexpr double kPi = std::numbers::pi;

void check(int n, double noise, int classes, const char* what)
{
    if (n < 0 || n > (1 << 26))
        fail(ErrorKind::InvalidArgument, std::string(what) + ": sample count must be in 0..2^26");
    if (!(noise >= 0) || !std::isfinite(noise))
        fail(ErrorKind::InvalidArgument, std::string(what) + ": noise must be a finite number >= 0");
    if (classes < 1 || classes > 1000)
        fail(ErrorKind::InvalidArgument, std::string(what) + ": class count must be in 1..1000");
}

Samples allocate(int n, int dims)
{
    Samples s;
    s.x.resize(n, dims);
    s.y.resize(std::size_t(n));
    return s;
}

void put2(Samples& s, int i, double x, double y, double noise, Rng& rng)
{
    s.x(i, 0) = Scalar(x + noise * rng.normal());
    s.x(i, 1) = Scalar(y + noise * rng.normal());
}

void put3(Samples& s, int i, double x, double y, double z, double noise, Rng& rng)
{
    s.x(i, 0) = Scalar(x + noise * rng.normal());
    s.x(i, 1) = Scalar(y + noise * rng.normal());
    s.x(i, 2) = Scalar(z + noise * rng.normal());
}

int bin(double fraction, int bins)
{
    return std::clamp(int(fraction * bins), 0, bins - 1);
}

} // namespace

Samples makeMoons(int n, double noise, Rng& rng)
{
    check(n, noise, 2, "moons");
    Samples s = allocate(n, 2);
    for (int i = 0; i < n; ++i) {
        const int label = i % 2;
        const double t = kPi * rng.uniform();
        // The classic pair of interleaved half circles, shifted to centre them.
        const double x = label == 0 ? std::cos(t) : 1.0 - std::cos(t);
        const double y = label == 0 ? std::sin(t) : 0.5 - std::sin(t);
        put2(s, i, x - 0.5, y - 0.25, noise, rng);
        s.y[std::size_t(i)] = label;
    }
    return s;
}

Samples makeCircles(int n, double noise, Rng& rng, double innerRadius)
{
    check(n, noise, 2, "circles");
    if (!(innerRadius > 0 && innerRadius < 1))
        fail(ErrorKind::InvalidArgument, "circles: inner radius must be between 0 and 1");
    Samples s = allocate(n, 2);
    for (int i = 0; i < n; ++i) {
        const int label = i % 2;
        const double r = label == 0 ? 1.0 : innerRadius;
        const double a = 2 * kPi * rng.uniform();
        put2(s, i, r * std::cos(a), r * std::sin(a), noise, rng);
        s.y[std::size_t(i)] = label;
    }
    return s;
}

Samples makeSpiral(int n, int arms, double noise, Rng& rng)
{
    check(n, noise, arms, "spiral");
    Samples s = allocate(n, 2);
    constexpr double turns = 1.25;
    for (int i = 0; i < n; ++i) {
        const int label = i % arms;
        // Radius grows with the angle; arms are rotated copies of one spiral.
        const double t = 0.1 + 0.9 * rng.uniform();
        const double a = 2 * kPi * (turns * t + double(label) / arms);
        put2(s, i, t * std::cos(a), t * std::sin(a), noise, rng);
        s.y[std::size_t(i)] = label;
    }
    return s;
}

Samples makeGaussians(int n, int blobs, double noise, Rng& rng)
{
    check(n, noise, blobs, "gaussians");
    Samples s = allocate(n, 2);
    // Centres evenly spaced on a circle, so every blob is equally far from
    // its neighbours; one blob sits at the origin.
    const double radius = blobs == 1 ? 0.0 : 2.0;
    for (int i = 0; i < n; ++i) {
        const int label = i % blobs;
        const double a = 2 * kPi * double(label) / blobs + kPi / 2;
        put2(s, i, radius * std::cos(a), radius * std::sin(a), noise, rng);
        s.y[std::size_t(i)] = label;
    }
    return s;
}

Samples makeSwissRoll(int n, double noise, Rng& rng, int bins)
{
    check(n, noise, bins, "swiss-roll");
    Samples s = allocate(n, 3);
    for (int i = 0; i < n; ++i) {
        const double u = rng.uniform();
        const double t = 1.5 * kPi * (1 + 2 * u);
        const double height = rng.uniform();
        // Scaled by 1/10 and centred, as the usual roll spans about 30 units.
        put3(s, i, t * std::cos(t) / 10, 2.1 * (height - 0.5), t * std::sin(t) / 10, noise, rng);
        s.y[std::size_t(i)] = bin(u, bins);
    }
    return s;
}

Samples makeSCurve(int n, double noise, Rng& rng, int bins)
{
    check(n, noise, bins, "s-curve");
    Samples s = allocate(n, 3);
    for (int i = 0; i < n; ++i) {
        const double u = rng.uniform();
        const double t = 3 * kPi * (u - 0.5);
        const double height = rng.uniform();
        const double z = (t < 0 ? -1.0 : 1.0) * (std::cos(t) - 1);
        put3(s, i, std::sin(t), 2 * height - 1, z, noise, rng);
        s.y[std::size_t(i)] = bin(u, bins);
    }
    return s;
}

} // namespace aelab
