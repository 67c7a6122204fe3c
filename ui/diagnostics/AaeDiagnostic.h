#pragma once
// `aae`: samples of the prior p(z) overlaid on the encoded codes of the
// probe set (on their first two principal components when wider than 2):
// as the adversarial game converges, the codes fill the prior's shape.
// The codes are coloured by class.
#include "diagnostics/DiagnosticPanel.h"

class QCPGraph;
class QCustomPlot;
class QLabel;

namespace aelab::ui {

class AaeDiagnostic : public DiagnosticPanel {
    Q_OBJECT
public:
    AaeDiagnostic(ExploreClient* client, QWidget* parent);
    bool appliesTo(const QString& variant, const Dataset& data) const override;
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
