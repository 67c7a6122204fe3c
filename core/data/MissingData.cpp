#include "data/MissingData.h"

#include "math/Error.h"
#include "math/Rng.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace aelab {

namespace {

// Maskable features: MAR masks [0, half), driven by [features - half, features).
int marHalf(int features) { return features / 2; }

// pi_j with mean q and pi_j proportional to exp(strength * z_j) where it can
// be: clamping at 1 moves the excess onto the entries below 1.
std::vector<double> drivenProbabilities(const std::vector<double>& driver, double q, double strength)
{
    const std::size_t n = driver.size();
    double mean = 0, sq = 0;
    for (double v : driver)
        mean += v;
    mean /= double(n);
    for (double v : driver)
        sq += (v - mean) * (v - mean);
    const double sd = std::sqrt(sq / double(n));
    std::vector<double> w(n);
    for (std::size_t j = 0; j < n; ++j)
        w[j] = std::exp(strength * (sd > 1e-12 ? (driver[j] - mean) / sd : 0.0));

    std::vector<double> pi(n, 0.0);
    std::vector<bool> capped(n, false);
    double budget = q * double(n);   // sum of pi still to hand out
    for (int round = 0; round < 32; ++round) {
        double free = 0;
        for (std::size_t j = 0; j < n; ++j)
            if (!capped[j])
                free += w[j];
        if (free <= 0)
            break;
        bool changed = false;
        for (std::size_t j = 0; j < n; ++j) {
            if (capped[j])
                continue;
            pi[j] = budget * w[j] / free;
            if (pi[j] >= 1) {
                pi[j] = 1;
                capped[j] = true;
                changed = true;
            }
        }
        if (!changed)
            break;
        budget = q * double(n);
        for (std::size_t j = 0; j < n; ++j)
            if (capped[j])
                budget -= 1;
    }
    return pi;
}

} // namespace

void checkMissingSpec(const MissingSpec& spec, int features)
{
    if (!(spec.rate >= 0 && spec.rate < 1))
        fail(ErrorKind::InvalidArgument, "the missing rate must be in [0, 1)");
    if (!(spec.strength >= 0) || !std::isfinite(spec.strength))
        fail(ErrorKind::InvalidArgument, "the missingness strength must be a finite number >= 0");
    if (spec.kind == MissingKind::Mar) {
        const int half = marHalf(features);
        if (half < 1)
            fail(ErrorKind::InvalidArgument, "MAR needs at least 2 features (one half drives the other)");
        const double maxRate = double(half) / double(features);
        if (spec.rate > maxRate)
            fail(ErrorKind::InvalidArgument, "MAR masks only the first half of the features, so its rate can be "
                 "at most " + std::to_string(maxRate) + "; lower --missing-rate or use mcar/mnar");
    }
}

Matrix missingMask(const Matrix& x, const MissingSpec& spec, SampleSet set)
{
    return missingMask(x, spec, sampleRange(set, 0, std::uint64_t(x.rows())));
}

Matrix missingMask(const Matrix& x, const MissingSpec& spec, const std::vector<SampleId>& samples)
{
    const int d = int(x.cols());
    if (d > 0)
        checkMissingSpec(spec, d);
    if (Eigen::Index(samples.size()) != x.rows())
        fail(ErrorKind::InvalidArgument, "missingMask: " + std::to_string(samples.size()) + " sample ids for "
             + std::to_string(x.rows()) + " rows");
    Matrix mask = finiteMask(x);
    const int half = marHalf(d);
    std::vector<double> driver;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        // the sample, never its values (an odd multiplier spreads nearby ids; Rng mixes further)
        Rng rng(spec.seed ^ (samples[std::size_t(i)] * 0x9e3779b97f4a7c15ull));
        switch (spec.kind) {
        case MissingKind::Mcar:
            for (int j = 0; j < d; ++j)
                if (rng.bernoulli(spec.rate))
                    mask(i, j) = 0;
            break;
        case MissingKind::Mar: {
            // feature j < half is driven by its partner j + (d - half)
            driver.assign(std::size_t(half), 0.0);
            for (int j = 0; j < half; ++j) {
                const double v = double(x(i, j + d - half));
                driver[std::size_t(j)] = std::isfinite(v) ? v : 0.0;
            }
            const auto pi = drivenProbabilities(driver, spec.rate * d / half, spec.strength);
            for (int j = 0; j < half; ++j)
                if (rng.bernoulli(pi[std::size_t(j)]))
                    mask(i, j) = 0;
            break;
        }
        case MissingKind::Mnar: {
            driver.assign(std::size_t(d), 0.0);
            for (int j = 0; j < d; ++j) {
                const double v = double(x(i, j));
                driver[std::size_t(j)] = std::isfinite(v) ? v : 0.0;
            }
            const auto pi = drivenProbabilities(driver, spec.rate, spec.strength);
            for (int j = 0; j < d; ++j)
                if (rng.bernoulli(pi[std::size_t(j)]))
                    mask(i, j) = 0;
            break;
        }
        }
    }
    return mask;
}

Matrix finiteMask(const Matrix& x)
{
    return x.unaryExpr([](Scalar v) { return std::isfinite(v) ? Scalar(1) : Scalar(0); });
}

Matrix withMissing(const Matrix& x, const Matrix& mask)
{
    return (mask.array() > 0).select(x, Matrix::Constant(x.rows(), x.cols(), std::numeric_limits<Scalar>::quiet_NaN()));
}

Matrix zeroMissing(const Matrix& x, const Matrix& mask)
{
    Matrix out(x.rows(), x.cols());
    for (Eigen::Index k = 0; k < x.size(); ++k) {
        const Scalar v = x.data()[k];
        out.data()[k] = (mask.data()[k] > 0 && std::isfinite(v)) ? v : Scalar(0);
    }
    return out;
}

std::string missingKindName(MissingKind kind)
{
    switch (kind) {
    case MissingKind::Mcar: return "mcar";
    case MissingKind::Mar: return "mar";
    case MissingKind::Mnar: return "mnar";
    }
    return "?";
}

MissingKind parseMissingKind(const std::string& name)
{
    for (MissingKind k : {MissingKind::Mcar, MissingKind::Mar, MissingKind::Mnar})
        if (missingKindName(k) == name)
            return k;
    fail(ErrorKind::InvalidArgument, "unknown missing-data mechanism '" + name + "' (known: mcar, mar, mnar)");
}

std::vector<std::string> missingKindNames() { return {"mcar", "mar", "mnar"}; }

} // namespace aelab
