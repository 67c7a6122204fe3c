#include "GradCheck.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace aelab::test {

namespace {

// Floor of the error's denominator: a tensor whose gradients are all ~0
// is judged on the absolute difference scaled by 1e8.
constexpr double kScaleFloor = 1e-8;

// The linear indices (row-major) to compare: all, or a random subset.
std::vector<Eigen::Index> entriesToCheck(Eigen::Index size, const GradCheckOptions& options, Rng& rng)
{
    std::vector<Eigen::Index> entries;
    if (options.maxEntriesPerTensor > 0 && options.maxEntriesPerTensor < size) {
        const auto order = rng.permutation(int(size));
        entries.assign(order.begin(), order.begin() + options.maxEntriesPerTensor);
        std::sort(entries.begin(), entries.end());
    } else {
        for (Eigen::Index k = 0; k < size; ++k)
            entries.push_back(k);
    }
    return entries;
}

// Compares `analytic` with the central differences of f in each entry of
// `value`, which is perturbed in place and restored.
TensorCheck compareTensor(const std::string& name, Matrix& value, const Matrix& analytic,
                          const std::function<double()>& f, const GradCheckOptions& options, Rng& rng)
{
    TensorCheck check;
    check.name = name;
    if (analytic.rows() != value.rows() || analytic.cols() != value.cols()) {
        std::ostringstream s;
        s << name << " (analytic gradient is " << analytic.rows() << "x" << analytic.cols()
          << ", the tensor " << value.rows() << "x" << value.cols() << ")";
        check.name = s.str();
        check.error = std::numeric_limits<double>::infinity();
        return check;
    }
    double maxDiff = 0, scale = 0;
    bool finite = true;
    for (Eigen::Index k : entriesToCheck(value.size(), options, rng)) {
        Scalar& entry = value.data()[k];
        const Scalar saved = entry;
        const Scalar up = saved + Scalar(options.epsilon);
        const Scalar down = saved - Scalar(options.epsilon);
        entry = up;
        const double fUp = f();
        entry = down;
        const double fDown = f();
        entry = saved;
        // Divide by the step actually taken (up - down is exact in binary).
        const double numeric = (fUp - fDown) / double(up - down);
        const double a = double(analytic.data()[k]);
        const double diff = std::abs(a - numeric);
        if (!std::isfinite(numeric) || !std::isfinite(a))
            finite = false;
        if (check.entries == 0 || diff > maxDiff || !std::isfinite(diff)) {
            maxDiff = std::isfinite(diff) ? diff : maxDiff;
            check.worstRow = k / value.cols();
            check.worstCol = k % value.cols();
            check.analytic = a;
            check.numeric = numeric;
        }
        scale = std::max(scale, std::abs(a) + std::abs(numeric));
        ++check.entries;
    }
    check.error = finite ? maxDiff / std::max(kScaleFloor, scale) : std::numeric_limits<double>::quiet_NaN();
    return check;
}

// f(X) = sum(G .* layer.forward(X)), the scalar whose gradient backward(G) gives.
double contracted(Layer& layer, const Matrix& x, const Matrix& g)
{
    return double((g.array() * layer.forward(x).array()).sum());
}

} // namespace

bool GradCheckReport::passed() const
{
    if (tensors.empty())
        return false;
    for (const auto& t : tensors)
        if (t.entries == 0 || !(t.error <= tolerance))
            return false;
    return true;
}

double GradCheckReport::maxError() const
{
    double worst = 0;
    for (const auto& t : tensors) {
        if (std::isnan(t.error))
            return t.error;
        worst = std::max(worst, t.error);
    }
    return worst;
}

std::string GradCheckReport::summary() const
{
    std::ostringstream s;
    s.precision(3);
    s << (passed() ? "gradient check passed" : "gradient check FAILED") << " (tolerance " << tolerance << ")";
    if (tensors.empty())
        s << ": nothing was compared";
    for (const auto& t : tensors) {
        s << "\n  " << t.name << ": error " << t.error << " over " << t.entries << " entries";
        if (t.entries > 0) {
            s.precision(10);
            s << "; worst [" << t.worstRow << "," << t.worstCol << "] analytic " << t.analytic
              << " numeric " << t.numeric;
            s.precision(3);
        }
    }
    return s.str();
}

Matrix smoothInput(Eigen::Index rows, Eigen::Index cols, Rng& rng, double margin)
{
    Matrix x(rows, cols);
    for (Eigen::Index k = 0; k < x.size(); ++k) {
        double v = rng.normal();
        while (std::abs(v) < margin)
            v = rng.normal();
        x.data()[k] = Scalar(v);
    }
    return x;
}

GradCheckReport checkInputGradient(Layer& layer, const Matrix& x, const GradCheckOptions& options)
{
    Rng rng(options.seed);
    const Matrix y = layer.forward(x);
    const Matrix g = rng.normalMatrix(y.rows(), y.cols());
    layer.zeroGrad();
    layer.forward(x);
    const Matrix analytic = layer.backward(g);

    Matrix probe = x;
    GradCheckReport report;
    report.tolerance = options.tolerance;
    report.tensors.push_back(compareTensor(
        "input", probe, analytic, [&] { return contracted(layer, probe, g); }, options, rng));
    return report;
}

GradCheckReport checkParameterGradients(Layer& layer, const Matrix& x, const GradCheckOptions& options)
{
    Rng rng(options.seed);
    const Matrix y = layer.forward(x);
    const Matrix g = rng.normalMatrix(y.rows(), y.cols());
    layer.zeroGrad();
    layer.forward(x);
    layer.backward(g);

    const auto params = layer.parameters();
    std::vector<Matrix> analytic;
    for (const auto& p : params)
        analytic.push_back(*p.grad);

    GradCheckReport report;
    report.tolerance = options.tolerance;
    for (std::size_t i = 0; i < params.size(); ++i)
        report.tensors.push_back(compareTensor(
            params[i].name, *params[i].value, analytic[i], [&] { return contracted(layer, x, g); },
            options, rng));
    return report;
}

GradCheckReport checkLossGradient(const LossFunction& loss, const Matrix& prediction,
                                  const Matrix& target, const GradCheckOptions& options)
{
    Rng rng(options.seed);
    const Matrix analytic = loss(prediction, target).grad;
    Matrix probe = prediction;
    GradCheckReport report;
    report.tolerance = options.tolerance;
    report.tensors.push_back(compareTensor(
        "prediction", probe, analytic, [&] { return loss(probe, target).value; }, options, rng));
    return report;
}

GradCheckReport checkObjectiveGradients(const std::vector<Parameter>& params,
                                        const std::function<double()>& objective,
                                        const std::function<void()>& computeGradients,
                                        const GradCheckOptions& options)
{
    Rng rng(options.seed);
    for (const auto& p : params)
        p.grad->setZero();
    computeGradients();
    std::vector<Matrix> analytic;
    for (const auto& p : params)
        analytic.push_back(*p.grad);

    GradCheckReport report;
    report.tolerance = options.tolerance;
    for (std::size_t i = 0; i < params.size(); ++i)
        report.tensors.push_back(
            compareTensor(params[i].name, *params[i].value, analytic[i], objective, options, rng));
    return report;
}

} // namespace aelab::test
