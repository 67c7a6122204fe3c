#pragma once
// Reconstructions: for images, a fixed row of originals over their
// reconstructions; for point data (2-D toy sets), the probe's points and
// their reconstructions as a scatter, the fitting alternative.
#include "data/Dataset.h"
#include "train/Snapshot.h"
#include "window/View.h"

class QCPGraph;
class QCustomPlot;
class QLabel;
class QStackedWidget;

namespace aelab::ui {

class ImageGrid;

class ReconstructionView : public View {
    Q_OBJECT
public:
    explicit ReconstructionView(QWidget* parent = nullptr);

    void setDataset(const DatasetPtr& data) override;
    void consume(const Snapshot& snapshot) override;
    void clear() override;
    void refresh() override;
    std::vector<ExportTarget> exportTargets() override;

    int imageCount() const;       // images shown (originals + reconstructions)
    int pointCount() const;       // points shown in the scatter alternative
    bool showsImages() const;

private:
    QStackedWidget* m_stack;
    ImageGrid* m_grid;
    QCustomPlot* m_plot;
    QCPGraph* m_originals;
    QCPGraph* m_reconstructions;
    QLabel* m_caption;
    std::vector<std::string> m_classNames;
    bool m_images = true;
    bool m_dirty = false;
};

} // namespace aelab::ui
