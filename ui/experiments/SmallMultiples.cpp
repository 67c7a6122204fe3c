#include "experiments/SmallMultiples.h"

#include "widgets/ImageTools.h"
#include "widgets/PlotStyle.h"

#include "experiment/RunRecord.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace aelab::ui {

namespace {

// "lr=0.001, batch=64": the values of the keys on which the runs differ.
QString differingValues(const RunRecord& run, const std::vector<std::string>& keys)
{
    const nlohmann::json settings = run.settingsJson();
    QStringList parts;
    for (const std::string& key : keys) {
        if (!settings.contains(key))
            continue;
        const nlohmann::json& v = settings[key];
        const QString value = v.is_string() ? QString::fromStdString(v.get<std::string>())
                              : v.is_number_float() ? QString::number(v.get<double>(), 'g', 4)
                                                    : QString::fromStdString(v.dump());
        parts << QString::fromStdString(key) + "=" + value;
    }
    return parts.join(", ");
}

// The first few originals over their reconstructions, pixels kept crisp.
QPixmap reconstructionStrip(const RunRecord& run, int height)
{
    if (!run.context.shape.isImage() || run.originals.rows() == 0
        || run.originals.rows() != run.reconstructions.rows())
        return {};
    const Eigen::Index n = std::min<Eigen::Index>(run.originals.rows(), 6);
    Matrix pairs(2 * n, run.originals.cols());
    pairs.topRows(n) = run.originals.topRows(n);
    pairs.bottomRows(n) = run.reconstructions.topRows(n);
    const QImage mosaic = mosaicImage(pairs, run.context.shape, int(n));
    return QPixmap::fromImage(mosaic.scaledToHeight(height, Qt::FastTransformation));
}

} // namespace

SmallMultiples::SmallMultiples(QWidget* parent)
    : QWidget(parent), m_grid(new QWidget), m_gridLayout(new QGridLayout(m_grid)),
      m_shared(new QCheckBox(tr("Same scale in every map"))), m_caption(new QLabel)
{
    m_shared->setToolTip(tr("Draw every map on the axes that hold all of them, so a map whose codes "
                            "barely spread looks small instead of being blown up to fill its cell"));
    m_caption->setWordWrap(true);
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_grid);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* top = new QHBoxLayout;
    top->addWidget(m_caption, 1);
    top->addWidget(m_shared);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(scroll, 1);
    connect(m_shared, &QCheckBox::toggled, this, [this] { applyScale(); });
    setRuns({});
}

void SmallMultiples::setSharedScale(bool shared) { m_shared->setChecked(shared); }

QString SmallMultiples::title(int cell) const { return m_cells[std::size_t(cell)].title->text(); }

bool SmallMultiples::hasReconstructions(int cell) const
{
    return !m_cells[std::size_t(cell)].images->pixmap().isNull();
}

void SmallMultiples::setRuns(const std::vector<RunRecordPtr>& runs)
{
    m_runs = runs;
    rebuild();
}

void SmallMultiples::rebuild()
{
    for (Cell& c : m_cells)
        delete c.box;
    m_cells.clear();
    const int shown = std::min<int>(int(m_runs.size()), kMaxCells);
    if (shown == 0) {
        m_caption->setText(tr("Select runs (a sweep's runs, say) to see each one's latent map and "
                              "reconstructions in a grid."));
        return;
    }
    std::vector<const RunRecord*> raw;
    for (const RunRecordPtr& r : m_runs)
        raw.push_back(r.get());
    const std::vector<std::string> keys = differingSettings(raw);
    const int columns = shown <= 4 ? shown : shown <= 6 ? 3 : 4;
    for (int i = 0; i < shown; ++i) {
        const RunRecord& run = *m_runs[std::size_t(i)];
        Cell c;
        c.box = new QWidget;
        auto* box = new QVBoxLayout(c.box);
        box->setContentsMargins(2, 2, 2, 2);
        box->setSpacing(2);
        const QString values = differingValues(run, keys);
        c.title = new QLabel(QString::fromStdString(run.name)
                             + (values.isEmpty() || QString::fromStdString(run.name) == values ? QString()
                                                                                                : " · " + values));
        c.title->setToolTip(c.title->text());
        c.map = new QCustomPlot;
        setUpPlot(c.map);
        c.map->setMinimumSize(150, 120);
        c.map->setInteraction(QCP::iRangeDrag, false);
        c.map->setInteraction(QCP::iRangeZoom, false);
        const int classes = run.probeLabels.empty()
                                ? 0 : *std::max_element(run.probeLabels.begin(), run.probeLabels.end()) + 1;
        std::vector<QCPGraph*> graphs = addClassScatters(c.map, classes, m_classNames);
        for (Eigen::Index p = 0; p < run.probeMap.rows(); ++p) {
            const int cls = run.probeLabels.empty() ? 0 : run.probeLabels[std::size_t(p)];
            graphs[std::size_t(std::clamp(cls, 0, int(graphs.size()) - 1))]->addData(run.probeMap(p, 0),
                                                                                     run.probeMap(p, 1));
        }
        c.map->legend->setVisible(false);
        c.map->xAxis->setLabel(QString::fromStdString(run.mapXLabel));
        c.map->yAxis->setLabel(QString::fromStdString(run.mapYLabel));
        c.images = new QLabel;
        c.images->setAlignment(Qt::AlignCenter);
        const QPixmap strip = reconstructionStrip(run, 56);
        c.images->setPixmap(strip);
        c.images->setToolTip(tr("Originals (top) over their reconstructions (bottom)"));
        c.images->setVisible(!strip.isNull());
        box->addWidget(c.title);
        box->addWidget(c.map, 1);
        box->addWidget(c.images);
        m_gridLayout->addWidget(c.box, i / columns, i % columns);
        m_cells.push_back(c);
    }
    QString caption = shown == 1 ? tr("One run: its latent map of the probe set")
                                 : tr("%1 runs: each one's latent map of the probe set").arg(shown);
    if (std::any_of(m_cells.begin(), m_cells.end(), [](const Cell& c) { return c.images->isVisible(); }))
        caption += tr(", originals over reconstructions below it");
    caption += ".";
    if (int(m_runs.size()) > shown)
        caption += " " + tr("Only the first %1 of the %2 selected runs are drawn.").arg(shown).arg(m_runs.size());
    m_caption->setText(caption);
    applyScale();
}

void SmallMultiples::applyScale()
{
    QCPRange x, y;
    bool any = false;
    for (const Cell& c : m_cells) {
        c.map->rescaleAxes();
        if (c.map->graphCount() == 0 || c.map->xAxis->range().size() == 0)
            continue;
        x = any ? QCPRange(std::min(x.lower, c.map->xAxis->range().lower), std::max(x.upper, c.map->xAxis->range().upper))
                : c.map->xAxis->range();
        y = any ? QCPRange(std::min(y.lower, c.map->yAxis->range().lower), std::max(y.upper, c.map->yAxis->range().upper))
                : c.map->yAxis->range();
        any = true;
    }
    for (const Cell& c : m_cells) {
        if (m_shared->isChecked() && any) {
            c.map->xAxis->setRange(x);
            c.map->yAxis->setRange(y);
        }
        c.map->replot();
    }
}

} // namespace aelab::ui
