#include "experiment/Probe.h"

#include "data/Dataset.h"
#include "experiment/Accuracy.h"
#include "experiment/NearestNeighbours.h"
#include "experiment/Standardizer.h"
#include "math/Error.h"
#include "math/Pca.h"
#include "math/Rng.h"
#include "models/Autoencoder.h"
#include "train/Control.h"
#include "train/Evaluate.h"
#include "train/Split.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace aelab {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

bool stopped(const TrainControl* control) { return control && control->stopRequested(); }

// Progress over a whole table: cells done of all, and the clock since the first.
struct ProgressState {
    Clock::time_point start = Clock::now();
    int done = 0;
    int total = 0;
};

bool fitCells(ProbeFeatures kind, const ProbeData& data, const ProbeOptions& options, ProbeTable& table,
              const TrainControl* control, const ProbeProgressCallback& progress, ProgressState& state)
{
    if (data.train.rows() != Eigen::Index(data.trainY.size()) || data.test.rows() != Eigen::Index(data.testY.size()))
        fail(ErrorKind::InvalidArgument, "probe: each sample needs a label");
    if (data.train.cols() != data.test.cols())
        fail(ErrorKind::InvalidArgument, "probe: training and test features differ in width");
    // Logistic regression sees standardised features, scaled by every
    // training sample (no labels involved); k-NN the features as they are.
    const bool logistic = std::find(options.classifiers.begin(), options.classifiers.end(),
                                    ProbeClassifier::Logistic) != options.classifiers.end();
    Matrix scaledTrain, scaledTest;
    if (logistic) {
        const Standardizer scaler = Standardizer::fit(data.train);
        scaledTrain = scaler.apply(data.train);
        scaledTest = scaler.apply(data.test);
    }
    for (ProbeClassifier classifier : options.classifiers) {
        const bool isLogistic = classifier == ProbeClassifier::Logistic;
        const Matrix& train = isLogistic ? scaledTrain : data.train;
        const Matrix& test = isLogistic ? scaledTest : data.test;
        for (int budget : options.labelsPerClass) {
            if (stopped(control))
                return false;
            const auto cellStart = Clock::now();
            const std::vector<int> picked = pickPerClass(data.trainY, budget, options.seed);
            const Matrix x = gatherRows(train, picked);
            std::vector<int> y;
            y.reserve(picked.size());
            for (int i : picked)
                y.push_back(data.trainY[std::size_t(i)]);
            std::vector<int> predicted;
            if (isLogistic)
                predicted = LogisticRegression::fit(x, y, table.classes, options.logistic, control).predict(test);
            else
                predicted = nearestNeighbourLabels(x, y, test, options.neighbours, control);
            if (stopped(control))
                return false;   // a fit cut short is not a result
            ProbeCell cell;
            cell.features = kind;
            cell.classifier = classifier;
            cell.labelsPerClass = budget;
            cell.trainSamples = int(picked.size());
            cell.testSamples = int(test.rows());
            cell.dimensions = int(train.cols());
            cell.accuracy = accuracy(predicted, data.testY);
            cell.seconds = secondsSince(cellStart);
            table.cells.push_back(cell);
            ++state.done;
            if (progress) {
                const double elapsed = secondsSince(state.start);
                progress({state.done, state.total, cell, elapsed,
                          elapsed / state.done * std::max(0, state.total - state.done)});
            }
        }
    }
    return true;
}

// Up to `count` rows of x, chosen by the seed (all when there are fewer).
Matrix sampleRows(const Matrix& x, int count, std::uint64_t seed)
{
    if (count <= 0 || x.rows() <= count)
        return x;
    Rng rng(seed ^ 0x9ca5eedull);
    std::vector<int> order = rng.permutation(int(x.rows()));
    order.resize(std::size_t(count));
    std::sort(order.begin(), order.end());
    return gatherRows(x, order);
}

double majorityShare(const std::vector<int>& labels, int classes)
{
    std::vector<int> counts(std::size_t(std::max(classes, 1)), 0);
    for (int y : labels)
        if (y >= 0 && y < classes)
            ++counts[std::size_t(y)];
    return labels.empty() ? 0.0 : double(*std::max_element(counts.begin(), counts.end())) / double(labels.size());
}

} // namespace

std::string probeFeaturesKey(ProbeFeatures features)
{
    switch (features) {
    case ProbeFeatures::Codes: return "codes";
    case ProbeFeatures::Raw: return "raw";
    case ProbeFeatures::Pca: return "pca";
    }
    return {};
}

std::string probeClassifierKey(ProbeClassifier classifier)
{
    return classifier == ProbeClassifier::Logistic ? "logistic" : "knn";
}

std::string probeFeaturesLabel(ProbeFeatures features)
{
    switch (features) {
    case ProbeFeatures::Codes: return "Codes";
    case ProbeFeatures::Raw: return "Raw inputs";
    case ProbeFeatures::Pca: return "PCA (as many components as the code)";
    }
    return {};
}

std::string probeClassifierLabel(ProbeClassifier classifier)
{
    return classifier == ProbeClassifier::Logistic ? "Logistic regression" : "k-nearest neighbours";
}

std::vector<std::string> probeStrings()
{
    return {probeFeaturesLabel(ProbeFeatures::Codes), probeFeaturesLabel(ProbeFeatures::Raw),
            probeFeaturesLabel(ProbeFeatures::Pca), probeClassifierLabel(ProbeClassifier::Logistic),
            probeClassifierLabel(ProbeClassifier::NearestNeighbours)};
}

const ProbeCell* ProbeTable::find(ProbeFeatures features, ProbeClassifier classifier, int labelsPerClass) const
{
    for (const ProbeCell& c : cells)
        if (c.features == features && c.classifier == classifier && c.labelsPerClass == labelsPerClass)
            return &c;
    return nullptr;
}

bool probeFeatureSet(ProbeFeatures kind, const ProbeData& data, const ProbeOptions& options, ProbeTable& table,
                     const TrainControl* control, const ProbeProgressCallback& progress, int totalCells)
{
    ProgressState state;
    state.total = totalCells > 0 ? totalCells : int(options.classifiers.size() * options.labelsPerClass.size());
    if (table.classes < 2)
        table.classes = std::max(classCount(data.trainY), classCount(data.testY));
    return fitCells(kind, data, options, table, control, progress, state);
}

ProbeTable probeModel(Autoencoder& model, const Dataset& data, const ProbeOptions& options,
                      const TrainControl* control, const ProbeProgressCallback& progress)
{
    if (!data.hasLabels() || data.testX.rows() == 0 || data.testY.size() != std::size_t(data.testX.rows()))
        fail(ErrorKind::Unsupported, "the probe needs a labelled dataset with a labelled test set; "
             + data.name + " has " + (data.hasLabels() ? "no labelled test set" : "no labels"));
    if (data.features() != model.context().inputDim)
        fail(ErrorKind::InvalidArgument, "the model expects " + std::to_string(model.context().inputDim)
             + " features but " + data.name + " has " + std::to_string(data.features()));
    if (options.labelsPerClass.empty() || options.features.empty() || options.classifiers.empty())
        fail(ErrorKind::InvalidArgument, "the probe needs at least one label budget, feature set and classifier");

    ProbeTable table;
    table.dataset = data.name;
    table.variant = model.variant();
    table.classes = std::max(classCount(data.trainY), classCount(data.testY));
    if (table.classes < 2)
        fail(ErrorKind::Unsupported, "the probe needs at least two classes; " + data.name + " has "
             + std::to_string(table.classes));
    table.majorityAccuracy = majorityShare(data.testY, table.classes);
    table.codeSize = model.latentSize();

    ProgressState state;
    state.total = int(options.features.size() * options.classifiers.size() * options.labelsPerClass.size());
    for (ProbeFeatures kind : options.features) {
        if (stopped(control)) {
            table.complete = false;
            return table;
        }
        bool finished = true;
        if (kind == ProbeFeatures::Raw) {
            finished = fitCells(kind, {data.trainX, data.trainY, data.testX, data.testY}, options, table, control,
                                progress, state);
        } else if (kind == ProbeFeatures::Codes) {
            const Matrix train = encodeSet(model, data.trainX);
            const Matrix test = encodeSet(model, data.testX);
            if (!train.allFinite() || !test.allFinite())
                fail(ErrorKind::InvalidArgument, "the model's codes are not all finite (did its training diverge?)");
            table.codeSize = int(train.cols());
            finished = fitCells(kind, {train, data.trainY, test, data.testY}, options, table, control, progress,
                                state);
        } else {
            const int components = table.codeSize;
            if (components < 1 || components > data.features())
                fail(ErrorKind::InvalidArgument, "PCA with " + std::to_string(components) + " components of "
                     + std::to_string(data.features()) + " features is not possible");
            const Pca pca = fitPca(sampleRows(data.trainX, options.pcaSamples, options.seed), components);
            const Matrix train = projectPca(pca, data.trainX);
            const Matrix test = projectPca(pca, data.testX);
            finished = fitCells(kind, {train, data.trainY, test, data.testY}, options, table, control, progress,
                                state);
        }
        if (!finished) {
            table.complete = false;
            return table;
        }
    }
    return table;
}

} // namespace aelab
