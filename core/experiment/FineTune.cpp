#include "experiment/FineTune.h"

#include "data/Dataset.h"
#include "experiment/Accuracy.h"
#include "experiment/EncoderClassifier.h"
#include "experiment/Standardizer.h"
#include "io/CsvTable.h"
#include "math/Error.h"
#include "math/Rng.h"
#include "models/Autoencoder.h"
#include "optim/Optimizer.h"
#include "train/Control.h"
#include "train/Split.h"

#include <chrono>
#include <cmath>

namespace aelab {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

bool stopped(const TrainControl* control) { return control && control->stopRequested(); }

struct FitResult {
    double accuracy = 0;
    double finalLoss = 0;
    bool stopped = false;
};

// The head as the logistic regression of the labelled samples' codes:
//   logits = ((z - m) .* s) W^T + b = z (W diag(s))^T + (b - (m .* s) W^T)
void headFromProbe(EncoderClassifier& net, const Matrix& x, const std::vector<int>& y, const FineTuneOptions& options,
                   const TrainControl* control)
{
    const Matrix z = net.codes(x);
    const Standardizer scaler = Standardizer::fit(z);
    const LogisticRegression probe =
        LogisticRegression::fit(scaler.apply(z), y, net.classes(), options.probe, control);
    const Matrix weight = probe.weight() * scaler.scale.asDiagonal();
    const Matrix bias = probe.bias() - scaler.mean.cwiseProduct(scaler.scale) * probe.weight().transpose();
    net.setHead(weight, bias);
}

// The head (from the probe, if asked), then options.steps Adam steps on
// shuffled mini-batches of (x, y), then the test accuracy.
FitResult fit(EncoderClassifier& net, const Matrix& x, const std::vector<int>& y, const Dataset& data,
              const FineTuneOptions& options, const TrainControl* control)
{
    if (options.headFromProbe)
        headFromProbe(net, x, y, options, control);
    OptimizerConfig config;
    config.kind = "adam";
    config.learningRate = options.learningRate;
    const std::unique_ptr<Optimizer> optimizer = makeOptimizer(config);
    const std::vector<Parameter> params = net.parameters();
    const int n = int(x.rows());
    const int batch = std::min(options.batchSize, n);
    Rng rng(options.seed ^ 0xba7c4e5ull);
    std::vector<int> order = rng.permutation(n);
    int at = 0;
    FitResult result;
    std::vector<int> rows(static_cast<std::size_t>(batch)), labels(static_cast<std::size_t>(batch));
    for (int step = 0; step < options.steps; ++step) {
        if (stopped(control)) {
            result.stopped = true;
            return result;
        }
        for (int i = 0; i < batch; ++i) {
            if (at == n) {   // a new pass over the labelled samples
                order = rng.permutation(n);
                at = 0;
            }
            rows[std::size_t(i)] = order[std::size_t(at)];
            labels[std::size_t(i)] = y[std::size_t(order[std::size_t(at)])];
            ++at;
        }
        result.finalLoss = net.computeGradients(gatherRows(x, rows), labels);
        optimizer->step(params);   // a non-finite gradient is refused: the weights stay finite
    }
    result.accuracy = accuracy(net.predict(data.testX), data.testY);
    return result;
}

} // namespace

FineTuneCurve fineTuneCurve(Autoencoder& model, const Dataset& data, const FineTuneOptions& options,
                            const TrainControl* control, const FineTuneProgressCallback& progress)
{
    if (!data.hasLabels() || data.testX.rows() == 0 || data.testY.size() != std::size_t(data.testX.rows()))
        fail(ErrorKind::Unsupported, "fine-tuning needs a labelled dataset with a labelled test set; "
             + data.name + " has " + (data.hasLabels() ? "no labelled test set" : "no labels"));
    if (data.features() != model.context().inputDim)
        fail(ErrorKind::InvalidArgument, "the model expects " + std::to_string(model.context().inputDim)
             + " features but " + data.name + " has " + std::to_string(data.features()));
    if (options.labelsPerClass.empty() || options.steps < 1 || options.batchSize < 1
        || !(options.learningRate > 0 && std::isfinite(options.learningRate)))
        fail(ErrorKind::InvalidArgument, "fine-tuning needs at least one label budget, steps >= 1, batch >= 1 and "
             "a learning rate > 0");
    const int classes = std::max(classCount(data.trainY), classCount(data.testY));
    if (classes < 2)
        fail(ErrorKind::Unsupported, "fine-tuning needs at least two classes");

    FineTuneCurve curve;
    curve.dataset = data.name;
    curve.variant = model.variant();
    curve.steps = options.steps;
    curve.batchSize = options.batchSize;
    curve.learningRate = options.learningRate;
    curve.headFromProbe = options.headFromProbe;
    const auto start = Clock::now();
    const int total = 2 * int(options.labelsPerClass.size());
    int done = 0;
    auto report = [&] {
        ++done;
        if (progress) {
            const double elapsed = secondsSince(start);
            progress({done, total, elapsed, elapsed / done * (total - done)});
        }
    };
    for (int budget : options.labelsPerClass) {
        const auto pointStart = Clock::now();
        const std::vector<int> picked = pickPerClass(data.trainY, budget, options.seed);
        const Matrix x = gatherRows(data.trainX, picked);
        std::vector<int> y;
        for (int i : picked)
            y.push_back(data.trainY[std::size_t(i)]);
        // The same head weights for both starts: only the encoder differs.
        Rng headRng(options.seed ^ 0x4ead5eedull);
        EncoderClassifier pretrained = EncoderClassifier::fromModel(model, classes, headRng);
        const FitResult a = fit(pretrained, x, y, data, options, control);
        if (a.stopped) {
            curve.complete = false;
            return curve;
        }
        report();
        Rng headRng2(options.seed ^ 0x4ead5eedull);
        EncoderClassifier random = EncoderClassifier::randomLike(model, classes, options.seed ^ 0x7a2d0c5ull, headRng2);
        const FitResult b = fit(random, x, y, data, options, control);
        if (b.stopped) {
            curve.complete = false;
            return curve;
        }
        report();
        FineTunePoint p;
        p.labelsPerClass = budget;
        p.trainSamples = int(picked.size());
        p.testSamples = int(data.testX.rows());
        p.pretrainedAccuracy = a.accuracy;
        p.randomAccuracy = b.accuracy;
        p.pretrainedFinalLoss = a.finalLoss;
        p.randomFinalLoss = b.finalLoss;
        p.seconds = secondsSince(pointStart);
        curve.points.push_back(p);
    }
    return curve;
}

std::string fineTuneCsv(const FineTuneCurve& curve)
{
    CsvTable csv;
    for (const FineTunePoint& p : curve.points) {
        csv.newRow();
        csv.set("dataset", curve.dataset);
        csv.set("variant", curve.variant);
        csv.set("labels_per_class", labelBudgetText(p.labelsPerClass));
        csv.set("train_samples", p.trainSamples);
        csv.set("test_samples", p.testSamples);
        csv.set("steps", curve.steps);
        csv.set("head", std::string(curve.headFromProbe ? "probe" : "random"));
        csv.set("pretrained_test_accuracy", p.pretrainedAccuracy);
        csv.set("random_test_accuracy", p.randomAccuracy);
        csv.set("pretrained_final_loss", p.pretrainedFinalLoss);
        csv.set("random_final_loss", p.randomFinalLoss);
        csv.set("seconds", p.seconds);
    }
    return csv.text();
}

nlohmann::json fineTuneJson(const FineTuneCurve& curve)
{
    nlohmann::json points = nlohmann::json::array();
    for (const FineTunePoint& p : curve.points)
        points.push_back({{"labels_per_class", labelBudgetText(p.labelsPerClass)},
                          {"train_samples", p.trainSamples},
                          {"test_samples", p.testSamples},
                          {"pretrained_test_accuracy", p.pretrainedAccuracy},
                          {"random_test_accuracy", p.randomAccuracy},
                          {"pretrained_final_loss", p.pretrainedFinalLoss},
                          {"random_final_loss", p.randomFinalLoss},
                          {"seconds", p.seconds}});
    return {{"dataset", curve.dataset},       {"variant", curve.variant},
            {"steps", curve.steps},           {"batch_size", curve.batchSize},
            {"learning_rate", curve.learningRate}, {"head", curve.headFromProbe ? "probe" : "random"},
            {"complete", curve.complete},
            {"points", points}};
}

} // namespace aelab
