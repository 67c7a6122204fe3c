#pragma once
// `ae` and `dae` on 2-D data: the reconstruction vector field r(x) - x,
// r = g(f(x)), drawn as arrows on a lattice over the plane with the data
// under it. Arrows longer than the lattice spacing are scaled down together
// (the caption says by how much) and drawn under the data points, so neither
// hides the other. The caption says when the arrows estimate the data's score
// (a dae with Gaussian noise and squared error) and when they are only where
// the model sends each point (core/explore/VectorField.h).
#include "diagnostics/DiagnosticPanel.h"

class QCPGraph;
class QCustomPlot;
class QLabel;

namespace aelab::ui {

class FieldDiagnostic : public DiagnosticPanel {
    Q_OBJECT
public:
    static constexpr int kSide = 17;   // arrows a side

    FieldDiagnostic(ExploreClient* client, QWidget* parent);
    bool appliesTo(const VariantInfo& variant, const Dataset& data) const override;   // on 2-D data only
    void request() override;
    void clear() override;

    int arrowCount() const { return m_arrows; }
    double meanCosineToData() const { return m_cosine; }
    double arrowScale() const { return m_scale; }   // drawn length / true length (1: to scale)
    QCustomPlot* plot() const { return m_plot; }
    double scoreSigma() const { return m_scoreSigma; }   // 0: no score reading
    QString captionText() const;

private:
    QCustomPlot* m_plot;
    QCPGraph* m_data;
    QLabel* m_caption;
    int m_arrows = 0;
    double m_cosine = 0;
    double m_scale = 1;
    double m_scoreSigma = 0;
};

} // namespace aelab::ui
