#pragma once
// `ae`: the principal angles between the span of the probe set's
// reconstructions (their top k directions, k = the code's width) and PCA's
// top k directions of the probe set itself, as bars in degrees. A linear
// autoencoder trained to its minimum reconstructs inside PCA's subspace:
// every bar falls to 0 (core/explore/Subspace).
#include "diagnostics/DiagnosticPanel.h"

class QCPBars;
class QCustomPlot;
class QLabel;

namespace aelab::ui {

class SubspaceDiagnostic : public DiagnosticPanel {
    Q_OBJECT
public:
    SubspaceDiagnostic(ExploreClient* client, QWidget* parent);
    // Only where there is a subspace to compare: data wider than the code.
    bool appliesTo(const VariantInfo& variant, const Dataset& data) const override;
    void request() override;
    void clear() override;

    const std::vector<double>& anglesDegrees() const { return m_angles; }

private:
    QCustomPlot* m_plot;
    QCPBars* m_bars;
    QLabel* m_caption;
    std::vector<double> m_angles;
};

} // namespace aelab::ui
