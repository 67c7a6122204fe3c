// Central-difference gradient checks, in double precision, of every image
// layer (input and parameters, several geometries, both backward paths of
// Conv2d) and of the objectives of the variants that offer --arch conv, with
// each of the decoder's three ways up.
//
// Threshold: GradCheck's error, max|a-n| / max(1e-8, max(|a|+|n|)) per tensor,
// must be <= 1e-6 (the default; see GradCheck.h for why a correct gradient
// passes by orders of magnitude and one off by 1e-4 in an entry fails).
// Kinks: activations are tanh (smooth), inputs are N(0,1) or uniform, so no
// two values of a pooling window come within the 1e-6 step of each other.
#include "GradCheck.h"

#include "layers/Activations.h"
#include "layers/Conv2d.h"
#include "layers/ConvTranspose2d.h"
#include "layers/MaxUnpool2d.h"
#include "layers/Reshape.h"
#include "layers/Sequential.h"
#include "layers/Upsample.h"
#include "models/ConvNetworks.h"
#include "models/Masked.h"
#include "models/Registry.h"

#include <QtTest>

using namespace aelab;
using namespace aelab::test;

namespace {

void expectPass(const GradCheckReport& report, const std::string& what)
{
    qInfo("%-52s max error %.2e", what.c_str(), report.maxError());
    if (qEnvironmentVariableIsSet("GRADCHECK_VERBOSE"))
        qInfo("%s", report.summary().c_str());
    QVERIFY2(report.passed(), (what + ": " + report.summary()).c_str());
}

// A small conv model on (C, H, W) images in [0, 1], tanh everywhere.
std::unique_ptr<Autoencoder> convModel(const std::string& key, const SampleShape& shape, const std::string& up,
                                       std::vector<std::pair<std::string, std::string>> values = {})
{
    const auto& specs = variantInfo(key).specs;
    HyperParams hp;
    values.insert(values.begin(), {{"arch", "conv"}, {"channels", "2,3"}, {"latent", "3"},
                                   {"activation", "tanh"}, {"up", up}});
    for (const auto& [k, v] : values) {
        const ParamSpec* spec = findSpec(specs, k);
        if (!spec)
            throw std::logic_error(key + " has no spec " + k);
        hp.setFromText(*spec, v);
    }
    ModelContext context;
    context.shape = shape;
    context.inputDim = shape.size();
    context.unitInterval = true;
    context.seed = 17;
    return createModel(key, hp, context);
}

// The models' totals are BCE sums of ~35 nats while some of their gradients
// are ~1e-3 (tanh, pooling, small weights), so the rounding of a difference
// quotient, 1e-16 * 35 / eps, is what limits the check: a step of 1e-5
// instead of 1e-6 keeps it near 1e-9 against those gradients; the truncation
// error, ~eps^2, stays far below.
constexpr GradCheckOptions kModelOptions{.epsilon = 1e-5};

GradCheckReport checkTotal(Autoencoder& model, const Matrix& batch, const std::vector<Parameter>& params)
{
    return checkObjectiveGradients(
        params, [&] { Rng r(5); return model.evaluate(batch, r).total(); },
        [&] { Rng r(5); model.computeGradients(batch, r); }, kModelOptions);
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

} // namespace

class TestGradCheckConv : public QObject {
    Q_OBJECT

private slots:
    // ---- layers ---------------------------------------------------------------------

    void conv2d_data()
    {
        QTest::addColumn<int>("kernel");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("padding");
        QTest::newRow("k3 s1 p1") << 3 << 1 << 1;
        QTest::newRow("k3 s2 p1") << 3 << 2 << 1;
        QTest::newRow("k2 s1 p0") << 2 << 1 << 0;
        QTest::newRow("k3 s2 p0") << 3 << 2 << 0;
    }

    void conv2d()
    {
        QFETCH(int, kernel);
        QFETCH(int, stride);
        QFETCH(int, padding);
        Rng rng(1);
        Conv2d conv({2, 5, 6}, 3, kernel, stride, padding, rng);
        conv.bias() = rng.normalMatrix(1, 3);
        const Matrix x = smoothInput(3, 60, rng);
        expectPass(checkInputGradient(conv, x), "Conv2d input " + conv.describe());
        QVERIFY(!conv.lastBackwardWasSparse());   // a random upstream gradient is dense
        expectPass(checkParameterGradients(conv, x), "Conv2d parameters " + conv.describe());
    }

    // Conv -> tanh -> 2x2 max-pool passes back a quarter of the conv's output
    // gradients: Conv2d's sparse backward; the same with it not allowed.
    void conv2dSparseBackward_data()
    {
        QTest::addColumn<bool>("sparse");
        QTest::newRow("sparse path") << true;
        QTest::newRow("dense path") << false;
    }

    void conv2dSparseBackward()
    {
        QFETCH(bool, sparse);
        Rng rng(2);
        Sequential net;
        net.emplace<Conv2d>(ImageShape{4, 6, 6}, 3, 3, 1, 1, rng);   // patches of 36 >= kSparseMinPatch
        net.emplace<Tanh>();
        net.emplace<MaxPool2d>(ImageShape{3, 6, 6}, 2);
        auto& conv = dynamic_cast<Conv2d&>(net.at(0));
        conv.bias() = rng.normalMatrix(1, 3);
        conv.setSparseBackward(sparse);
        const Matrix x = smoothInput(3, 144, rng);
        expectPass(checkInputGradient(net, x), std::string("conv-tanh-pool input, ") + (sparse ? "sparse" : "dense"));
        QCOMPARE(conv.lastBackwardWasSparse(), sparse);
        expectPass(checkParameterGradients(net, x),
                   std::string("conv-tanh-pool parameters, ") + (sparse ? "sparse" : "dense"));
        QCOMPARE(conv.lastBackwardWasSparse(), sparse);
    }

    void convTranspose2d_data()
    {
        QTest::addColumn<int>("kernel");
        QTest::addColumn<int>("stride");
        QTest::addColumn<int>("padding");
        QTest::addColumn<int>("outputPadding");
        QTest::newRow("k3 s1 p0") << 3 << 1 << 0 << 0;
        QTest::newRow("k3 s1 p1") << 3 << 1 << 1 << 0;
        QTest::newRow("k3 s2 p1 op1") << 3 << 2 << 1 << 1;
        QTest::newRow("k3 s2 p0 op0") << 3 << 2 << 0 << 0;
        QTest::newRow("k2 s2 p0 op1") << 2 << 2 << 0 << 1;
    }

    void convTranspose2d()
    {
        QFETCH(int, kernel);
        QFETCH(int, stride);
        QFETCH(int, padding);
        QFETCH(int, outputPadding);
        Rng rng(3);
        ConvTranspose2d deconv({3, 3, 4}, 2, kernel, stride, padding, outputPadding, rng);
        deconv.bias() = rng.normalMatrix(1, 2);
        const Matrix x = smoothInput(2, 36, rng);
        expectPass(checkInputGradient(deconv, x), "ConvTranspose2d input " + deconv.describe());
        expectPass(checkParameterGradients(deconv, x), "ConvTranspose2d parameters " + deconv.describe());
    }

    void maxPool2d_data()
    {
        QTest::addColumn<int>("kernel");
        QTest::addColumn<int>("stride");
        QTest::newRow("k2 s2") << 2 << 2;
        QTest::newRow("k3 s2 (overlapping)") << 3 << 2;
        QTest::newRow("k2 s1 (overlapping)") << 2 << 1;
    }

    void maxPool2d()
    {
        QFETCH(int, kernel);
        QFETCH(int, stride);
        Rng rng(4);
        MaxPool2d pool({2, 5, 7}, kernel, stride);
        expectPass(checkInputGradient(pool, smoothInput(3, 70, rng)), "MaxPool2d input " + pool.describe());
    }

    // Unpooling is linear in its input for fixed switches (those of a pool
    // pass on other data).
    void maxUnpool2d()
    {
        Rng rng(5);
        MaxPool2d pool({2, 5, 6}, 2);
        pool.forward(smoothInput(3, 60, rng));
        MaxUnpool2d unpool(pool);
        expectPass(checkInputGradient(unpool, smoothInput(3, 12, rng)), "MaxUnpool2d input " + unpool.describe());
        QVERIFY(unpool.usedSwitches());
    }

    void upsample_data()
    {
        QTest::addColumn<int>("outHeight");
        QTest::addColumn<int>("outWidth");
        QTest::newRow("x2") << 6 << 8;
        QTest::newRow("3x4 to 7x9") << 7 << 9;
    }

    void upsample()
    {
        QFETCH(int, outHeight);
        QFETCH(int, outWidth);
        Rng rng(6);
        Upsample up({2, 3, 4}, outHeight, outWidth);
        expectPass(checkInputGradient(up, smoothInput(2, 24, rng)), "Upsample input " + up.describe());
    }

    void reshape()
    {
        Rng rng(7);
        Reshape flatten = Reshape::flatten({2, 3, 4});
        expectPass(checkInputGradient(flatten, smoothInput(2, 24, rng)), "Flatten input");
    }

    // ---- the conv variants' objectives ----------------------------------------------------

    void aeObjective_data()
    {
        QTest::addColumn<QString>("up");
        QTest::addColumn<int>("height");
        QTest::addColumn<int>("width");
        QTest::newRow("unpool 8x8") << "unpool" << 8 << 8;
        QTest::newRow("deconv 8x8") << "deconv" << 8 << 8;
        QTest::newRow("upsample 8x8") << "upsample" << 8 << 8;
        QTest::newRow("unpool 7x7 (odd rows dropped)") << "unpool" << 7 << 7;
        QTest::newRow("deconv 7x7 (pad 0)") << "deconv" << 7 << 7;
        QTest::newRow("deconv 7x6 (falls back to upsample)") << "deconv" << 7 << 6;
    }

    void aeObjective()
    {
        QFETCH(QString, up);
        QFETCH(int, height);
        QFETCH(int, width);
        const SampleShape shape{1, height, width};
        auto model = convModel("ae", shape, up.toStdString());
        Rng rng(8);
        const Matrix x = rng.uniformMatrix(3, shape.size(), 0.05, 0.95);
        expectPass(checkTotal(*model, x, model->parameters()),
                   "ae conv " + up.toStdString() + " " + std::to_string(height) + "x" + std::to_string(width));
    }

    void otherVariants_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("up");
        // (unpool is ae's only: the others refuse it, CommonSpecs.h)
        QTest::newRow("dae deconv") << "dae" << "deconv";
        QTest::newRow("vae deconv") << "vae" << "deconv";
        QTest::newRow("vae upsample") << "vae" << "upsample";
        QTest::newRow("masked upsample") << "masked" << "upsample";
        QTest::newRow("masked deconv") << "masked" << "deconv";
    }

    void otherVariants()
    {
        QFETCH(QString, key);
        QFETCH(QString, up);
        const SampleShape shape{2, 6, 6};   // two channels
        auto model = convModel(key.toStdString(), shape, up.toStdString());
        Rng rng(9);
        const Matrix x = rng.uniformMatrix(3, shape.size(), 0.05, 0.95);
        if (key == "masked")   // the mask's own conv is part of the objective
            QVERIFY(!withPrefix(*model, {"mask."}).empty());
        expectPass(checkTotal(*model, x, model->parameters()), key.toStdString() + " conv " + up.toStdString());
    }

    // aae: each player follows its own gradient (as in test_gradcheck_variants_b).
    void aaePlayers()
    {
        auto model = convModel("aae", {1, 8, 8}, "upsample", {{"disc-hidden", "4"}});
        Rng rng(10);
        const Matrix x = rng.uniformMatrix(3, 64, 0.05, 0.95);
        expectPass(checkObjectiveGradients(
                       withPrefix(*model, {"encoder.", "decoder."}),
                       [&] { Rng r(5); const auto t = model->evaluate(x, r); return t.get("recon") + t.get("gen"); },
                       [&] { Rng r(5); model->computeGradients(x, r); }, kModelOptions),
                   "aae conv recon + gen / encoder, decoder");
        expectPass(checkObjectiveGradients(
                       withPrefix(*model, {"discriminator."}),
                       [&] { Rng r(5); return model->evaluate(x, r).get("disc"); },
                       [&] { Rng r(5); model->computeGradients(x, r); }, kModelOptions),
                   "aae conv disc / discriminator");
    }
};

QTEST_APPLESS_MAIN(TestGradCheckConv)
#include "test_gradcheck_conv.moc"
