#pragma once
// What the codes are good for: a linear probe and a nearest-neighbour probe.
// On a labelled dataset, a classifier is fitted on a few labelled training
// samples per class and scored on the whole test set, for each
//   features:    the model's codes (encode()), the raw inputs, or PCA of the
//                raw inputs with as many components as the code has
//   classifier:  multinomial logistic regression (L2, L-BFGS; features
//                standardised with the statistics of every training sample,
//                which uses no labels) or k-nearest neighbours (Euclidean)
//   labels:      1, 10, 100, ... per class, or all (LabelBudget.h)
// Nothing is drawn at random but the labelled samples (seeded, the same for
// every feature set and classifier) and the rows PCA is fitted on.
#include "experiment/LabelBudget.h"
#include "experiment/LogisticRegression.h"
#include "math/Matrix.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace aelab {

class Autoencoder;
class TrainControl;
struct Dataset;

enum class ProbeFeatures { Codes, Raw, Pca };
enum class ProbeClassifier { Logistic, NearestNeighbours };

// Short keys for files and flags: "codes", "raw", "pca"; "logistic", "knn".
std::string probeFeaturesKey(ProbeFeatures features);
std::string probeClassifierKey(ProbeClassifier classifier);
// What a front end shows (English; listed in userVisibleStrings()):
// "Codes", "Raw inputs", "PCA (as many components as the code)";
// "Logistic regression", "k-nearest neighbours".
std::string probeFeaturesLabel(ProbeFeatures features);
std::string probeClassifierLabel(ProbeClassifier classifier);
std::vector<std::string> probeStrings();

struct ProbeOptions {
    std::vector<int> labelsPerClass{1, 10, 100, kAllLabels};
    std::vector<ProbeFeatures> features{ProbeFeatures::Codes, ProbeFeatures::Raw, ProbeFeatures::Pca};
    std::vector<ProbeClassifier> classifiers{ProbeClassifier::Logistic, ProbeClassifier::NearestNeighbours};
    LogisticOptions logistic;
    int neighbours = 5;          // k of k-NN (at most the labelled samples)
    int pcaSamples = 10000;      // PCA is fitted on at most this many training inputs (seeded)
    std::uint64_t seed = 1;      // which samples are labelled; PCA's rows
};

// One fit and its score.
struct ProbeCell {
    ProbeFeatures features = ProbeFeatures::Codes;
    ProbeClassifier classifier = ProbeClassifier::Logistic;
    int labelsPerClass = 1;      // or kAllLabels
    int trainSamples = 0;        // labelled samples it was fitted on
    int testSamples = 0;         // samples it was scored on
    int dimensions = 0;          // features per sample
    double accuracy = 0;         // share of test samples classified right, in [0, 1]
    double seconds = 0;          // fitting and scoring
};

struct ProbeTable {
    std::string dataset;
    std::string variant;         // the model's, "" when features were given
    int classes = 0;
    int codeSize = 0;            // the codes' width, and PCA's components
    double majorityAccuracy = 0; // test accuracy of always guessing the most frequent test class (the floor to beat)
    std::vector<ProbeCell> cells;   // in the order fitted: features, then classifier, then labels per class
    bool complete = true;        // false when stopped before every cell was fitted

    const ProbeCell* find(ProbeFeatures features, ProbeClassifier classifier, int labelsPerClass) const;
};

// Called after each cell: `done` of `total` cells, with the last one.
struct ProbeProgress {
    int done = 0;
    int total = 0;
    ProbeCell last;
    double elapsedSeconds = 0;
    double etaSeconds = 0;       // from the cells so far (NaN before the first)
};
using ProbeProgressCallback = std::function<void(const ProbeProgress&)>;

// Features already computed, with the labels of both parts (borrowed).
struct ProbeData {
    const Matrix& train;                 // (n_train, d): every training sample (the labelled ones are picked from it)
    const std::vector<int>& trainY;
    const Matrix& test;                  // (n_test, d)
    const std::vector<int>& testY;
};

// The cells of one feature set (every classifier and budget of `options`).
// Appends to `table`; returns false when stopped through `control`.
// `totalCells` is what progress reports as the total (0: this set's cells);
// the table's classes must be set.
bool probeFeatureSet(ProbeFeatures kind, const ProbeData& data, const ProbeOptions& options, ProbeTable& table,
                     const TrainControl* control = nullptr, const ProbeProgressCallback& progress = {},
                     int totalCells = 0);

// The whole table for a trained model on a labelled dataset with a test
// set: codes from model.encode(), raw inputs and PCA as options say. Throws
// Error(Unsupported) for a dataset without labels or test set, and
// Error(InvalidArgument) when the model's input size differs or its codes
// are not finite (a diverged model). On the calling thread; a stop
// requested through `control` returns what is done (complete = false).
ProbeTable probeModel(Autoencoder& model, const Dataset& data, const ProbeOptions& options = {},
                      const TrainControl* control = nullptr, const ProbeProgressCallback& progress = {});

} // namespace aelab
