// Exports of what the window shows beyond single plots (MainWindow.h): the
// selected run's codes and reconstructions as CSV, .npy and PNG, the
// manifold grid as .npy and PNG, and the Latent explorer's timeline as
// numbered PNG frames. Each export writes all
// its files or none (writeFilesAtomically).
#include "window/MainWindow.h"

#include "experiments/RunsView.h"
#include "explorer/ExploreMapView.h"
#include "explorer/LatentExplorer.h"
#include "window/RunStatusBar.h"

#include "explorer/ManifoldGridView.h"

#include "io/AtomicFile.h"
#include "io/Npy.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QDir>
#include <QFileDialog>
#include <QSignalBlocker>
#include <QSlider>

namespace aelab::ui {

bool MainWindow::exportRunArrays(const QString& directory)
{
    QString error;
    if (!runsView()->exportSelectedArrays(directory, &error)) {
        showError(tr("Cannot export the run's codes and reconstructions"), error);
        return false;
    }
    m_status->flash(tr("Exported the run's codes and reconstructions to %1").arg(directory));
    return true;
}

int MainWindow::exportTimelineFrames(const QString& directory)
{
    ExploreMapView* map = latentExplorer()->map();
    const int frames = map->frameCount();
    if (frames == 0) {
        showError(tr("Cannot export the timeline"), tr("There are no frames yet: train a run first."));
        return 0;
    }
    // Each frame drawn as the slider would show it, then the slider put back.
    const int shown = map->frameIndex();
    std::vector<QByteArray> images(static_cast<std::size_t>(frames));
    for (int i = 0; i < frames; ++i) {
        map->timelineSlider()->setValue(i);
        QBuffer buffer(&images[std::size_t(i)]);
        buffer.open(QIODevice::WriteOnly);
        map->plot()->toPixmap(0, 0, 2.0).save(&buffer, "PNG");
    }
    map->timelineSlider()->setValue(shown);
    const QDir dir(directory);
    std::vector<FileWrite> files;
    for (int i = 0; i < frames; ++i)
        files.push_back({dir.filePath(QString("frame-%1.png").arg(i + 1, 4, 10, QChar('0'))).toStdString(),
                         [bytes = &images[std::size_t(i)]](std::ostream& out) {
                             out.write(bytes->constData(), std::streamsize(bytes->size()));
                         }});
    try {
        writeFilesAtomically(files);
    } catch (const std::exception& e) {
        showError(tr("Cannot export the timeline"), QString::fromStdString(e.what()));
        return 0;
    }
    m_status->flash(tr("Exported %n timeline frame(s) to %1", nullptr, frames).arg(directory));
    return frames;
}

bool MainWindow::exportManifold(const QString& directory)
{
    LatentExplorer* explorer = latentExplorer();
    const Matrix& decodes = explorer->gridDecodes();
    if (decodes.rows() == 0) {
        showError(tr("Cannot export the manifold grid"),
                  tr("There is no grid yet: open the Latent explorer and press Decode grid."));
        return false;
    }
    const QDir dir(directory);
    std::vector<FileWrite> files;
    files.push_back({dir.filePath("manifold.npy").toStdString(), npyWriter(decodes)});
    files.push_back({dir.filePath("manifold_codes.npy").toStdString(), npyWriter(explorer->gridCodes())});
    QByteArray png;
    const QImage& mosaic = explorer->grid()->mosaic();
    if (!mosaic.isNull()) {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        mosaic.scaled(mosaic.size() * 4, Qt::IgnoreAspectRatio, Qt::FastTransformation).save(&buffer, "PNG");
        files.push_back({dir.filePath("manifold.png").toStdString(), [&png](std::ostream& out) {
                             out.write(png.constData(), std::streamsize(png.size()));
                         }});
    }
    try {
        writeFilesAtomically(files);
    } catch (const std::exception& e) {
        showError(tr("Cannot export the manifold grid"), QString::fromStdString(e.what()));
        return false;
    }
    m_status->flash(tr("Exported the manifold grid to %1").arg(directory));
    return true;
}

void MainWindow::chooseManifoldFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export the manifold grid to"));
    if (!dir.isEmpty())
        exportManifold(dir);
}

void MainWindow::chooseRunArraysFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export the selected run's codes and reconstructions to"));
    if (!dir.isEmpty())
        exportRunArrays(dir);
}

void MainWindow::chooseTimelineFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export the timeline's frames to"));
    if (!dir.isEmpty())
        exportTimelineFrames(dir);
}

} // namespace aelab::ui
