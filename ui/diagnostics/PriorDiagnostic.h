#pragma once
// For a variant whose objective pushes its codes towards a prior p(z) (aae's
// discriminator, wae's MMD penalty): samples of the prior overlaid on the
// encoded codes of the probe set (on their first two principal components
// when wider than 2). As training converges, the codes fill the prior's
// shape. The codes are coloured by class.
#include "diagnostics/DiagnosticPanel.h"

class QCPGraph;
class QCustomPlot;
class QLabel;

namespace aelab::ui {

class PriorDiagnostic : public DiagnosticPanel {
    Q_OBJECT
public:
    PriorDiagnostic(ExploreClient* client, QWidget* parent);
    void request() override;
    void clear() override;

    int codePointCount() const;
    int priorPointCount() const;

private:
    QCustomPlot* m_plot;
    std::vector<QCPGraph*> m_codes;    // one per class (one when unlabelled)
    QCPGraph* m_prior;
    QLabel* m_caption;
};

} // namespace aelab::ui
