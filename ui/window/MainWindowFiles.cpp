// The window's menus, and the file operations and dialogs behind them (MainWindow.h).
#include "window/MainWindow.h"

#include "lessons/LessonsController.h"

#include "form/ControlPanel.h"
#include "window/AboutDialog.h"
#include "window/LanguageSwitch.h"
#include "i18n/Language.h"
#include "window/NumbersDialog.h"
#include "window/RecentFiles.h"
#include "window/RunActions.h"
#include "window/RunStatusBar.h"
#include "widgets/PlotExport.h"
#include "widgets/PlotStyle.h"

#include "experiment/FigureCaption.h"

#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>

namespace aelab::ui {

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open &data file (IDX, CSV)…"), this, &MainWindow::chooseDataFile);
    file->addAction(tr("Open image &folder…"), this, &MainWindow::chooseImageFolder);
    file->addSeparator();
    file->addAction(tr("&Open model…"), QKeySequence::Open, this, &MainWindow::chooseModelToOpen);
    file->addAction(tr("&Save model…"), QKeySequence::Save, this, &MainWindow::chooseModelToSave);
    file->addAction(tr("&Resume training from a model…"), this, &MainWindow::chooseModelToResume)->setObjectName("resume");
    file->addSeparator();
    file->addAction(tr("Open s&ession…"), this, &MainWindow::chooseSessionToOpen)->setObjectName("openSession");
    file->addAction(tr("Save sess&ion…"), this, &MainWindow::chooseSessionToSave)->setObjectName("saveSession");
    buildRecentMenu(file->addMenu(tr("Open &recent")));
    // Every view's export targets, the Training tab's first.
    QMenu* exportMenu = file->addMenu(tr("&Export plot"));
    bool training = true;
    for (const ViewSlot& slot : m_views) {
        if (training && slot.place == ViewPlace::Tab) {
            exportMenu->addSeparator();
            training = false;
        }
        for (const View::ExportTarget& target : slot.view->exportTargets())
            exportMenu->addAction(target.title + "…", this, [this, key = target.key] { chooseExport(key); });
    }
    // How figures are exported: a caption line, the data beside the image.
    exportMenu->addSeparator();
    QAction* caption = exportMenu->addAction(tr("Add a caption: variant and settings that differ from the defaults"));
    caption->setObjectName("exportCaption");
    caption->setCheckable(true);
    caption->setChecked(QSettings().value("export/caption", false).toBool());
    connect(caption, &QAction::toggled, this, [](bool on) { QSettings().setValue("export/caption", on); });
    QAction* data = exportMenu->addAction(tr("Save the plot's data as CSV beside the image"));
    data->setObjectName("exportData");
    data->setCheckable(true);
    data->setChecked(QSettings().value("export/data", true).toBool());
    connect(data, &QAction::toggled, this, [](bool on) { QSettings().setValue("export/data", on); });
    file->addAction(tr("Export the selected run's &codes and reconstructions…"), this,
                    &MainWindow::chooseRunArraysFolder);
    file->addAction(tr("Export the &manifold grid (image and arrays)…"), this, &MainWindow::chooseManifoldFolder);
    file->addAction(tr("Export the latent &timeline as frames…"), this, &MainWindow::chooseTimelineFolder);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* run = menuBar()->addMenu(tr("&Run"));
    run->addActions(m_actions->all());

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
    connect(languages, &QActionGroup::triggered, this, [this](QAction* a) { switchLanguage(a->data().toString()); });
    help->addSeparator();
    QAction* numbers = help->addAction(tr("What each &number means"), this, &MainWindow::showNumbers);
    numbers->setObjectName("helpNumbers");
    numbers->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F1));   // F1 explains the variant (ui/lessons)
    help->addAction(tr("&About aelab"), this, &MainWindow::showAbout);
    m_lessons = new LessonsController(this, help);
}

void MainWindow::buildRecentMenu(QMenu* menu)
{
    m_recent = new RecentFiles(menu, this);
    connect(m_recent, &RecentFiles::chosen, this, [this](RecentFiles::Kind kind, const QString& path) {
        if (kind == RecentFiles::Kind::Session)
            openSession(path);
        else if (kind == RecentFiles::Kind::Model)
            openModelFile(path);
        else
            openDataset(path);
    });
    connect(m_recent, &RecentFiles::missing, this, [this](const QString& path) {
        showError(tr("Cannot open a recent file"), tr("%1 is no longer there: it is removed from the list.").arg(path));
    });
    connect(this, &MainWindow::sessionOpened, m_recent, [this](const QString& p) { m_recent->add(RecentFiles::Kind::Session, p); });
    connect(this, &MainWindow::sessionSaved, m_recent, [this](const QString& p) { m_recent->add(RecentFiles::Kind::Session, p); });
    connect(m_controller, &TrainingController::modelSaved, m_recent,
            [this](const QString& p) { m_recent->add(RecentFiles::Kind::Model, p); });
    connect(m_controller, &TrainingController::modelOpened, m_recent,
            [this](const ModelInfo& info) { m_recent->add(RecentFiles::Kind::Model, info.path); });
    // Data from files only: a built-in set is one click away in the form.
    connect(this, &MainWindow::datasetLoaded, m_recent, [this](const QString& spec) {
        const QString file = spec.startsWith("idx:") ? spec.mid(4).section(',', 0, 0) : spec;
        if (QFileInfo(file).isAbsolute() && QFileInfo::exists(file))
            m_recent->add(RecentFiles::Kind::Dataset, spec);
    });
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

bool MainWindow::exportView(const QString& key, const QString& path)
{
    for (const ViewSlot& slot : m_views)
        for (const View::ExportTarget& target : slot.view->exportTargets())
            if (target.key == key) {
                QString error;
                ExportOptions options;
                if (QSettings().value("export/caption", false).toBool())
                    options.caption = exportCaption();
                options.withData = QSettings().value("export/data", true).toBool();
                if (!exportWidget(target.widget, path, &error, options)) {
                    showError(tr("Cannot export the plot"), error);
                    return false;
                }
                m_status->flash(tr("Exported to %1").arg(path));
                return true;
            }
    showError(tr("Cannot export"), tr("There is no view called '%1'.").arg(key));
    return false;
}

QString MainWindow::exportCaption() const
{
    const RunRequest r = currentRequest();
    const QString spec = m_dataSpec.isEmpty() ? m_controls->datasetSpec() : m_dataSpec;
    // A file's name, not its whole path; a built-in set by its name.
    const QFileInfo file(spec.startsWith("idx:") ? spec.mid(4).section(',', 0, 0) : spec);
    const QString dataset = file.fileName().isEmpty() ? spec : file.fileName();
    return QString::fromStdString(figureCaption(r.settings, dataset.toStdString()));
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

void MainWindow::chooseExport(const QString& key)
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export the plot"), key + ".png",
                                                tr("PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".png";
    exportView(key, path);
}

void MainWindow::showNumbers()
{
    if (!m_numbers)
        m_numbers = new NumbersDialog(this);
    m_numbers->show();
    m_numbers->raise();
    m_numbers->activateWindow();
}

void MainWindow::showAbout()
{
    showAboutDialog(this);
}

void MainWindow::switchLanguage(const QString& code)
{
    QSettings().setValue("language", code);
    if (code == installedLanguage())
        return;
    const QString name = QLocale(code).nativeLanguageName();
    if (m_controller->isRunning()) {
        m_status->setText(tr("The language changes to %1 when aelab starts again: a run is going. Stop it and "
                             "choose the language again to switch now.").arg(name));
        return;
    }
    if (!property("restartWithoutAsking").toBool()
        && QMessageBox::question(this, tr("Change the language"),
                                 tr("aelab starts again in %1 and reopens this session: every run of the Runs tab, "
                                    "the form and the views.").arg(name),
                                 QMessageBox::Ok | QMessageBox::Cancel, QMessageBox::Ok)
               != QMessageBox::Ok) {
        m_status->setText(tr("The language changes the next time aelab starts."));
        return;
    }
    const QString session = languageRestartSessionPath();
    if (!saveSession(session))
        return;   // saveSession said why; nothing is lost, the window stays
    const QStringList arguments = languageRestartArguments(code, session);
    emit restartRequested(arguments);
    if (property("restartWithoutAsking").toBool())
        return;   // tests: the restart itself is not started
    if (!QProcess::startDetached(QCoreApplication::applicationFilePath(), arguments)) {
        showError(tr("Cannot start aelab again"),
                  tr("The new language applies the next time aelab starts; the session is saved in %1.").arg(session));
        return;
    }
    close();
}

} // namespace aelab::ui
