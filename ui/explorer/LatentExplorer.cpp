#include "explorer/LatentExplorer.h"

#include "window/SampleSelection.h"
#include "i18n/CoreText.h"
#include "models/Registry.h"

#include "worker/ExploreClient.h"
#include "widgets/DataSpacePlot.h"
#include "widgets/ImageGrid.h"
#include "widgets/PlotStyle.h"
#include "widgets/ImageTools.h"
#include "explorer/ManifoldGridView.h"
#include "worker/TrainingController.h"

#include "explore/Lattice.h"
#include "math/Error.h"
#include "train/Evaluate.h"

#include <qcustomplot.h>

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace aelab::ui {

namespace {

struct SampleAnswer {
    int index = 0;
    int label = -1;
    Matrix x, reconstruction, code;   // one row each
};

struct PathAnswer {
    Matrix codes;     // (steps, latent)
    Matrix decoded;   // (steps, features)
};

QWidget* boxed(const QString& title, QWidget* parent, std::initializer_list<QWidget*> content)
{
    auto* box = new QGroupBox(title, parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    for (QWidget* w : content)
        layout->addWidget(w, w->sizePolicy().verticalPolicy() == QSizePolicy::Expanding ? 1 : 0);
    return box;
}

QString formatCode(const Matrix& row, int maxShown = 6)
{
    QStringList parts;
    for (Eigen::Index j = 0; j < row.cols() && j < maxShown; ++j)
        parts << QString::number(double(row(0, j)), 'f', 2);
    if (row.cols() > maxShown)
        parts << "…";
    return "(" + parts.join(", ") + ")";
}

} // namespace

LatentExplorer::LatentExplorer(const ViewContext& context, QWidget* parent)
    : View("explorer", tr("Latent explorer"), parent), m_client(new ExploreClient(context.controller, this)),
      m_selection(context.selection), m_map(new ExploreMapView(this)),
      m_grid(new ManifoldGridView(this)), m_inspect(new ImageGrid(this)), m_inspectCaption(new QLabel(this)),
      m_decodedGrid(new ImageGrid(this)), m_decodedCaption(new QLabel(this)), m_stripGrid(new ImageGrid(this)),
      m_stripCaption(new QLabel(this)), m_sampleA(new QSpinBox(this)), m_sampleB(new QSpinBox(this)),
      m_interpolateButton(new QPushButton(tr("Interpolate"), this))
{
    setObjectName("latentExplorer");
    for (QLabel* l : {m_inspectCaption, m_decodedCaption, m_stripCaption})
        l->setWordWrap(true);
    m_inspectCaption->setObjectName("inspectCaption");
    m_inspectCaption->setText(tr("Hover or click a point of the map."));
    m_decodedCaption->setText(tr("Click empty space in the map to decode that point."));
    m_stripCaption->setText(tr("Drag in the map from one place to another, or pick two samples."));
    m_sampleA->setObjectName("sampleA");
    m_sampleB->setObjectName("sampleB");
    m_sampleA->setPrefix(tr("from #"));
    m_sampleB->setPrefix(tr("to #"));
    // -1: an end dragged from or to empty space, not a sample.
    m_sampleA->setMinimum(-1);
    m_sampleB->setMinimum(-1);
    m_sampleA->setSpecialValueText(tr("from a point"));
    m_sampleB->setSpecialValueText(tr("to a point"));
    m_sampleA->setValue(0);
    m_sampleB->setValue(1);
    for (QSpinBox* s : {m_sampleA, m_sampleB})
        s->setToolTip(tr("A probe sample (hover a point to see its number)"));
    m_interpolateButton->setObjectName("interpolate");
    m_inspectPlot = new DataSpacePlot(this);
    m_decodedPlot = new DataSpacePlot(this);
    m_stripPlot = new DataSpacePlot(this);
    for (DataSpacePlot* p : {m_inspectPlot, m_decodedPlot, m_stripPlot})
        p->setVisible(false);
    m_inspect->setMinimumHeight(90);
    m_decodedGrid->setMinimumHeight(90);
    m_stripGrid->setMinimumHeight(80);

    auto* pathControls = new QWidget(this);
    auto* pathRow = new QHBoxLayout(pathControls);
    pathRow->setContentsMargins(0, 0, 0, 0);
    pathRow->addWidget(m_sampleA);
    pathRow->addWidget(m_sampleB);
    pathRow->addWidget(m_interpolateButton);
    pathRow->addStretch(1);

    auto* top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(boxed(tr("Latent map"), top, {m_map}));
    top->addWidget(boxed(tr("Manifold grid"), top, {m_grid}));
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    auto* bottom = new QWidget(this);
    auto* bottomRow = new QHBoxLayout(bottom);
    bottomRow->setContentsMargins(0, 0, 0, 0);
    bottomRow->addWidget(boxed(tr("Point"), bottom, {m_inspect, m_inspectPlot, m_inspectCaption}), 2);
    bottomRow->addWidget(boxed(tr("Decoded point"), bottom, {m_decodedGrid, m_decodedPlot, m_decodedCaption}), 1);
    bottomRow->addWidget(boxed(tr("Interpolation"), bottom, {pathControls, m_stripGrid, m_stripPlot, m_stripCaption}), 5);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(split);

    connect(m_map, &ExploreMapView::hovered, this, &LatentExplorer::inspectSample);
    connect(m_map, &ExploreMapView::pointClicked, this, [this](int i) {
        inspectSample(i);
        if (m_selection)
            m_selection->choose(i);
    });
    connect(m_map, &ExploreMapView::emptyClicked, this, &LatentExplorer::onEmptyClicked);
    connect(m_map, &ExploreMapView::dragged, this, &LatentExplorer::onDragged);
    connect(m_interpolateButton, &QPushButton::clicked, this, [this] {
        // A box showing "a point" keeps the dragged end's code.
        auto end = [this](QSpinBox* box, bool first) -> PathEnd {
            if (box->value() >= 0)
                return {box->value(), {}};
            if (m_pathRequest)
                return first ? m_pathRequest->first : m_pathRequest->second;
            return {0, {}};
        };
        interpolate(end(m_sampleA, true), end(m_sampleB, false));
    });
    connect(m_grid, &ManifoldGridView::requested, this, &LatentExplorer::decodeGrid);
    // The worker keeps the probe codes every K steps for the timeline.
    connect(m_map, &ExploreMapView::timelineIntervalChanged, context.controller,
            &TrainingController::setTimelineInterval);
    connect(context.controller, &TrainingController::codesKept, this, &LatentExplorer::keepCodes);
    // A live grid follows the map's view (zoom, plane) after a short pause.
    m_gridDelay.setSingleShot(true);
    m_gridDelay.setInterval(150);
    connect(&m_gridDelay, &QTimer::timeout, this, [this] {
        if (m_grid->live() && m_map->hasPlane())
            decodeGrid(m_grid->side());
    });
    connect(m_map, &ExploreMapView::planeChanged, &m_gridDelay, qOverload<>(&QTimer::start));
    connect(m_map->plot()->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), &m_gridDelay,
            qOverload<>(&QTimer::start));
    m_sinceLive.start();
}

void LatentExplorer::setDataset(const DatasetPtr& data)
{
    m_shape = data->shape;
    m_classNames = data->classNames;
    m_points2d = !m_shape.isImage() && data->features() == 2;
    m_dataPoints = m_points2d ? Matrix(data->testX.topRows(std::min<Eigen::Index>(data->testX.rows(), 800))) : Matrix();
    const std::pair<QWidget*, DataSpacePlot*> panels[] = {
        {m_inspect, m_inspectPlot}, {m_decodedGrid, m_decodedPlot}, {m_stripGrid, m_stripPlot}};
    for (const auto& [images, plot] : panels) {
        images->setVisible(!m_points2d);
        plot->setVisible(m_points2d);
        plot->setData(m_dataPoints);
    }
    m_map->setClassNames(data->classNames);
    clear();
}

void LatentExplorer::setVariant(const VariantInfo* variant)
{
    m_standardNormalPrior = variant && variant->traits.standardNormalPrior;
    m_map->setStandardNormalPrior(m_standardNormalPrior);
}

std::vector<View::ExportTarget> LatentExplorer::exportTargets()
{
    return {{key(), title(), this}, {"manifold", tr("Manifold grid"), m_grid}};
}

void LatentExplorer::clear()
{
    m_map->clear();
    m_grid->clear();
    m_inspect->clear();
    m_decodedGrid->clear();
    m_stripGrid->clear();
    for (DataSpacePlot* p : {m_inspectPlot, m_decodedPlot, m_stripPlot})
        p->clearMarks();
    m_inspected = -1;
    m_inspectImages.clear();
    m_gridDecodes.resize(0, 0);
    m_gridCodes.resize(0, 0);
    m_decodeRequest.reset();
    m_stale = false;
    m_decoded.resize(0, 0);
    m_strip.resize(0, 0);
    m_stripCodes.resize(0, 0);
    // A new run starts with a strip between the first two probe samples.
    m_pathRequest = std::make_pair(PathEnd{std::max(0, m_sampleA->value()), {}}, PathEnd{std::max(0, m_sampleB->value()), {}});
    if (!m_shape.isImage() && !m_points2d)
        m_grid->setUnavailable(tr("The manifold grid decodes images; this dataset's samples are points."));
}

void LatentExplorer::consume(const Snapshot& s)
{
    m_map->consume(s);
    if (s.latent) {
        const int n = int(s.latent->codes.rows());
        m_sampleA->setMaximum(std::max(0, n - 1));
        m_sampleB->setMaximum(std::max(0, n - 1));
        if (m_inspected < 0 && !m_client->pending("explorer.sample")) {
            // A run's first codes: show the first sample, and a default strip
            // from it to the first sample of another class.
            const std::vector<int>& labels = s.latent->labels;
            if (m_pathRequest && m_pathRequest->first.sample == 0 && m_pathRequest->second.sample == 1
                && labels.size() == std::size_t(n))
                for (int j = 1; j < n; ++j)
                    if (labels[std::size_t(j)] != labels[0]) {
                        m_sampleB->setValue(j);
                        m_pathRequest->second.sample = j;
                        break;
                    }
            inspectSample(0);
            // And the decode of the codes' centre: the plane's origin for
            // principal components, its base (the mean, or a VAE's prior
            // mean 0) for dimensions.
            if (!m_decodeRequest && m_map->hasPlane()) {
                const LatentPlane& plane = m_map->plane();
                const bool dims = plane.mode == PlaneMode::Dims;
                const QPointF centre(dims ? double(plane.base(plane.dimX)) : 0.0,
                                     dims && plane.dimY >= 0 ? double(plane.base(plane.dimY)) : 0.0);
                m_map->markDecoded(centre);
                decodeCode(lift(centre));
            }
        }
        const bool final = s.status != RunStatus::Running;
        if (!isVisible())
            m_stale = true;   // asked again when the tab is shown
        else if (final || m_sinceLive.elapsed() >= kLiveMs)
            requestLive();
    }
}

void LatentExplorer::keepCodes(long long step, const Matrix& codes) { m_map->offerCodes(step, codes); }

void LatentExplorer::refresh() { m_map->refresh(); }

void LatentExplorer::showEvent(QShowEvent* event)
{
    View::showEvent(event);
    if (m_stale)
        requestLive();
}

void LatentExplorer::requestLive()
{
    m_stale = false;
    m_sinceLive.restart();
    if (m_inspected >= 0)
        inspectSample(m_inspected);
    if (m_decodeRequest)
        decodeCode(*m_decodeRequest);
    if (m_pathRequest)
        interpolate(m_pathRequest->first, m_pathRequest->second);
    if (m_grid->live() && (m_shape.isImage() || m_points2d) && m_map->hasPlane())
        decodeGrid(m_grid->side());
}

RowVector LatentExplorer::lift(QPointF p) const
{
    Matrix point(1, 2);
    point << Scalar(p.x()), Scalar(p.y());
    return m_map->plane().lift(point);
}

void LatentExplorer::inspectSample(int index)
{
    if (index < 0)
        return;
    m_client->request("explorer.sample", [index](ExploreContext& c) -> std::any {
        if (index >= c.probe.points.rows())
            fail(ErrorKind::InvalidArgument, "there is no probe sample " + std::to_string(index));
        SampleAnswer a;
        a.index = index;
        a.x = c.probe.points.row(index);
        a.code = c.model.encode(a.x);
        a.reconstruction = c.model.reconstruct(a.x);
        a.label = index < int(c.probe.pointLabels.size()) ? c.probe.pointLabels[std::size_t(index)] : -1;
        return a;
    }, [this](const ExploreReply& r) {
        if (!r.error.empty())
            return;
        const auto& a = std::any_cast<const SampleAnswer&>(r.value);
        m_inspected = a.index;
        m_inspectedLabel = a.label;
        m_inspectedCode = a.code;
        const QString cls = a.label < 0 ? tr("unlabelled")
            : a.label < int(m_classNames.size()) ? coreText(m_classNames[std::size_t(a.label)])
                                                 : tr("class %1").arg(a.label);
        m_inspectImages.clear();
        if (m_shape.isImage()) {
            m_inspectImages = {sampleImage(a.x, 0, m_shape), sampleImage(a.reconstruction, 0, m_shape)};
            m_inspect->setRows({{tr("image"), {m_inspectImages[0]}}, {tr("reconstruction"), {m_inspectImages[1]}}});
            m_inspectCaption->setText(tr("#%1: %2, code %3").arg(a.index).arg(cls, formatCode(a.code)));
        } else {
            m_inspect->clear();
            m_inspectCaption->setText(tr("#%1: %2\nx = %3\nreconstruction %4\ncode %5")
                                          .arg(a.index).arg(cls, formatCode(a.x), formatCode(a.reconstruction),
                                               formatCode(a.code)));
            if (m_points2d) {
                // The sample and its reconstruction in data space, joined.
                Matrix pair(2, a.x.cols());
                pair << a.x, a.reconstruction;
                m_inspectPlot->setMarks({{QString(), pair, QColor(90, 90, 90), true, 0},
                                         {tr("sample"), a.x, seriesColor(0), false, 9},
                                         {tr("reconstruction"), a.reconstruction, seriesColor(3), false, 9}});
                m_inspectCaption->setText(m_inspectCaption->text() + "\n" + tr("blue: the sample, red: its reconstruction"));
            }
        }
        emit inspectReady();
    });
}

void LatentExplorer::onEmptyClicked(QPointF p)
{
    if (!m_map->hasPlane())
        return;
    decodeCode(lift(p));
}

void LatentExplorer::decodeCode(const RowVector& code)
{
    m_decodeRequest = code;
    const Matrix z = code;
    m_client->request("explorer.decode", [z](ExploreContext& c) -> std::any {
        if (z.cols() != c.model.latentSize())
            fail(ErrorKind::InvalidArgument, "the code has " + std::to_string(z.cols()) + " values, the model's "
                 + std::to_string(c.model.latentSize()));
        return std::make_pair(z, c.model.decode(z));
    }, [this](const ExploreReply& r) {
        if (!r.error.empty())
            return;
        const auto& [z, x] = std::any_cast<const std::pair<Matrix, Matrix>&>(r.value);
        m_decoded = x;
        m_decodedCode = z;
        if (m_shape.isImage()) {
            m_decodedGrid->setRows({{QString(), {sampleImage(x, 0, m_shape)}}});
            m_decodedCaption->setText(tr("decode of z = %1").arg(formatCode(z)));
        } else {
            m_decodedGrid->clear();
            m_decodedCaption->setText(tr("decode of z = %1:\nx = %2").arg(formatCode(z), formatCode(x)));
            if (m_points2d)
                m_decodedPlot->setMarks({{tr("decode"), x, QColor(20, 20, 20), false, 9}});
        }
        emit decodedReady();
    });
}

void LatentExplorer::onDragged(QPointF from, QPointF to, int fromIndex, int toIndex)
{
    if (!m_map->hasPlane())
        return;
    interpolate({fromIndex, fromIndex >= 0 ? RowVector() : lift(from)},
                {toIndex, toIndex >= 0 ? RowVector() : lift(to)});
}

void LatentExplorer::interpolate(const PathEnd& from, const PathEnd& to)
{
    m_pathRequest = std::make_pair(from, to);
    // The from/to boxes follow the path however it was made (a drag too).
    m_sampleA->setValue(from.sample >= 0 ? from.sample : -1);
    m_sampleB->setValue(to.sample >= 0 ? to.sample : -1);
    m_client->request("explorer.path", [from, to](ExploreContext& c) -> std::any {
        auto code = [&c](const PathEnd& e) -> RowVector {
            if (e.sample < 0)
                return e.code;
            if (e.sample >= c.probe.points.rows())
                fail(ErrorKind::InvalidArgument, "there is no probe sample " + std::to_string(e.sample));
            return c.model.encode(c.probe.points.row(e.sample));
        };
        PathAnswer a;
        a.codes = interpolationPath(code(from), code(to), kPathSteps);
        a.decoded = c.model.decode(a.codes);
        return a;
    }, [this, from, to](const ExploreReply& r) {
        if (!r.error.empty())
            return;
        const auto& a = std::any_cast<const PathAnswer&>(r.value);
        m_strip = a.decoded;
        m_stripCodes = a.codes;
        auto name = [](const PathEnd& e) { return e.sample >= 0 ? tr("#%1").arg(e.sample) : tr("a point"); };
        const QString ends = tr("from %1 %2 to %3 %4")
                                 .arg(name(from), formatCode(a.codes.topRows(1)), name(to), formatCode(a.codes.bottomRows(1)));
        if (m_shape.isImage()) {
            m_stripGrid->setRows({{QString(), rowImages(a.decoded, m_shape)}});
            m_stripCaption->setText(tr("%1 decodes %2").arg(a.decoded.rows()).arg(ends));
        } else {
            m_stripGrid->clear();
            m_stripCaption->setText(tr("%1: x from %2 to %3").arg(ends, formatCode(a.decoded.topRows(1)),
                                                                  formatCode(a.decoded.bottomRows(1))));
            if (m_points2d)
                m_stripPlot->setMarks({{tr("path"), a.decoded, seriesColor(2), true, 5},
                                       {tr("from"), a.decoded.topRows(1), seriesColor(0), false, 9},
                                       {tr("to"), a.decoded.bottomRows(1), seriesColor(3), false, 9}});
        }
        if (m_map->hasPlane() && a.codes.cols() == m_map->plane().latentSize) {
            const Matrix ends2 = m_map->plane().project(
                (Matrix(2, a.codes.cols()) << a.codes.topRows(1), a.codes.bottomRows(1)).finished());
            m_map->markPath({ends2(0, 0), ends2(0, 1)}, {ends2(1, 0), ends2(1, 1)});
        }
        emit stripReady();
    });
}

void LatentExplorer::decodeGrid(int side)
{
    if (!m_shape.isImage() && !m_points2d) {
        m_grid->setUnavailable(tr("The manifold grid decodes images; this dataset's samples are points."));
        return;
    }
    if (!m_map->hasPlane())
        return;
    // The lattice on the plane, lifted into latent space (core numerics).
    const bool quantiles = m_standardNormalPrior;
    const Matrix plane = quantiles ? gaussianLattice(side) : gridLattice(m_map->visibleRect(), side);
    const Matrix codes = m_map->plane().lift(plane);
    m_client->request("explorer.grid", [codes](ExploreContext& c) -> std::any {
        if (codes.cols() != c.model.latentSize())
            fail(ErrorKind::InvalidArgument, "the lattice does not fit the model's latent size");
        return c.model.decode(codes);
    }, [this, side, quantiles, codes](const ExploreReply& r) {
        if (!r.error.empty())
            return;
        const auto& x = std::any_cast<const Matrix&>(r.value);
        m_gridDecodes = x;
        m_gridCodes = codes;
        const QString where = quantiles
            ? tr("Gaussian quantiles Φ⁻¹((i + ½)/%1) along %2 and %3").arg(side)
                  .arg(QString::fromStdString(m_map->plane().xLabel), QString::fromStdString(m_map->plane().yLabel))
            : tr("the map's visible range");
        if (m_points2d)
            m_grid->setPoints(x, side, m_dataPoints,
                              tr("%1 x %1 decodes over %2, in data space: each line joins a row or a column of the "
                                 "lattice.").arg(side).arg(where));
        else
            m_grid->setMosaic(mosaicImage(x, m_shape, side), side, tr("%1 x %1 decodes over %2.").arg(side).arg(where));
        emit gridReady();
    });
}

QString LatentExplorer::inspectCaption() const { return m_inspectCaption->text(); }

QImage LatentExplorer::decodedImage() const
{
    return m_decoded.rows() > 0 && m_shape.isImage() ? sampleImage(m_decoded, 0, m_shape) : QImage();
}

int LatentExplorer::stripImageCount() const { return m_stripGrid->imageCount(); }

} // namespace aelab::ui
