#pragma once
// The Latent explorer tab: the interactive latent map (ExploreMapView) with
// what it asks of the model, each computed on the training thread
// (ExploreClient) and shown here:
//   hover or click a point    its image, its reconstruction, its class
//   click empty space         the decode of that latent point
//   drag, or pick two samples an interpolation strip of decodes along the line
//   manifold grid             decodes of an n x n lattice over the visible range
// On 2-D point data these decodes are points, drawn in data space over the
// data (DataSpacePlot) instead of as images.
// While training, the decoded point, the strip and a live grid are asked for
// again as views snapshots arrive (at most every kLiveMs), so they follow
// the model as it learns.
#include "explorer/ExploreMapView.h"
#include "window/View.h"
#include "worker/UiTypes.h"

#include <QElapsedTimer>
#include <QTimer>

#include <optional>

class QLabel;
class QPushButton;
class QSpinBox;

namespace aelab::ui {

class DataSpacePlot;
class ExploreClient;
class ImageGrid;
class ManifoldGridView;
class SampleSelection;

class LatentExplorer : public View {
    Q_OBJECT
public:
    static constexpr int kLiveMs = 600;
    static constexpr int kPathSteps = 10;

    LatentExplorer(const ViewContext& context, QWidget* parent = nullptr);

    void setDataset(const DatasetPtr& data) override;
    void setVariant(const VariantInfo* variant) override;
    void consume(const Snapshot& snapshot) override;
    void keepCodes(long long step, const Matrix& codes);   // the worker's timeline codes
    void clear() override;
    void refresh() override;
    std::vector<ExportTarget> exportTargets() override;   // the tab, and the manifold grid alone

    // One end of an interpolation: a probe sample (its code now) or a code.
    struct PathEnd {
        int sample = -1;
        RowVector code;
    };

    // Requests, as the mouse makes them (public for the tests and scripts).
    void inspectSample(int index);
    void decodeCode(const RowVector& code);
    void interpolate(const PathEnd& from, const PathEnd& to);
    void decodeGrid(int side);

    ExploreMapView* map() const { return m_map; }
    ManifoldGridView* grid() const { return m_grid; }
    int inspectedSample() const { return m_inspected; }
    int inspectedLabel() const { return m_inspectedLabel; }
    const Matrix& inspectedCode() const { return m_inspectedCode; }   // (1, latent): the model's code of it
    QString inspectCaption() const;
    const std::vector<QImage>& inspectImages() const { return m_inspectImages; }
    const Matrix& decoded() const { return m_decoded; }          // (1, features): the last decode
    const RowVector& decodedCode() const { return m_decodedCode; }
    QImage decodedImage() const;
    const Matrix& strip() const { return m_strip; }              // (steps, features)
    const Matrix& stripCodes() const { return m_stripCodes; }    // (steps, latent)
    // The last manifold grid: its decodes (side * side, features), row-major
    // over the lattice, and the codes they were decoded from (for exports).
    const Matrix& gridDecodes() const { return m_gridDecodes; }
    const Matrix& gridCodes() const { return m_gridCodes; }
    int stripImageCount() const;
    QPushButton* interpolateButton() const { return m_interpolateButton; }
    // 2-D point data: the panels' plots in data space (hidden for images).
    DataSpacePlot* inspectPlot() const { return m_inspectPlot; }
    DataSpacePlot* decodedPlot() const { return m_decodedPlot; }
    DataSpacePlot* stripPlot() const { return m_stripPlot; }
    QSpinBox* sampleA() const { return m_sampleA; }
    QSpinBox* sampleB() const { return m_sampleB; }

protected:
    void showEvent(QShowEvent* event) override;   // asks again what went stale while hidden

signals:
    void decodedReady();
    void stripReady();
    void gridReady();
    void inspectReady();

private:
    void onEmptyClicked(QPointF p);
    void onDragged(QPointF from, QPointF to, int fromIndex, int toIndex);
    void requestLive();
    RowVector lift(QPointF p) const;

    ExploreClient* m_client;
    SampleSelection* m_selection;
    ExploreMapView* m_map;
    ManifoldGridView* m_grid;
    ImageGrid* m_inspect;
    QLabel* m_inspectCaption;
    ImageGrid* m_decodedGrid;
    QLabel* m_decodedCaption;
    ImageGrid* m_stripGrid;
    QLabel* m_stripCaption;
    QSpinBox* m_sampleA;
    QSpinBox* m_sampleB;
    QPushButton* m_interpolateButton;
    QTimer m_gridDelay;
    DataSpacePlot* m_inspectPlot = nullptr;
    DataSpacePlot* m_decodedPlot = nullptr;
    DataSpacePlot* m_stripPlot = nullptr;
    bool m_points2d = false;   // the samples are 2-D points: decodes drawn in data space
    Matrix m_dataPoints;       // a few hundred of them, under the decodes

    SampleShape m_shape;
    std::vector<std::string> m_classNames;
    bool m_standardNormalPrior = false;   // the manifold grid walks the prior's quantiles
    int m_inspected = -1;
    int m_inspectedLabel = -1;
    Matrix m_inspectedCode;
    std::vector<QImage> m_inspectImages;
    std::optional<RowVector> m_decodeRequest;    // the last decoded code, re-decoded live
    Matrix m_decoded;
    RowVector m_decodedCode;
    std::optional<std::pair<PathEnd, PathEnd>> m_pathRequest;
    Matrix m_strip, m_stripCodes;
    Matrix m_gridDecodes, m_gridCodes;
    QElapsedTimer m_sinceLive;
    bool m_stale = false;   // snapshots came while hidden: the panels show an older model
};

} // namespace aelab::ui
