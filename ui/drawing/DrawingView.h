#pragma once
// The Draw tab: a drawing pad for 28 x 28 grey images. The user draws with
// the mouse (or starts from a real image and erases or cuts out part of it)
// and, as the drawing changes (at most 20 requests a second, coalesced), the
// current model reads it on the training thread (core/explore/Drawing:
// readDrawing): the pad shows its code as a marked point on the latent map
// (the probe set's codes in the Training tab's projection), its
// reconstruction, the drawing with the denoising view's noise and the
// model's reconstruction of that (denoised), and for `masked` the imputation
// of the cut-out pixels. Other datasets: the tab says why it is unavailable.
#include "explore/Drawing.h"
#include "train/Snapshot.h"
#include "window/View.h"

#include <QElapsedTimer>
#include <QTimer>

#include <optional>

class QButtonGroup;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace aelab::ui {

class DrawingCanvas;
class ExploreClient;
class ImageGrid;

class DrawingView : public View {
    Q_OBJECT
public:
    explicit DrawingView(const ViewContext& context, QWidget* parent = nullptr);

    void setDataset(const DatasetPtr& data) override;
    void setVariant(const VariantInfo* variant) override;
    void consume(const Snapshot& snapshot) override;
    void clear() override;
    void refresh() override;
    std::vector<ExportTarget> exportTargets() override;

    bool available() const { return m_available; }
    QString unavailableReason() const;
    DrawingCanvas* canvas() const { return m_canvas; }
    QCustomPlot* map() const { return m_map; }
    ImageGrid* results() const { return m_results; }
    // The last reading of the drawing the model sent back (and the drawing it read).
    const std::optional<DrawingReadout>& readout() const { return m_readout; }
    const Matrix& readImage() const { return m_readImage; }
    RowVector mapPoint() const;   // where the drawing's code is marked on the map (NaN: not shown)
    QString caption() const;
    void startFromSample(int index);   // the test set's sample (the training set's without one)
    void startFromSelection();         // the probe sample chosen on a latent map

    static constexpr int kRequestMs = 50;   // at most 20 readings a second

private:
    void drawingChanged();
    void request();
    void show(const DrawingReadout& r);
    void redrawMap();

    ViewContext m_context;
    ExploreClient* m_client;
    QStackedWidget* m_stack;
    QLabel* m_unavailable;
    DrawingCanvas* m_canvas;
    QButtonGroup* m_brush;
    QSpinBox* m_sample;
    QPushButton* m_fromSelection;
    QCustomPlot* m_map;
    QLabel* m_mapCaption;
    ImageGrid* m_results;
    QLabel* m_caption;
    QTimer m_throttle;
    QElapsedTimer m_sinceRequest;

    DatasetPtr m_data;
    bool m_available = false;
    const VariantInfo* m_variant = nullptr;
    std::optional<LatentMap> m_latent;   // the last snapshot's map
    std::vector<QCPGraph*> m_classGraphs;
    QCPGraph* m_mark = nullptr;
    std::optional<DrawingReadout> m_readout;
    Matrix m_readImage, m_readMask;
    bool m_mapDirty = false;
};

} // namespace aelab::ui
