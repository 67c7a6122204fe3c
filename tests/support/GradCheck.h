#pragma once
// Central-difference gradient checks, in double precision.
//
// What it checks. For a scalar function f of some tensors, every analytic
// gradient entry a_i = df/dw_i is compared with the central difference
//     n_i = (f(w_i + eps) - f(w_i - eps)) / (2 eps),   eps = 1e-6 by default,
// and each tensor gets one error figure, relative to the size of its gradient:
//     error = max_i |a_i - n_i| / max(1e-8, max_i (|a_i| + |n_i|)).
// It passes when error <= tolerance (1e-6 by default). In double precision
// the central difference is good to about eps^2 (truncation) plus
// 1e-16 |f| / eps (rounding), i.e. ~1e-10 for the small, O(1) problems these
// checks are meant for, so 1e-6 leaves a wide margin while still catching a
// gradient that is off by 0.01 % in its largest entry, or wrong in an entry
// 1e-4 times smaller than it. (A per-entry relative error is not used: entries
// that are zero up to rounding would make it flaky.)
//
// How to use it. Link the test with the double build of the core and this
// helper:
//     aelab_test(test_mylayer test_mylayer.cpp DOUBLE LIBS aelab_gradcheck)
// then, in a Qt Test slot:
//     using namespace aelab::test;
//     Rng rng(3);
//     const Matrix x = smoothInput(4, 6, rng);        // batch 4, 6 features
//     MyLayer layer(...);
//     auto r = checkInputGradient(layer, x);            // dX from backward(G)
//     QVERIFY2(r.passed(), r.summary().c_str());
//     r = checkParameterGradients(layer, x);            // every parameter
//     QVERIFY2(r.passed(), r.summary().c_str());
// For a loss (value and gradient w.r.t. the prediction):
//     r = checkLossGradient(squaredErrorLoss, prediction, target);
//     r = checkLossGradient([&](const Matrix& p, const Matrix& t) {
//             return maskedSquaredErrorLoss(p, t, mask); }, prediction, target);
// For any composite objective (a variant's total with its extra terms):
//     r = checkObjectiveGradients(model->parameters(),
//             [&] { Rng r(5); return model->evaluate(batch, r).total(); },
//             [&] { Rng r(5); model->computeGradients(batch, r); });
//
// Rules for the functions you pass in:
// - The objective must be deterministic: re-seed any Rng inside the callback
//   (noise, sampling, dropout), identically in the objective and the gradient
//   callback, or the difference quotient measures noise.
// - Gradients ADD up in aelab (Layer::backward accumulates): the helper zeroes
//   every *grad before calling your gradient callback, and zeroGrad()s a layer
//   before its backward.
// - Keep away from kinks (ReLU at 0, |x| in L1 penalties, max-pooling ties):
//   a difference quotient across a kink is not a derivative. smoothInput()
//   draws inputs with no entry within `margin` of 0; for hidden
//   pre-activations, use small networks and a fixed seed that avoids them.
// - Keep the problem small (a few hundred entries per tensor): each entry
//   costs two evaluations. For big tensors set maxEntriesPerTensor, which
//   checks a random subset of the entries.
// - A check that compares nothing (a layer with no parameters, an empty
//   tensor list) does NOT pass: a vacuous check would hide a mistake.
#include "layers/Layer.h"
#include "losses/Loss.h"
#include "math/Matrix.h"
#include "math/Rng.h"

#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

static_assert(std::is_same_v<aelab::Scalar, double>,
              "GradCheck needs the double build: register the test with DOUBLE "
              "(it links aelab_core_f64)");

namespace aelab::test {

struct GradCheckOptions {
    double epsilon = 1e-6;         // central-difference step
    double tolerance = 1e-6;       // largest error (see above) that passes
    std::uint64_t seed = 12345;    // draws the upstream gradient G and entry subsets
    int maxEntriesPerTensor = 0;   // 0 = every entry; else a random subset of this size
};

// The comparison for one tensor.
struct TensorCheck {
    std::string name;          // "input", "weight", "0.bias", "encoder.2.weight"
    int entries = 0;           // entries compared
    double error = 0;          // max|a-n| / max(1e-8, max(|a|+|n|))
    Eigen::Index worstRow = 0, worstCol = 0;   // entry with the largest |a-n|
    double analytic = 0, numeric = 0;          // its two values
};

struct GradCheckReport {
    std::vector<TensorCheck> tensors;
    double tolerance = 1e-6;

    bool passed() const;         // something was compared, and every error <= tolerance
    double maxError() const;     // over all tensors (NaN if any is NaN)
    std::string summary() const; // one line per tensor, for QVERIFY2 messages
};

// N(0, 1) entries, redrawn while |x| < margin, so that no entry sits on or
// next to a kink at 0 (ReLU, LeakyReLU, |x|).
Matrix smoothInput(Eigen::Index rows, Eigen::Index cols, Rng& rng, double margin = 1e-3);

// The layer's input gradient: with a random upstream G, f(X) = sum(G .* layer.forward(X)),
// so df/dX must equal layer.backward(G). Reported as one tensor named "input".
GradCheckReport checkInputGradient(Layer& layer, const Matrix& x, const GradCheckOptions& options = {});

// Every parameter of the layer, with the same f: zeroGrad(), forward(X),
// backward(G), then each entry of *param.value is perturbed in place (and
// restored). One tensor per parameter, named as layer.parameters() names it.
GradCheckReport checkParameterGradients(Layer& layer, const Matrix& x, const GradCheckOptions& options = {});

// A loss's gradient with respect to its prediction (first argument).
// Masks and other extra arguments go in through a lambda.
using LossFunction = std::function<LossValue(const Matrix& prediction, const Matrix& target)>;
GradCheckReport checkLossGradient(const LossFunction& loss, const Matrix& prediction,
                                  const Matrix& target, const GradCheckOptions& options = {});

// Any scalar objective of the given parameters. `computeGradients` must fill
// (may add into) every *param.grad with d objective / d *param.value; the
// helper zeroes the grads first. The objective is then evaluated with each
// entry of each *param.value perturbed in place (and restored).
GradCheckReport checkObjectiveGradients(const std::vector<Parameter>& params,
                                        const std::function<double()>& objective,
                                        const std::function<void()>& computeGradients,
                                        const GradCheckOptions& options = {});

} // namespace aelab::test
