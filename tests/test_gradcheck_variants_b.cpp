// Central-difference gradient checks, in double precision, of what the
// variants aae, stacked, masked and hashing add: the discriminator's loss
// w.r.t. its parameters, the generator loss w.r.t. the encoder's, each
// player's gradient from aae's computeGradients(), every pretraining phase of
// the stack (denoising and sparse), the masked objective with its mask input
// layer (BCE and MSE), and the noisy-sigmoid code layer and hashing objective.
//
// Threshold: GradCheck's per-tensor error max|a-n| / max(1e-8, max(|a|+|n|))
// must be <= 1e-6 (its default): double-precision central differences with
// eps = 1e-6 are good to ~1e-10 on these small O(1) problems, and
// test_gradcheck shows the checker rejects a gradient 1e-4 off in one entry.
// Stochastic objectives (prior samples, noise, extra masking) re-seed their
// Rng identically for the objective and for the gradient.
#include "GradCheck.h"
#include "TestSupport.h"

#include "models/Adversarial.h"
#include "models/Hashing.h"
#include "models/Masked.h"
#include "models/Registry.h"
#include "models/Stacked.h"

#include <QtTest>

using namespace aelab;
using namespace aelab::test;

namespace {

void expectPass(const GradCheckReport& report, const std::string& what)
{
    qInfo("%-44s max error %.2e", what.c_str(), report.maxError());
    QVERIFY2(report.passed(), (what + ": " + report.summary()).c_str());
}

// Values in (0.05, 0.95): intensities for a BCE output.
Matrix unitBatch(Eigen::Index rows, Eigen::Index cols, Rng& rng)
{
    return rng.uniformMatrix(rows, cols, 0.05, 0.95);
}

std::vector<Parameter> withPrefix(Autoencoder& model, const std::vector<std::string>& prefixes)
{
    std::vector<Parameter> out;
    for (const auto& p : model.parameters())
        for (const auto& prefix : prefixes)
            if (p.name.starts_with(prefix))
                out.push_back(p);
    return out;
}

// The model's total from evaluate() and its gradient from computeGradients(),
// with the same seed, over the given parameters.
GradCheckReport checkTotal(Autoencoder& model, const Matrix& batch, const std::vector<Parameter>& params)
{
    return checkObjectiveGradients(
        params, [&] { Rng r(5); return model.evaluate(batch, r).total(); },
        [&] { Rng r(5); model.computeGradients(batch, r); });
}

} // namespace

class TestGradCheckVariantsB : public QObject {
    Q_OBJECT

private slots:
    void aaeDiscriminatorLoss()
    {
        auto model = smallModel("aae", true, {{"disc-hidden", "4,3"}});
        auto& aae = dynamic_cast<AdversarialAutoencoder&>(*model);
        Rng rng(1);
        const Matrix x = unitBatch(4, 6, rng);
        const Matrix prior = aae.prior().sample(4, rng);
        const auto params = withPrefix(aae, {"discriminator."});
        QCOMPARE(params.size(), std::size_t(6));   // three Dense layers
        expectPass(checkObjectiveGradients(
                       params, [&] { return aae.discriminatorLoss(x, prior, false); },
                       [&] { aae.discriminatorLoss(x, prior, true); }),
                   "aae discriminator loss / discriminator");
    }

    void aaeGeneratorLoss()
    {
        auto model = smallModel("aae", true, {{"disc-hidden", "4,3"}});
        auto& aae = dynamic_cast<AdversarialAutoencoder&>(*model);
        Rng rng(2);
        const Matrix x = unitBatch(4, 6, rng);
        const auto params = withPrefix(aae, {"encoder."});
        QCOMPARE(params.size(), std::size_t(6));
        expectPass(checkObjectiveGradients(
                       params, [&] { return aae.generatorLoss(x, false); }, [&] { aae.generatorLoss(x, true); }),
                   "aae generator loss / encoder");
    }

    void aaePlayersGradients_data()
    {
        QTest::addColumn<QString>("prior");
        QTest::addColumn<bool>("unit");
        QTest::newRow("gaussian, bce") << "gaussian" << true;
        QTest::newRow("mixture, mse") << "mixture" << false;
        QTest::newRow("swiss-roll, bce") << "swiss-roll" << true;
    }

    void aaePlayersGradients()
    {
        // computeGradients leaves each player's own gradient: encoder and
        // decoder d(recon + gen), the discriminator d(disc).
        QFETCH(QString, prior);
        QFETCH(bool, unit);
        auto model = smallModel("aae", unit, {{"disc-hidden", "4"}, {"prior", prior.toStdString()}});
        Rng rng(3);
        const Matrix x = unit ? unitBatch(4, 6, rng) : smoothInput(4, 6, rng);
        const auto autoencoder = withPrefix(*model, {"encoder.", "decoder."});
        expectPass(checkObjectiveGradients(
                       autoencoder,
                       [&] { Rng r(5); const auto t = model->evaluate(x, r); return t.get("recon") + t.get("gen"); },
                       [&] { Rng r(5); model->computeGradients(x, r); }),
                   "aae recon + gen / encoder, decoder (" + prior.toStdString() + ")");
        expectPass(checkObjectiveGradients(
                       withPrefix(*model, {"discriminator."}),
                       [&] { Rng r(5); return model->evaluate(x, r).get("disc"); },
                       [&] { Rng r(5); model->computeGradients(x, r); }),
                   "aae disc / discriminator (" + prior.toStdString() + ")");
        // No summed "loss": no player minimises recon + disc + gen. The
        // headline is the reconstruction.
        Rng r(5);
        const auto t = model->evaluate(x, r);
        QVERIFY(std::isnan(t.get("loss")));
        QCOMPARE(t.terms.front().first, std::string("recon"));
    }

    void stackedEveryPhase_data()
    {
        QTest::addColumn<int>("epoch");
        QTest::addColumn<bool>("unit");
        // pretrain-epochs 1 of a 4-epoch run: epochs 1..3 pretrain layers 1..3, epoch 4 fine-tunes.
        for (int e = 1; e <= 4; ++e) {
            QTest::newRow(("epoch " + std::to_string(e) + ", bce").c_str()) << e << true;
            QTest::newRow(("epoch " + std::to_string(e) + ", mse").c_str()) << e << false;
        }
    }

    void stackedEveryPhase()
    {
        QFETCH(int, epoch);
        QFETCH(bool, unit);
        auto model = smallModel("stacked", unit, {{"pretrain-epochs", "1"}, {"pretrain-noise", "0.3"},
                                                   {"pretrain-sparsity", "0.2"}});
        auto& stacked = dynamic_cast<StackedAutoencoder&>(*model);
        stacked.beginEpoch(epoch, 4);
        const int k = stacked.pretrainingLayer();
        QCOMPARE(k, epoch <= 3 ? epoch - 1 : -1);
        Rng rng(4);
        const Matrix x = unit ? unitBatch(5, 6, rng) : smoothInput(5, 6, rng);

        // The phase's own parameters: encoder Dense k and its decoder partner
        // (all of them while fine-tuning). The rest are frozen: zero gradient.
        std::vector<std::string> own;
        if (k >= 0)
            own = {"encoder." + std::to_string(2 * k) + ".", "decoder." + std::to_string(2 * (2 - k)) + "."};
        else
            own = {"encoder.", "decoder."};
        const auto params = withPrefix(stacked, own);
        QCOMPARE(params.size(), k >= 0 ? std::size_t(4) : std::size_t(12));
        expectPass(checkTotal(stacked, x, params), "stacked " + stacked.phase() + (unit ? " (bce)" : " (mse)"));
        if (k >= 0) {
            Rng r(5);
            const auto t = stacked.computeGradients(x, r);
            QVERIFY(t.get("sparsity") > 0);
            QVERIFY(std::abs(t.total() - t.get("layer_recon") - t.get("sparsity")) < 1e-12);
            for (const auto& p : stacked.parameters()) {
                bool mine = false;
                for (const auto& prefix : own)
                    mine = mine || p.name.starts_with(prefix);
                if (!mine)
                    QVERIFY2(p.grad->isZero(0), (p.name + " is frozen in this phase but has a gradient").c_str());
            }
        }
    }

    void maskedObjective_data()
    {
        QTest::addColumn<QString>("mechanism");
        QTest::addColumn<bool>("unit");
        QTest::newRow("mcar, bce") << "mcar" << true;
        QTest::newRow("mar, mse") << "mar" << false;
        QTest::newRow("mnar, bce") << "mnar" << true;
    }

    void maskedObjective()
    {
        QFETCH(QString, mechanism);
        QFETCH(bool, unit);
        auto model = smallModel("masked", unit, {{"missing", mechanism.toStdString()}, {"missing-rate", "0.3"},
                                                  {"extra-mask", "0.3"}});
        Rng rng(6);
        const Matrix x = unit ? unitBatch(6, 6, rng) : smoothInput(6, 6, rng);
        auto& masked = dynamic_cast<MaskedAutoencoder&>(*model);
        const Matrix mask = masked.dataMask(x, SampleSet::Train);   // the objective takes the rows as training samples 0..5
        QVERIFY((mask.array() == 0).any() && (mask.array() == 1).any());   // both kinds of entry
        const auto params = model->parameters();
        QCOMPARE(params.size(), std::size_t(14));   // encoder 6, mask 2, decoder 6
        expectPass(checkTotal(*model, x, params), "masked " + mechanism.toStdString() + (unit ? " (bce)" : " (mse)"));
    }

    void noisySigmoidCode()
    {
        // f(a) = sum(G .* sigmoid(a + n)); its gradient is noisySigmoidBackward(h, G).
        Rng rng(7);
        const Matrix noise = rng.normalMatrix(4, 5, 0.0, 2.0);
        const Matrix g = rng.normalMatrix(4, 5);
        const Matrix a = smoothInput(4, 5, rng);
        const LossFunction f = [&](const Matrix& pre, const Matrix&) {
            const Matrix h = noisySigmoidForward(pre, noise);
            return LossValue{double((g.array() * h.array()).sum()), noisySigmoidBackward(h, g)};
        };
        expectPass(checkLossGradient(f, a, a), "noisy sigmoid code layer");
    }

    void hashingObjective_data()
    {
        QTest::addColumn<bool>("unit");
        QTest::newRow("bce") << true;
        QTest::newRow("mse") << false;
    }

    void hashingObjective()
    {
        QFETCH(bool, unit);
        auto model = smallModel("hashing", unit, {{"latent", "3"}, {"code", "noisy-sigmoid"}, {"code-noise", "1.5"}});
        Rng rng(8);
        const Matrix x = unit ? unitBatch(4, 6, rng) : smoothInput(4, 6, rng);
        expectPass(checkTotal(*model, x, model->parameters()),
                   std::string("hashing noisy-sigmoid objective") + (unit ? " (bce)" : " (mse)"));
    }
};

QTEST_APPLESS_MAIN(TestGradCheckVariantsB)
#include "test_gradcheck_variants_b.moc"
