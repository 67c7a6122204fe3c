#include "window/MainWindow.h"

#include "form/ControlPanel.h"
#include "form/FormMemory.h"
#include "form/HyperParamForm.h"
#include "i18n/FormWords.h"
#include "present/Enlarger.h"
#include "present/Presentation.h"
#include "window/RunActions.h"
#include "window/RunStatusBar.h"
#include "window/SampleSelection.h"

#include "experiments/RunList.h"
#include "experiments/RunQueue.h"
#include "experiments/RunsView.h"
#include "experiments/SweepDialog.h"

#include "diagnostics/DiagnosticsView.h"
#include "explorer/LatentExplorer.h"
#include "features/FeaturesView.h"
#include "training/DenoisingView.h"
#include "training/LatentMapView.h"
#include "training/LossView.h"
#include "training/ReconstructionView.h"

#include "models/Registry.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileInfo>
#include <QGroupBox>
#include <QGuiApplication>
#include <QLocale>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

// Q_INIT_RESOURCE must be used outside a namespace (the .qrc is in a static library).
static void initResources() { Q_INIT_RESOURCE(aelab); }

namespace aelab::ui {

namespace {

constexpr int kRedrawMs = 100;   // ~10 Hz

QWidget* framed(const QString& title, QWidget* content, QWidget* parent)
{
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(content);
    return box;
}

QString displayName(const QString& spec)
{
    if (spec == "fashion-mnist")
        return "Fashion-MNIST";
    const QFileInfo info(spec.startsWith("idx:") ? spec.mid(4).section(',', 0, 0) : spec);
    return info.fileName().isEmpty() ? spec : info.fileName();
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : MainWindow(MainWindowOptions{}, parent) {}

MainWindow::MainWindow(const MainWindowOptions& options, QWidget* parent)
    : QMainWindow(parent), m_controller(new TrainingController(this)), m_selection(new SampleSelection(this)),
      m_runs(new RunList(this)), m_queue(new RunQueue(m_controller, m_runs, this)), m_controls(new ControlPanel(this)), m_tabs(new QTabWidget(this)), m_actions(new RunActions(this)),
      m_status(new RunStatusBar(statusBar())), m_memory(std::make_unique<FormMemory>(m_controls))
{
    initResources();
    setWindowTitle("aelab");
    setWindowIcon(QIcon(":/aelab/aelab.svg"));
    m_views = makeViews({m_controller, m_selection, m_runs}, this);
    connect(runsView(), &RunsView::runRequested, this, [this](const RunRequest& request, const QString& spec) {
        trainQueue({request}, spec);
    });
    connect(runsView(), &RunsView::sweepRequested, this, &MainWindow::askSweep);
    connectActions();
    buildMenus();
    buildLayout();
    m_present = new Presentation(this, m_tabs, [this](bool hide) { m_controls->setAdvancedHidden(hide); });
    for (const ViewSlot& slot : m_views)
        if (auto* frame = qobject_cast<QGroupBox*>(slot.view->parentWidget()); frame && slot.place != ViewPlace::Tab)
            m_present->enlarger()->addPanel(frame, slot.view);
    connectController();

    connect(m_controls, &ControlPanel::variantChanged, this, [this](const QString& key) { m_memory->showVariant(key); });
    connect(m_controls, &ControlPanel::datasetChosen, this, [this] { loadCurrentDataset(); });
    connect(m_controls, &ControlPanel::sampleLimitChanged, this, [this] { loadCurrentDataset(); });
    connect(m_controls->form(), &HyperParamForm::valueEdited, this, [this](const QString& key) { m_memory->remember(key); });
    connect(m_controls, &ControlPanel::defaultsRequested, this, [this] { m_memory->restoreDefaults(); });
    connect(m_controls->form(), &HyperParamForm::liveValueChanged, this, [this](const QString& key, double v) {
        if (m_controller->isRunning() || m_controller->hasModel())
            m_controller->setLiveParam(key, v);
    });

    m_redraw.setInterval(kRedrawMs);
    connect(&m_redraw, &QTimer::timeout, this, &MainWindow::redraw);
    m_redraw.start();

    restoreGeometry(QSettings().value("window/geometry").toByteArray());
    restoreState(QSettings().value("window/state").toByteArray());
    m_memory->restore(options, [this](const QString& title, const QString& why) { showError(title, why); });
    restoreViewSettings();
    m_trainWhenReady = options.trainOnStart;
    m_threads = options.threads;
    if (!options.tab.isEmpty())
        showTab(options.tab);
    onStateChanged(m_controller->state());
    loadCurrentDataset();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectActions()
{
    connect(action("train"), &QAction::triggered, this, &MainWindow::train);
    connect(action("pause"), &QAction::triggered, this, &MainWindow::togglePause);
    connect(action("step"), &QAction::triggered, this, [this] {
        m_controller->setPendingRequest(currentRequest());
        m_controller->step();
    });
    connect(action("stop"), &QAction::triggered, this, [this] {
        m_queue->cancel();   // Stop ends a sweep too: the run in progress is kept as stopped
        m_controller->stop();
    });
    connect(action("reset"), &QAction::triggered, this, &MainWindow::resetRun);
}

QAction* MainWindow::action(const QString& name) const { return m_actions->action(name); }

void MainWindow::buildLayout()
{
    auto* dock = new QDockWidget(tr("Controls"), this);
    dock->setObjectName("controlsDock");
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(m_controls);
    m_controls->setMinimumWidth(290);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    m_controls->setRunActions(m_actions->all());

    // The Training tab: two rows of framed panels; every other view a tab.
    auto* top = new QSplitter(Qt::Horizontal);
    auto* bottom = new QSplitter(Qt::Horizontal);
    for (const ViewSlot& slot : m_views)
        if (slot.place != ViewPlace::Tab) {
            QSplitter* row = slot.place == ViewPlace::TrainingTop ? top : bottom;
            row->addWidget(framed(slot.view->title(), slot.view, row));
        }
    auto* grid = new QSplitter(Qt::Vertical);
    grid->addWidget(top);
    grid->addWidget(bottom);
    grid->setStretchFactor(0, 3);
    grid->setStretchFactor(1, 2);
    grid->setSizes({600, 290});
    top->setSizes({560, 480});
    bottom->setSizes({400, 440, 260});
    m_tabs->addTab(grid, tr("Training"));
    for (const ViewSlot& slot : m_views)
        if (slot.place == ViewPlace::Tab)
            m_tabs->addTab(slot.view, slot.view->title());
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);

    // A first start fills most of the screen; later starts restore the geometry.
    const QRect screen = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableGeometry()
                                                          : QRect(0, 0, 1600, 1000);
    resize(std::min(1520, screen.width() * 96 / 100), std::min(980, screen.height() * 96 / 100));
}

void MainWindow::connectController()
{
    connect(m_controller, &TrainingController::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_controller, &TrainingController::datasetReady, this, &MainWindow::onDatasetReady);
    connect(m_controller, &TrainingController::datasetFailed, this, &MainWindow::onDatasetFailed);
    connect(m_controller, &TrainingController::runStarted, this, &MainWindow::onRunStarted);
    connect(m_controller, &TrainingController::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_controller, &TrainingController::runEnded, this, &MainWindow::onRunEnded);
    connect(m_controller, &TrainingController::modelOpened, this, &MainWindow::onModelOpened);
    connect(m_controller, &TrainingController::modelSaved, this, [this](const QString& path) {
        m_status->flash(tr("Saved the model to %1").arg(path));
    });
    connect(m_controller, &TrainingController::failed, this, &MainWindow::showError);
    connect(m_controller, &TrainingController::runKept, this, [this](const RunRecordPtr& record) {
        const int id = m_runs->add(record);
        m_status->flash(tr("Kept as %1 in the Runs tab.").arg(QString::fromStdString(m_runs->find(id)->name)));
    });
    connect(m_queue, &RunQueue::progressed, this, [this](int done, int total) {
        if (total < 2 || done >= total)
            return;
        const double eta = m_queue->etaSeconds();
        m_status->flash(eta < 0 ? tr("Sweep: run %1 of %2").arg(done + 1).arg(total)
                                : tr("Sweep: run %1 of %2, about %3 s left").arg(done + 1).arg(total).arg(qRound(eta)));
    });
    // A sweep's runs end up selected in the Runs tab: their curves overlaid, the trend plotted.
    connect(m_queue, &RunQueue::finished, this, [this](const std::vector<int>& ids) {
        if (ids.size() < 2)
            return;
        runsView()->select(ids);
        showTab("runs");
    });
}

void MainWindow::askSweep()
{
    if (m_controller->isRunning() || !m_data) {
        showError(tr("Cannot start a sweep"), m_data ? tr("a run is training: stop it or wait for its end")
                                                     : tr("no dataset is loaded yet"));
        return;
    }
    try {
        SweepDialog dialog(currentRequest().settings, this);
        if (dialog.exec() == QDialog::Accepted && dialog.valid())
            trainQueue(dialog.requests(), m_dataSpec);
    } catch (const std::exception& e) {
        showError(tr("Cannot start a sweep"), QString::fromStdString(e.what()));
    }
}

void MainWindow::trainQueue(std::vector<RunRequest> requests, const QString& datasetSpec, int limit)
{
    if (m_controller->isRunning() || requests.empty())
        return;
    for (RunRequest& r : requests)
        r.threads = m_threads;
    // The form shows what the first run trains.
    const RunSettings& first = requests.front().settings;
    m_controls->setVariant(QString::fromStdString(first.variant));
    m_controls->form()->setValues(first.values);
    m_controls->setEpochs(first.epochs);
    m_controls->setSeed(first.seed);
    const bool newLimit = limit >= 0 && limit != m_controls->sampleLimit();
    if (limit >= 0)
        m_controls->setSampleLimit(limit);
    if (datasetSpec != m_dataSpec || !m_data || newLimit) {
        m_queueWhenReady = std::move(requests);
        openDataset(datasetSpec);
        return;
    }
    m_queue->start(std::move(requests));
}

void MainWindow::showSettings(const RunSettings& settings, const QString& datasetSpec, int limit)
{
    if (m_controller->isRunning())
        return;
    m_controls->setVariant(QString::fromStdString(settings.variant));
    m_controls->form()->setValues(settings.values);
    m_memory->rememberAll(settings.values);
    m_controls->setEpochs(settings.epochs);
    m_controls->setSeed(settings.seed);
    const bool newLimit = limit >= 0 && limit != m_controls->sampleLimit();
    if (limit >= 0)
        m_controls->setSampleLimit(limit);
    if (datasetSpec != m_dataSpec || !m_data || newLimit)
        openDataset(datasetSpec);
}

void MainWindow::restoreViewSettings()
{
    QSettings settings;
    for (const ViewSlot& slot : m_views) {
        settings.beginGroup("views/" + slot.view->key());
        slot.view->restoreSettings(settings);
        settings.endGroup();
    }
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    for (const ViewSlot& slot : m_views) {
        settings.beginGroup("views/" + slot.view->key());
        slot.view->saveSettings(settings);
        settings.endGroup();
    }
    m_memory->save(m_dataSpec.isEmpty() ? m_controls->datasetSpec() : m_dataSpec);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    // Stop now; the controller's destructor joins the thread.
    m_controller->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::loadCurrentDataset()
{
    const QString spec = m_controls->datasetSpec();
    m_controls->setDatasetInfo(nullptr, tr("Loading %1…").arg(displayName(spec)));
    m_status->setText(tr("Loading %1…").arg(displayName(spec)));
    m_controller->loadDataset(spec, m_controls->sampleLimit(), m_controls->seed());
}

void MainWindow::openDataset(const QString& spec)
{
    m_controls->setDatasetSpec(spec);
    loadCurrentDataset();
}

void MainWindow::onDatasetReady(DatasetPtr data, const QString& spec)
{
    m_data = data;
    m_dataSpec = spec;
    m_controls->setDatasetSpec(spec);
    m_controls->setDatasetInfo(data.get());
    for (const ViewSlot& slot : m_views)
        slot.view->setDataset(data);
    m_status->setText(tr("%1 loaded. Press Train (F5) to start.").arg(displayName(spec)));
    onStateChanged(m_controller->state());
    emit datasetLoaded(spec);
    if (m_trainWhenReady) {
        m_trainWhenReady = false;
        train();
    } else if (!m_queueWhenReady.empty()) {
        m_queue->start(std::move(m_queueWhenReady));
        m_queueWhenReady.clear();
    }
}

void MainWindow::onDatasetFailed(const QString& spec, const QString& why)
{
    showError(tr("Cannot load the dataset %1").arg(displayName(spec)), why);
    if (spec == "fashion-mnist" && !m_data && !m_fallbackTried) {
        // Fashion-MNIST is the default but may be missing: carry on with shapes.
        m_fallbackTried = true;
        m_controls->setDatasetSpec("shapes");
        loadCurrentDataset();
        return;
    }
    // Back to the dataset that is loaded, if any.
    if (m_data)
        m_controls->setDatasetSpec(m_dataSpec);
    m_controls->setDatasetInfo(m_data.get());
    m_status->setText(m_data ? tr("Kept %1.").arg(displayName(m_dataSpec)) : tr("No dataset loaded."));
    m_trainWhenReady = false;
    m_queueWhenReady.clear();
    onStateChanged(m_controller->state());
}

RunRequest MainWindow::currentRequest() const
{
    RunRequest r;
    r.settings.variant = m_controls->variant().toStdString();
    r.settings.values = m_controls->form()->values();
    r.settings.epochs = m_controls->epochs();
    r.settings.seed = m_controls->seed();
    r.threads = m_threads;
    return r;
}

void MainWindow::train()
{
    if (m_controller->isRunning() || !m_data)
        return;
    m_controller->start(currentRequest());
}

void MainWindow::togglePause()
{
    if (m_controller->state() == TrainingController::State::Running)
        m_controller->pause();
    else if (m_controller->state() == TrainingController::State::Paused)
        m_controller->resume();
}

void MainWindow::resetRun()
{
    // The controller drops whatever the stopped run still has in flight, so
    // one press clears everything.
    m_queue->cancel();
    m_controller->reset();
    clearViews();
    setRunVariant({});
    m_lastStep = 0;
    m_runLabel.clear();
    m_status->setReady();
    m_status->setText(tr("Ready."));
}

void MainWindow::onStateChanged(TrainingController::State state)
{
    using S = TrainingController::State;
    m_actions->update(state, m_data != nullptr);
    m_controls->setRunLocked(state == S::Running || state == S::Paused || state == S::Stopping || state == S::Loading);
    if (state == S::Loading)
        m_status->setBusy();
    else if (m_status->busy())
        m_status->setReady();
    if (state == S::Paused)
        m_status->setText(tr("Paused at step %1. Resume (F6), Step (F7) or Stop.").arg(m_lastStep));
    else if (state == S::Running && !m_runLabel.isEmpty())
        m_status->setText(m_runLabel);
    else if (state == S::Stopping)
        m_status->setText(tr("Stopping…"));
}

void MainWindow::onRunStarted(const ModelInfo& info)
{
    clearViews();
    setRunVariant(info.variant);
    m_lastStep = 0;
    m_runLabel = tr("Training %1 on %2 (%3 parameters)")
                     .arg(info.variant, displayName(m_dataSpec), QLocale().toString(info.parameters));
    m_status->setText(m_runLabel);
}

void MainWindow::onSnapshot(const Snapshot& s)
{
    m_lastStep = s.step;
    for (const ViewSlot& slot : m_views)
        slot.view->consume(s);
    m_status->keepProgress(s);
    if (m_controller->state() == TrainingController::State::Running) {
        const QString phase = QString::fromStdString(s.phase);
        m_status->setText(phase.isEmpty() ? m_runLabel : m_runLabel + " — " + phase);
    } else if (m_controller->state() == TrainingController::State::Paused) {
        m_status->setText(tr("Paused at step %1. Resume (F6), Step (F7) or Stop.").arg(s.step));
    }
}

void MainWindow::onRunEnded(int status, const QString& message)
{
    // The worker says how the run ended, in the user's language.
    m_status->setText(RunStatus(status) == RunStatus::Ready ? tr("Not started.") : message);
    m_runLabel.clear();
}

void MainWindow::onModelOpened(const ModelInfo& info)
{
    m_controls->setVariant(info.variant);
    m_controls->form()->setValues(info.hyperParams);
    m_memory->rememberAll(info.hyperParams);
    clearViews();
    setRunVariant(info.variant);
    m_status->setText(tr("Opened %1: %2 with latent size %3, trained on %4.")
                          .arg(QFileInfo(info.path).fileName(), info.variant)
                          .arg(info.latentSize)
                          .arg(displayName(info.datasetSpec)));
}

void MainWindow::clearViews()
{
    m_selection->clear();
    for (const ViewSlot& slot : m_views)
        slot.view->clear();
}

void MainWindow::setRunVariant(const QString& variant)
{
    const VariantInfo* info = variant.isEmpty() ? nullptr : &variantInfo(variant.toStdString());
    for (const ViewSlot& slot : m_views)
        slot.view->setVariant(info);
}

void MainWindow::showTab(const QString& name)
{
    const QString key = name.toLower() == "latent" ? QString("explorer") : name.toLower();
    m_tabs->setCurrentIndex(0);
    for (const ViewSlot& slot : m_views)
        if (slot.place == ViewPlace::Tab && slot.view->key() == key)
            m_tabs->setCurrentWidget(slot.view);
}

// Everything a snapshot changes on screen is applied here, on the redraw
// timer: the views replot at once and their paints join those of the
// progress bar and the live texts in one update of the window per tick.
void MainWindow::redraw()
{
    m_status->showProgress();
    for (const ViewSlot& slot : m_views)
        slot.view->refresh();
}

QString MainWindow::statusText() const { return m_status->text(); }

void MainWindow::showError(const QString& title, const QString& message)
{
    const QString text = inFormWords(message);   // settings as the form names them, not as aelab-cli's flags
    emit errorShown(title + ": " + text);
    if (property("quietErrors").toBool() || qEnvironmentVariableIntValue("AELAB_QUIET_ERRORS") == 1)
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();   // not modal to the event loop: training and plots carry on
}

LossView* MainWindow::lossView() const { return findView<LossView>(); }
LatentMapView* MainWindow::latentMapView() const { return findView<LatentMapView>(); }
ReconstructionView* MainWindow::reconstructionView() const { return findView<ReconstructionView>(); }
DenoisingView* MainWindow::denoisingView() const { return findView<DenoisingView>(); }
LatentExplorer* MainWindow::latentExplorer() const { return findView<LatentExplorer>(); }
FeaturesView* MainWindow::featuresView() const { return findView<FeaturesView>(); }
DiagnosticsView* MainWindow::diagnosticsView() const { return findView<DiagnosticsView>(); }
RunsView* MainWindow::runsView() const { return findView<RunsView>(); }

} // namespace aelab::ui
