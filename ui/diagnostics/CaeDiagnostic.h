#pragma once
// `cae`: at a chosen probe sample x (click a point in the Latent explorer, or
// pick its number), the singular values of the encoder's Jacobian dh/dx and
// the leading right singular vectors as images: the tangent directions the
// code still responds to (what the contraction keeps), and the
// reconstructions of x moved along each, r(x + a v_k).
#include "diagnostics/DiagnosticPanel.h"

class QCPBars;
class QCustomPlot;
class QLabel;
class QSpinBox;

namespace aelab::ui {

class ImageGrid;

class CaeDiagnostic : public DiagnosticPanel {
    Q_OBJECT
public:
    static constexpr int kTangents = 8;
    static constexpr double kStep = 3.0;   // a: how far along each unit tangent the moved points are

    CaeDiagnostic(ExploreClient* client, QWidget* parent);
    void request() override;
    void consume(const Snapshot& snapshot) override;   // the probe set's size bounds the sample number
    void clear() override;
    bool refreshesLive() const override { return true; }

    void setSample(int index);            // and asks for it
    void sampleChosen(int index) override { setSample(index); }
    int sample() const;
    const std::vector<double>& singularValues() const { return m_singular; }
    int tangentImageCount() const;

private:
    QSpinBox* m_sample;
    QCustomPlot* m_plot;
    QCPBars* m_bars;
    ImageGrid* m_images;
    QLabel* m_caption;
    std::vector<double> m_singular;
};

} // namespace aelab::ui
