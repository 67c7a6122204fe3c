// The Wasserstein autoencoder's math, in double precision: the MMD against
// PyTorch's autograd (fixtures/torch_wae, made by make_mmd_reference.py), its
// gradient by central differences, and the whole WAE objective's gradient
// with respect to every parameter through the MMD term.
#include "GradCheck.h"
#include "TestSupport.h"

#include "losses/Mmd.h"
#include "models/Registry.h"
#include "models/Wasserstein.h"

#include <QtTest>

#include <fstream>

using namespace aelab;
using namespace aelab::test;

namespace {

void expectPass(const GradCheckReport& report, const std::string& what)
{
    qInfo("%-40s max error %.2e", what.c_str(), report.maxError());
    QVERIFY2(report.passed(), (what + ": " + report.summary()).c_str());
}

std::unique_ptr<Autoencoder> smallWae(const std::string& output, double lambda)
{
    return smallModel("wae", true, {{"hidden", "5"}, {"output", output}, {"mmd-weight", std::to_string(lambda)}}, 21);
}

} // namespace

class TestWaeGradcheck : public QObject {
    Q_OBJECT

private slots:
    void mmdMatchesPyTorch()
    {
        std::ifstream in(fixture("torch_wae/mmd_reference.json"));
        QVERIFY2(in, "missing fixture torch_wae/mmd_reference.json");
        const auto ref = nlohmann::json::parse(in);
        int cases = 0;
        for (const auto& [name, c] : ref["cases"].items()) {
            const LossValue l = mmdImq(jsonMatrix(c["q"]), jsonMatrix(c["p"]));
            const double valueError = std::abs(l.value - c["value"].get<double>());
            const double gradError = relativeError(l.grad, jsonMatrix(c["grad"]));
            qInfo("%-22s MMD^2 %.6f: |difference| %.1e, gradient %.1e", name.c_str(), l.value, valueError, gradError);
            // MMD^2 is a difference of kernel sums of order 10 each: double
            // rounding leaves ~1e-15 of them, so compare absolutely.
            QVERIFY2(valueError < 1e-13, name.c_str());
            QVERIFY2(gradError < 1e-12, name.c_str());
            ++cases;
        }
        QCOMPARE(cases, 3);
    }

    void mmdGradient_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("m");
        QTest::addColumn<int>("d");
        QTest::addColumn<double>("shift");
        QTest::newRow("near the prior") << 6 << 6 << 2 << 0.0;
        QTest::newRow("far from it") << 7 << 5 << 3 << 3.0;
        QTest::newRow("one-dimensional") << 5 << 9 << 1 << -1.0;
    }

    void mmdGradient()
    {
        QFETCH(int, n);
        QFETCH(int, m);
        QFETCH(int, d);
        QFETCH(double, shift);
        Rng rng(9);
        const Matrix q = (rng.normalMatrix(n, d).array() + shift).matrix();
        const Matrix p = rng.normalMatrix(m, d);
        expectPass(checkLossGradient(mmdImq, q, p), "MMD^2 (IMQ) w.r.t. the codes");
    }

    void mmdIsSmallForTheSameDistributionAndRefusesTooFewSamples()
    {
        Rng rng(4);
        const Matrix a = rng.normalMatrix(400, 3), b = rng.normalMatrix(400, 3);
        const Matrix far = (rng.normalMatrix(400, 3).array() + 2.0).matrix();
        const double same = mmdImq(a, b).value, apart = mmdImq(far, b).value;
        qInfo("MMD^2: two N(0, I) samples %.5f, N(2, I) against N(0, I) %.5f", same, apart);
        QVERIFY(std::abs(same) < 0.01);
        QVERIFY(apart > 50 * std::abs(same));
        QVERIFY_THROWS_EXCEPTION(Error, mmdImq(a.topRows(1), b));
        QVERIFY_THROWS_EXCEPTION(Error, mmdImq(a, b.leftCols(2)));
    }

    void waeObjective_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<double>("lambda");
        QTest::newRow("BCE, lambda 10") << "sigmoid-bce" << 10.0;
        QTest::newRow("MSE, lambda 3") << "linear-mse" << 3.0;
        QTest::newRow("lambda 0 (a plain ae)") << "sigmoid-bce" << 0.0;
    }

    void waeObjective()
    {
        QFETCH(QString, output);
        QFETCH(double, lambda);
        auto model = smallWae(output.toStdString(), lambda);
        auto& wae = dynamic_cast<WassersteinAutoencoder&>(*model);
        Rng rng(17);
        const Matrix batch = rng.uniformMatrix(5, 6, 0.05, 0.95);
        const Matrix z = rng.normalMatrix(5, 2);
        expectPass(checkObjectiveGradients(
                       wae.parameters(), [&] { return wae.objectiveWithPrior(batch, z, false).total(); },
                       [&] { wae.objectiveWithPrior(batch, z, true); }),
                   "wae " + output.toStdString() + ", lambda " + std::to_string(lambda));
        // The total is recon + lambda * mmd, each reported on its own.
        const LossTerms t = wae.objectiveWithPrior(batch, z, false);
        QVERIFY(std::abs(t.total() - t.get("recon") - lambda * t.get("mmd")) < 1e-12);
        // computeGradients draws its prior sample from the rng it is given: the
        // same seed, the same gradients.
        Rng a(3), b(3);
        const double first = wae.computeGradients(batch, a).total();
        QCOMPARE(wae.computeGradients(batch, b).total(), first);
    }
};

QTEST_MAIN(TestWaeGradcheck)
#include "test_wae_gradcheck.moc"
