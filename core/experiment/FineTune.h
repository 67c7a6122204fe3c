#pragma once
// Does unsupervised pretraining help when labels are few? (Bengio et al.,
// 2007.) For each number k of labels per class, the encoder plus a softmax
// head (EncoderClassifier.h) is trained on k labelled samples of each class
//   from the autoencoder's weights   (for `stacked`: its weights after the
//                                     greedy pretraining and the run's own
//                                     fine-tuning of the reconstruction)
//   from a random start              (the same architecture, fresh weights)
// with the same steps, batches and optimizer (Adam), and both are scored on
// the whole test set. No early stopping: no labelled validation set is
// spent; every fit runs the same number of steps.
// The head starts, by default, as the linear probe of the start's codes: a
// logistic regression fitted to the labelled samples' codes (standardised,
// the scaling folded into the head), then everything is fine-tuned ("linear
// probe, then fine-tune", Kumar et al., 2022). A random head on a trained
// encoder's codes, which can be large, makes the first steps pull the code
// apart to fit the head; on a toy problem whose codes a probe classifies
// perfectly, fine-tuning from a random head ended below the random start.
// headFromProbe = false gives the random head (the same for both starts).
#include "experiment/LabelBudget.h"
#include "experiment/LogisticRegression.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace aelab {

class Autoencoder;
class TrainControl;
struct Dataset;

struct FineTuneOptions {
    std::vector<int> labelsPerClass{1, 10, 100, kAllLabels};
    int steps = 500;             // Adam steps per fit
    int batchSize = 64;          // at most the labelled samples
    double learningRate = 1e-3;
    bool headFromProbe = true;   // the head starts as the logistic regression on the start's codes
    LogisticOptions probe;       // that regression's settings
    std::uint64_t seed = 1;      // the labelled samples (the probe's choice for the same seed), the head, the batches
};

struct FineTunePoint {
    int labelsPerClass = 1;      // or kAllLabels
    int trainSamples = 0;
    int testSamples = 0;
    double pretrainedAccuracy = 0;   // from the autoencoder's weights, test share in [0, 1]
    double randomAccuracy = 0;       // from a random start
    double pretrainedFinalLoss = 0;  // training cross-entropy of the last step
    double randomFinalLoss = 0;
    double seconds = 0;              // both fits and their scores
};

struct FineTuneCurve {
    std::string dataset;
    std::string variant;
    int steps = 0;
    int batchSize = 0;
    double learningRate = 0;
    bool headFromProbe = true;
    std::vector<FineTunePoint> points;
    bool complete = true;        // false when stopped before every k was done
};

struct FineTuneProgress {
    int done = 0;                // fits finished (two per k)
    int total = 0;
    double elapsedSeconds = 0;
    double etaSeconds = 0;       // NaN before the first
};
using FineTuneProgressCallback = std::function<void(const FineTuneProgress&)>;

// Throws Error(Unsupported) for a dataset without labels or test set or a
// model without an encoder to copy, Error(InvalidArgument) for bad options.
// The model is not changed. A stop through `control` returns what is done.
FineTuneCurve fineTuneCurve(Autoencoder& model, const Dataset& data, const FineTuneOptions& options = {},
                            const TrainControl* control = nullptr, const FineTuneProgressCallback& progress = {});

// CSV (one row per k: dataset, variant, labels_per_class, train_samples,
// test_samples, steps, head (probe or random), pretrained_test_accuracy, random_test_accuracy,
// pretrained_final_loss, random_final_loss, seconds) and JSON.
std::string fineTuneCsv(const FineTuneCurve& curve);
nlohmann::json fineTuneJson(const FineTuneCurve& curve);

} // namespace aelab
