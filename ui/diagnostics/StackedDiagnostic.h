#pragma once
// `stacked`: the greedy phases on the loss curve (each pretraining layer and
// the fine-tuning shaded on the whole stack's reconstruction loss), and the
// filters of each layer (deeper ones through the layers below them).
#include "diagnostics/DiagnosticPanel.h"

#include <QElapsedTimer>

class QCPGraph;
class QCustomPlot;
class QLabel;

namespace aelab::ui {

class ImageGrid;

class StackedDiagnostic : public DiagnosticPanel {
    Q_OBJECT
public:
    static constexpr int kTilesPerLayer = 12;

    StackedDiagnostic(ExploreClient* client, QWidget* parent);
    void request() override;
    void consume(const Snapshot& snapshot) override;
    void clear() override;

    int phaseCount() const { return int(m_phases.size()); }
    int lossPointCount() const;
    int layerRows() const { return m_layerRows; }

private:
    void drawPhases();

    QCustomPlot* m_plot;
    QCPGraph* m_loss;
    ImageGrid* m_filters;
    QLabel* m_caption;
    std::vector<PhaseMark> m_phases;
    long long m_lastStep = 0;
    std::size_t m_reconTerm = std::size_t(-1);
    int m_layerRows = 0;
    QElapsedTimer m_sinceDraw;     // the curve is redrawn at most every 250 ms
};

} // namespace aelab::ui
