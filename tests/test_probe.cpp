// The probe: which labelled samples are chosen, the two classifiers on
// problems whose answer is known (separable clusters: ~100%; labels that
// carry no information: near chance), and the whole table for a trained
// model, its files, its errors and its stop.
#include "TestSupport.h"
#include "ToyClusters.h"

#include "experiment/Accuracy.h"
#include "experiment/LabelBudget.h"
#include "experiment/LogisticRegression.h"
#include "experiment/NearestNeighbours.h"
#include "experiment/Probe.h"
#include "experiment/ProbeReport.h"
#include "experiment/Standardizer.h"
#include "train/Control.h"
#include "train/Run.h"

#include <QtTest>

#include <algorithm>
#include <set>
#include <sstream>

using namespace aelab;
using namespace aelab::test;

namespace {

std::vector<int> labelsOf(const std::vector<int>& all, const std::vector<int>& picked)
{
    std::vector<int> y;
    for (int i : picked)
        y.push_back(all[std::size_t(i)]);
    return y;
}

// A small dense ae trained on the clusters (latent 2).
std::unique_ptr<Run> trainedAe(const std::shared_ptr<const Dataset>& data, int epochs = 30)
{
    RunSettings s;
    s.variant = "ae";
    s.values = {{"hidden", {16}}, {"latent", 2}, {"activation", "tanh"}, {"batch", 32}, {"lr", 0.01}};
    s.epochs = epochs;
    s.seed = 3;
    auto run = std::make_unique<Run>(s, data);
    run->train();
    return run;
}

int countLines(const std::string& text) { return int(std::count(text.begin(), text.end(), '\n')); }

} // namespace

class TestProbe : public QObject {
    Q_OBJECT
private slots:
    void labelBudgetsAreBalancedSeededAndNested()
    {
        std::vector<int> labels;
        for (int i = 0; i < 100; ++i)
            labels.push_back(i % 4);
        labels.push_back(4);   // a class with one sample
        const std::vector<int> one = pickPerClass(labels, 1, 7), ten = pickPerClass(labels, 10, 7);
        QCOMPARE(int(one.size()), 5);
        QCOMPARE(int(ten.size()), 4 * 10 + 1);   // class 4 has only one
        for (int c = 0; c < 4; ++c) {
            const std::vector<int> y = labelsOf(labels, ten);
            QCOMPARE(int(std::count(y.begin(), y.end(), c)), 10);
        }
        QVERIFY(std::is_sorted(ten.begin(), ten.end()));
        for (int i : one)   // nested: k = 1's choice is inside k = 10's
            QVERIFY(std::find(ten.begin(), ten.end(), i) != ten.end());
        QCOMPARE(pickPerClass(labels, 10, 7), ten);        // seeded
        QVERIFY(pickPerClass(labels, 10, 8) != ten);       // another seed, another choice
        QCOMPARE(int(pickPerClass(labels, kAllLabels, 7).size()), 101);
        QCOMPARE(classCount(labels), 5);
    }

    void labelBudgetsParse()
    {
        QCOMPARE(parseLabelBudgets("1,10,100,all"), (std::vector<int>{1, 10, 100, kAllLabels}));
        QCOMPARE(parseLabelBudgets("5"), (std::vector<int>{5}));
        for (const char* bad : {"", "0", "1,,2", "-3", "ten", "1,1", "2.5"}) {
            const Outcome o = outcomeOf([&] { parseLabelBudgets(bad); });
            QVERIFY2(o.threwAelab && o.kind == ErrorKind::InvalidArgument, bad);
        }
        QCOMPARE(labelBudgetText(kAllLabels), std::string("all"));
    }

    void logisticRegressionSeparatesClusters()
    {
        const Dataset d = toyClusters();
        const std::vector<int> picked = pickPerClass(d.trainY, 10, 1);
        const Standardizer scaler = Standardizer::fit(d.trainX);
        const LogisticRegression lr = LogisticRegression::fit(gatherRows(scaler.apply(d.trainX), picked),
                                                              labelsOf(d.trainY, picked), 3);
        const double acc = accuracy(lr.predict(scaler.apply(d.testX)), d.testY);
        qInfo("logistic regression, 10 labels per class, separable clusters: %.3f", acc);
        QVERIFY(acc >= 0.99);
    }

    void logisticRegressionReachesTheMinimum()
    {
        // Overlapping clusters: the optimum is finite; L-BFGS ends with a
        // gradient near zero and below the objective at the start (W = 0).
        ToyClusterOptions o;
        o.spread = 2.0;
        const Dataset d = toyClusters(o);
        const Matrix x = Standardizer::fit(d.trainX).apply(d.trainX);
        LogisticOptions opt;
        opt.l2 = 0.01;
        const LogisticRegression lr = LogisticRegression::fit(x, d.trainY, 3, opt);
        Matrix gw, gb;
        const double f = logisticObjective(x, d.trainY, lr.weight(), lr.bias(), opt.l2, &gw, &gb);
        const double start = logisticObjective(x, d.trainY, Matrix::Zero(3, 6), Matrix::Zero(1, 3), opt.l2);
        qInfo("objective %.6f (from %.6f at W = 0) after %d iterations; max |gradient| %.2e", f, start,
              lr.iterations(), double(std::max(gw.cwiseAbs().maxCoeff(), gb.cwiseAbs().maxCoeff())));
        QVERIFY(f < start - 0.1);
        QVERIFY(gw.cwiseAbs().maxCoeff() < 1e-3 && gb.cwiseAbs().maxCoeff() < 1e-3);
        QCOMPARE(f, lr.finalObjective());
    }

    void classifiersAreNearChanceOnLabelsWithoutInformation()
    {
        // Labels drawn independently of the features: no classifier should
        // beat chance (1/3) by much. The probe can fail.
        Dataset d = toyClusters();
        Rng rng(5);
        for (int& y : d.trainY)
            y = int(rng.below(3));
        for (int& y : d.testY)
            y = int(rng.below(3));
        const Standardizer s = Standardizer::fit(d.trainX);
        const double logistic = accuracy(LogisticRegression::fit(s.apply(d.trainX), d.trainY, 3).predict(s.apply(d.testX)),
                                         d.testY);
        const double knn = accuracy(nearestNeighbourLabels(d.trainX, d.trainY, d.testX, 5), d.testY);
        qInfo("random labels: logistic %.3f, 5-NN %.3f (chance 0.333)", logistic, knn);
        QVERIFY(logistic < 0.5);
        QVERIFY(knn < 0.5);
    }

    void nearestNeighboursByHand()
    {
        Matrix train(4, 1), q(4, 1);
        train << 0, 1, 10, 11;
        q << 0.4, 9, 5.4, 5.6;
        const std::vector<int> y{0, 0, 1, 1};
        QCOMPARE(nearestNeighbourLabels(train, y, q, 1), (std::vector<int>{0, 1, 0, 1}));
        // k = 2 at 0.4: both 0. k = 4: two votes each; the tie goes to the
        // class of the nearest sample.
        QCOMPARE(nearestNeighbourLabels(train, y, q, 4), (std::vector<int>{0, 1, 0, 1}));
        // k = 3 at 9: 10, 11 (class 1) and 1 (class 0): class 1.
        QCOMPARE(nearestNeighbourLabels(train, y, q, 3)[1], 1);
        // k larger than the training set: capped.
        QCOMPARE(nearestNeighbourLabels(train, y, q, 100).size(), std::size_t(4));
        QVERIFY(outcomeOf([&] { nearestNeighbourLabels(train, y, q, 0); }).threwAelab);
    }

    void probeOfATrainedModel()
    {
        auto data = std::make_shared<const Dataset>(toyClusters());
        auto run = trainedAe(data);
        ProbeOptions o;
        o.labelsPerClass = {1, 10, kAllLabels};
        std::vector<int> done;
        const ProbeTable t = probeModel(run->model(), *data, o, nullptr,
                                        [&](const ProbeProgress& p) { done.push_back(p.done); });
        QCOMPARE(int(t.cells.size()), 3 * 2 * 3);
        QCOMPARE(done.size(), t.cells.size());
        QCOMPARE(done.back(), 18);
        QVERIFY(t.complete);
        QCOMPARE(t.classes, 3);
        QCOMPARE(t.codeSize, 2);
        QVERIFY(std::abs(t.majorityAccuracy - 1.0 / 3) < 0.01);
        for (const ProbeCell& c : t.cells) {
            qInfo("%-6s %-9s %4s/class  %.3f", probeFeaturesKey(c.features).c_str(),
                  probeClassifierKey(c.classifier).c_str(), labelBudgetText(c.labelsPerClass).c_str(), c.accuracy);
            QCOMPARE(c.testSamples, 150);
            QCOMPARE(c.dimensions, c.features == ProbeFeatures::Raw ? 6 : 2);
            QCOMPARE(c.trainSamples, c.labelsPerClass == kAllLabels ? 300 : 3 * c.labelsPerClass);
            QVERIFY(c.accuracy >= 0 && c.accuracy <= 1);
        }
        // Separable clusters: with every label, each feature set and
        // classifier classifies (nearly) every test sample right.
        for (ProbeFeatures f : {ProbeFeatures::Codes, ProbeFeatures::Raw, ProbeFeatures::Pca})
            for (ProbeClassifier c : {ProbeClassifier::Logistic, ProbeClassifier::NearestNeighbours}) {
                const ProbeCell* cell = t.find(f, c, kAllLabels);
                QVERIFY(cell);
                QVERIFY2(cell->accuracy >= 0.97, (probeFeaturesKey(f) + " " + probeClassifierKey(c)).c_str());
            }
        // The same seed, the same table.
        const ProbeTable again = probeModel(run->model(), *data, o);
        for (std::size_t i = 0; i < t.cells.size(); ++i)
            QCOMPARE(again.cells[i].accuracy, t.cells[i].accuracy);
    }

    void probeFiles()
    {
        auto data = std::make_shared<const Dataset>(toyClusters());
        auto run = trainedAe(data, 2);
        ProbeOptions o;
        o.labelsPerClass = {1, kAllLabels};
        o.features = {ProbeFeatures::Codes, ProbeFeatures::Raw};
        const ProbeTable t = probeModel(run->model(), *data, o);
        const std::string csv = probeCsv(t);
        QCOMPARE(countLines(csv), 1 + 2 * 2 * 2);
        QVERIFY(csv.rfind("dataset,variant,features,classifier,labels_per_class,train_samples,test_samples,"
                          "dimensions,test_accuracy,seconds\n", 0) == 0);
        QVERIFY(csv.find("toy clusters,ae,codes,logistic,1,3,150,2,") != std::string::npos);
        QVERIFY(csv.find(",raw,knn,all,300,150,6,") != std::string::npos);
        const nlohmann::json j = probeJson(t);
        QCOMPARE(int(j["cells"].size()), 8);
        QCOMPARE(j["cells"][0]["test_accuracy"].get<double>(), t.cells[0].accuracy);
        const auto dir = freshTempDir("probe");
        writeProbeTable((dir / "p.json").string(), t);
        QCOMPARE(nlohmann::json::parse(readBytes(dir / "p.json")), j);
        QVERIFY(outcomeOf([&] { writeProbeTable((dir / "p.txt").string(), t); }).threwAelab);
        std::filesystem::remove_all(dir);
    }

    void probeRefusesWhatItCannotScore()
    {
        auto data = std::make_shared<const Dataset>(toyClusters());
        auto run = trainedAe(data, 1);
        Dataset unlabelled = *data;
        unlabelled.trainY.clear();
        unlabelled.testY.clear();
        Outcome o = outcomeOf([&] { probeModel(run->model(), unlabelled); });
        QVERIFY(o.threwAelab && o.kind == ErrorKind::Unsupported);
        Dataset wider = toyClusters({.signalFeatures = 7});
        o = outcomeOf([&] { probeModel(run->model(), wider); });
        QVERIFY(o.threwAelab && o.kind == ErrorKind::InvalidArgument);
    }

    void probeStops()
    {
        auto data = std::make_shared<const Dataset>(toyClusters());
        auto run = trainedAe(data, 1);
        TrainControl control;
        int calls = 0;
        const ProbeTable t = probeModel(run->model(), *data, {}, &control, [&](const ProbeProgress&) {
            if (++calls == 2)
                control.requestStop();
        });
        QVERIFY(!t.complete);
        QCOMPARE(int(t.cells.size()), 2);
    }
};

QTEST_GUILESS_MAIN(TestProbe)
#include "test_probe.moc"
