#pragma once
// The aelab window: controls on the left, the views (ViewList.cpp) in the
// Training tab and tabs of their own, progress and status at the bottom. It
// wires the controls to the TrainingController, hands each dataset, variant
// and snapshot to every view (View.h: each keeps what it needs) and redraws
// them on a ~10 Hz timer. Errors go through showError(), which emits
// errorShown() and shows a non-modal message box unless quiet (property
// "quietErrors" or AELAB_QUIET_ERRORS=1, for tests). Help > Language saves
// the session and starts aelab again (LanguageSwitch.h); property
// "restartWithoutAsking" (tests) skips the question and the new process.
#include "window/ViewList.h"
#include "window/WindowOptions.h"
#include "worker/TrainingController.h"

#include <QMainWindow>
#include <QTimer>

#include <nlohmann/json.hpp>

#include <memory>

class QAction;
class QMenu;
class QTabWidget;

namespace aelab::ui {

class ControlPanel;
class DenoisingView;
class DiagnosticsView;
class FeaturesView;
class FormMemory;
class LatentExplorer;
class LatentMapView;
class LessonsController;
class LossView;
class NumbersDialog;
class Presentation;
class ReconstructionView;
class RecentFiles;
class RunActions;
class RunList;
class RunQueue;
class RunsView;
class RunStatusBar;
class SampleSelection;

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
    // Sessions (MainWindowSession.cpp): every run of the Runs tab, the form
    // and the view state in one .aelab file. Opening replaces the runs.
    // Both say what went wrong through showError and return false.
    bool saveSession(const QString& path);
    bool openSession(const QString& path);
    // File > Resume…: continues the run saved in a model file exactly where
    // it stopped, on the loaded dataset (which must be the run's).
    void resumeFromFile(const QString& path);
    // The lesson in progress, carried opaquely by session files: null, or
    // {"id": "...", "step": n} (the Lessons feature sets and reads it).
    void setLessonState(const nlohmann::json& lesson) { m_lesson = lesson; }
    const nlohmann::json& lessonState() const { return m_lesson; }
    // A view's export target by key: "loss", "latent", ..., "manifold" (View::exportTargets).
    // With File > Export plot's choices: a caption line (exportCaption()),
    // the plot's data as CSV beside the image (same name, .csv).
    bool exportView(const QString& key, const QString& path);
    QString exportCaption() const;
    // MainWindowExports.cpp: the selected run's codes with labels (CSV, .npy)
    // and reconstructions (.npy, PNG) into a folder (RunsView::exportSelectedArrays);
    // the timeline's frames as frame-0001.png... (returns how many; 0 on error).
    bool exportRunArrays(const QString& directory);
    int exportTimelineFrames(const QString& directory);
    // The last manifold grid: manifold.npy (decodes), manifold_codes.npy and,
    // for images, manifold.png (4x).
    bool exportManifold(const QString& directory);   // the form's variant, data and settings that differ from the defaults

    void showError(const QString& title, const QString& text);

    // For tests and the benchmark.
    TrainingController* controller() const { return m_controller; }
    ControlPanel* controls() const { return m_controls; }
    SampleSelection* selection() const { return m_selection; }
    const std::vector<ViewSlot>& views() const { return m_views; }
    template <class T>
    T* findView() const;
    LossView* lossView() const;
    LatentMapView* latentMapView() const;
    ReconstructionView* reconstructionView() const;
    DenoisingView* denoisingView() const;
    LatentExplorer* latentExplorer() const;
    FeaturesView* featuresView() const;
    DiagnosticsView* diagnosticsView() const;
    RunsView* runsView() const;
    RunList* runs() const { return m_runs; }
    RunQueue* runQueue() const { return m_queue; }
    // Trains these runs one after another on `datasetSpec` (loaded first if
    // another dataset is loaded): run again with one change, sweeps. A limit
    // >= 0 sets the sample limit too (a lesson's), reloading when it changes.
    void trainQueue(std::vector<RunRequest> requests, const QString& datasetSpec, int limit = -1);
    // Puts `settings` in the form and loads `datasetSpec` with `limit` samples
    // if another is loaded, without training (an explanation's "Set it up").
    void showSettings(const RunSettings& settings, const QString& datasetSpec, int limit);
    // The Lessons menu, the lesson panel and the explanations (ui/lessons).
    LessonsController* lessons() const { return m_lessons; }
    void askSweep();   // the sweep dialog on the form's settings
    QTabWidget* tabs() const { return m_tabs; }
    // Presentation mode, zoom, full screen, one view enlarged (ui/present/).
    Presentation* presentation() const { return m_present; }
    RecentFiles* recentFiles() const { return m_recent; }   // File > Open recent
    void showTab(const QString& name);   // "training", or a tab view's key: "explorer", "features", "diagnostics", "runs"
    QAction* action(const QString& name) const;   // "train", "pause", "step", "stop", "reset"
    // Help > What each number means (docs/NUMBERS.md, embedded); null until first shown.
    void showNumbers();
    NumbersDialog* numbersDialog() const { return m_numbers; }
    DatasetPtr dataset() const { return m_data; }
    QString statusText() const;
    long long lastStep() const { return m_lastStep; }

signals:
    void errorShown(const QString& message);
    void datasetLoaded(const QString& spec);
    void sessionSaved(const QString& path);
    void sessionOpened(const QString& path);   // after the runs, form and views are restored
    // Help > Language: the session is saved and aelab is about to start
    // again with these arguments (window/LanguageSwitch.h).
    void restartRequested(const QStringList& arguments);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void buildLayout();
    void connectActions();
    void connectController();
    void saveSettings();
    void restoreViewSettings();

    void train();
    void togglePause();
    void resetRun();
    void onStateChanged(TrainingController::State state);
    void onDatasetReady(DatasetPtr data, const QString& spec);
    void onDatasetFailed(const QString& spec, const QString& why);
    void onRunStarted(const ModelInfo& info);
    void onSnapshot(const Snapshot& s);
    void onRunEnded(int status, const QString& message);
    void onModelOpened(const ModelInfo& info);
    void clearViews();
    void setRunVariant(const QString& variant);   // "" when there is no model
    void redraw();
    void loadCurrentDataset();
    RunRequest currentRequest() const;

    void chooseDataFile();
    void chooseImageFolder();
    void chooseModelToOpen();
    void chooseModelToSave();
    void chooseExport(const QString& key);
    void chooseSessionToSave();
    void chooseSessionToOpen();
    void chooseModelToResume();
    void chooseRunArraysFolder();
    void buildRecentMenu(QMenu* menu);
    void chooseTimelineFolder();
    void chooseManifoldFolder();
    nlohmann::json formState() const;
    nlohmann::json viewState() const;
    void showAbout();
    void switchLanguage(const QString& code);   // Help > Language

    TrainingController* m_controller;
    SampleSelection* m_selection;
    RunList* m_runs;
    RunQueue* m_queue;
    std::vector<RunRequest> m_queueWhenReady;   // waiting for its dataset to load
    ControlPanel* m_controls;
    QTabWidget* m_tabs;
    std::vector<ViewSlot> m_views;
    RunActions* m_actions;
    RunStatusBar* m_status;
    NumbersDialog* m_numbers = nullptr;
    Presentation* m_present = nullptr;
    LessonsController* m_lessons = nullptr;
    std::unique_ptr<FormMemory> m_memory;
    QTimer m_redraw;

    DatasetPtr m_data;
    QString m_dataSpec;
    bool m_trainWhenReady = false;
    int m_threads = 0;
    bool m_fallbackTried = false;
    long long m_lastStep = 0;
    QString m_runLabel;
    nlohmann::json m_lesson;   // null: no lesson in progress
    RecentFiles* m_recent = nullptr;
};

template <class T>
T* MainWindow::findView() const
{
    for (const ViewSlot& slot : m_views)
        if (auto* view = qobject_cast<T*>(slot.view))
            return view;
    return nullptr;
}

} // namespace aelab::ui
