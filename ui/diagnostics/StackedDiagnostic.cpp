#include "diagnostics/StackedDiagnostic.h"

#include "widgets/ImageGrid.h"
#include "widgets/ImageTools.h"
#include "widgets/PlotStyle.h"

#include "explore/Filters.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

namespace aelab::ui {

StackedDiagnostic::StackedDiagnostic(ExploreClient* client, QWidget* parent)
    : DiagnosticPanel("phases", tr("Greedy phases on the loss curve, filters of each layer"), client, parent),
      m_plot(new QCustomPlot(this)), m_filters(new ImageGrid(this)), m_caption(new QLabel(this))
{
    setUpPlot(m_plot);
    m_loss = m_plot->addGraph();
    m_loss->setPen(QPen(seriesColor(0), 1));
    m_loss->setName(tr("recon: the whole stack's reconstruction"));
    m_plot->legend->setVisible(true);
    m_plot->xAxis->setLabel(tr("step"));
    useWholeNumberTicks(m_plot->xAxis);
    m_plot->yAxis->setLabel(tr("loss"));
    m_caption->setWordWrap(true);
    m_caption->setText(tr("Shaded: each greedy pretraining phase, then fine-tuning."));
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_plot);
    split->addWidget(m_filters);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(m_caption);
}


void StackedDiagnostic::clear()
{
    DiagnosticPanel::clear();
    m_phases.clear();
    m_loss->data()->clear();
    m_plot->clearItems();
    m_filters->clear();
    m_layerRows = 0;
    m_lastStep = 0;
    m_reconTerm = std::size_t(-1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int StackedDiagnostic::lossPointCount() const { return m_loss->dataCount(); }

void StackedDiagnostic::consume(const Snapshot& s)
{
    for (std::size_t i = 0; i < s.termNames.size(); ++i)
        if (s.termNames[i] == "recon")
            m_reconTerm = i;
    for (const PhaseMark& m : s.phases)
        m_phases.push_back(m);
    bool added = false;
    for (const LossPoint& p : s.train) {
        if (m_reconTerm >= p.values.size() || !std::isfinite(p.values[m_reconTerm]))
            continue;
        m_loss->addData(double(p.step), p.values[m_reconTerm]);
        m_lastStep = std::max(m_lastStep, p.step);
        added = true;
    }
    const bool due = !m_sinceDraw.isValid() || m_sinceDraw.elapsed() >= 250 || s.status != RunStatus::Running;
    if ((added || !s.phases.empty()) && isVisible() && due)
        drawPhases();
}

void StackedDiagnostic::drawPhases()
{
    m_sinceDraw.restart();
    m_plot->clearItems();
    m_plot->rescaleAxes();
    const QCPRange y = m_plot->yAxis->range();
    for (std::size_t i = 0; i < m_phases.size(); ++i) {
        const double from = double(m_phases[i].step);
        const double to = i + 1 < m_phases.size() ? double(m_phases[i + 1].step) : double(std::max(m_lastStep, m_phases[i].step + 1));
        auto* band = new QCPItemRect(m_plot);
        QColor c = seriesColor(int(i));
        c.setAlpha(40);
        band->setBrush(c);
        band->setPen(Qt::NoPen);
        band->topLeft->setCoords(from, y.upper);
        band->bottomRight->setCoords(to, y.lower);
        band->setLayer("background");
        auto* label = new QCPItemText(m_plot);
        label->setText(QString::fromStdString(m_phases[i].label));
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->position->setCoords(from, y.upper);
        label->setRotation(0);
        label->setFont(smallFont());
        label->setPadding(QMargins(3, 2, 3, 2));
        label->setClipToAxisRect(true);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void StackedDiagnostic::request()
{
    const SampleShape shape = m_shape;
    ask([shape](ExploreContext& c) -> std::any {
        return encoderFilters(c.model, shape, kTilesPerLayer, true);
    }, [this](const std::any& v) {
        const auto& banks = std::any_cast<const std::vector<FilterBank>&>(v);
        std::vector<ImageGrid::Row> rows;
        for (std::size_t l = 0; l < banks.size(); ++l)
            if (banks[l].tileShape.isImage())
                rows.push_back({tr("layer %1 (%2 units)").arg(l + 1).arg(banks[l].units),
                                rowImages(banks[l].tiles, banks[l].tileShape)});
        m_layerRows = int(rows.size());
        m_filters->setRows(std::move(rows));
        drawPhases();
        QStringList names;
        for (const PhaseMark& m : m_phases)
            names << QString("%1 (step %2)").arg(QString::fromStdString(m.label)).arg(m.step);
        m_caption->setText(tr("Phases: %1. Filters: layer 1's weights; deeper layers through the layers below them "
                              "(their linear part).").arg(names.isEmpty() ? tr("none yet") : names.join(", ")));
    });
}

} // namespace aelab::ui
