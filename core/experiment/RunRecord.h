#pragma once
// A run kept for comparison: what was asked (settings, dataset), what it did
// (history, every step's loss terms against step, epoch, samples seen and
// seconds), where it ended (the probe set's codes, a row of reconstructions,
// the final weights) and where it began (the initial weights, so a run can
// be repeated with one change from the same start). Built on the training
// thread from a Run; read-only once handed to a front end, apart from the
// name and note the user gives it.
#include "experiment/RunCurves.h"
#include "experiment/WeightSet.h"
#include "models/Autoencoder.h"
#include "train/History.h"
#include "train/Run.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

namespace aelab {

struct ModelProvenance;

struct RunRecord {
    int id = 0;                      // 1, 2, ... in the order the runs started
    std::string name;                // "Run 3", or what the user called it
    std::string note;

    RunSettings settings;            // values with every default filled in
    std::string datasetSpec;
    std::string datasetFingerprint;
    ModelContext context;            // what the model was built for (to rebuild it)
    long long parameters = 0;

    History history;                 // epochs, settings changed, how it ended
    RunCurves curves;
    double seconds = 0;              // training time, pauses excluded
    long long steps = 0;
    long long samplesSeen = 0;

    // The probe set's codes at the end (the same samples for every run on
    // the same data and seed: ProbeSet), as the latent map drew them.
    Matrix probeCodes;               // (n, latent)
    Matrix probeMap;                 // (n, 2): the codes or their PCA projection
    std::vector<int> probeLabels;
    std::string mapXLabel, mapYLabel;
    std::string probeFingerprint;    // equal for two runs that show the same samples
    // A row of originals over reconstructions (images), for the thumbnail.
    Matrix originals, reconstructions;

    WeightSet initialWeights;
    WeightSet finalWeights;

    std::string status() const;      // "finished", "stopped", "diverged" or "running"
    // The last epoch's mean terms (training, validation); empty if none ended.
    LossTerms finalTrain() const;
    LossTerms finalVal() const;
    // Every setting a comparison can show, as text-free JSON values:
    // variant, dataset, epochs, validation share, seed, then each
    // hyperparameter (the value it ended with when changed while training).
    nlohmann::json settingsJson() const;
    // Everything but the weights and the probe codes (run list export).
    nlohmann::json toJson() const;
};

// A fresh model of the record's variant and settings holding its final
// weights (for saving it as a model file, or exploring it again).
std::unique_ptr<Autoencoder> rebuildModel(const RunRecord& record);
ModelProvenance provenanceOf(const RunRecord& record);

// The keys of settingsJson() on which the runs do not all agree (a key only
// some runs have counts as differing): variant, dataset, epochs, val and
// seed first, then the hyperparameters by name.
std::vector<std::string> differingSettings(const std::vector<const RunRecord*>& runs);

// The runs' curves as one CSV table, one row per point and term:
//   run,name,split,step,epoch,samples,seconds,term,value
std::string curvesCsv(const std::vector<const RunRecord*>& runs);

// A checksum of the probe's points: two runs with equal fingerprints show
// the same samples in the same order (brushing can match them by row).
std::string probeFingerprintOf(const Matrix& points);

} // namespace aelab
