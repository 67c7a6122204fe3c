// Central-difference gradient checks, in double precision, of every layer,
// every loss and the `ae` objective; plus checks that the checker itself
// notices a wrong gradient (so a pass means something).
//
// Threshold: GradCheck's error, max|a-n| / max(1e-8, max(|a|+|n|)) per tensor,
// must be <= 1e-6 (GradCheckOptions' default). Double-precision central
// differences with eps = 1e-6 are accurate to ~1e-10 on these O(1) problems,
// so a correct gradient passes by orders of magnitude, and a gradient off by
// 1e-4 in one entry fails (see the detects* tests).
#include "GradCheck.h"

#include "layers/Activations.h"
#include "layers/Dense.h"
#include "layers/Sequential.h"
#include "losses/Bce.h"
#include "losses/Likelihoods.h"
#include "losses/SquaredError.h"
#include "math/Error.h"
#include "models/Registry.h"
#include "models/EncoderDecoder.h"

#include <QtTest>

#include <cmath>
#include <numbers>

using namespace aelab;
using namespace aelab::test;

namespace {

// Records the measured error in the log and fails with the full summary.
void expectPass(const GradCheckReport& report, const std::string& what)
{
    qInfo("%-36s max error %.2e", what.c_str(), report.maxError());
    QVERIFY2(report.passed(), (what + ": " + report.summary()).c_str());
}

// A 0/1 mask with both values present.
Matrix randomMask(Eigen::Index rows, Eigen::Index cols, Rng& rng)
{
    Matrix mask(rows, cols);
    for (Eigen::Index k = 0; k < mask.size(); ++k)
        mask.data()[k] = rng.bernoulli(0.6) ? 1.0 : 0.0;
    mask(0, 0) = 1;
    mask(0, 1) = 0;
    return mask;
}

// Tanh whose input gradient is 0.01 % too large: a checker must reject it.
class SkewedTanh : public Tanh {
public:
    Matrix backward(const Matrix& dy) override { return Tanh::backward(dy) * 1.0001; }
};

// Dense whose bias gradient is wrong by 1e-4 in one entry.
class OffByABitDense : public Dense {
public:
    using Dense::Dense;
    Matrix backward(const Matrix& dy) override
    {
        Matrix dx = Dense::backward(dy);
        parameters()[1].grad->coeffRef(0, 1) += 1e-4;
        return dx;
    }
};

// An Autoencoder that implements only what it must, to reach the default
// computeGradients().
class MinimalModel : public Autoencoder {
public:
    MinimalModel() : Autoencoder(HyperParams(), ModelContext(), 1) {}
    std::string variant() const override { return "minimal"; }
    LossTerms trainStep(const Matrix&, Rng&) override { return {}; }
    LossTerms evaluate(const Matrix&, Rng&) override { return {}; }
    Matrix encode(const Matrix& x) override { return x; }
    Matrix decode(const Matrix& z) override { return z; }
    std::vector<Parameter> parameters() override { return {}; }
    void setLearningRate(double) override {}
};

std::unique_ptr<Autoencoder> smallAe(bool unitInterval, const std::string& activation)
{
    const auto& specs = variantInfo("ae").specs;
    HyperParams hp;
    hp.setFromText(*findSpec(specs, "hidden"), "5,4");
    hp.setFromText(*findSpec(specs, "latent"), "2");
    hp.setFromText(*findSpec(specs, "activation"), activation);
    ModelContext context;
    context.inputDim = 6;
    context.unitInterval = unitInterval;
    context.seed = 11;
    return createModel("ae", hp, context);
}

} // namespace

class TestGradCheck : public QObject {
    Q_OBJECT

private slots:
    void dense()
    {
        Rng rng(1);
        Dense layer(5, 3, rng);
        layer.bias() = rng.normalMatrix(1, 3);   // non-zero bias: its path is exercised
        const Matrix x = smoothInput(4, 5, rng);
        expectPass(checkInputGradient(layer, x), "Dense input");
        const auto params = checkParameterGradients(layer, x);
        QCOMPARE(params.tensors.size(), std::size_t(2));
        QCOMPARE(params.tensors[0].name, std::string("weight"));
        QCOMPARE(params.tensors[1].name, std::string("bias"));
        QCOMPARE(params.tensors[0].entries, 15);
        expectPass(params, "Dense weight and bias");
    }

    void activations_data()
    {
        QTest::addColumn<QString>("name");
        for (const auto& name : activationNames())
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
    }

    void activations()
    {
        QFETCH(QString, name);
        Rng rng(2);
        // smoothInput keeps every entry >= 1e-3 away from the kink at 0.
        const Matrix x = smoothInput(4, 6, rng);
        QVERIFY((x.array() > 0).any() && (x.array() < 0).any());   // both branches of ReLU
        auto layer = makeActivation(name.toStdString());
        expectPass(checkInputGradient(*layer, x), name.toStdString() + " input");
    }

    void leakyReluSlope()
    {
        // A slope far from makeActivation's 0.01, so a slope mix-up shows.
        Rng rng(3);
        LeakyReLU layer(0.2);
        expectPass(checkInputGradient(layer, smoothInput(3, 5, rng)), "LeakyReLU(0.2) input");
    }

    void sequential()
    {
        Rng rng(4);
        Sequential net;
        net.emplace<Dense>(4, 5, rng).emplace<Tanh>().emplace<Dense>(5, 3, rng).emplace<Sigmoid>();
        for (auto& p : net.parameters())
            if (p.name.ends_with("bias"))
                *p.value = rng.normalMatrix(1, p.value->cols(), 0, 0.5);
        const Matrix x = smoothInput(3, 4, rng);
        expectPass(checkInputGradient(net, x), "Sequential input");
        const auto params = checkParameterGradients(net, x);
        QCOMPARE(params.tensors.size(), std::size_t(4));   // 0.weight 0.bias 2.weight 2.bias
        QCOMPARE(params.tensors[2].name, std::string("2.weight"));
        expectPass(params, "Sequential parameters");
    }

    void squaredError()
    {
        Rng rng(5);
        const Matrix pred = rng.normalMatrix(4, 6), target = rng.normalMatrix(4, 6);
        expectPass(checkLossGradient(squaredErrorLoss, pred, target), "squared error");
        // a per-sample sum over features, not a mean: 6 features of error 1 give 6
        QCOMPARE(squaredErrorLoss(Matrix::Ones(2, 6), Matrix::Zero(2, 6)).value, 6.0);
    }

    // The continuous Bernoulli's -log p (losses/Likelihoods.h): its gradient
    // by central differences, on logits small enough for the Taylor branch
    // (|z| < 1e-2), near it, moderate and large, with grey targets.
    void continuousBernoulli()
    {
        Rng rng(15);
        Matrix logits = rng.normalMatrix(4, 6, 0.0, 3.0);
        logits(0, 0) = 0;
        logits(0, 1) = 0.004;
        logits(0, 2) = -0.0099;
        logits(0, 3) = 0.0101;
        logits(1, 0) = 45;
        logits(1, 1) = -50;
        const Matrix target = rng.uniformMatrix(4, 6, 0.0, 1.0);
        expectPass(checkLossGradient(continuousBernoulliNll, logits, target), "continuous Bernoulli");
    }

    // Its density integrates to 1 over [0, 1] for any logit (Simpson's rule,
    // 2000 intervals), C(1/2) = 2, its mean is the integral of x p(x), and
    // -log p is BCE - log C.
    void continuousBernoulliIsANormalisedDensity()
    {
        for (double z : {-30.0, -4.0, -0.3, -0.005, 0.0, 0.005, 0.3, 4.0, 30.0}) {
            const Matrix logit = Matrix::Constant(1, 1, Scalar(z));
            const int n = 2000;
            double mass = 0, mean = 0;
            for (int i = 0; i <= n; ++i) {
                const double x = double(i) / n;
                const double weight = (i == 0 || i == n) ? 1 : (i % 2 ? 4 : 2);
                const double p = std::exp(-continuousBernoulliNll(logit, Matrix::Constant(1, 1, Scalar(x))).value);
                mass += weight * p / (3.0 * n);
                mean += weight * x * p / (3.0 * n);
            }
            QVERIFY2(std::abs(mass - 1) < 1e-6, qPrintable(QString("z %1: mass %2").arg(z).arg(mass, 0, 'g', 12)));
            QVERIFY2(std::abs(mean - continuousBernoulliMean(logit)(0, 0)) < 1e-6,
                     qPrintable(QString("z %1: mean %2 vs %3").arg(z).arg(mean).arg(continuousBernoulliMean(logit)(0, 0))));
        }
        QVERIFY(std::abs(continuousBernoulliLogNormalizer(Matrix::Zero(1, 1))(0, 0) - std::log(2.0)) < 1e-15);
        const Matrix z = Matrix::Constant(1, 3, 1.5), t = Matrix::Constant(1, 3, 0.25);
        QVERIFY(std::abs(continuousBernoulliNll(z, t).value
                         - (bceWithLogitsLoss(z, t).value - continuousBernoulliLogNormalizer(z).sum())) < 1e-12);
    }

    // The Gaussian's -log N(x; mu, sigma^2) with its constant, by hand, and
    // its gradient.
    void gaussianLikelihood()
    {
        Rng rng(16);
        const Matrix mean = rng.normalMatrix(4, 6), target = rng.normalMatrix(4, 6);
        for (double sigma : {0.1, 1.0, 3.0}) {
            const auto loss = [sigma](const Matrix& p, const Matrix& t) { return gaussianNll(p, t, sigma); };
            expectPass(checkLossGradient(loss, mean, target), "Gaussian sigma " + std::to_string(sigma));
        }
        // one sample, two features: errors 1 and 2, sigma 0.5:
        // (1 + 4) / (2 x 0.25) + 2 x log(2 pi 0.25) / 2 = 10 + log(pi / 2)
        Matrix mu(1, 2), x(1, 2);
        mu << 1, 2;
        x << 0, 0;
        QVERIFY(std::abs(gaussianNll(mu, x, 0.5).value - (10 + std::log(std::numbers::pi / 2))) < 1e-12);
    }

    void maskedMse()
    {
        Rng rng(6);
        const Matrix pred = rng.normalMatrix(4, 6), target = rng.normalMatrix(4, 6);
        const Matrix mask = randomMask(4, 6, rng);
        const auto loss = [&](const Matrix& p, const Matrix& t) { return maskedSquaredErrorLoss(p, t, mask); };
        expectPass(checkLossGradient(loss, pred, target), "masked MSE");
        // Ignored entries have exactly zero gradient and do not change the value.
        const LossValue l = loss(pred, target);
        QVERIFY(((mask.array() == 0).select(l.grad.array().abs(), 0.0)).maxCoeff() == 0.0);
        Matrix moved = pred;
        moved(0, 1) += 10;   // mask(0, 1) == 0
        QCOMPARE(loss(moved, target).value, l.value);
    }

    void bceWithLogits()
    {
        Rng rng(7);
        const Matrix logits = rng.normalMatrix(4, 6, 0, 2);
        const Matrix target = rng.uniformMatrix(4, 6, 0, 1);   // soft targets too
        expectPass(checkLossGradient(bceWithLogitsLoss, logits, target), "BCE with logits");
    }

    void bceExtremeLogits()
    {
        // Logits where the naive -t log s(z) - (1-t) log(1-s(z)) breaks:
        // at |z| = 800, exp(800) overflows double and log(0) = -inf.
        const double naive = -std::log(1.0 / (1.0 + std::exp(800.0)));   // z = -800, t = 1
        QVERIFY(!std::isfinite(naive));

        Matrix logits(2, 6), target(2, 6);
        for (int r = 0; r < 2; ++r) {
            logits.row(r) << 800, -800, 30, -30, 800, -30;
            target.row(r) << 0, 1, 0.5, 0, 1, 1;
        }
        const LossValue l = bceWithLogitsLoss(logits, target);
        QVERIFY(std::isfinite(l.value) && l.grad.allFinite());
        // Per entry: 800, 800, 15 + log1p(e^-30), log1p(e^-30), 0, 30 + log1p(e^-30);
        // the batch of two identical rows averages to the same sum.
        const double tail = std::log1p(std::exp(-30.0));
        const double expected = 800 + 800 + 15 + tail + tail + 0 + 30 + tail;
        QVERIFY2(std::abs(l.value - expected) <= 1e-12 * expected, std::to_string(l.value).c_str());
        // d/dz = (sigmoid(z) - t) / batch
        QCOMPARE(l.grad(0, 0), 0.5);
        QCOMPARE(l.grad(0, 1), -0.5);
        QVERIFY(l.grad(0, 4) == 0.0);   // sigmoid(800) is 1 in double
        QVERIFY(std::abs(l.grad(0, 5) + 0.5) < 1e-12);
        // A step of 1e-4 instead of 1e-6: with |f| ~ 1600, rounding in f
        // (1600 * 1e-16 / eps) would otherwise approach the tolerance; f is
        // nearly linear at these logits, so the larger step costs nothing.
        GradCheckOptions options;
        options.epsilon = 1e-4;
        expectPass(checkLossGradient(bceWithLogitsLoss, logits, target, options), "BCE extreme logits");
    }

    void maskedBce()
    {
        Rng rng(8);
        const Matrix logits = rng.normalMatrix(4, 6, 0, 2);
        const Matrix target = rng.uniformMatrix(4, 6, 0, 1);
        const Matrix mask = randomMask(4, 6, rng);
        const auto loss = [&](const Matrix& z, const Matrix& t) { return maskedBceWithLogitsLoss(z, t, mask); };
        expectPass(checkLossGradient(loss, logits, target), "masked BCE");
        const LossValue l = loss(logits, target);
        QVERIFY(((mask.array() == 0).select(l.grad.array().abs(), 0.0)).maxCoeff() == 0.0);
    }

    void aeObjective_data()
    {
        QTest::addColumn<bool>("unitInterval");
        QTest::addColumn<QString>("activation");
        QTest::newRow("sigmoid-bce tanh") << true << QString("tanh");
        QTest::newRow("sigmoid-bce relu") << true << QString("relu");
        QTest::newRow("linear-mse tanh") << false << QString("tanh");
        QTest::newRow("linear-mse relu") << false << QString("relu");
    }

    void aeObjective()
    {
        QFETCH(bool, unitInterval);
        QFETCH(QString, activation);
        auto model = smallAe(unitInterval, activation.toStdString());
        auto* ae = dynamic_cast<EncoderDecoder*>(model.get());
        QVERIFY(ae);
        QVERIFY(ae->outputMode().kind == (unitInterval ? OutputKind::SigmoidBce : OutputKind::LinearSquaredError));

        Rng data(9);
        const Matrix batch = unitInterval ? data.uniformMatrix(5, 6, 0, 1) : data.normalMatrix(5, 6);
        const auto params = model->parameters();
        QCOMPARE(params.size(), std::size_t(12));   // 3 dense layers each side, weight + bias

        // computeGradients must leave the weights alone and agree with evaluate.
        std::vector<Matrix> before;
        for (const auto& p : params)
            before.push_back(*p.value);
        Rng r1(5), r2(5);
        const double trained = model->computeGradients(batch, r1).total();
        const double evaluated = model->evaluate(batch, r2).total();
        QCOMPARE(trained, evaluated);
        for (std::size_t i = 0; i < params.size(); ++i)
            QVERIFY2(*params[i].value == before[i], params[i].name.c_str());

        const auto report = checkObjectiveGradients(
            params, [&] { Rng r(5); return model->evaluate(batch, r).total(); },
            [&] { Rng r(5); model->computeGradients(batch, r); });
        QCOMPARE(report.tensors.size(), params.size());
        expectPass(report, std::string("ae ") + QTest::currentDataTag());
    }

    void aeTrainStepUsesTheGradients()
    {
        // trainStep = computeGradients + optimizer step: with SGD and no
        // momentum, the weights move by exactly -lr * gradient.
        const auto& specs = variantInfo("ae").specs;
        HyperParams hp;
        hp.setFromText(*findSpec(specs, "hidden"), "5,4");
        hp.setFromText(*findSpec(specs, "optimizer"), "sgd");
        hp.setFromText(*findSpec(specs, "momentum"), "0");
        hp.setFromText(*findSpec(specs, "lr"), "0.1");
        ModelContext context;
        context.inputDim = 6;
        context.seed = 3;
        auto model = createModel("ae", hp, context);
        Rng data(10);
        const Matrix batch = data.normalMatrix(5, 6);
        Rng r1(1), r2(1);
        model->computeGradients(batch, r1);
        std::vector<Matrix> expected;
        for (const auto& p : model->parameters())
            expected.push_back(*p.value - 0.1 * *p.grad);
        QVERIFY(model->trainStep(batch, r2).updated);
        const auto params = model->parameters();
        for (std::size_t i = 0; i < params.size(); ++i)
            QVERIFY2(params[i].value->isApprox(expected[i], 1e-14), params[i].name.c_str());
    }

    void defaultComputeGradientsIsUnsupported()
    {
        MinimalModel model;
        Rng rng(1);
        try {
            model.computeGradients(Matrix::Zero(1, 2), rng);
            QFAIL("no exception");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Unsupported);
        }
    }

    // --- the checker itself ------------------------------------------------

    void detectsWrongInputGradient()
    {
        Rng rng(12);
        SkewedTanh layer;
        const auto report = checkInputGradient(layer, smoothInput(3, 4, rng));
        qInfo("skewed tanh error %.2e", report.maxError());
        QVERIFY2(!report.passed(), report.summary().c_str());
    }

    void detectsWrongParameterGradient()
    {
        Rng rng(13);
        OffByABitDense layer(4, 3, rng);
        const auto report = checkParameterGradients(layer, smoothInput(3, 4, rng));
        QVERIFY2(!report.passed(), report.summary().c_str());
        QVERIFY(report.tensors[0].error <= report.tolerance);   // weight is right
        QVERIFY(report.tensors[1].error > report.tolerance);    // bias is not
        QCOMPARE(report.tensors[1].worstCol, Eigen::Index(1));
    }

    void detectsMissingObjectiveGradient()
    {
        // f(w) = sum(w^2) + sum(v^3); the callback forgets v's gradient.
        Rng rng(14);
        Matrix w = rng.normalMatrix(2, 3), v = rng.normalMatrix(1, 3), gw(2, 3), gv(1, 3);
        const std::vector<Parameter> params{{"w", &w, &gw}, {"v", &v, &gv}};
        const auto objective = [&] { return w.squaredNorm() + v.array().cube().sum(); };
        const auto right = checkObjectiveGradients(params, objective, [&] {
            gw += 2 * w;
            gv += 3 * v.array().square().matrix();
        });
        expectPass(right, "quadratic + cubic");
        const auto wrong = checkObjectiveGradients(params, objective, [&] { gw += 2 * w; });
        QVERIFY(!wrong.passed());
        QVERIFY(wrong.tensors[0].error <= wrong.tolerance);
    }

    void refusesVacuousChecks()
    {
        Rng rng(15);
        ReLU relu;   // no parameters: nothing to compare is not a pass
        QVERIFY(!checkParameterGradients(relu, smoothInput(2, 2, rng)).passed());
        QVERIFY(!checkObjectiveGradients({}, [] { return 0.0; }, [] {}).passed());
    }

    void subsetOfEntries()
    {
        Rng rng(16);
        Dense layer(20, 10, rng);
        GradCheckOptions options;
        options.maxEntriesPerTensor = 17;
        const auto report = checkParameterGradients(layer, smoothInput(3, 20, rng), options);
        QCOMPARE(report.tensors[0].entries, 17);
        QCOMPARE(report.tensors[1].entries, 10);   // fewer entries than the cap: all
        expectPass(report, "Dense subset");
    }

    void smoothInputAvoidsKinks()
    {
        Rng rng(17);
        const Matrix x = smoothInput(100, 100, rng, 0.1);
        QVERIFY(x.cwiseAbs().minCoeff() >= 0.1);
    }
};

QTEST_APPLESS_MAIN(TestGradCheck)
#include "test_gradcheck.moc"
