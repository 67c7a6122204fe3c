// Fine-tuning an autoencoder's encoder with a softmax head on few labels,
// against the same network from a random start (Bengio et al., 2007): what
// the curve holds, that the autoencoder is left as it was, and on a problem
// built for it (the classes in a few high-variance axes among many noisy
// ones, which an autoencoder's code keeps and a random encoder mixes) that
// starting from the autoencoder's weights is the better start when labels
// are few.
#include "TestSupport.h"
#include "ToyClusters.h"

#include "experiment/EncoderClassifier.h"
#include "experiment/FineTune.h"
#include "models/EncoderDecoder.h"
#include "train/Control.h"
#include "train/Run.h"

#include <QtTest>

using namespace aelab;
using namespace aelab::test;

namespace {

ToyClusterOptions hiddenClusters(std::uint64_t seed)
{
    ToyClusterOptions o;
    o.classes = 4;
    o.signalFeatures = 4;
    o.noiseFeatures = 16;
    o.distance = 3.0;
    o.spread = 0.3;
    o.noiseSpread = 1.0;
    o.train = 800;
    o.test = 400;
    o.seed = seed;
    return o;
}

std::unique_ptr<Run> trainedModel(const std::shared_ptr<const Dataset>& data, const std::string& variant,
                                  int epochs, std::uint64_t seed = 3)
{
    RunSettings s;
    s.variant = variant;
    s.values = {{"hidden", {32}}, {"latent", 3}, {"activation", "tanh"}, {"batch", 32}, {"lr", 0.003}};
    s.epochs = epochs;
    s.seed = seed;
    auto run = std::make_unique<Run>(s, data);
    run->train();
    return run;
}

std::vector<Matrix> weights(Autoencoder& model)
{
    std::vector<Matrix> w;
    for (const Parameter& p : model.parameters())
        w.push_back(*p.value);
    return w;
}

} // namespace

class TestFineTune : public QObject {
    Q_OBJECT
private slots:
    void curveHoldsEveryBudgetAndLeavesTheModel()
    {
        auto data = std::make_shared<const Dataset>(toyClusters());
        auto run = trainedModel(data, "ae", 2);
        const std::vector<Matrix> before = weights(run->model());
        FineTuneOptions o;
        o.labelsPerClass = {1, 5, kAllLabels};
        o.steps = 40;
        int calls = 0;
        const FineTuneCurve c = fineTuneCurve(run->model(), *data, o, nullptr, [&](const FineTuneProgress& p) {
            ++calls;
            QCOMPARE(p.total, 6);
        });
        QCOMPARE(calls, 6);
        QVERIFY(c.complete);
        QCOMPARE(int(c.points.size()), 3);
        QCOMPARE(c.points[0].trainSamples, 3);
        QCOMPARE(c.points[1].trainSamples, 15);
        QCOMPARE(c.points[2].trainSamples, 300);
        for (const FineTunePoint& p : c.points) {
            QCOMPARE(p.testSamples, 150);
            QVERIFY(p.pretrainedAccuracy >= 0 && p.pretrainedAccuracy <= 1);
            QVERIFY(p.randomAccuracy >= 0 && p.randomAccuracy <= 1);
            QVERIFY(std::isfinite(p.pretrainedFinalLoss) && std::isfinite(p.randomFinalLoss));
        }
        const std::vector<Matrix> after = weights(run->model());
        for (std::size_t i = 0; i < before.size(); ++i)
            QVERIFY(before[i] == after[i]);
        // Seeded: the same curve again.
        const FineTuneCurve again = fineTuneCurve(run->model(), *data, o);
        for (std::size_t i = 0; i < c.points.size(); ++i) {
            QCOMPARE(again.points[i].pretrainedAccuracy, c.points[i].pretrainedAccuracy);
            QCOMPARE(again.points[i].randomAccuracy, c.points[i].randomAccuracy);
        }
        const std::string csv = fineTuneCsv(c);
        QCOMPARE(int(std::count(csv.begin(), csv.end(), '\n')), 4);
        QCOMPARE(int(fineTuneJson(c)["points"].size()), 3);
    }

    void startsDifferOnlyInTheEncoder()
    {
        // The pretrained start classifies through the autoencoder's code; the
        // random one through a fresh encoder of the same shape.
        auto data = std::make_shared<const Dataset>(toyClusters());
        auto run = trainedModel(data, "ae", 1);
        Rng a(1), b(1);
        EncoderClassifier pre = EncoderClassifier::fromModel(run->model(), 3, a);
        EncoderClassifier rnd = EncoderClassifier::randomLike(run->model(), 3, 99, b);
        const auto pp = pre.parameters(), rp = rnd.parameters();
        QCOMPARE(pp.size(), rp.size());
        const auto mine = run->model().parameters();
        for (std::size_t i = 0; i < pp.size(); ++i) {
            QCOMPARE(pp[i].name, rp[i].name);
            QCOMPARE(pp[i].value->rows(), rp[i].value->rows());
            if (pp[i].name.rfind("head.", 0) == 0)
                QVERIFY(*pp[i].value == *rp[i].value);   // the same head
            else {
                QVERIFY(*pp[i].value == *mine[i].value);  // the autoencoder's encoder, in order
                QVERIFY(*pp[i].value != *rp[i].value);
            }
        }
    }

    void pretrainingHelpsWhenLabelsAreFew()
    {
        // Averaged over three datasets and autoencoders, so that one lucky
        // draw decides nothing.
        double pretrained = 0, random = 0, pretrainedAll = 0, randomAll = 0;
        const int repeats = 3;
        for (int r = 0; r < repeats; ++r) {
            auto data = std::make_shared<const Dataset>(toyClusters(hiddenClusters(10 + r)));
            auto run = trainedModel(data, "ae", 20, 20 + r);
            FineTuneOptions o;
            o.labelsPerClass = {1, kAllLabels};
            o.steps = 150;
            o.seed = 30 + r;
            const FineTuneCurve c = fineTuneCurve(run->model(), *data, o);
            qInfo("repeat %d: 1/class pretrained %.3f random %.3f; all: pretrained %.3f random %.3f", r,
                  c.points[0].pretrainedAccuracy, c.points[0].randomAccuracy, c.points[1].pretrainedAccuracy,
                  c.points[1].randomAccuracy);
            pretrained += c.points[0].pretrainedAccuracy / repeats;
            random += c.points[0].randomAccuracy / repeats;
            pretrainedAll += c.points[1].pretrainedAccuracy / repeats;
            randomAll += c.points[1].randomAccuracy / repeats;
        }
        qInfo("mean over %d: 1 label per class: pretrained %.3f, random %.3f; all labels: %.3f, %.3f", repeats,
              pretrained, random, pretrainedAll, randomAll);
        QVERIFY(pretrained > random + 0.1);
        // With every label both starts learn the task.
        QVERIFY(pretrainedAll > 0.9 && randomAll > 0.9);
    }

    void refusesAndStops()
    {
        auto data = std::make_shared<const Dataset>(toyClusters());
        auto run = trainedModel(data, "ae", 1);
        Dataset unlabelled = *data;
        unlabelled.trainY.clear();
        Outcome o = outcomeOf([&] { fineTuneCurve(run->model(), unlabelled); });
        QVERIFY(o.threwAelab && o.kind == ErrorKind::Unsupported);
        FineTuneOptions bad;
        bad.steps = 0;
        o = outcomeOf([&] { fineTuneCurve(run->model(), *data, bad); });
        QVERIFY(o.threwAelab && o.kind == ErrorKind::InvalidArgument);
        TrainControl control;
        FineTuneOptions few;
        few.steps = 20;
        const FineTuneCurve c = fineTuneCurve(run->model(), *data, few, &control, [&](const FineTuneProgress& p) {
            if (p.done == 3)
                control.requestStop();
        });
        QVERIFY(!c.complete);
        QCOMPARE(int(c.points.size()), 1);
    }
};

QTEST_GUILESS_MAIN(TestFineTune)
#include "test_finetune.moc"
