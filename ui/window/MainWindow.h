#pragma once
// The aelab window: controls on the left, the live training views in the
// middle, progress and status at the bottom. It wires the controls to the
// TrainingController, hands each snapshot to the views (which keep what they
// need) and redraws them on a ~30 Hz timer. Errors go through showError(),
// which emits errorShown() and shows a non-modal message box unless quiet
// (property "quietErrors" or AELAB_QUIET_ERRORS=1, for tests).
#include "worker/TrainingController.h"
#include "worker/UiTypes.h"

#include <QMainWindow>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <map>
#include <optional>

class QAction;
class QLabel;
class QProgressBar;
class QTabWidget;

namespace aelab::ui {

class ControlPanel;
class DenoisingView;
class DiagnosticsView;
class FeaturesView;
class LatentExplorer;
class LatentMapView;
class LossView;
class ReconstructionView;

struct MainWindowOptions {
    QString dataset;          // empty: the last one used, else Fashion-MNIST
    QString variant;          // empty: the last one used
    int epochs = 0;           // 0: the last value
    int limit = -1;           // < 0: the last value
    bool trainOnStart = false;
    int threads = 0;          // training threads; 0: Eigen's default (all cores)
    QString tab;              // open on this tab: "training", "explorer", "features", "diagnostics"
    std::map<QString, QString> params;   // hyperparameters as typed ("latent" -> "8")
};

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    explicit MainWindow(const MainWindowOptions& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Files (the menu's actions ask for a path, then call these).
    void openDataset(const QString& spec);
    void openModelFile(const QString& path);
    void saveModelFile(const QString& path);
    // "loss", "latent", "reconstructions", "denoising", "explorer", "manifold", "features", "diagnostics"
    bool exportView(const QString& view, const QString& path);

    void showError(const QString& title, const QString& text);

    // For tests and the benchmark.
    TrainingController* controller() const { return m_controller; }
    ControlPanel* controls() const { return m_controls; }
    LossView* lossView() const { return m_loss; }
    LatentMapView* latentMapView() const { return m_latent; }
    ReconstructionView* reconstructionView() const { return m_recon; }
    DenoisingView* denoisingView() const { return m_denoise; }
    LatentExplorer* latentExplorer() const { return m_explorer; }
    FeaturesView* featuresView() const { return m_features; }
    DiagnosticsView* diagnosticsView() const { return m_diagnostics; }
    QTabWidget* tabs() const { return m_tabs; }
    void showTab(const QString& name);   // "training", "explorer", "features", "diagnostics"
    QAction* action(const QString& name) const;   // "train", "pause", "step", "stop", "reset"
    DatasetPtr dataset() const { return m_data; }
    QString statusText() const;
    long long lastStep() const { return m_lastStep; }

signals:
    void errorShown(const QString& message);
    void datasetLoaded(const QString& spec);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildMenus();
    void buildLayout();
    void connectController();
    void restoreSettings(const MainWindowOptions& options);
    void saveSettings();

    void train();
    void togglePause();
    void onVariantChanged(const QString& key);
    void onStateChanged(TrainingController::State state);
    void onDatasetReady(DatasetPtr data, const QString& spec);
    void onDatasetFailed(const QString& spec, const QString& why);
    void onSnapshot(const Snapshot& s);
    void onRunEnded(int status, const QString& message);
    void onModelOpened(const ModelInfo& info);
    void updateProgress(const Snapshot& s);   // shown by the next redraw()
    void showPendingProgress();
    void clearViews();
    void setRunVariant(const QString& variant);
    void redraw();
    void loadCurrentDataset();
    RunRequest currentRequest() const;

    void chooseDataFile();
    void chooseImageFolder();
    void chooseModelToOpen();
    void chooseModelToSave();
    void chooseExport(const QString& view);
    void showAbout();

    TrainingController* m_controller;
    ControlPanel* m_controls;
    QTabWidget* m_tabs;
    LossView* m_loss;
    LatentMapView* m_latent;
    ReconstructionView* m_recon;
    DenoisingView* m_denoise;
    LatentExplorer* m_explorer;
    FeaturesView* m_features;
    DiagnosticsView* m_diagnostics;
    QProgressBar* m_progress;
    QLabel* m_status;
    QTimer m_redraw;
    struct PendingProgress {
        QString text;
        int value = 0;   // of 1000
    };
    std::optional<PendingProgress> m_pendingProgress;
    std::map<QString, QAction*> m_actions;

    DatasetPtr m_data;
    QString m_dataSpec;
    QString m_loadingSpec;
    nlohmann::json m_userValues = nlohmann::json::object();   // values the user set, by key
    bool m_trainWhenReady = false;
    int m_threads = 0;
    bool m_fallbackTried = false;
    long long m_lastStep = 0;
    QString m_runLabel;
};

} // namespace aelab::ui
