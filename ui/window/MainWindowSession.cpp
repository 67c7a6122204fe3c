// Session files (File > Save session… / Open session…): every run of the Runs
// tab, the form's settings and the view state in one .aelab file
// (core/experiment/Session.h), written and read on the main thread: a
// session is a few megabytes of runs the window already holds. And File >
// Resume…, which continues a saved run (core/train/Resume.h).
#include "window/MainWindow.h"

#include "experiments/RunList.h"
#include "experiments/RunsView.h"
#include "form/ControlPanel.h"
#include "form/FormMemory.h"
#include "form/HyperParamForm.h"
#include "window/RunStatusBar.h"

#include "experiment/Session.h"
#include "math/Error.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>

namespace aelab::ui {

namespace {

// The views keep their choices through QSettings (View::saveSettings); a
// session carries them as the text of an INI file, so no view needs code
// for it.
QString viewSettingsText(const std::vector<ViewSlot>& views)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return {};
    const QString path = dir.filePath("views.ini");
    {
        QSettings settings(path, QSettings::IniFormat);
        for (const ViewSlot& slot : views) {
            settings.beginGroup(slot.view->key());
            slot.view->saveSettings(settings);
            settings.endGroup();
        }
    }
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

void restoreViewSettingsText(const std::vector<ViewSlot>& views, const QString& text)
{
    QTemporaryDir dir;
    if (text.isEmpty() || !dir.isValid())
        return;
    const QString path = dir.filePath("views.ini");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0)
        return;
    file.close();
    QSettings settings(path, QSettings::IniFormat);
    for (const ViewSlot& slot : views) {
        settings.beginGroup(slot.view->key());
        slot.view->restoreSettings(settings);
        settings.endGroup();
    }
}

} // namespace

nlohmann::json MainWindow::formState() const
{
    return {{"variant", m_controls->variant().toStdString()},
            {"values", m_controls->form()->values()},
            {"epochs", m_controls->epochs()},
            {"seed", std::uint64_t(m_controls->seed())},
            {"dataset", (m_dataSpec.isEmpty() ? m_controls->datasetSpec() : m_dataSpec).toStdString()},
            {"limit", m_controls->sampleLimit()}};
}

nlohmann::json MainWindow::viewState() const
{
    QString tab = "training";
    for (const ViewSlot& slot : m_views)
        if (slot.place == ViewPlace::Tab && m_tabs->currentWidget() == slot.view)
            tab = slot.view->key();
    nlohmann::json selected = nlohmann::json::array();
    for (const RunRecordPtr& r : runsView()->selectedRuns())
        selected.push_back(r->id);
    return {{"tab", tab.toStdString()},
            {"selected_runs", selected},
            {"views", viewSettingsText(m_views).toStdString()}};
}

bool MainWindow::saveSession(const QString& path)
{
    std::vector<const RunRecord*> runs;
    for (const RunRecordPtr& r : m_runs->runs())
        runs.push_back(r.get());
    try {
        aelab::saveSession(path.toStdString(), runs, formState(), viewState(), m_lesson);
    } catch (const Error& e) {
        showError(tr("Cannot save the session"), QString::fromStdString(e.what()));
        return false;
    }
    m_status->flash(tr("Saved the session (%n run(s)) to %1", nullptr, int(runs.size())).arg(path));
    emit sessionSaved(path);
    return true;
}

bool MainWindow::openSession(const QString& path)
{
    Session session;
    try {
        session = loadSession(path.toStdString());
    } catch (const Error& e) {
        showError(tr("Cannot open the session"), QString::fromStdString(e.what()));
        return false;
    }
    std::vector<RunRecordPtr> runs;
    for (RunRecord& r : session.runs)
        runs.push_back(std::make_shared<const RunRecord>(std::move(r)));
    m_runs->replaceAll(runs);
    m_lesson = session.lesson;

    // The form: what was set when the session was saved (a value the form
    // cannot take is left as it is; the form says so).
    const nlohmann::json& form = session.form;
    try {
        if (form.contains("variant") && form["variant"].is_string()) {
            m_controls->setVariant(QString::fromStdString(form["variant"].get<std::string>()));
            if (form.contains("values") && form["values"].is_object()) {
                m_controls->form()->setValues(form["values"]);
                m_memory->rememberAll(form["values"]);
            }
        }
        if (form.contains("epochs") && form["epochs"].is_number_integer())
            m_controls->setEpochs(form["epochs"].get<int>());
        if (form.contains("seed") && form["seed"].is_number_unsigned())
            m_controls->setSeed(form["seed"].get<std::uint64_t>());
        if (form.contains("dataset") && form["dataset"].is_string()) {
            const QString spec = QString::fromStdString(form["dataset"].get<std::string>());
            const int limit = form.value("limit", m_controls->sampleLimit());
            if (!spec.isEmpty() && (spec != m_dataSpec || limit != m_controls->sampleLimit())
                && !m_controller->isRunning()) {
                m_controls->setDatasetSpec(spec);
                m_controls->setSampleLimit(limit);
                loadCurrentDataset();
            }
        }
    } catch (const nlohmann::json::exception&) {
        // The form is a convenience: the runs are what the session keeps.
    }

    const nlohmann::json& view = session.view;
    if (view.contains("views") && view["views"].is_string())
        restoreViewSettingsText(m_views, QString::fromStdString(view["views"].get<std::string>()));
    if (view.contains("selected_runs") && view["selected_runs"].is_array()) {
        std::vector<int> ids;
        for (const auto& id : view["selected_runs"])
            if (id.is_number_integer())
                ids.push_back(id.get<int>());
        runsView()->select(ids);
    }
    if (view.contains("tab") && view["tab"].is_string())
        showTab(QString::fromStdString(view["tab"].get<std::string>()));
    m_status->flash(tr("Opened the session %1: %n run(s).", nullptr, int(runs.size())).arg(QFileInfo(path).fileName()));
    emit sessionOpened(path);
    return true;
}

void MainWindow::resumeFromFile(const QString& path)
{
    if (m_controller->isRunning() || !m_data) {
        showError(tr("Cannot resume"), m_data ? tr("a run is training: stop it or wait for its end")
                                              : tr("no dataset is loaded yet"));
        return;
    }
    RunRequest request = currentRequest();
    request.resumeFrom = path.toStdString();
    m_controller->start(request);
}

void MainWindow::chooseModelToResume()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Resume training from a model"), {},
                                                      tr("aelab models (*.safetensors);;All files (*)"));
    if (!path.isEmpty())
        resumeFromFile(path);
}

void MainWindow::chooseSessionToSave()
{
    QString path = QFileDialog::getSaveFileName(this, tr("Save the session"), "session.aelab",
                                                tr("aelab sessions (*.aelab)"));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += ".aelab";
    saveSession(path);
}

void MainWindow::chooseSessionToOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a session"), {},
                                                      tr("aelab sessions (*.aelab);;All files (*)"));
    if (!path.isEmpty())
        openSession(path);
}

} // namespace aelab::ui
