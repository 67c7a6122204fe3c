#pragma once
// `vae`: each latent dimension's KL to the prior over the probe set (bars,
// nats) and its activity Var_x(mu_j) (points, right axis), the number of
// active units, and a warning when the posterior collapses (a dimension's KL
// near 0: the decoder ignores it). See core/explore/PosteriorStats.h.
#include "diagnostics/DiagnosticPanel.h"

#include "explore/PosteriorStats.h"

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
    QString warningText() const;
    bool warningShown() const;

private:
    QCustomPlot* m_plot;
    QCPBars* m_kl;
    QCPGraph* m_activity;
    QLabel* m_caption;
    QLabel* m_warning;
    PosteriorStats m_stats;
};

} // namespace aelab::ui
