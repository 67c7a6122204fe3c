// The window's menus, and the file operations and dialogs behind them (MainWindow.h).
#include "window/MainWindow.h"

#include "lessons/LessonsController.h"

#include "form/ControlPanel.h"
#include "i18n/Language.h"
#include "window/NumbersDialog.h"
#include "window/RunActions.h"
#include "window/RunStatusBar.h"
#include "widgets/PlotStyle.h"

#include <QActionGroup>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
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
    connect(languages, &QActionGroup::triggered, this, [this](QAction* a) {
        QSettings().setValue("language", a->data().toString());
        m_status->setText(tr("The language changes the next time aelab starts."));
    });
    help->addSeparator();
    QAction* numbers = help->addAction(tr("What each &number means"), this, &MainWindow::showNumbers);
    numbers->setObjectName("helpNumbers");
    numbers->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F1));   // F1 explains the variant (ui/lessons)
    help->addAction(tr("&About aelab"), this, &MainWindow::showAbout);
    m_lessons = new LessonsController(this, help);
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
                if (!exportWidget(target.widget, path, &error)) {
                    showError(tr("Cannot export the plot"), error);
                    return false;
                }
                m_status->flash(tr("Exported to %1").arg(path));
                return true;
            }
    showError(tr("Cannot export"), tr("There is no view called '%1'.").arg(key));
    return false;
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
                                                tr("PNG image (*.png);;PDF document (*.pdf)"));
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
