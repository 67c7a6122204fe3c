#include "training/ReconstructionView.h"

#include "widgets/ImageGrid.h"
#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace aelab::ui {

ReconstructionView::ReconstructionView(QWidget* parent)
    : View("reconstructions", tr("Reconstructions"), parent), m_stack(new QStackedWidget(this)), m_grid(new ImageGrid(this)),
      m_plot(new QCustomPlot(this)), m_caption(new QLabel(this))
{
    setObjectName("reconstructionView");
    setUpPlot(m_plot);
    m_plot->setInteractions({});
    m_originals = m_plot->addGraph();
    m_originals->setName(tr("data"));
    m_originals->setLineStyle(QCPGraph::lsNone);
    m_originals->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(160, 160, 160), 4));
    m_reconstructions = m_plot->addGraph();
    m_reconstructions->setName(tr("reconstruction"));
    m_reconstructions->setLineStyle(QCPGraph::lsNone);
    m_reconstructions->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, seriesColor(3), 4));
    m_plot->legend->setVisible(true);
    m_stack->addWidget(m_grid);
    m_stack->addWidget(m_plot);
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_stack, 1);
    m_caption->setText(tr("Originals over their reconstructions appear here while training."));
}

void ReconstructionView::setDataset(const DatasetPtr& dataPtr)
{
    const Dataset& data = *dataPtr;
    m_images = data.shape.isImage();
    m_classNames = data.classNames;
    m_stack->setCurrentWidget(m_images ? static_cast<QWidget*>(m_grid) : m_plot);
    m_caption->setText(m_images ? tr("A fixed row of held-out images (top) and their reconstructions (bottom).")
                                : tr("%1 is point data: its held-out points (grey) and their reconstructions.")
                                      .arg(QString::fromStdString(data.name)));
    clear();
}

void ReconstructionView::clear()
{
    m_grid->clear();
    m_originals->data()->clear();
    m_reconstructions->data()->clear();
    m_dirty = true;
}

void ReconstructionView::consume(const Snapshot& s)
{
    if (!s.reconstruction)
        return;
    const ReconstructionRow& row = *s.reconstruction;
    if (row.images) {
        ImageGrid::Row originals{tr("original"), {}}, reconstructions{tr("reconstruction"), {}};
        for (Eigen::Index i = 0; i < row.originals.rows(); ++i) {
            originals.images.push_back(sampleImage(row.originals, i, s.shape));
            reconstructions.images.push_back(sampleImage(row.reconstructions, i, s.shape));
        }
        m_grid->setRows({originals, reconstructions});
        return;
    }
    QVector<double> x, y, rx, ry;
    for (Eigen::Index i = 0; i < row.originals.rows(); ++i) {
        x.push_back(row.originals(i, 0));
        y.push_back(row.originals(i, 1));
        rx.push_back(row.reconstructions(i, 0));
        ry.push_back(row.reconstructions(i, 1));
    }
    m_originals->setData(x, y);
    m_reconstructions->setData(rx, ry);
    m_plot->xAxis->setLabel(QString::fromStdString(row.xLabel));
    m_plot->yAxis->setLabel(QString::fromStdString(row.yLabel));
    m_dirty = true;
}

void ReconstructionView::refresh()
{
    if (!m_dirty || !isVisible() || m_images)
        return;
    m_dirty = false;
    m_plot->rescaleAxes();
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis})
        axis->scaleRange(1.08, axis->range().center());
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
}

int ReconstructionView::imageCount() const { return m_grid->imageCount(); }

int ReconstructionView::pointCount() const { return m_originals->dataCount() + m_reconstructions->dataCount(); }

bool ReconstructionView::showsImages() const { return m_images; }

std::vector<View::ExportTarget> ReconstructionView::exportTargets()
{
    return {{key(), title(), m_images ? static_cast<QWidget*>(m_grid) : static_cast<QWidget*>(m_plot)}};
}

} // namespace aelab::ui
