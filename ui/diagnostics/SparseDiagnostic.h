#pragma once
// `sparse`: each code unit's mean activation rho_hat_j over the probe set,
// as bars, against the target rho (a line): the KL penalty pulls every bar
// towards it.
#include "diagnostics/DiagnosticPanel.h"

class QCPBars;
class QCPItemStraightLine;
class QCustomPlot;
class QLabel;

namespace aelab::ui {

class SparseDiagnostic : public DiagnosticPanel {
    Q_OBJECT
public:
    SparseDiagnostic(ExploreClient* client, QWidget* parent);
    void request() override;
    void clear() override;

    const std::vector<double>& meanActivations() const { return m_means; }
    double rho() const { return m_rho; }

private:
    QCustomPlot* m_plot;
    QCPBars* m_bars;
    QCPItemStraightLine* m_target;
    QLabel* m_caption;
    std::vector<double> m_means;
    double m_rho = 0;
};

} // namespace aelab::ui
