// Optimizers against hand-computed steps: SGD with momentum, Adam (including
// its bias correction advancing once per step, not once per tensor), clipping
// by global norm, refusal of non-finite gradients, and configuration checks.
#include "math/Error.h"
#include "optim/Optimizer.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

using namespace aelab;

namespace {

// A parameter tensor with its gradient buffer, as a layer would own it.
struct Tensor {
    Matrix value, grad;
    Parameter param(const std::string& name) { return {name, &value, &grad}; }
};

Matrix row(double a, double b)
{
    Matrix m(1, 2);
    m << Scalar(a), Scalar(b);
    return m;
}

std::string show(const Matrix& m)
{
    std::ostringstream s;
    s.precision(9);
    s << m;
    return s.str();
}

// Float arithmetic of a few steps: 1e-6 absolute on values of order 1.
bool near(const Matrix& a, const Matrix& b, double tol = 1e-6)
{
    return (a - b).cwiseAbs().maxCoeff() <= tol;
}

// Float Adam against the double textbook: 1 - beta is computed in double
// before rounding (as PyTorch does), so what is left is float rounding of
// the moments and the step. A missing or per-tensor bias correction, or
// 1 - beta2 computed in float (1.3e-5 relative), is off by more.
constexpr double kAdamTol = 1e-6;

// Textbook Adam (Kingma & Ba, Algorithm 1) in double, one scalar at a time:
// m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2;
// w -= lr (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps).
struct ReferenceAdam {
    double lr, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    double m = 0, v = 0;
    int t = 0;
    double step(double w, double g)
    {
        ++t;
        m = b1 * m + (1 - b1) * g;
        v = b2 * v + (1 - b2) * g * g;
        const double mHat = m / (1 - std::pow(b1, t)), vHat = v / (1 - std::pow(b2, t));
        return w - lr * mHat / (std::sqrt(vHat) + eps);
    }
};

const Matrix kGrads[3] = {row(1, 2), row(0.5, -1), row(-1, 0)};

} // namespace

class TestOptim : public QObject {
    Q_OBJECT

private slots:
    void sgdMomentumByHand()
    {
        // v = mu v + g; w -= lr v, with lr 0.1, mu 0.9, w0 = [1, -2]:
        //   g1 = [1, 2]:     v = [1, 2]        w = [0.9, -2.2]
        //   g2 = [0.5, -1]:  v = [1.4, 0.8]    w = [0.76, -2.28]
        //   g3 = [-1, 0]:    v = [0.26, 0.72]  w = [0.734, -2.352]
        OptimizerConfig c{.kind = "sgd", .learningRate = 0.1, .momentum = 0.9};
        auto opt = makeOptimizer(c);
        Tensor w{row(1, -2), row(0, 0)};
        const Matrix expected[3] = {row(0.9, -2.2), row(0.76, -2.28), row(0.734, -2.352)};
        for (int i = 0; i < 3; ++i) {
            w.grad = kGrads[i];
            QVERIFY(opt->step({w.param("w")}));
            QVERIFY2(near(w.value, expected[i]), (std::to_string(i) + ": " + show(w.value)).c_str());
        }
    }

    void adamByHand()
    {
        // First step by hand: m_hat = g, v_hat = g^2, so w -= lr g / (|g| + eps)
        // = lr sign(g) (to 1e-8): w0 = [1, -2], g1 = [1, 2], lr 0.1 -> [0.9, -2.1].
        OptimizerConfig c{.kind = "adam", .learningRate = 0.1};
        auto opt = makeOptimizer(c);
        Tensor w{row(1, -2), row(0, 0)};
        ReferenceAdam ref0{.lr = 0.1}, ref1{.lr = 0.1};
        double r0 = 1, r1 = -2, worst = 0;
        for (int i = 0; i < 3; ++i) {
            w.grad = kGrads[i];
            QVERIFY(opt->step({w.param("w")}));
            r0 = ref0.step(r0, double(kGrads[i](0, 0)));
            r1 = ref1.step(r1, double(kGrads[i](0, 1)));
            if (i == 0)
                QVERIFY2(near(w.value, row(0.9, -2.1)), show(w.value).c_str());
            // Step 2 by hand: m = [0.14, 0.08], v = [0.001249, 0.004996],
            // c1 = 0.19, c2 = 0.001999 -> w = [0.9 - 0.0932180, -2.1 - 0.0266337].
            if (i == 1)
                QVERIFY2(near(w.value, row(0.806782038, -2.126633703), kAdamTol), show(w.value).c_str());
            QVERIFY2(near(w.value, row(r0, r1), kAdamTol), (std::to_string(i) + ": " + show(w.value)).c_str());
            worst = std::max(worst, (w.value.cast<double>() - Eigen::RowVector2d(r0, r1)).cwiseAbs().maxCoeff());
        }
        QCOMPARE(static_cast<Adam&>(*opt).steps(), 3LL);
        qInfo("Adam vs double textbook over 3 steps: max deviation %.2g", worst);
    }

    void adamBiasCorrectionOncePerStep()
    {
        // Three tensors stepped together must move exactly as three tensors
        // each stepped alone: a correction power that advanced once per tensor
        // (tiny-dnn's bug) would make the second and third tensors diverge.
        OptimizerConfig c{.kind = "adam", .learningRate = 0.05};
        Tensor joint[3], alone[3];
        std::unique_ptr<Optimizer> separate[3];
        for (int k = 0; k < 3; ++k) {
            joint[k] = alone[k] = Tensor{row(k, -k), row(0, 0)};
            separate[k] = makeOptimizer(c);
        }
        auto together = makeOptimizer(c);
        for (int i = 0; i < 3; ++i) {
            for (int k = 0; k < 3; ++k)
                joint[k].grad = alone[k].grad = kGrads[(i + k) % 3] * Scalar(k + 1);
            QVERIFY(together->step({joint[0].param("a"), joint[1].param("b"), joint[2].param("c")}));
            for (int k = 0; k < 3; ++k)
                QVERIFY(separate[k]->step({alone[k].param("x")}));
        }
        for (int k = 0; k < 3; ++k)
            QVERIFY2(near(joint[k].value, alone[k].value, 0.0),
                     (show(joint[k].value) + " vs " + show(alone[k].value)).c_str());
        QCOMPARE(static_cast<Adam&>(*together).steps(), 3LL);
        // And the result is the textbook one, not only self-consistent.
        ReferenceAdam ref{.lr = 0.05};
        double w = 2;   // tensor 2, entry 0: w0 = 2, gradients 3 * g[(i + 2) % 3](0)
        for (int i = 0; i < 3; ++i)
            w = ref.step(w, 3.0 * double(kGrads[(i + 2) % 3](0, 0)));
        QVERIFY(std::abs(joint[2].value(0, 0) - w) < kAdamTol);
    }

    void adamConvergesOnQuadratic()
    {
        // f(w) = 1/2 sum_i a_i (w_i - c_i)^2 with curvatures two decades
        // apart; minimum at c. Adam with lr 0.01 and 3000 steps ends within 1e-3
        // (measured: ~7e-6).
        const Matrix a = row(1, 100), c = row(3, -1);
        Tensor w{row(-2, 2), row(0, 0)};
        auto opt = makeOptimizer({.kind = "adam", .learningRate = 0.01});
        const double start = (w.value - c).cwiseAbs().maxCoeff();
        for (int i = 0; i < 3000; ++i) {
            w.grad = a.cwiseProduct(w.value - c);   // df/dw
            QVERIFY(opt->step({w.param("w")}));
        }
        const double end = (w.value - c).cwiseAbs().maxCoeff();
        qInfo("Adam on a quadratic: distance to the minimum %.3g -> %.3g", start, end);
        QVERIFY2(end < 1e-3, show(w.value).c_str());
    }

    void clipScalesTheWholeGradient()
    {
        // Two tensors with gradients [3, 0] and [0, 4]: global norm 5. clip 1
        // scales both by 1/5; with SGD (lr 1, no momentum) the step is the
        // clipped gradient itself, whose norm must be 1 (not each tensor's).
        OptimizerConfig cfg{.kind = "sgd", .learningRate = 1, .momentum = 0, .clipNorm = 1};
        auto opt = makeOptimizer(cfg);
        Tensor a{row(0, 0), row(3, 0)}, b{row(0, 0), row(0, 4)};
        QVERIFY(opt->step({a.param("a"), b.param("b")}));
        QCOMPARE(opt->lastGradientNorm(), 5.0);   // measured before clipping
        QVERIFY2(near(a.value, row(-0.6, 0)), show(a.value).c_str());
        QVERIFY2(near(b.value, row(0, -0.8)), show(b.value).c_str());
        const double stepNorm = std::sqrt(double(a.value.squaredNorm() + b.value.squaredNorm()));
        QVERIFY(std::abs(stepNorm - 1.0) < 1e-6);
    }

    void clipLeavesSmallGradientsAlone()
    {
        // Norm 0.5 < clip 1: the step is the gradient unchanged.
        OptimizerConfig cfg{.kind = "sgd", .learningRate = 1, .momentum = 0, .clipNorm = 1};
        auto opt = makeOptimizer(cfg);
        Tensor a{row(0, 0), row(0.3, 0.4)};
        QVERIFY(opt->step({a.param("a")}));
        QVERIFY2(a.value == row(-0.3, -0.4), show(a.value).c_str());
        // clip 0 means off: a norm of 500 goes through whole.
        auto unclipped = makeOptimizer({.kind = "sgd", .learningRate = 1, .momentum = 0});
        Tensor big{row(0, 0), row(300, 400)};
        QVERIFY(unclipped->step({big.param("big")}));
        QVERIFY(big.value == row(-300, -400));
    }

    void nonFiniteGradientChangesNothing_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<double>("bad");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("sgd nan") << QString("sgd") << nan;
        QTest::newRow("sgd inf") << QString("sgd") << inf;
        QTest::newRow("adam nan") << QString("adam") << nan;
        QTest::newRow("adam -inf") << QString("adam") << -inf;
    }

    void nonFiniteGradientChangesNothing()
    {
        QFETCH(QString, kind);
        QFETCH(double, bad);
        auto opt = makeOptimizer({.kind = kind.toStdString(), .learningRate = 0.1});
        Tensor t[3] = {{row(1, 2), row(0.1, 0.2)}, {row(3, 4), row(0.3, 0.4)}, {row(5, 6), row(0.5, 0.6)}};
        const std::vector<Parameter> params{t[0].param("a"), t[1].param("b"), t[2].param("c")};
        QVERIFY(opt->step(params));   // one good step first, so momentum/moments are non-zero
        Matrix before[3];
        for (int k = 0; k < 3; ++k)
            before[k] = t[k].value;
        t[1].grad(0, 1) = Scalar(bad);   // one bad entry in the middle tensor
        QVERIFY(!opt->step(params));
        for (int k = 0; k < 3; ++k)
            QVERIFY2(t[k].value == before[k], (std::to_string(k) + ": " + show(t[k].value)).c_str());
        if (kind == "adam")
            QCOMPARE(static_cast<Adam&>(*opt).steps(), 1LL);   // a refused step is not a step
        // Training continues once the gradient is finite again.
        t[1].grad(0, 1) = 0.4f;
        QVERIFY(opt->step(params));
        QVERIFY(t[0].value != before[0]);
    }

    void makeOptimizerRejectsBadConfigs()
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        for (double lr : {0.0, -1e-3, nan, inf}) {
            for (const char* kind : {"adam", "sgd"}) {
                try {
                    makeOptimizer({.kind = kind, .learningRate = lr});
                    QFAIL(("accepted lr " + std::to_string(lr)).c_str());
                } catch (const Error& e) {
                    QCOMPARE(e.kind(), ErrorKind::InvalidArgument);
                }
            }
        }
        for (const char* kind : {"rmsprop", "", "Adam"}) {
            try {
                makeOptimizer({.kind = kind});
                QFAIL(("accepted kind '" + std::string(kind) + "'").c_str());
            } catch (const Error& e) {
                QCOMPARE(e.kind(), ErrorKind::InvalidArgument);
                QVERIFY2(std::string(e.what()).find("adam or sgd") != std::string::npos, e.what());
            }
        }
        QVERIFY(dynamic_cast<Adam*>(makeOptimizer({.kind = "adam"}).get()));
        QVERIFY(dynamic_cast<Sgd*>(makeOptimizer({.kind = "sgd"}).get()));
    }

    void defaults()
    {
        // PyTorch's Adam defaults, and no clipping unless asked.
        const OptimizerConfig c;
        QCOMPARE(c.kind, std::string("adam"));
        QCOMPARE(c.learningRate, 1e-3);
        QCOMPARE(c.beta1, 0.9);
        QCOMPARE(c.beta2, 0.999);
        QCOMPARE(c.epsilon, 1e-8);
        QCOMPARE(c.clipNorm, 0.0);
    }

    void setLearningRateTakesEffectNextStep()
    {
        // SGD without momentum: each step moves by exactly lr * g.
        auto opt = makeOptimizer({.kind = "sgd", .learningRate = 0.1, .momentum = 0});
        Tensor w{row(1, 1), row(1, -2)};
        QVERIFY(opt->step({w.param("w")}));
        QVERIFY(near(w.value, row(0.9, 1.2)));
        opt->setLearningRate(0.01);
        QCOMPARE(opt->learningRate(), 0.01);
        QVERIFY(opt->step({w.param("w")}));
        QVERIFY2(near(w.value, row(0.89, 1.22)), show(w.value).c_str());

        // Adam: after the change, the step's size follows the new rate
        // (compared with a reference switched at the same point).
        auto adam = makeOptimizer({.kind = "adam", .learningRate = 0.1});
        Tensor v{row(1, 1), row(0, 0)};
        ReferenceAdam ref{.lr = 0.1};
        double r = 1;
        for (int i = 0; i < 3; ++i) {
            if (i == 2) {
                adam->setLearningRate(0.001);
                ref.lr = 0.001;
            }
            v.grad = kGrads[i];
            QVERIFY(adam->step({v.param("v")}));
            r = ref.step(r, double(kGrads[i](0, 0)));
            QVERIFY2(std::abs(v.value(0, 0) - r) < kAdamTol, show(v.value).c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestOptim)
#include "test_optim.moc"
