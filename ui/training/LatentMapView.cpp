#include "training/LatentMapView.h"

#include "widgets/Advanced.h"
#include "widgets/LiveText.h"
#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace aelab::ui {

LatentMapView::LatentMapView(QWidget* parent)
    : View("latent", tr("Latent map"), parent), m_plot(new QCustomPlot(this)), m_caption(new QLabel(this)),
      m_span(new LiveText("Codes span 0.000123 along x and 0.000123 along y (max - min).", this)),
      m_axesBox(new QComboBox(this))
{
    setObjectName("latentMapView");
    setUpPlot(m_plot);
    m_plot->setInteractions({});
    m_plot->legend->setVisible(false);   // shown by refresh() once it has entries
    placeLegendAtRight(m_plot);
    m_plot->xAxis->setLabel("z1");
    m_plot->yAxis->setLabel("z2");
    m_caption->setObjectName("latentCaption");
    m_caption->setText(tr("Codes of the held-out probe set appear here while training."));
    m_caption->setWordWrap(true);
    m_axesBox->setObjectName("latentAxes");
    m_axesBox->addItem(tr("Fit the codes"));
    m_axesBox->addItem(tr("Equal aspect"));
    m_axesBox->addItem(tr("Fixed -3..3"));
    m_axesBox->setToolTip(tr("Fit the axes to the codes, keep one unit the same length on both axes, "
                             "or keep both axes at -3..3 (a collapsed map then looks collapsed)"));
    markAdvanced({m_axesBox});   // hidden when presenting
    m_span->setObjectName("latentSpan");
    auto* captions = new QVBoxLayout;
    captions->setSpacing(0);
    captions->addWidget(m_caption);
    captions->addWidget(m_span);
    auto* top = new QHBoxLayout;
    top->setContentsMargins(4, 0, 4, 0);
    top->addLayout(captions, 1);
    top->addWidget(m_axesBox, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);
    connect(m_axesBox, &QComboBox::currentIndexChanged, this, [this](int i) { setAxes(Axes(i)); });
}

void LatentMapView::setAxes(Axes axes)
{
    m_axes = axes;
    if (m_axesBox->currentIndex() != int(axes))
        m_axesBox->setCurrentIndex(int(axes));
    m_dirty = true;
    refresh();
}

void LatentMapView::saveSettings(QSettings& settings) const { settings.setValue("axes", int(m_axes)); }

void LatentMapView::restoreSettings(const QSettings& settings)
{
    setAxes(Axes(std::clamp(settings.value("axes", 0).toInt(), 0, 2)));
}

QString LatentMapView::caption() const { return m_caption->text() + '\n' + m_span->text(); }

void LatentMapView::setDataset(const DatasetPtr& data)
{
    m_classNames = data->classNames;
    clear();
}

std::vector<View::ExportTarget> LatentMapView::exportTargets() { return {{key(), title(), m_plot}}; }

void LatentMapView::makeGraphs(int classes)
{
    m_plot->clearGraphs();
    m_graphs = addClassScatters(m_plot, classes, m_classNames);
}

void LatentMapView::clear()
{
    m_plot->clearGraphs();
    m_graphs.clear();
    m_span->clear();
    m_caption->setText(tr("Codes of the held-out probe set appear here while training."));
    m_dirty = true;
}

void LatentMapView::consume(const Snapshot& s)
{
    if (!s.latent)
        return;
    const LatentMap& map = *s.latent;
    int classes = 0;
    for (int label : map.labels)
        classes = std::max(classes, label + 1);
    classes = std::max(classes, map.labels.empty() ? 0 : int(m_classNames.size()));
    if (int(m_graphs.size()) != std::max(1, classes))
        makeGraphs(classes);

    std::vector<QVector<double>> keys(m_graphs.size()), values(m_graphs.size());
    for (Eigen::Index i = 0; i < map.points.rows(); ++i) {
        const std::size_t g = map.labels.empty() ? 0 : std::size_t(map.labels[std::size_t(i)]);
        if (g >= m_graphs.size() || std::isnan(map.points(i, 0)))   // NaN: an overflowing code
            continue;
        keys[g].push_back(map.points(i, 0));
        values[g].push_back(map.points(i, 1));
    }
    for (std::size_t g = 0; g < m_graphs.size(); ++g)
        m_graphs[g]->setData(keys[g], values[g]);
    m_plot->xAxis->setLabel(QString::fromStdString(map.xLabel));
    m_plot->yAxis->setLabel(QString::fromStdString(map.yLabel));
    QString caption = map.projected && map.latentSize > 2
        ? tr("%1 probe samples; %2-D codes shown by their first two principal components")
              .arg(map.points.rows()).arg(map.latentSize)
        : tr("%1 probe samples, %2-D codes").arg(map.points.rows()).arg(map.latentSize);
    if (map.nonFinite > 0)
        caption += ' ' + tr("%n of them not drawn: their codes are infinite or NaN (the model diverged).", "",
                            map.nonFinite);
    m_caption->setText(caption);
    m_dirty = true;
}

void LatentMapView::refresh()
{
    if (!m_dirty || !isVisible())
        return;
    m_dirty = false;
    m_plot->legend->setVisible(m_plot->legend->itemCount() > 0);   // no empty box before the first codes
    if (!m_graphs.empty()) {
        m_plot->rescaleAxes();
        // The codes' extent, before any padding or aspect: said in the caption.
        const QCPRange x = m_plot->xAxis->range(), y = m_plot->yAxis->range();
        if (pointCount() > 0)
            m_span->setText(tr("Codes span %1 along x and %2 along y (max - min).")
                                .arg(x.size(), 0, 'g', 3).arg(y.size(), 0, 'g', 3));
        for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis})
            axis->scaleRange(1.08, axis->range().center());
        if (m_axes == Axes::EqualAspect) {
            // Widen the shorter side so one unit is as long on both axes. New
            // ranges bring new tick labels, which resize the axis rect: lay
            // out and adjust again until it holds.
            const QCPRange fitX = m_plot->xAxis->range(), fitY = m_plot->yAxis->range();
            for (int pass = 0; pass < 3; ++pass) {
                if (pass > 0)
                    m_plot->replot(QCustomPlot::rpQueuedRefresh);   // lays out with the new labels
                const QRect r = m_plot->axisRect()->rect();
                const double perPixel = std::max(fitX.size() / std::max(1, r.width()), fitY.size() / std::max(1, r.height()));
                m_plot->xAxis->setRange(fitX.center(), perPixel * r.width(), Qt::AlignCenter);
                m_plot->yAxis->setRange(fitY.center(), perPixel * r.height(), Qt::AlignCenter);
            }
        } else if (m_axes == Axes::Fixed) {
            m_plot->xAxis->setRange(-kFixedRange, kFixedRange);
            m_plot->yAxis->setRange(-kFixedRange, kFixedRange);
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
}

int LatentMapView::pointCount() const
{
    int n = 0;
    for (const QCPGraph* g : m_graphs)
        n += g->dataCount();
    return n;
}

} // namespace aelab::ui
