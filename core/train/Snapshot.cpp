#include "train/Snapshot.h"

#include "math/Error.h"
#include "math/FiniteRows.h"
#include "train/Evaluate.h"
#include "train/Split.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace aelab {

namespace {

// The corrupted row is drawn from this fixed stream, so the same level shows
// the same noise pattern in every snapshot (and a new level re-corrupts).
constexpr std::uint64_t kDenoiseSalt = 0xde401511ull;

std::string percentOf(double fraction)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", 100.0 * fraction);
    return buf;
}

} // namespace

SnapshotBuilder::SnapshotBuilder(ProbeSet probe, SampleShape shape, CorruptionSpec corruption,
                                 std::uint64_t seed)
    : m_probe(std::move(probe)), m_shape(shape), m_corruption(corruption), m_seed(seed)
{
}

std::size_t SnapshotBuilder::termIndex(const std::string& name)
{
    for (std::size_t i = 0; i < m_termNames.size(); ++i)
        if (m_termNames[i] == name)
            return i;
    m_termNames.push_back(name);
    return m_termNames.size() - 1;
}

LossPoint SnapshotBuilder::toPoint(long long step, double epoch, const LossTerms& terms)
{
    LossPoint p;
    p.step = step;
    p.epoch = epoch;
    for (const auto& [name, value] : terms.terms) {
        const std::size_t i = termIndex(name);
        if (p.values.size() <= i)
            p.values.resize(i + 1, std::numeric_limits<double>::quiet_NaN());
        p.values[i] = value;
    }
    return p;
}

void SnapshotBuilder::recordStep(const StepInfo& info)
{
    const double epoch = info.epoch - 1 + double(info.batch) / std::max(1, info.batchesPerEpoch);
    m_train.push_back(toPoint(info.step, epoch, info.terms));
}

void SnapshotBuilder::recordEpoch(const EpochInfo& info, long long step)
{
    if (!info.val.terms.empty())
        m_val.push_back(toPoint(step, double(info.epoch), info.val));
}

void SnapshotBuilder::recordPhase(long long step, double epoch, const std::string& phase)
{
    if (phase == m_lastPhase)
        return;
    m_lastPhase = phase;
    if (!phase.empty())
        m_phases.push_back({step, epoch, phase});
}

void SnapshotBuilder::setCorruption(const CorruptionSpec& spec) { m_corruption = spec; }

Snapshot SnapshotBuilder::takePoints()
{
    Snapshot s;
    s.termNames = m_termNames;
    for (auto* points : {&m_train, &m_val})
        for (auto& p : *points)
            p.values.resize(m_termNames.size(), std::numeric_limits<double>::quiet_NaN());
    s.train = std::move(m_train);
    s.val = std::move(m_val);
    s.phases = std::move(m_phases);
    m_train.clear();
    m_val.clear();
    m_phases.clear();
    s.shape = m_shape;
    return s;
}

LatentMap SnapshotBuilder::latentMap(Autoencoder& model)
{
    LatentMap map;
    const Matrix codes = encodeSet(model, m_probe.points);
    map.latentSize = int(codes.cols());
    map.labels = m_probe.pointLabels;
    if (codes.cols() == 2) {
        map.points = codes;
        map.xLabel = "z1";
        map.yLabel = "z2";
    } else if (codes.cols() == 1) {
        // One code: the code against the class, a strip per class.
        map.points.resize(codes.rows(), 2);
        map.points.col(0) = codes.col(0);
        for (Eigen::Index i = 0; i < codes.rows(); ++i)
            map.points(i, 1) = map.labels.empty() ? Scalar(0) : Scalar(map.labels[std::size_t(i)]);
        map.projected = true;
        map.xLabel = "z1 (latent size 1)";
        map.yLabel = map.labels.empty() ? "" : "class";
    } else if (finiteRows(codes).rows() == 0) {
        map.points = Matrix::Constant(codes.rows(), 2, std::numeric_limits<Scalar>::quiet_NaN());   // none to fit
        map.projected = true;
        map.xLabel = "PC1 of " + std::to_string(codes.cols()) + "-D codes";
        map.yLabel = "PC2";
    } else {
        Pca pca = fitPca(codes, 2);   // on the finite codes
        if (m_codePca)
            alignPca(pca, *m_codePca);
        map.points = projectPca(pca, codes);
        map.projected = true;
        map.xLabel = "PC1 of " + std::to_string(codes.cols()) + "-D codes (" + percentOf(pca.explainedFraction(0))
            + " of variance)";
        map.yLabel = "PC2 (" + percentOf(pca.explainedFraction(1)) + ")";
        m_codePca = std::move(pca);
    }
    map.nonFinite = blankNonFiniteRows(map.points);
    map.codes = codes;
    return map;
}

ReconstructionRow SnapshotBuilder::reconstruction(Autoencoder& model)
{
    ReconstructionRow row;
    row.images = m_shape.isImage();
    if (row.images) {
        row.originals = m_probe.images;
        row.reconstructions = reconstructSet(model, m_probe.images);
        return row;
    }
    // Points: a few hundred of the probe set, in their own 2-D frame.
    const Eigen::Index n = std::min<Eigen::Index>(m_probe.points.rows(), 600);
    const Matrix x = m_probe.points.topRows(n);
    const Matrix r = reconstructSet(model, x);
    if (x.cols() == 2) {
        row.originals = x;
        row.reconstructions = r;
        row.xLabel = "x1";
        row.yLabel = "x2";
    } else if (x.cols() == 1) {
        row.originals = Matrix::Zero(n, 2);
        row.reconstructions = Matrix::Zero(n, 2);
        row.originals.col(0) = x.col(0);
        row.reconstructions.col(0) = r.col(0);
        row.xLabel = "x1";
    } else {
        if (!m_dataPca)
            m_dataPca = fitPca(x, 2);
        row.originals = projectPca(*m_dataPca, x);
        row.reconstructions = projectPca(*m_dataPca, r);
        row.xLabel = "PC1 of the " + std::to_string(x.cols()) + "-D data";
        row.yLabel = "PC2";
    }
    return row;
}

std::optional<DenoisingRow> SnapshotBuilder::denoising(Autoencoder& model)
{
    if (!m_shape.isImage() || m_probe.images.rows() == 0)
        return std::nullopt;
    DenoisingRow row;
    row.spec = m_corruption;
    row.spec.clampUnit = true;
    row.spec.low = model.context().valueMin;    // salt and pepper: the data's extremes
    row.spec.high = model.context().valueMax;
    Rng rng(m_seed ^ kDenoiseSalt);
    row.clean = m_probe.images;
    row.corrupted = corrupt(row.clean, row.spec, rng);
    row.restored = reconstructSet(model, row.corrupted);
    row.psnrCorrupted = psnr(row.corrupted, row.clean);
    row.psnrRestored = psnr(row.restored, row.clean);
    return row;
}

void SnapshotBuilder::addViews(Snapshot& s, Autoencoder& model)
{
    s.latent = latentMap(model);
    s.reconstruction = reconstruction(model);
    s.denoising = denoising(model);
}

void recordProgress(Snapshot& s, const Trainer& trainer, long long samplesPerEpoch)
{
    s.epochs = trainer.options().epochs;
    s.elapsedSeconds = trainer.runningSeconds();
    s.step = trainer.globalStep();
    s.totalSteps = trainer.totalSteps();
    s.epoch = trainer.epoch();
    s.batch = trainer.batchInEpoch();
    s.batchesPerEpoch = trainer.batchesPerEpoch();
    s.samplesSeen = (long long)std::max(0, s.epoch - 1) * samplesPerEpoch
        + std::min<long long>(samplesPerEpoch, (long long)s.batch * trainer.options().batchSize);
    if (s.elapsedSeconds > 0.2) {
        s.samplesPerSecond = double(s.samplesSeen) / s.elapsedSeconds;
        const double remaining = double(samplesPerEpoch) * s.epochs - double(s.samplesSeen);
        s.etaSeconds = s.samplesPerSecond > 0 ? std::max(0.0, remaining) / s.samplesPerSecond : -1;
    }
}

} // namespace aelab
