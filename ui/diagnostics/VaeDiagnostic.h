#pragma once
// `vae`: each latent dimension's KL to the prior over the probe set (bars,
// nats) and its activity Var_x(mu_j) (points, right axis), the number of
// active units, and a warning when the posterior collapses (a dimension's KL
// near 0: the decoder ignores it). See core/explore/PosteriorStats.h. With a
// decoder density (continuous-bernoulli, gaussian) the caption gives the
// importance-weighted estimate of log p(x) and the ELBO on probe samples
// (models/Variational.h); otherwise it says why there is neither.
#include "diagnostics/DiagnosticPanel.h"

#include "explore/PosteriorStats.h"
#include "models/Variational.h"

#include <optional>

class QCPBars;
class QCPGraph;
class QCustomPlot;
class QLabel;

namespace aelab::ui {

class VaeDiagnostic : public DiagnosticPanel {
    Q_OBJECT
public:
    VaeDiagnostic(ExploreClient* client, QWidget* parent);
    void request() override;
    void clear() override;

    const PosteriorStats& stats() const { return m_stats; }
    static constexpr int kImportanceSamples = 50;
    static constexpr int kEstimateRows = 200;

    QString warningText() const;
    bool warningShown() const;
    QString captionText() const;
    // With a decoder density: the last estimate of log p(x) (else none).
    const std::optional<VariationalAutoencoder::LogLikelihoodEstimate>& logLikelihood() const { return m_logLikelihood; }

private:
    QCustomPlot* m_plot;
    QCPBars* m_kl;
    QCPGraph* m_activity;
    QLabel* m_caption;
    QLabel* m_warning;
    PosteriorStats m_stats;
    std::optional<VariationalAutoencoder::LogLikelihoodEstimate> m_logLikelihood;
};

} // namespace aelab::ui
