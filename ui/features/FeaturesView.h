#pragma once
// The Features tab: what the encoder has learnt to look for.
//   Filters      the first layer's weights as image tiles (dense), or its
//                kernels (conv); for `stacked`, each pretrained layer (deeper
//                ones seen through the layers below) - pick one in the list
//   Activations  a histogram of the code units' mean activations over the
//                probe set
// Both come from the worker (core/explore/Filters.h), refreshed while the tab
// is visible as training goes on, and at a run's end.
#include "window/View.h"
#include "worker/UiTypes.h"

#include "explore/Filters.h"
#include "explore/Histogram.h"

#include <QElapsedTimer>

class QCPBars;
class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;

namespace aelab::ui {

class ExploreClient;
class ImageCanvas;
class TrainingController;

class FeaturesView : public View {
    Q_OBJECT
public:
    static constexpr int kMaxTiles = 100;
    static constexpr int kRefreshMs = 1500;

    FeaturesView(const ViewContext& context, QWidget* parent = nullptr);

    void setDataset(const DatasetPtr& data) override;
    void setVariant(const VariantInfo* variant) override;
    void consume(const Snapshot& snapshot) override;
    void clear() override;
    void request();

    int layerCount() const { return int(m_banks.size()); }
    int shownLayer() const;
    void showLayer(int index);
    int tileCount() const;                       // tiles of the layer shown
    const std::vector<FilterBank>& banks() const { return m_banks; }
    const Histogram& histogram() const { return m_histogram; }
    const std::vector<double>& meanActivations() const { return m_means; }
    QComboBox* layerPicker() const { return m_layer; }

signals:
    void updated();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void drawBank();

    ExploreClient* m_client;
    QComboBox* m_layer;
    QPushButton* m_refresh;
    QLabel* m_filterCaption;
    ImageCanvas* m_filters;
    QCustomPlot* m_plot;
    QCPBars* m_bars;
    QLabel* m_histCaption;

    SampleShape m_shape;
    bool m_layerwise = false;   // each pretrained layer's filters, not only the first
    std::vector<FilterBank> m_banks;
    std::vector<double> m_means;
    Histogram m_histogram;
    QElapsedTimer m_since;
};

} // namespace aelab::ui
