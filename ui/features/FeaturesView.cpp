#include "features/FeaturesView.h"

#include "models/Registry.h"

#include "worker/ExploreClient.h"
#include "widgets/ImageCanvas.h"
#include "widgets/ImageTools.h"
#include "widgets/PlotStyle.h"

#include "train/Evaluate.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

namespace aelab::ui {

namespace {

// The bank's title in the window's language (the core's is English).
QString bankTitle(const FilterBank& b)
{
    switch (b.kind) {
    case FilterBank::Kind::Conv:
        return FeaturesView::tr("layer %1: %2 kernels %3x%3 (conv)").arg(b.layer).arg(b.units).arg(b.kernel);
    case FilterBank::Kind::Dense:
        return FeaturesView::tr("layer %1: %2 units (dense)").arg(b.layer).arg(b.units);
    case FilterBank::Kind::LinearView:
        return FeaturesView::tr("layer %1: %2 units (linear view through the layers below)").arg(b.layer).arg(b.units);
    }
    return QString::fromStdString(b.title);
}

} // namespace

namespace {

struct FeaturesAnswer {
    std::vector<FilterBank> banks;
    std::vector<double> means;
    Histogram histogram;
};

} // namespace

FeaturesView::FeaturesView(const ViewContext& context, QWidget* parent)
    : View("features", tr("Features"), parent), m_client(new ExploreClient(context.controller, this)), m_layer(new QComboBox(this)),
      m_refresh(new QPushButton(tr("Refresh"), this)), m_filterCaption(new QLabel(this)),
      m_filters(new ImageCanvas(this)), m_plot(new QCustomPlot(this)), m_histCaption(new QLabel(this))
{
    setObjectName("featuresView");
    m_layer->setObjectName("filterLayer");
    m_layer->setToolTip(tr("Which encoder layer's filters to show"));
    m_refresh->setObjectName("featuresRefresh");
    m_filterCaption->setWordWrap(true);
    m_filterCaption->setText(tr("The encoder's first-layer filters appear here once there is a model."));
    m_histCaption->setWordWrap(true);
    setUpPlot(m_plot);
    m_plot->setInteractions({});
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setPen(QPen(seriesColor(0).darker(130)));
    m_bars->setBrush(seriesColor(0));
    m_plot->xAxis->setLabel(tr("mean activation over the probe set"));
    m_plot->yAxis->setLabel(tr("code units"));
    useWholeNumberTicks(m_plot->yAxis);   // a count

    auto* filterBox = new QGroupBox(tr("Filters"), this);
    auto* fl = new QVBoxLayout(filterBox);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Layer:"), filterBox));
    row->addWidget(m_layer, 1);
    row->addWidget(m_refresh);
    fl->addLayout(row);
    fl->addWidget(m_filters, 1);
    fl->addWidget(m_filterCaption);
    auto* histBox = new QGroupBox(tr("Activations"), this);
    auto* hl = new QVBoxLayout(histBox);
    hl->addWidget(m_plot, 1);
    hl->addWidget(m_histCaption);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(filterBox);
    split->addWidget(histBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({650, 450});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(split);

    connect(m_refresh, &QPushButton::clicked, this, &FeaturesView::request);
    connect(m_layer, &QComboBox::currentIndexChanged, this, [this] { drawBank(); });
    m_since.start();
}

void FeaturesView::setDataset(const DatasetPtr& data)
{
    m_shape = data->shape;
    clear();
}

void FeaturesView::setVariant(const VariantInfo* variant) { m_layerwise = variant && variant->traits.layerwise; }

void FeaturesView::clear()
{
    m_banks.clear();
    m_means.clear();
    m_histogram = {};
    {
        const QSignalBlocker block(m_layer);
        m_layer->clear();
    }
    m_filters->setImage({});
    m_bars->data()->clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void FeaturesView::consume(const Snapshot& s)
{
    if (!s.latent)
        return;
    const bool final = s.status != RunStatus::Running;
    if (isVisible() && (final || m_since.elapsed() >= kRefreshMs) && !m_client->anyPending())
        request();
}

void FeaturesView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    request();
}

void FeaturesView::request()
{
    m_since.restart();
    const SampleShape shape = m_shape;
    const bool allLayers = m_layerwise;
    m_client->request("features", [shape, allLayers](ExploreContext& c) -> std::any {
        FeaturesAnswer a;
        a.banks = encoderFilters(c.model, shape, kMaxTiles, allLayers);
        const Matrix codes = encodeSet(c.model, c.probe.points);
        const RowVector means = codes.colwise().mean();
        a.means.assign(means.data(), means.data() + means.size());
        const int bins = std::clamp(int(std::ceil(std::sqrt(double(a.means.size())) * 2)), 5, 40);
        a.histogram = aelab::histogram(a.means, bins);
        return a;
    }, [this](const ExploreReply& r) {
        if (!r.error.empty())
            return;
        auto a = std::any_cast<FeaturesAnswer>(r.value);
        const int shown = std::max(0, m_layer->currentIndex());
        m_banks = std::move(a.banks);
        m_means = std::move(a.means);
        m_histogram = a.histogram;
        {
            const QSignalBlocker block(m_layer);
            m_layer->clear();
            for (const FilterBank& b : m_banks)
                m_layer->addItem(bankTitle(b));
            m_layer->setCurrentIndex(std::min(shown, m_layer->count() - 1));
        }
        m_layer->setEnabled(m_banks.size() > 1);
        drawBank();
        QVector<double> keys, values;
        for (int k = 0; k < int(m_histogram.counts.size()); ++k) {
            keys << m_histogram.binCentre(k);
            values << m_histogram.counts[std::size_t(k)];
        }
        m_bars->setWidth(m_histogram.binWidth() * 0.9);
        m_bars->setData(keys, values);
        m_plot->xAxis->setRange(m_histogram.lo, m_histogram.hi);
        m_plot->yAxis->setRange(0, std::max(1.0, *std::max_element(values.begin(), values.end()) * 1.1));
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        double lo = INFINITY, hi = -INFINITY;
        for (double v : m_means) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        m_histCaption->setText(tr("%1 code units; mean activations from %2 to %3.")
                                   .arg(m_means.size()).arg(lo, 0, 'g', 3).arg(hi, 0, 'g', 3));
        emit updated();
    });
}

int FeaturesView::shownLayer() const { return m_layer->currentIndex(); }

void FeaturesView::showLayer(int index) { m_layer->setCurrentIndex(index); }

int FeaturesView::tileCount() const
{
    const int i = m_layer->currentIndex();
    return i >= 0 && i < int(m_banks.size()) ? int(m_banks[std::size_t(i)].tiles.rows()) : 0;
}

void FeaturesView::drawBank()
{
    const int i = m_layer->currentIndex();
    if (i < 0 || i >= int(m_banks.size())) {
        m_filters->setImage({});
        m_filterCaption->setText(tr("This model has no encoder weights to show."));
        return;
    }
    const FilterBank& b = m_banks[std::size_t(i)];
    if (!b.tileShape.isImage()) {
        m_filters->setImage({});
        m_filterCaption->setText(tr("%1: the samples are not images, so the filters are not shown as tiles.")
                                     .arg(bankTitle(b)));
        return;
    }
    const int columns = std::max(1, int(std::ceil(std::sqrt(double(b.tiles.rows())))));
    m_filters->setImage(mosaicImage(b.tiles, b.tileShape, columns, 1));
    m_filterCaption->setText(tr("%1; %2 of %3 shown. Grey is 0, white positive, black negative (each tile "
                                "scaled on its own).")
                                 .arg(bankTitle(b)).arg(b.tiles.rows()).arg(b.units));
}

} // namespace aelab::ui
