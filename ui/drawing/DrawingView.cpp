#include "drawing/DrawingView.h"

#include "drawing/DrawingCanvas.h"
#include "i18n/CoreText.h"
#include "widgets/ImageGrid.h"
#include "widgets/ImageTools.h"
#include "widgets/PlotStyle.h"
#include "window/SampleSelection.h"
#include "worker/ExploreClient.h"
#include "worker/TrainingController.h"

#include "math/Error.h"
#include "models/Registry.h"

#include <qcustomplot.h>

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <cmath>

namespace aelab::ui {

namespace {

constexpr int kSide = 28;
constexpr int kDuringTrainingMs = 500;   // while training, the drawing is read again this often
constexpr std::uint64_t kNoiseSeed = 7;  // the same noise on every reading: only the drawing changes it

QString codeText(const RowVector& code)
{
    QStringList values;
    const Eigen::Index shown = std::min<Eigen::Index>(code.size(), 8);
    for (Eigen::Index i = 0; i < shown; ++i)
        values << QString::number(code(i), 'f', 2);
    if (code.size() > shown)
        values << QStringLiteral("…");
    return "(" + values.join(", ") + ")";
}

} // namespace

DrawingView::DrawingView(const ViewContext& context, QWidget* parent)
    : View("draw", tr("Draw"), parent), m_context(context), m_client(new ExploreClient(context.controller, this)),
      m_stack(new QStackedWidget(this)), m_unavailable(new QLabel(this)), m_canvas(new DrawingCanvas(this)),
      m_brush(new QButtonGroup(this)), m_sample(new QSpinBox(this)),
      m_fromSelection(new QPushButton(tr("Start from the map's selected sample"), this)),
      m_map(new QCustomPlot(this)), m_mapCaption(new QLabel(this)), m_results(new ImageGrid(this)),
      m_caption(new QLabel(this))
{
    setObjectName("drawingView");
    m_unavailable->setObjectName("drawingUnavailable");
    m_unavailable->setWordWrap(true);
    m_unavailable->setAlignment(Qt::AlignCenter);

    // The pad: brush, clear, a real sample to start from.
    auto* ink = new QRadioButton(tr("Draw"), this);
    auto* erase = new QRadioButton(tr("Erase"), this);
    auto* cut = new QRadioButton(tr("Cut out"), this);
    ink->setObjectName("brushInk");
    erase->setObjectName("brushErase");
    cut->setObjectName("brushCutOut");
    ink->setToolTip(tr("Paint ink with a soft brush, as MNIST's pen strokes"));
    erase->setToolTip(tr("Remove ink (the right button always erases)"));
    cut->setToolTip(tr("Mark pixels as missing (red): what a masked autoencoder imputes; other variants see 0 there"));
    ink->setChecked(true);
    m_brush->addButton(ink, int(BrushMode::Ink));
    m_brush->addButton(erase, int(BrushMode::Erase));
    m_brush->addButton(cut, int(BrushMode::CutOut));
    auto* clearButton = new QPushButton(tr("Clear"), this);
    clearButton->setObjectName("drawingClear");
    auto* brushRow = new QHBoxLayout;
    brushRow->addWidget(ink);
    brushRow->addWidget(erase);
    brushRow->addWidget(cut);
    brushRow->addStretch(1);
    brushRow->addWidget(clearButton);

    m_sample->setObjectName("drawingSample");
    m_sample->setToolTip(tr("Index of a sample of the test set (of the training set when there is none)"));
    auto* fromSample = new QPushButton(tr("Start from sample"), this);
    fromSample->setObjectName("drawingFromSample");
    m_fromSelection->setObjectName("drawingFromSelection");
    m_fromSelection->setToolTip(tr("The probe sample last clicked on the Latent explorer's map"));
    auto* sampleRow = new QHBoxLayout;
    sampleRow->addWidget(fromSample);
    sampleRow->addWidget(m_sample);
    sampleRow->addStretch(1);
    auto* selectionRow = new QHBoxLayout;   // a row of its own: the pad stays narrow when zoomed
    selectionRow->addWidget(m_fromSelection);
    selectionRow->addStretch(1);

    auto* left = new QVBoxLayout;
    left->addWidget(m_canvas, 1);
    left->addLayout(brushRow);
    left->addLayout(sampleRow);
    left->addLayout(selectionRow);

    // What the model makes of it.
    setUpPlot(m_map);
    m_map->setObjectName("drawingMap");
    m_map->setInteractions({});
    m_map->legend->setVisible(false);
    placeLegendAtRight(m_map);
    m_map->xAxis->setLabel("z1");
    m_map->yAxis->setLabel("z2");
    m_mapCaption->setObjectName("drawingMapCaption");
    m_mapCaption->setWordWrap(true);
    m_results->setObjectName("drawingResults");
    m_caption->setObjectName("drawingCaption");
    m_caption->setWordWrap(true);
    auto* right = new QVBoxLayout;
    right->addWidget(m_mapCaption);
    right->addWidget(m_map, 3);
    right->addWidget(m_results, 2);
    right->addWidget(m_caption);

    auto* pad = new QWidget(this);
    auto* padLayout = new QHBoxLayout(pad);
    padLayout->addLayout(left, 2);
    padLayout->addLayout(right, 3);
    m_stack->addWidget(m_unavailable);
    m_stack->addWidget(pad);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    m_throttle.setSingleShot(true);
    m_throttle.setInterval(kRequestMs);
    connect(&m_throttle, &QTimer::timeout, this, &DrawingView::request);
    connect(m_canvas, &DrawingCanvas::changed, this, &DrawingView::drawingChanged);
    connect(m_brush, &QButtonGroup::idClicked, this, [this](int id) { m_canvas->setMode(BrushMode(id)); });
    connect(clearButton, &QPushButton::clicked, m_canvas, &DrawingCanvas::clearDrawing);
    connect(fromSample, &QPushButton::clicked, this, [this] { startFromSample(m_sample->value()); });
    connect(m_fromSelection, &QPushButton::clicked, this, &DrawingView::startFromSelection);
    connect(m_client, &ExploreClient::failed, this, [this](const QString& why) {
        m_caption->setText(tr("The model could not read the drawing: %1").arg(why));
    });
    setDataset(nullptr);
    DrawingView::clear();
}

QString DrawingView::unavailableReason() const
{
    if (!m_data)
        return tr("Load a dataset of 28 x 28 grey images (Fashion-MNIST, MNIST, the drawn shapes) to draw.");
    const SampleShape& s = m_data->shape;
    if (!s.isImage())
        return tr("The drawing pad draws 28 x 28 grey images; %1 holds points of %2 values, not images.")
            .arg(QString::fromStdString(m_data->name)).arg(s.size());
    return tr("The drawing pad draws 28 x 28 grey images; %1 holds %2 x %3 images with %4 channel(s).")
        .arg(QString::fromStdString(m_data->name)).arg(s.width).arg(s.height).arg(s.channels);
}

void DrawingView::setDataset(const DatasetPtr& data)
{
    m_data = data;
    m_available = data && data->shape.channels == 1 && data->shape.width == kSide && data->shape.height == kSide;
    m_unavailable->setText(m_available ? QString() : unavailableReason());
    m_stack->setCurrentIndex(m_available ? 1 : 0);
    if (data) {
        const Eigen::Index n = data->testX.rows() > 0 ? data->testX.rows() : data->trainX.rows();
        m_sample->setRange(0, int(std::max<Eigen::Index>(0, n - 1)));
    }
    m_latent.reset();
    m_classGraphs.clear();
    m_map->clearGraphs();
    m_mark = nullptr;
    m_mapDirty = true;
}

void DrawingView::setVariant(const VariantInfo* variant)
{
    m_variant = variant;
    m_readout.reset();
    if (variant && m_available)
        request();
}

void DrawingView::clear()
{
    m_latent.reset();
    m_readout.reset();
    m_results->clear();
    m_mapDirty = true;
    m_mapCaption->setText(tr("Train a model (or open one): the drawing's code is marked on its latent map."));
    m_caption->setText(tr("Draw with the left button, erase with the right. What the model makes of the drawing "
                          "appears here as you draw."));
}

void DrawingView::consume(const Snapshot& s)
{
    if (!s.latent)
        return;
    m_latent = *s.latent;
    m_mapDirty = true;
    // The model moves while it trains: read the drawing again now and then.
    if (m_available && (!m_sinceRequest.isValid() || m_sinceRequest.elapsed() > kDuringTrainingMs))
        request();
}

void DrawingView::drawingChanged()
{
    if (!m_throttle.isActive())
        m_throttle.start();
}

void DrawingView::startFromSample(int index)
{
    if (!m_available)
        return;
    const Matrix& x = m_data->testX.rows() > 0 ? m_data->testX : m_data->trainX;
    if (index < 0 || index >= x.rows())
        return;
    m_sample->setValue(index);
    m_canvas->setDrawing(x.row(index));
}

void DrawingView::startFromSelection()
{
    const int chosen = m_context.selection ? m_context.selection->sample() : -1;
    if (!m_available || chosen < 0 || !m_context.controller) {
        m_caption->setText(tr("Click a sample on the Latent explorer's map first."));
        return;
    }
    m_client->request("drawingSelection", [chosen](ExploreContext& c) -> std::any {
        if (chosen >= c.probe.points.rows())
            throw Error(ErrorKind::InvalidArgument, "the selected sample is not in this run's probe set");
        return Matrix(c.probe.points.row(chosen));
    }, [this](const ExploreReply& reply) {
        if (reply.error.empty())
            m_canvas->setDrawing(std::any_cast<Matrix>(reply.value));
    });
}

void DrawingView::request()
{
    if (!m_available || !m_context.controller)
        return;
    if (!m_context.controller->hasModel() && !m_context.controller->isRunning()) {
        m_caption->setText(tr("No model yet: train one (F5) or open one, and the pad shows what it makes of the "
                              "drawing."));
        return;
    }
    m_sinceRequest.start();
    const Matrix image = m_canvas->image(), mask = m_canvas->mask();
    const CorruptionSpec noise = m_context.controller->corruption();
    m_client->request("drawing", [image, mask, noise](ExploreContext& c) -> std::any {
        if (image.cols() != c.model.context().inputDim)
            throw Error(ErrorKind::InvalidArgument, "the model reads samples of another size than the drawing's");
        return readDrawing(c.model, image, mask, noise, kNoiseSeed);
    }, [this, image, mask](const ExploreReply& reply) {
        if (!reply.error.empty())
            return;   // said by the failed() handler
        m_readImage = image;
        m_readMask = mask;
        show(std::any_cast<DrawingReadout>(reply.value));
    });
}

void DrawingView::show(const DrawingReadout& r)
{
    m_readout = r;
    const SampleShape shape{1, kSide, kSide};
    std::vector<QImage> images = {maskedImage(m_readImage, 0, m_readMask, shape), sampleImage(r.reconstruction, 0, shape),
                                  sampleImage(r.corrupted, 0, shape), sampleImage(r.denoised, 0, shape)};
    QStringList captions = {tr("drawing"), tr("reconstruction"), tr("with noise"), tr("denoised")};
    const bool imputes = m_variant && m_variant->hasDiagnostic("imputation");
    if (imputes && r.imputed.size() > 0) {
        images.push_back(sampleImage(r.imputed, 0, shape));
        captions << tr("imputed");
    }
    m_results->setRows({{QString(), std::move(images)}});
    m_results->setColumnCaptions(captions);

    const CorruptionSpec noise = m_context.controller->corruption();
    const QString variant = m_variant ? QString::fromStdString(m_variant->key) : tr("the model");
    QString text = tr("Code of the drawing: %1 (%n latent value(s)).", "", int(r.code.size())).arg(codeText(r.code));
    const QString level = noise.kind == CorruptionKind::Gaussian
        ? tr("sigma %1").arg(noise.level, 0, 'f', 2)
        : tr("%1% of the pixels").arg(qRound(100 * noise.level));
    text += ' ' + tr("Denoised: %1's reconstruction of the drawing with the denoising view's noise added (%2, %3)")
                      .arg(variant, coreText(corruptionKindLabel(noise.kind)), level);
    text += m_variant && m_variant->offers("corruption") ? tr(" (what it was trained to undo).")
                                                         : tr(" (%1 was not trained to remove noise).").arg(variant);
    if (imputes)
        text += ' ' + (r.missing > 0 ? tr("Imputed: the %n cut-out pixel(s) filled in by the model, the others kept.", "",
                                          r.missing)
                                     : tr("Cut out pixels (the third brush) to see the model impute them."));
    m_caption->setText(text);
    m_mapDirty = true;
    refresh();
}

RowVector DrawingView::mapPoint() const
{
    if (!m_readout || !m_latent)
        return RowVector::Constant(2, std::numeric_limits<Scalar>::quiet_NaN());
    return placeOnMap(*m_latent, m_readout->code);
}

void DrawingView::redrawMap()
{
    if (m_latent) {
        const LatentMap& map = *m_latent;
        int classes = 0;
        for (int label : map.labels)
            classes = std::max(classes, label + 1);
        if (m_classGraphs.size() != std::size_t(std::max(1, classes))) {
            m_map->clearGraphs();
            m_classGraphs = addClassScatters(m_map, classes, m_data ? m_data->classNames : std::vector<std::string>{});
            m_mark = nullptr;
        }
        std::vector<QVector<double>> keys(m_classGraphs.size()), values(m_classGraphs.size());
        for (Eigen::Index i = 0; i < map.points.rows(); ++i) {
            const std::size_t g = map.labels.empty() ? 0 : std::size_t(map.labels[std::size_t(i)]);
            if (g < m_classGraphs.size() && !std::isnan(map.points(i, 0))) {
                keys[g].push_back(map.points(i, 0));
                values[g].push_back(map.points(i, 1));
            }
        }
        for (std::size_t g = 0; g < m_classGraphs.size(); ++g)
            m_classGraphs[g]->setData(keys[g], values[g]);
        m_map->xAxis->setLabel(QString::fromStdString(map.xLabel));
        m_map->yAxis->setLabel(QString::fromStdString(map.yLabel));
    }
    if (!m_mark) {
        m_mark = m_map->addGraph();
        m_mark->setName(tr("your drawing"));
        m_mark->setLineStyle(QCPGraph::lsNone);
        m_mark->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssPlusCircle, QPen(Qt::black, 2), QColor(255, 255, 255), 18));
    }
    const RowVector p = mapPoint();
    if (std::isfinite(p(0)) && std::isfinite(p(1)))
        m_mark->setData(QVector<double>{p(0)}, QVector<double>{p(1)});
    else
        m_mark->data()->clear();
    m_map->rescaleAxes();
    for (QCPAxis* axis : {m_map->xAxis, m_map->yAxis})
        axis->scaleRange(1.1, axis->range().center());
    m_map->legend->setVisible(m_map->legend->itemCount() > 0 && m_latent.has_value());
    if (m_latent && std::isfinite(p(0)))
        m_mapCaption->setText(m_latent->latentSize > 2
            ? tr("The drawing's code (circled cross) among the probe set's %1-D codes, in the latent map's plane "
                 "(their first two principal components).").arg(m_latent->latentSize)
            : tr("The drawing's code (circled cross) among the probe set's codes, as on the latent map."));
    else if (m_latent)
        m_mapCaption->setText(tr("The probe set's codes; the drawing's code appears once the model has read it."));
    m_map->replot(QCustomPlot::rpQueuedReplot);
}

void DrawingView::refresh()
{
    if (!m_mapDirty || !isVisible())
        return;
    m_mapDirty = false;
    redrawMap();
}

QString DrawingView::caption() const { return m_mapCaption->text() + '\n' + m_caption->text(); }

std::vector<View::ExportTarget> DrawingView::exportTargets()
{
    return {{key(), title(), this}, {"draw-map", tr("Draw: latent map"), m_map}};
}

} // namespace aelab::ui
