// Central-difference gradient checks, in double precision, of what the
// experiments train: the softmax cross-entropy loss, the logistic
// regression objective (over more rows than one of its blocks, so the
// blocks' sums are checked too), and an encoder with a softmax head (for
// `ae`, and for `vae`, whose head reads only mu of the encoder's two heads).
// Threshold: GradCheck's default, error <= 1e-6 (see GradCheck.h).
#include "GradCheck.h"
#include "TestSupport.h"

#include "experiment/EncoderClassifier.h"
#include "experiment/LogisticRegression.h"
#include "losses/SoftmaxCrossEntropy.h"
#include "math/Error.h"

#include <QtTest>

#include <cmath>

using namespace aelab;
using namespace aelab::test;

namespace {

void expectPass(const GradCheckReport& report, const std::string& what)
{
    qInfo("%-36s max error %.2e", what.c_str(), report.maxError());
    QVERIFY2(report.passed(), (what + ": " + report.summary()).c_str());
}

std::vector<int> randomLabels(int n, int classes, Rng& rng)
{
    std::vector<int> y;
    for (int i = 0; i < n; ++i)
        y.push_back(int(rng.below(std::uint64_t(classes))));
    return y;
}

} // namespace

class TestExperimentGradcheck : public QObject {
    Q_OBJECT
private slots:
    void softmaxCrossEntropyByHand()
    {
        // logits (0, ln 3): p = (1/4, 3/4); label 1 -> -ln(3/4); label 0 -> ln 4.
        Matrix z(2, 2);
        z << 0, std::log(3.0), 0, std::log(3.0);
        const LossValue l = softmaxCrossEntropyLoss(z, {1, 0});
        QVERIFY(std::abs(l.value - (-std::log(0.75) + std::log(4.0)) / 2) < 1e-12);
        // dl/dz = (p - onehot) / batch
        QVERIFY(std::abs(l.grad(0, 0) - 0.25 / 2) < 1e-12);
        QVERIFY(std::abs(l.grad(0, 1) - (0.75 - 1) / 2) < 1e-12);
        QVERIFY(std::abs(l.grad(1, 0) - (0.25 - 1) / 2) < 1e-12);
        // Large logits do not overflow.
        Matrix big(1, 2);
        big << 1000, 0;
        const LossValue b = softmaxCrossEntropyLoss(big, {1});
        QVERIFY(std::abs(b.value - 1000) < 1e-9);
        QVERIFY(outcomeOf([&] { softmaxCrossEntropyLoss(z, {0, 2}); }).threwAelab);
    }

    void softmaxCrossEntropyGradient()
    {
        Rng rng(4);
        const Matrix z = smoothInput(5, 4, rng);
        const std::vector<int> y = randomLabels(5, 4, rng);
        expectPass(checkLossGradient([&](const Matrix& p, const Matrix&) { return softmaxCrossEntropyLoss(p, y); },
                                     z, z),
                   "softmax cross-entropy");
    }

    void logisticRegressionGradient()
    {
        Rng rng(7);
        const int n = 2500, d = 4, classes = 3;   // 2500 rows: two blocks of the objective
        const Matrix x = rng.normalMatrix(n, d);
        const std::vector<int> y = randomLabels(n, classes, rng);
        Matrix w = rng.normalMatrix(classes, d, 0, 0.5), b = rng.normalMatrix(1, classes, 0, 0.5);
        Matrix gw = Matrix::Zero(classes, d), gb = Matrix::Zero(1, classes);
        const double l2 = 0.3;
        const std::vector<Parameter> params{{"weight", &w, &gw}, {"bias", &b, &gb}};
        expectPass(checkObjectiveGradients(
                       params, [&] { return logisticObjective(x, y, w, b, l2); },
                       [&] {
                           Matrix gW, gB;
                           logisticObjective(x, y, w, b, l2, &gW, &gB);
                           gw += gW;
                           gb += gB;
                       }),
                   "logistic regression objective");
    }

    void encoderClassifierGradient_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("ae") << "ae";
        QTest::newRow("vae") << "vae";   // the head reads mu only: log-variance gets no gradient
    }

    void encoderClassifierGradient()
    {
        QFETCH(QString, variant);
        auto model = smallModel(variant.toStdString(), false, {});
        Rng rng(9);
        EncoderClassifier net = EncoderClassifier::fromModel(*model, 3, rng);
        const Matrix x = smoothInput(4, 6, rng);
        const std::vector<int> y{0, 2, 1, 2};
        expectPass(checkObjectiveGradients(
                       net.parameters(), [&] { return softmaxCrossEntropyLoss(net.logits(x), y).value; },
                       [&] { net.computeGradients(x, y); }),
                   "encoder + softmax head, " + variant.toStdString());
    }
};

QTEST_GUILESS_MAIN(TestExperimentGradcheck)
#include "test_experiment_gradcheck.moc"
