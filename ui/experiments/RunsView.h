#pragma once
// The Runs tab: every run of the session in a table (rename or note a run
// in place), and the comparison of the selected ones: their loss curves
// overlaid, the settings that differ beside the final figures, and the
// first two runs' latent maps side by side with brushing. From here a run
// can be trained again with one change, exported, or deleted.
#include "window/View.h"

#include <vector>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace aelab::ui {

class DifferenceTable;
class FineTunePlot;
class SmallMultiples;
class OverlayPlot;
class PairedMaps;
class ProbePlot;
class TrainingController;
class TrendPlot;
class RunList;

class RunsView : public View {
    Q_OBJECT
public:
    RunsView(const ViewContext& context, QWidget* parent = nullptr);

    void setDataset(const DatasetPtr& data) override;
    std::vector<ExportTarget> exportTargets() override;

    RunList* runs() const { return m_runs; }
    QTableWidget* table() const { return m_table; }
    OverlayPlot* overlay() const { return m_overlay; }
    DifferenceTable* differences() const { return m_differences; }
    PairedMaps* maps() const { return m_maps; }
    TrendPlot* trend() const { return m_trend; }
    ProbePlot* probe() const { return m_probe; }
    FineTunePlot* fineTune() const { return m_fineTune; }
    SmallMultiples* multiples() const { return m_multiples; }

    // Fits the probe on the selected run's codes (on the training thread,
    // which is busy until it ends); the plot shows the result. False and
    // `error` when it cannot start (no single run selected, another dataset
    // loaded, a run in progress).
    bool probeSelected(QString* error);
    // Fine-tunes the selected run's encoder with a softmax head on 1, 10
    // and 100 labels per class, and a random start beside it (on the
    // training thread); the fine-tune plot shows the result. False and
    // `error` as for the probe.
    bool fineTuneSelected(QString* error);
    // Hands the selected run to PyTorch (export/TorchExport.h): its weights,
    // the network as a torch.nn.Module, train.py and the loaded dataset's
    // training part as data.npy, written into `directory` on the training
    // thread. False and `error` when it cannot start (or the model cannot be
    // exported: the reason); torchExported() or the hint says when it is done.
    bool exportSelectedToTorch(const QString& directory, QString* error);

    void select(const std::vector<int>& ids);
    std::vector<RunRecordPtr> selectedRuns() const;

    // Writes the selected runs: ".csv" their loss curves, ".json" their
    // settings, histories and final figures, ".safetensors" the model of
    // the one selected run. False (and `error`) when it cannot.
    bool exportSelected(const QString& path, QString* error);
    // Writes the one selected run's arrays into `directory`, all or none:
    // codes.csv (label, z1..zk) and codes.npy with labels.npy (the probe
    // set's codes), originals.npy and reconstructions.npy, and for images
    // reconstructions.png (originals over reconstructions, 4x).
    bool exportSelectedArrays(const QString& directory, QString* error);
    // A request to train the selected run again with `key` set to `value`
    // (from the run's initial weights when the shapes allow); false and
    // `error` when the change is refused.
    bool requestRunAgain(const QString& key, const QString& value, QString* error);

signals:
    // The window starts it (loading the run's dataset first if another is loaded).
    void runRequested(const aelab::ui::RunRequest& request, const QString& datasetSpec);
    void sweepRequested();
    void torchExported(const QString& directory);   // the window asks for the sweep (it knows the form's settings)

private:
    void addRow(const RunRecord& record);
    int rowOf(int id) const;
    void onSelectionChanged();
    void onItemEdited(int row, int column);
    void askRunAgain();
    void askExport();
    void deleteSelected();
    void onExploreReply(const ExploreReply& reply);
    // The one selected run, when its dataset is loaded and the training
    // thread is free for a job on it; null and `error` otherwise.
    RunRecordPtr runForDataJob(const QString& action, QString* error) const;

    TrainingController* m_controller;
    RunList* m_runs;
    DatasetPtr m_data;
    std::uint64_t m_probeJob = 0;
    QString m_probeRun;
    std::uint64_t m_fineTuneJob = 0;
    std::uint64_t m_torchJob = 0;
    QString m_fineTuneRun;
    QTableWidget* m_table;
    QPushButton* m_runAgain;
    QPushButton* m_export;
    QPushButton* m_delete;
    QPushButton* m_sweep;
    QPushButton* m_probeButton;
    QPushButton* m_fineTuneButton;
    QPushButton* m_torchButton;
    QTabWidget* m_lower;
    QLabel* m_hint;
    OverlayPlot* m_overlay;
    DifferenceTable* m_differences;
    PairedMaps* m_maps;
    TrendPlot* m_trend;
    ProbePlot* m_probe;
    FineTunePlot* m_fineTune;
    SmallMultiples* m_multiples;
    bool m_filling = false;
};

} // namespace aelab::ui
