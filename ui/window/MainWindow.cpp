#include "window/MainWindow.h"

#include "i18n/Language.h"

#include "diagnostics/CaeDiagnostic.h"
#include "form/ControlPanel.h"
#include "training/DenoisingView.h"
#include "diagnostics/DiagnosticPanel.h"
#include "diagnostics/DiagnosticsView.h"
#include "features/FeaturesView.h"
#include "diagnostics/HashingDiagnostic.h"
#include "form/HyperParamForm.h"
#include "explorer/LatentExplorer.h"
#include "training/LatentMapView.h"
#include "training/LossView.h"
#include "explorer/ManifoldGridView.h"
#include "widgets/PlotStyle.h"
#include "training/ReconstructionView.h"

#include "models/Registry.h"
#include "train/Duration.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QGuiApplication>
#include <QScreen>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QActionGroup>
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
    : QMainWindow(parent), m_controller(new TrainingController(this)), m_controls(new ControlPanel(this)),
      m_tabs(new QTabWidget(this)), m_loss(new LossView(this)), m_latent(new LatentMapView(this)),
      m_recon(new ReconstructionView(this)), m_denoise(new DenoisingView(this)),
      m_explorer(new LatentExplorer(m_controller, this)), m_features(new FeaturesView(m_controller, this)),
      m_diagnostics(new DiagnosticsView(m_controller, this)), m_progress(new QProgressBar(this)), m_status(new QLabel(this))
{
    initResources();
    setWindowTitle("aelab");
    setWindowIcon(QIcon(":/aelab/aelab.svg"));
    buildActions();
    buildMenus();
    buildLayout();
    connectController();

    connect(m_controls, &ControlPanel::variantChanged, this, &MainWindow::onVariantChanged);
    connect(m_controls, &ControlPanel::datasetChosen, this, [this] { loadCurrentDataset(); });
    connect(m_controls, &ControlPanel::sampleLimitChanged, this, [this] { loadCurrentDataset(); });
    connect(m_controls->form(), &HyperParamForm::valueEdited, this, [this](const QString& key) {
        const nlohmann::json values = m_controls->form()->values();
        m_userValues[key.toStdString()] = values[key.toStdString()];
    });
    connect(m_controls->form(), &HyperParamForm::liveValueChanged, this, [this](const QString& key, double v) {
        if (m_controller->isRunning() || m_controller->hasModel())
            m_controller->setLiveParam(key, v);
    });
    connect(m_denoise, &DenoisingView::corruptionChanged, m_controller, &TrainingController::setCorruption);
    // A point clicked in the explorer is the one the cae and hashing diagnostics look at.
    connect(m_explorer, &LatentExplorer::sampleChosen, this, [this](int i) {
        if (auto* cae = qobject_cast<CaeDiagnostic*>(m_diagnostics->panel("cae")); cae && cae->isEnabled())
            cae->setSample(i);
        if (auto* hash = qobject_cast<HashingDiagnostic*>(m_diagnostics->panel("hashing")); hash && hash->isEnabled())
            hash->setQuery(i);
    });
    m_controller->setCorruption(m_denoise->corruption());

    m_redraw.setInterval(kRedrawMs);
    connect(&m_redraw, &QTimer::timeout, this, &MainWindow::redraw);
    m_redraw.start();

    restoreSettings(options);
    onStateChanged(m_controller->state());
    loadCurrentDataset();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildActions()
{
    auto make = [this](const QString& name, const QString& text, const QKeySequence& key, const QString& tip,
                       auto slot) {
        auto* a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setToolTip(tip + " (" + key.toString(QKeySequence::NativeText) + ")");
        connect(a, &QAction::triggered, this, slot);
        m_actions[name] = a;
        return a;
    };
    make("train", tr("&Train"), QKeySequence(Qt::Key_F5), tr("Train a new model with these settings"),
         [this] { train(); });
    make("pause", tr("&Pause"), QKeySequence(Qt::Key_F6), tr("Pause or resume training"), [this] { togglePause(); });
    make("step", tr("&Step"), QKeySequence(Qt::Key_F7), tr("Train one batch, then pause"), [this] {
        m_controller->setPendingRequest(currentRequest());
        m_controller->step();
    });
    make("stop", tr("St&op"), QKeySequence(Qt::SHIFT | Qt::Key_F5), tr("Stop training, keeping the model"),
         [this] { m_controller->stop(); });
    make("reset", tr("&Reset"), QKeySequence(Qt::CTRL | Qt::Key_R), tr("Stop and clear the model and the views"),
         [this] {
             m_controller->reset();
             clearViews();
             setRunVariant({});
             m_lastStep = 0;
             m_pendingProgress.reset();
             m_progress->setValue(0);
             m_progress->setFormat(tr("ready"));
             m_status->setText(tr("Ready."));
         });
}

QAction* MainWindow::action(const QString& name) const
{
    const auto it = m_actions.find(name);
    return it == m_actions.end() ? nullptr : it->second;
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open &data file (IDX, CSV)…"), this, &MainWindow::chooseDataFile);
    file->addAction(tr("Open image &folder…"), this, &MainWindow::chooseImageFolder);
    file->addSeparator();
    file->addAction(tr("&Open model…"), QKeySequence::Open, this, &MainWindow::chooseModelToOpen);
    file->addAction(tr("&Save model…"), QKeySequence::Save, this, &MainWindow::chooseModelToSave);
    QMenu* exportMenu = file->addMenu(tr("&Export plot"));
    exportMenu->addAction(tr("Loss…"), this, [this] { chooseExport("loss"); });
    exportMenu->addAction(tr("Latent map…"), this, [this] { chooseExport("latent"); });
    exportMenu->addAction(tr("Reconstructions…"), this, [this] { chooseExport("reconstructions"); });
    exportMenu->addAction(tr("Denoising…"), this, [this] { chooseExport("denoising"); });
    exportMenu->addSeparator();
    exportMenu->addAction(tr("Latent explorer…"), this, [this] { chooseExport("explorer"); });
    exportMenu->addAction(tr("Manifold grid…"), this, [this] { chooseExport("manifold"); });
    exportMenu->addAction(tr("Features…"), this, [this] { chooseExport("features"); });
    exportMenu->addAction(tr("Diagnostics…"), this, [this] { chooseExport("diagnostics"); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    for (const char* name : {"train", "pause", "step", "stop", "reset"})
        run->addAction(m_actions.at(name));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QMenu* language = help->addMenu(tr("&Language"));
    auto* languages = new QActionGroup(language);
    const QString current = installedLanguage();
    for (const QString& code : availableLanguages()) {
        QAction* a = language->addAction(QLocale(code).nativeLanguageName());
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setData(code);
        languages->addAction(a);
    }
    connect(languages, &QActionGroup::triggered, this, [this](QAction* a) {
        QSettings().setValue("language", a->data().toString());
        m_status->setText(tr("The language changes the next time aelab starts."));
    });
    help->addSeparator();
    help->addAction(tr("&About aelab"), this, &MainWindow::showAbout);
}

void MainWindow::buildLayout()
{
    auto* dock = new QDockWidget(tr("Controls"), this);
    dock->setObjectName("controlsDock");
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(m_controls);
    m_controls->setMinimumWidth(290);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    m_controls->setRunActions({m_actions.at("train"), m_actions.at("pause"), m_actions.at("step"),
                               m_actions.at("stop"), m_actions.at("reset")});

    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(framed(tr("Loss"), m_loss, top));
    top->addWidget(framed(tr("Latent map"), m_latent, top));
    auto* bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(framed(tr("Reconstructions"), m_recon, bottom));
    bottom->addWidget(framed(tr("Denoising"), m_denoise, bottom));
    auto* grid = new QSplitter(Qt::Vertical);
    grid->addWidget(top);
    grid->addWidget(bottom);
    grid->setStretchFactor(0, 3);
    grid->setStretchFactor(1, 2);
    grid->setSizes({600, 290});
    top->setSizes({560, 480});
    m_tabs->addTab(grid, tr("Training"));
    m_tabs->addTab(m_explorer, tr("Latent explorer"));
    m_tabs->addTab(m_features, tr("Features"));
    m_tabs->addTab(m_diagnostics, tr("Diagnostics"));
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);

    m_progress->setObjectName("progress");
    m_progress->setMinimumWidth(420);
    m_progress->setTextVisible(true);
    m_status->setObjectName("statusLine");
    statusBar()->addWidget(m_status, 1);
    statusBar()->addPermanentWidget(m_progress);
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
    connect(m_controller, &TrainingController::runStarted, this, [this](const ModelInfo& info) {
        clearViews();
        setRunVariant(info.variant);
        m_lastStep = 0;
        m_runLabel = tr("Training %1 on %2 (%3 parameters)")
                         .arg(info.variant, displayName(m_dataSpec), QLocale().toString(info.parameters));
        m_status->setText(m_runLabel);
    });
    connect(m_controller, &TrainingController::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_controller, &TrainingController::runEnded, this, &MainWindow::onRunEnded);
    connect(m_controller, &TrainingController::modelOpened, this, &MainWindow::onModelOpened);
    connect(m_controller, &TrainingController::modelSaved, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Saved the model to %1").arg(path), 5000);
    });
    connect(m_controller, &TrainingController::failed, this, &MainWindow::showError);
}

void MainWindow::restoreSettings(const MainWindowOptions& options)
{
    QSettings settings;
    restoreGeometry(settings.value("window/geometry").toByteArray());
    restoreState(settings.value("window/state").toByteArray());
    try {
        m_userValues = nlohmann::json::parse(settings.value("run/hyperparameters", "{}").toString().toStdString());
        if (!m_userValues.is_object())
            m_userValues = nlohmann::json::object();
    } catch (const std::exception&) {
        m_userValues = nlohmann::json::object();
    }
    m_controls->setEpochs(options.epochs > 0 ? options.epochs : settings.value("run/epochs", 5).toInt());
    m_controls->setSeed(settings.value("run/seed", 1).toULongLong());
    m_controls->setSampleLimit(options.limit >= 0 ? options.limit : settings.value("data/limit", 0).toInt());
    const QString variant = !options.variant.isEmpty() ? options.variant : settings.value("run/variant", "ae").toString();
    // Build the form for the starting variant (the signal does it on change).
    m_controls->setVariant(variant);
    onVariantChanged(m_controls->variant());
    const VariantInfo& info = variantInfo(m_controls->variant().toStdString());
    const QString dataset = !options.dataset.isEmpty() ? options.dataset
                                                       : settings.value("data/spec", "fashion-mnist").toString();
    m_controls->setDatasetSpec(dataset);
    for (const auto& [key, text] : options.params) {
        const ParamSpec* spec = findSpec(info.specs, key.toStdString());
        if (!spec) {
            showError(tr("Unknown hyperparameter"), tr("%1 has no hyperparameter '%2'.").arg(variant, key));
            continue;
        }
        try {
            m_userValues[spec->key] = parseValue(*spec, text.toStdString());
        } catch (const std::exception& e) {
            showError(tr("Cannot use --param %1=%2").arg(key, text), QString::fromStdString(e.what()));
        }
    }
    if (!options.params.empty())
        onVariantChanged(m_controls->variant());
    m_trainWhenReady = options.trainOnStart;
    m_threads = options.threads;
    if (!options.tab.isEmpty())
        showTab(options.tab);
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    settings.setValue("data/spec", m_dataSpec.isEmpty() ? m_controls->datasetSpec() : m_dataSpec);
    settings.setValue("data/limit", m_controls->sampleLimit());
    settings.setValue("run/variant", m_controls->variant());
    settings.setValue("run/epochs", m_controls->epochs());
    settings.setValue("run/seed", m_controls->seed());
    nlohmann::json values = m_userValues;
    const nlohmann::json current = m_controls->form()->values();
    for (const auto& [key, value] : current.items())
        values[key] = value;
    settings.setValue("run/hyperparameters", QString::fromStdString(values.dump()));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveSettings();
    // Stop now; the controller's destructor joins the thread.
    m_controller->stop();
    QMainWindow::closeEvent(event);
}

void MainWindow::onVariantChanged(const QString& key)
{
    const VariantInfo& info = variantInfo(key.toStdString());
    // Keep what the user set wherever the new variant has the same key.
    m_controls->form()->setSpecs(info.specs, m_userValues);
}

void MainWindow::loadCurrentDataset()
{
    const QString spec = m_controls->datasetSpec();
    m_loadingSpec = spec;
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
    m_latent->setClassNames(data->classNames);
    m_explorer->setDataset(*data);
    m_features->setDataset(*data);
    m_diagnostics->setDataset(*data);
    m_recon->setDataset(*data);
    m_denoise->setDataset(*data);
    m_loss->clear();
    m_status->setText(tr("%1 loaded. Press Train (F5) to start.").arg(displayName(spec)));
    onStateChanged(m_controller->state());
    emit datasetLoaded(spec);
    if (m_trainWhenReady) {
        m_trainWhenReady = false;
        train();
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
    onStateChanged(m_controller->state());
}

RunRequest MainWindow::currentRequest() const
{
    RunRequest r;
    r.variant = m_controls->variant().toStdString();
    r.hyperParams = m_controls->form()->values();
    r.epochs = m_controls->epochs();
    r.seed = m_controls->seed();
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

void MainWindow::onStateChanged(TrainingController::State state)
{
    using S = TrainingController::State;
    const bool running = state == S::Running || state == S::Paused || state == S::Stopping;
    const bool ready = state == S::Idle && m_data;
    m_actions.at("train")->setEnabled(ready);
    m_actions.at("pause")->setEnabled(state == S::Running || state == S::Paused);
    m_actions.at("pause")->setText(state == S::Paused ? tr("Res&ume") : tr("&Pause"));
    m_actions.at("step")->setEnabled((ready || state == S::Running || state == S::Paused));
    m_actions.at("stop")->setEnabled(state == S::Running || state == S::Paused);
    m_actions.at("reset")->setEnabled(state != S::Loading);
    m_controls->setRunLocked(running || state == S::Loading);
    if (state == S::Loading) {
        m_pendingProgress.reset();
        m_progress->setRange(0, 0);   // busy
        m_progress->setFormat(tr("loading…"));
    } else if (m_progress->maximum() == 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(0);
        m_progress->setFormat(tr("ready"));
    }
    if (state == S::Paused)
        m_status->setText(tr("Paused at step %1. Resume (F6), Step (F7) or Stop.").arg(m_lastStep));
    else if (state == S::Running && !m_runLabel.isEmpty())
        m_status->setText(m_runLabel);
    else if (state == S::Stopping)
        m_status->setText(tr("Stopping…"));
}

void MainWindow::updateProgress(const Snapshot& s)
{
    if (s.totalSteps <= 0)
        return;
    QString text = tr("epoch %1/%2 · batch %3/%4").arg(s.epoch).arg(s.epochs).arg(s.batch).arg(s.batchesPerEpoch);
    if (s.samplesPerSecond > 0)
        text += tr(" · %1 samples/s").arg(QLocale().toString(qRound64(s.samplesPerSecond)));
    if (s.etaSeconds >= 0 && s.status == RunStatus::Running)
        text += tr(" · ETA %1").arg(QString::fromStdString(formatDuration(s.etaSeconds)));
    if (s.status == RunStatus::Finished)
        text += tr(" · done");
    m_pendingProgress = PendingProgress{text, int(1000.0 * double(s.step) / double(s.totalSteps))};
}

void MainWindow::showPendingProgress()
{
    if (!m_pendingProgress)
        return;
    // The text first: setValue() repaints at once, and with the new text
    // that is the only paint (the other order painted the bar twice).
    m_progress->setFormat(m_pendingProgress->text);
    m_progress->setRange(0, 1000);
    m_progress->setValue(m_pendingProgress->value);
    m_pendingProgress.reset();
}

void MainWindow::onSnapshot(const Snapshot& s)
{
    m_lastStep = s.step;
    m_loss->consume(s);
    m_latent->consume(s);
    m_recon->consume(s);
    m_denoise->consume(s);
    m_explorer->consume(s);
    m_features->consume(s);
    m_diagnostics->consume(s);
    updateProgress(s);
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
    for (auto& [key, value] : info.hyperParams.items())
        m_userValues[key] = value;
    clearViews();
    setRunVariant(info.variant);
    m_status->setText(tr("Opened %1: %2 with latent size %3, trained on %4.")
                          .arg(QFileInfo(info.path).fileName(), info.variant)
                          .arg(info.latentSize)
                          .arg(displayName(info.datasetSpec)));
}

void MainWindow::clearViews()
{
    m_loss->clear();
    m_latent->clear();
    m_recon->clear();
    m_denoise->clear();
    m_explorer->clear();
    m_features->clear();
    m_diagnostics->clear();
}

void MainWindow::setRunVariant(const QString& variant)
{
    m_explorer->setVariant(variant);
    m_features->setVariant(variant);
    m_diagnostics->setVariant(variant);
}

void MainWindow::showTab(const QString& name)
{
    const QString n = name.toLower();
    QWidget* tab = n == "explorer" || n == "latent" ? static_cast<QWidget*>(m_explorer)
        : n == "features"                          ? static_cast<QWidget*>(m_features)
        : n == "diagnostics"                       ? static_cast<QWidget*>(m_diagnostics)
                                                   : m_tabs->widget(0);
    m_tabs->setCurrentWidget(tab);
}

// Everything a snapshot changes on screen is applied here, on the redraw
// timer: the views replot at once and their paints join those of the
// progress bar and the live texts in one update of the window per tick.
void MainWindow::redraw()
{
    showPendingProgress();
    m_loss->refresh();
    m_latent->refresh();
    m_recon->refresh();
    m_explorer->refresh();
}

QString MainWindow::statusText() const { return m_status->text(); }

void MainWindow::showError(const QString& title, const QString& text)
{
    emit errorShown(title + ": " + text);
    if (property("quietErrors").toBool() || qEnvironmentVariableIntValue("AELAB_QUIET_ERRORS") == 1)
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();   // not modal to the event loop: training and plots carry on
}

void MainWindow::openModelFile(const QString& path)
{
    m_controller->openModel(path, m_controls->sampleLimit());
}

void MainWindow::saveModelFile(const QString& path)
{
    if (!m_controller->hasModel()) {
        showError(tr("Cannot save the model"), tr("There is no model yet: train one or open one first."));
        return;
    }
    m_controller->saveModel(path);
}

bool MainWindow::exportView(const QString& view, const QString& path)
{
    QWidget* target = view == "loss" ? static_cast<QWidget*>(m_loss->plot())
        : view == "latent"           ? static_cast<QWidget*>(m_latent->plot())
        : view == "reconstructions"  ? m_recon->exportTarget()
        : view == "denoising"        ? m_denoise->exportTarget()
        : view == "explorer"         ? static_cast<QWidget*>(m_explorer)
        : view == "manifold"         ? static_cast<QWidget*>(m_explorer->grid())
        : view == "features"         ? static_cast<QWidget*>(m_features)
        : view == "diagnostics"      ? static_cast<QWidget*>(m_diagnostics)
                                     : nullptr;
    if (!target) {
        showError(tr("Cannot export"), tr("There is no view called '%1'.").arg(view));
        return false;
    }
    QString error;
    if (!exportWidget(target, path, &error)) {
        showError(tr("Cannot export the plot"), error);
        return false;
    }
    statusBar()->showMessage(tr("Exported to %1").arg(path), 5000);
    return true;
}

void MainWindow::chooseDataFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a data file"), {},
        tr("Data files (*.csv *-ubyte *-ubyte.gz *.idx *.idx3-ubyte *.gz);;CSV (*.csv);;All files (*)"));
    if (path.isEmpty())
        return;
    openDataset(path.endsWith(".csv", Qt::CaseInsensitive) ? path : "idx:" + path);
}

void MainWindow::chooseImageFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open a folder of images or IDX files"));
    if (!dir.isEmpty())
        openDataset(dir);
}

void MainWindow::chooseModelToOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a model"), {},
                                                      tr("aelab models (*.safetensors);;All files (*)"));
    if (!path.isEmpty())
        openModelFile(path);
}

void MainWindow::chooseModelToSave()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save the model"), m_controls->variant() + ".safetensors",
                                                tr("aelab models (*.safetensors)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".safetensors";
    saveModelFile(path);
}

void MainWindow::chooseExport(const QString& view)
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export the plot"), view + ".png",
                                                tr("PNG image (*.png);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".png";
    exportView(view, path);
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About aelab"),
        tr("<h3>aelab %1</h3><p>Autoencoder Lab: train autoencoders and watch them learn.</p>"
           "<p>aelab is free software under the GNU General Public License, version 3 or (at your option) "
           "any later version (GPL-3.0-or-later).</p>"
           "<p>Plots are drawn with QCustomPlot by Emanuel Eichhammer (GPL-3.0); the window uses Qt %2; "
           "the numerics use Eigen.</p>")
            .arg(QApplication::applicationVersion().isEmpty() ? QString(AELAB_VERSION) : QApplication::applicationVersion(),
                 qVersion()));
}

} // namespace aelab::ui
