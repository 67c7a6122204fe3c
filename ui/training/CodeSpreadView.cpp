#include "training/CodeSpreadView.h"

#include "widgets/PlotStyle.h"

#include "models/Registry.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace aelab::ui {

CodeSpreadView::CodeSpreadView(QWidget* parent)
    : View("codes", tr("Code spread"), parent), m_plot(new QCustomPlot(this)), m_caption(new QLabel(this))
{
    setObjectName("codeSpreadView");
    setUpPlot(m_plot);
    m_plot->setInteractions({});
    m_stddev = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_stddev->setName(tr("std. deviation"));
    m_stddev->setPen(QPen(seriesColor(0).darker(130)));
    m_stddev->setBrush(seriesColor(0));
    m_stddev->setWidth(0.7);
    m_mean = m_plot->addGraph();
    m_mean->setName(tr("mean"));
    m_mean->setLineStyle(QCPGraph::lsNone);
    m_mean->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, seriesColor(1), seriesColor(1), 7));
    m_priorLine = new QCPItemStraightLine(m_plot);
    m_priorLine->point1->setCoords(0, 1);
    m_priorLine->point2->setCoords(1, 1);
    m_priorLine->setPen(QPen(QColor(90, 90, 90), 1, Qt::DashLine));
    m_priorLine->setVisible(false);
    // Dimensions are whole numbers: no tick at dimension 1.5.
    auto* ticker = new QCPAxisTickerFixed;
    ticker->setTickStep(1);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(ticker));
    m_plot->xAxis->setLabel(tr("latent dimension"));
    m_plot->yAxis->setLabel(tr("code value"));
    // The caption names the marks: a legend would cover the bars of a narrow panel.
    m_plot->legend->setVisible(false);
    setToolTip(tr("The standard deviation (bars) and mean (dots) of the probe set's codes along each latent "
                  "dimension. A dimension with no spread carries nothing about the input."));
    m_caption->setObjectName("codeSpreadCaption");
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_plot, 1);
    clear();
}

void CodeSpreadView::setVariant(const VariantInfo* variant)
{
    m_priorLine->setVisible(variant && variant->traits.standardNormalPrior);
    m_dirty = true;
}

bool CodeSpreadView::showsPriorLine() const { return m_priorLine->visible(); }

void CodeSpreadView::clear()
{
    m_spread = {};
    m_stddev->data()->clear();
    m_mean->data()->clear();
    m_caption->setText(tr("Each latent dimension's spread appears here while training."));
    m_dirty = true;
}

void CodeSpreadView::consume(const Snapshot& s)
{
    if (!s.latent)
        return;
    m_spread = codeSpread(s.latent->codes);
    m_dirty = true;
}

void CodeSpreadView::refresh()
{
    if (!m_dirty)
        return;
    m_dirty = false;
    const int dims = int(m_spread.stddev.size());
    QVector<double> keys(dims), stddev(dims), mean(dims);
    double lo = 0, hi = m_priorLine->visible() ? 1.1 : 0.1;
    for (int j = 0; j < dims; ++j) {
        keys[j] = j + 1;
        stddev[j] = m_spread.stddev[std::size_t(j)];
        mean[j] = m_spread.mean[std::size_t(j)];
        lo = std::min({lo, mean[j]});
        hi = std::max({hi, stddev[j], mean[j]});
    }
    m_stddev->setData(keys, stddev, true);
    m_mean->setData(keys, mean, true);
    m_plot->xAxis->setRange(0.4, std::max(dims, 1) + 0.6);
    const double pad = 0.08 * (hi - lo);
    m_plot->yAxis->setRange(lo - pad, hi + pad);
    if (dims > 0) {
        QString text = tr("Bars: std. deviation, dots: mean, over %1 samples.").arg(m_spread.samples);
        if (m_priorLine->visible())
            text += tr(" Dashed: the prior's std. deviation, 1.");
        m_caption->setText(text);
    }
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
}

std::vector<View::ExportTarget> CodeSpreadView::exportTargets() { return {{key(), title(), m_plot}}; }

} // namespace aelab::ui
