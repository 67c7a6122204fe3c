#pragma once
// The latent map: the probe set's codes as a scatter coloured by class, with
// a legend of class names. Codes wider than 2 arrive projected by PCA and the
// axes say so; for `vae` the codes are the means (what encode() returns).
#include "train/Snapshot.h"
#include "window/View.h"

#include <string>
#include <vector>

class QCPGraph;
class QCustomPlot;
class QLabel;

namespace aelab::ui {

class LatentMapView : public View {
    Q_OBJECT
public:
    explicit LatentMapView(QWidget* parent = nullptr);

    void setDataset(const DatasetPtr& data) override;   // its class names
    void consume(const Snapshot& snapshot) override;
    void clear() override;
    void refresh() override;
    std::vector<ExportTarget> exportTargets() override;

    int pointCount() const;
    QCustomPlot* plot() const { return m_plot; }

private:
    void makeGraphs(int classes);

    QCustomPlot* m_plot;
    QLabel* m_caption;
    std::vector<std::string> m_classNames;
    std::vector<QCPGraph*> m_graphs;   // one per class (one in all when unlabelled)
    bool m_dirty = false;
};

} // namespace aelab::ui
