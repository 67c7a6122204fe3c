#include "explorer/ExploreMapView.h"

#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

namespace aelab::ui {

namespace {
constexpr double kPickPixels = 7;    // a point within this distance is "under" the mouse
constexpr int kDragPixels = 8;       // a press released further away is a drag
} // namespace

ExploreMapView::ExploreMapView(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_caption(new QLabel(this)), m_mode(new QComboBox(this)),
      m_dimX(new QSpinBox(this)), m_dimY(new QSpinBox(this)), m_slider(new QSlider(Qt::Horizontal, this)),
      m_timeLabel(new QLabel(this)), m_every(new QSpinBox(this)), m_timeline(20, 150)
{
    setObjectName("exploreMap");
    setUpPlot(m_plot);
    m_plot->setInteractions(QCP::iRangeZoom);   // the left button picks and drags
    m_plot->legend->setVisible(true);
    placeLegendAtRight(m_plot);
    m_plot->setMouseTracking(true);
    m_caption->setWordWrap(true);
    m_caption->setText(tr("Hover a point to see its image and reconstruction; click one to keep it; click empty "
                          "space to decode it; drag between two places for an interpolation."));

    m_mode->addItem(tr("Principal components"), int(PlaneMode::Pca));
    m_mode->addItem(tr("Latent dimensions"), int(PlaneMode::Dims));
    m_mode->setObjectName("planeMode");
    m_mode->setToolTip(tr("Codes wider than 2: look at their first two principal components, or at two dimensions"));
    for (QSpinBox* s : {m_dimX, m_dimY}) {
        s->setRange(1, 2);
        s->setEnabled(false);
    }
    m_dimX->setObjectName("planeDimX");
    m_dimY->setObjectName("planeDimY");
    m_dimX->setPrefix("x = z");
    m_dimY->setPrefix("y = z");
    m_dimY->setValue(2);

    m_slider->setObjectName("timeline");
    m_slider->setRange(0, 0);
    m_slider->setEnabled(false);
    m_slider->setToolTip(tr("Scrub back through the codes kept during the run; the right end follows training"));
    m_timeLabel->setObjectName("timelineLabel");
    m_timeLabel->setMinimumWidth(150);
    m_every->setObjectName("timelineEvery");
    m_every->setRange(1, 100000);
    m_every->setValue(int(m_timeline.interval()));
    m_every->setPrefix(tr("every "));
    m_every->setSuffix(tr(" steps"));
    m_every->setToolTip(tr("How often the probe codes are kept for the timeline; as the run grows long, older "
                           "frames are thinned (the label beside the slider gives the real spacing)"));
    connect(m_every, &QSpinBox::valueChanged, this, [this](int v) {
        m_timeline.setInterval(v);
        emit timelineIntervalChanged(v);
    });

    auto* planeRow = new QHBoxLayout;
    planeRow->addWidget(new QLabel(tr("Plane:"), this));
    planeRow->addWidget(m_mode);
    planeRow->addWidget(m_dimX);
    planeRow->addWidget(m_dimY);
    planeRow->addStretch(1);
    auto* timeRow = new QHBoxLayout;
    timeRow->addWidget(new QLabel(tr("Timeline:"), this));
    timeRow->addWidget(m_slider, 1);
    timeRow->addWidget(m_timeLabel);
    timeRow->addWidget(m_every);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addLayout(planeRow);
    layout->addWidget(m_plot, 1);
    layout->addLayout(timeRow);

    connect(m_mode, &QComboBox::currentIndexChanged, this, &ExploreMapView::onPlaneControls);
    connect(m_dimX, &QSpinBox::valueChanged, this, &ExploreMapView::onPlaneControls);
    connect(m_dimY, &QSpinBox::valueChanged, this, &ExploreMapView::onPlaneControls);
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        m_follow = v >= frameCount() - 1;
        if (v != m_frame)
            showFrame(v);
    });
    connect(m_plot, &QCustomPlot::mousePress, this, &ExploreMapView::onPress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &ExploreMapView::onMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &ExploreMapView::onRelease);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] {
        m_rescale = true;
        m_dirty = true;
        refresh();
    });
    makeGraphs(0);
}

void ExploreMapView::setClassNames(const std::vector<std::string>& names)
{
    m_classNames = names;
    clear();
}

void ExploreMapView::setStandardNormalPrior(bool on)
{
    if (on == m_choice.zeroBase)
        return;
    m_choice.zeroBase = on;
    // Codes pushed towards N(0, I) are looked at along their own axes, around the prior's mean.
    m_mode->setCurrentIndex(m_mode->findData(int(on ? PlaneMode::Dims : PlaneMode::Pca)));
    onPlaneControls();
}

void ExploreMapView::makeGraphs(int classes)
{
    m_plot->clearGraphs();
    m_graphs = addClassScatters(m_plot, classes, m_classNames);
    auto mark = [this](const QString& name, QCPScatterStyle style, QPen pen, QCPGraph::LineStyle line) {
        QCPGraph* g = m_plot->addGraph();
        g->setLineStyle(line);
        g->setPen(pen);
        g->setScatterStyle(style);
        g->setName(name);
        g->removeFromLegend();
        return g;
    };
    m_hoverMark = mark("hover", QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.5), Qt::NoBrush, 11),
                       QPen(Qt::black), QCPGraph::lsNone);
    m_decodedMark = mark("decoded", QCPScatterStyle(QCPScatterStyle::ssCrossSquare, QPen(Qt::black, 1.5), Qt::NoBrush, 12),
                         QPen(Qt::black), QCPGraph::lsNone);
    m_pathMark = mark("path", QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.5), Qt::white, 8),
                      QPen(Qt::black, 2, Qt::DashLine), QCPGraph::lsLine);
}

void ExploreMapView::clear()
{
    m_timeline.clear();
    m_live.reset();
    m_labels.clear();
    m_frame = -1;
    m_follow = true;
    m_plane = LatentPlane{};
    m_points.resize(0, 2);
    m_hoverIndex = -1;
    makeGraphs(0);
    updateTimelineControls();
    m_rescale = true;
    m_dirty = true;
}

void ExploreMapView::setTimelineInterval(long long steps)
{
    m_every->setValue(int(steps));
}

void ExploreMapView::consume(const Snapshot& s)
{
    if (!s.latent || s.latent->codes.rows() == 0)
        return;
    const bool relabel = m_labels.size() != s.latent->labels.size();
    m_labels = s.latent->labels;
    takeCodes(s.step, s.latent->codes, s.status != RunStatus::Running);
    if (relabel && m_frame >= 0)
        showFrame(m_frame);   // the labels came after the first frames
}

void ExploreMapView::offerCodes(long long step, const Matrix& codes)
{
    if (codes.rows() > 0)
        takeCodes(step, codes, false);
}

void ExploreMapView::takeCodes(long long step, const Matrix& codes, bool final)
{
    // Every K steps into the timeline; a run's last codes always; codes in
    // between are the live frame at the slider's right end.
    const long long last = m_timeline.size() > 0 ? m_timeline.frame(m_timeline.size() - 1).step : -1;
    if (step < last || (m_live && step < m_live->step))
        m_live.reset();   // a new run (the timeline clears itself)
    if (final) {
        m_timeline.keepLast(step, codes);
        m_live.reset();
    } else if (m_timeline.offer(step, codes)) {
        m_live.reset();
    } else if (step > last) {
        m_live = TimelineFrame{step, codes};
    } else {
        return;
    }
    afterNewFrame(int(codes.cols()));
}

const TimelineFrame* ExploreMapView::frameAt(int index) const
{
    if (index >= 0 && index < m_timeline.size())
        return &m_timeline.frame(index);
    if (m_live && index == m_timeline.size())
        return &*m_live;
    return nullptr;
}

void ExploreMapView::afterNewFrame(int latent)
{
    for (QSpinBox* box : {m_dimX, m_dimY})
        box->setMaximum(std::max(2, latent));
    updateTimelineControls();
    if (m_follow)
        showFrame(frameCount() - 1);
}

void ExploreMapView::updateTimelineControls()
{
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, std::max(0, frameCount() - 1));
    m_slider->setEnabled(frameCount() > 1);
    if (m_follow)
        m_slider->setValue(m_slider->maximum());
}

QString ExploreMapView::timelineText() const { return m_timeLabel->text(); }

long long ExploreMapView::frameStep() const
{
    const TimelineFrame* f = frameAt(m_frame);
    return f ? f->step : -1;
}

const Matrix* ExploreMapView::frameCodes() const
{
    const TimelineFrame* f = frameAt(m_frame);
    return f ? &f->codes : nullptr;
}

void ExploreMapView::onPlaneControls()
{
    const auto mode = PlaneMode(m_mode->currentData().toInt());
    m_choice.mode = mode;
    m_choice.dimX = m_dimX->value() - 1;
    m_choice.dimY = m_dimY->value() - 1;
    const bool dims = mode == PlaneMode::Dims && (!hasPlane() || m_plane.latentSize > 2);
    m_dimX->setEnabled(dims);
    m_dimY->setEnabled(dims);
    if (m_frame >= 0) {
        m_rescale = true;
        showFrame(m_frame);
    }
    emit planeChanged();
}

void ExploreMapView::setPlaneChoice(const PlaneChoice& choice)
{
    {
        const QSignalBlocker a(m_mode), b(m_dimX), c(m_dimY);
        m_mode->setCurrentIndex(m_mode->findData(int(choice.mode)));
        m_dimX->setValue(choice.dimX + 1);
        m_dimY->setValue(choice.dimY + 1);
    }
    m_choice.zeroBase = choice.zeroBase;
    onPlaneControls();
}

void ExploreMapView::showFrame(int index)
{
    const TimelineFrame* at = frameAt(index);
    if (!at)
        return;
    const bool newFrame = index != m_frame;
    m_frame = index;
    const TimelineFrame& f = *at;
    PlaneChoice choice = m_choice;
    if (choice.mode == PlaneMode::Dims && (choice.dimX == choice.dimY || choice.dimX >= f.codes.cols()
                                            || choice.dimY >= f.codes.cols()))
        choice = {PlaneMode::Pca, 0, 1, choice.zeroBase};   // until the user picks two valid dimensions
    const LatentPlane previous = m_plane;
    m_plane = fitPlane(f.codes, choice, hasPlane() ? &previous : nullptr);
    m_points = m_plane.project(f.codes);

    int classes = 0;
    for (int label : m_labels)
        classes = std::max(classes, label + 1);
    if (!m_labels.empty())
        classes = std::max(classes, int(m_classNames.size()));
    if (int(m_graphs.size()) != std::max(1, classes))
        makeGraphs(classes);
    std::vector<QVector<double>> keys(m_graphs.size()), values(m_graphs.size());
    for (Eigen::Index i = 0; i < m_points.rows(); ++i) {
        const std::size_t g = m_labels.size() == std::size_t(m_points.rows()) ? std::size_t(m_labels[std::size_t(i)]) : 0;
        if (g >= m_graphs.size())
            continue;
        keys[g].push_back(m_points(i, 0));
        values[g].push_back(m_points(i, 1));
    }
    for (std::size_t g = 0; g < m_graphs.size(); ++g)
        m_graphs[g]->setData(keys[g], values[g]);
    m_plot->xAxis->setLabel(QString::fromStdString(m_plane.xLabel));
    m_plot->yAxis->setLabel(QString::fromStdString(m_plane.yLabel));
    const bool wide = m_plane.latentSize > 2;
    m_dimX->setEnabled(wide && m_choice.mode == PlaneMode::Dims);
    m_dimY->setEnabled(wide && m_choice.mode == PlaneMode::Dims);
    m_mode->setEnabled(wide);
    // The real spacing: older frames are thinned as the run grows, so the
    // gap to the frame before says more than the "every K steps" setting.
    const TimelineFrame* before = frameAt(index - 1);
    m_timeLabel->setText(before ? tr("step %1 (frame %2 of %3, %4 steps after the one before)")
                                      .arg(f.step).arg(index + 1).arg(frameCount()).arg(f.step - before->step)
                                : tr("step %1 (frame %2 of %3)").arg(f.step).arg(index + 1).arg(frameCount()));
    if (newFrame)
        m_rescale = true;   // each frame on axes that fit it: replayed early codes stay on the plot
    m_dirty = true;
    emit frameShown(index);
}

void ExploreMapView::refresh()
{
    if (!m_dirty || !isVisible())
        return;
    m_dirty = false;
    if (m_rescale && m_points.rows() > 0) {
        for (QCPGraph* g : m_graphs)
            g->rescaleAxes(g != m_graphs.front());
        for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis})
            axis->scaleRange(1.1, axis->range().center());
        m_rescale = false;
    }
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
}

PlaneRect ExploreMapView::visibleRect() const
{
    return {m_plot->xAxis->range().lower, m_plot->xAxis->range().upper, m_plot->yAxis->range().lower,
            m_plot->yAxis->range().upper};
}

QPointF ExploreMapView::planePoint(int index) const
{
    if (index < 0 || index >= m_points.rows())
        return {};
    return {double(m_points(index, 0)), double(m_points(index, 1))};
}

QPoint ExploreMapView::pixelOf(QPointF p) const
{
    return QPoint(qRound(m_plot->xAxis->coordToPixel(p.x())), qRound(m_plot->yAxis->coordToPixel(p.y())));
}

QPointF ExploreMapView::toPlane(const QPoint& pixel) const
{
    return {m_plot->xAxis->pixelToCoord(pixel.x()), m_plot->yAxis->pixelToCoord(pixel.y())};
}

int ExploreMapView::nearestPoint(const QPoint& pixel, double maxPixels) const
{
    // Hit-testing in pixels: the closest shown point within maxPixels.
    int best = -1;
    double bestD2 = maxPixels * maxPixels;
    for (Eigen::Index i = 0; i < m_points.rows(); ++i) {
        const double dx = m_plot->xAxis->coordToPixel(m_points(i, 0)) - pixel.x();
        const double dy = m_plot->yAxis->coordToPixel(m_points(i, 1)) - pixel.y();
        if (dx * dx + dy * dy <= bestD2) {
            bestD2 = dx * dx + dy * dy;
            best = int(i);
        }
    }
    return best;
}

void ExploreMapView::onPress(QMouseEvent* e)
{
    if (e->button() != Qt::LeftButton || !hasPlane())
        return;
    m_press = e->pos();
    m_pressIndex = nearestPoint(e->pos(), kPickPixels);
}

void ExploreMapView::onMove(QMouseEvent* e)
{
    if (m_press || !hasPlane())
        return;
    const int i = nearestPoint(e->pos(), kPickPixels);
    if (i == m_hoverIndex)
        return;
    m_hoverIndex = i;
    if (i >= 0) {
        m_hoverMark->setData({m_points(i, 0)}, {m_points(i, 1)});
        emit hovered(i);
    } else {
        m_hoverMark->data()->clear();
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ExploreMapView::onRelease(QMouseEvent* e)
{
    if (e->button() != Qt::LeftButton || !m_press)
        return;
    const QPoint from = *m_press;
    m_press.reset();
    if ((e->pos() - from).manhattanLength() > kDragPixels) {
        const int to = nearestPoint(e->pos(), kPickPixels);
        const QPointF a = m_pressIndex >= 0 ? planePoint(m_pressIndex) : toPlane(from);
        const QPointF b = to >= 0 ? planePoint(to) : toPlane(e->pos());
        markPath(a, b);
        emit dragged(a, b, m_pressIndex, to);
    } else if (m_pressIndex >= 0) {
        m_hoverMark->setData({m_points(m_pressIndex, 0)}, {m_points(m_pressIndex, 1)});
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        emit pointClicked(m_pressIndex);
    } else {
        const QPointF p = toPlane(from);
        markDecoded(p);
        emit emptyClicked(p);
    }
}

void ExploreMapView::markDecoded(QPointF p)
{
    m_decodedMark->setData({p.x()}, {p.y()});
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ExploreMapView::markPath(QPointF from, QPointF to)
{
    m_pathMark->setData({from.x(), to.x()}, {from.y(), to.y()});
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace aelab::ui
