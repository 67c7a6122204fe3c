#pragma once
// What the training views are fed: a Snapshot is a plain value, built on the
// training thread and handed to the window by copy. It carries the loss
// points gathered since the previous snapshot (the loss plot gets every
// point), the run's progress, and, on a slower schedule, the views of the
// fixed probe set: its latent codes (projected to 2-D when wider), a row of
// reconstructions and a row of denoising triplets.
#include "data/Corruption.h"
#include "data/Dataset.h"
#include "math/Pca.h"
#include "models/Autoencoder.h"
#include "train/ProbeSet.h"
#include "train/Trainer.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aelab {

// One point of the loss history. values[i] belongs to Snapshot::termNames[i]
// (NaN where the step did not report that term).
struct LossPoint {
    long long step = 0;
    double epoch = 0;              // fractional: epoch - 1 + batch / batchesPerEpoch
    std::vector<double> values;
};

// Where a phased variant changed what it trains ("pretraining layer 2 of 3").
struct PhaseMark {
    long long step = 0;
    double epoch = 0;
    std::string label;
};

struct LatentMap {
    Matrix points;                 // (n, 2): codes, or their PCA projection
    Matrix codes;                  // (n, latent): the codes themselves (exploration views project them their own way)
    std::vector<int> labels;
    int latentSize = 0;
    bool projected = false;        // PCA of wider codes (or latent size 1: code vs class)
    std::string xLabel, yLabel;    // "z1", "PC1 (63% of variance)", ...
    int nonFinite = 0;             // rows of `points` that are NaN: their codes overflowed (a diverged model)
};

// For images: originals over reconstructions. For other data: the probe's
// points and their reconstructions in 2-D (PCA when wider than 2).
struct ReconstructionRow {
    bool images = false;
    Matrix originals;
    Matrix reconstructions;
    std::string xLabel, yLabel;    // for points
};

struct DenoisingRow {
    CorruptionSpec spec;
    Matrix clean, corrupted, restored;   // (m, features) images
    double psnrCorrupted = 0;            // dB against clean
    double psnrRestored = 0;
};

struct Snapshot {
    std::uint64_t runId = 0;       // which run it shows (the window drops a stale run's snapshots)

    // Progress
    RunStatus status = RunStatus::Ready;
    std::string message;           // how the run ended, when it has
    std::string phase;             // what the model is doing now ("" if plain)
    long long step = 0;
    long long totalSteps = 0;
    long long samplesSeen = 0;
    int epoch = 0;
    int epochs = 0;
    int batch = 0;
    int batchesPerEpoch = 0;
    double elapsedSeconds = 0;     // training time, pauses excluded
    double samplesPerSecond = 0;
    double etaSeconds = -1;        // < 0: unknown

    // Loss: the points since the previous snapshot of this run.
    std::vector<std::string> termNames;
    std::vector<LossPoint> train;
    std::vector<LossPoint> val;    // one per epoch end
    std::vector<PhaseMark> phases;

    // Views (present only when computed for this snapshot)
    SampleShape shape;
    std::optional<LatentMap> latent;
    std::optional<ReconstructionRow> reconstruction;
    std::optional<DenoisingRow> denoising;
};

// The run's progress into `s`: step, epoch, batch, samples seen, and from
// the training time (pauses excluded) samples/s and the time left.
void recordProgress(Snapshot& s, const Trainer& trainer, long long samplesPerEpoch);

// Gathers loss points as the trainer reports them and computes the views
// from the model on demand. Lives on the training thread.
class SnapshotBuilder {
public:
    SnapshotBuilder(ProbeSet probe, SampleShape shape, CorruptionSpec corruption, std::uint64_t seed);

    void recordStep(const StepInfo& info);
    void recordEpoch(const EpochInfo& info, long long step);
    // Adds a mark when `phase` differs from the last one seen.
    void recordPhase(long long step, double epoch, const std::string& phase);

    void setCorruption(const CorruptionSpec& spec);
    const CorruptionSpec& corruption() const { return m_corruption; }

    // Moves the gathered points into a new snapshot (progress left to the caller).
    Snapshot takePoints();

    LatentMap latentMap(Autoencoder& model);
    ReconstructionRow reconstruction(Autoencoder& model);
    std::optional<DenoisingRow> denoising(Autoencoder& model);   // images only
    // All three into `s`.
    void addViews(Snapshot& s, Autoencoder& model);

    const ProbeSet& probe() const { return m_probe; }
    const std::vector<std::string>& termNames() const { return m_termNames; }

private:
    LossPoint toPoint(long long step, double epoch, const LossTerms& terms);
    std::size_t termIndex(const std::string& name);

    ProbeSet m_probe;
    SampleShape m_shape;
    CorruptionSpec m_corruption;
    std::uint64_t m_seed;
    std::vector<std::string> m_termNames;
    std::vector<LossPoint> m_train;
    std::vector<LossPoint> m_val;
    std::vector<PhaseMark> m_phases;
    std::string m_lastPhase;
    std::optional<Pca> m_codePca;      // the previous fit, for sign alignment
    std::optional<Pca> m_dataPca;      // fixed per run: the probe points' own PCA
};

} // namespace aelab
