#include "diagnostics/VaeDiagnostic.h"

#include "widgets/PlotStyle.h"

#include "models/Variational.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>

namespace aelab::ui {

namespace {
constexpr std::uint64_t kEstimateSeed = 0x1a4eull;

struct VaeAnswer {
    PosteriorStats stats;
    bool density = false;
    VariationalAutoencoder::LogLikelihoodEstimate logLikelihood;
};
} // namespace

VaeDiagnostic::VaeDiagnostic(ExploreClient* client, QWidget* parent)
    : DiagnosticPanel("posterior", tr("KL per latent dimension, active units, posterior collapse"), client, parent),
      m_plot(new QCustomPlot(this)), m_caption(new QLabel(this)), m_warning(new QLabel(this))
{
    setUpPlot(m_plot);
    m_kl = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_kl->setBrush(seriesColor(0));
    m_kl->setPen(QPen(seriesColor(0).darker(130)));
    m_kl->setName(tr("KL(q(zⱼ|x) ‖ N(0,1)), nats"));
    m_activity = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_activity->setLineStyle(QCPGraph::lsNone);
    m_activity->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, seriesColor(1), seriesColor(1), 9));
    m_activity->setName(tr("activity Var(μⱼ) (right axis)"));
    m_plot->yAxis2->setVisible(true);
    m_plot->xAxis->setLabel(tr("latent dimension"));
    useWholeNumberTicks(m_plot->xAxis);
    m_plot->yAxis->setLabel(tr("KL (nats)"));
    m_plot->yAxis2->setLabel(tr("Var over x of μⱼ"));
    m_plot->legend->setVisible(true);
    m_caption->setObjectName("vaeCaption");
    m_caption->setWordWrap(true);
    m_warning->setObjectName("collapseWarning");
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet("QLabel { color: #b00000; font-weight: bold; }");
    m_warning->hide();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_warning);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_caption);
}


void VaeDiagnostic::clear()
{
    DiagnosticPanel::clear();
    m_stats = {};
    m_logLikelihood.reset();
    m_kl->data()->clear();
    m_activity->data()->clear();
    m_warning->hide();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString VaeDiagnostic::warningText() const { return m_warning->text(); }
QString VaeDiagnostic::captionText() const { return m_caption->text(); }
bool VaeDiagnostic::warningShown() const { return !m_warning->isHidden(); }

void VaeDiagnostic::request()
{
    ask([](ExploreContext& c) -> std::any {
        auto& vae = dynamic_cast<VariationalAutoencoder&>(c.model);
        VaeAnswer a;
        Matrix mu, logvar;
        vae.posterior(c.probe.points, mu, logvar);
        a.stats = posteriorStats(mu, logvar);
        a.density = vae.outputMode().isDensity();
        if (a.density) {
            Rng rng(kEstimateSeed);   // the same draws each time: the figure moves only with the model
            a.logLikelihood = vae.estimateLogLikelihood(
                c.probe.points.topRows(std::min<Eigen::Index>(c.probe.points.rows(), kEstimateRows)), kImportanceSamples,
                rng);
        }
        return a;
    }, [this](const std::any& v) {
        const auto& a = std::any_cast<const VaeAnswer&>(v);
        m_stats = a.stats;
        m_logLikelihood = a.density ? std::optional(a.logLikelihood) : std::nullopt;
        QVector<double> keys, kl, activity;
        double top = 0, topA = 0;
        for (std::size_t j = 0; j < m_stats.klPerDimension.size(); ++j) {
            keys << double(j + 1);
            kl << m_stats.klPerDimension[j];
            activity << m_stats.activity[j];
            top = std::max(top, m_stats.klPerDimension[j]);
            topA = std::max(topA, m_stats.activity[j]);
        }
        m_kl->setData(keys, kl);
        m_kl->setWidth(0.7);
        m_activity->setData(keys, activity);
        m_plot->xAxis->setRange(0.3, keys.size() + 0.7);
        m_plot->yAxis->setRange(0, std::max(0.05, top * 1.15));
        m_plot->yAxis2->setRange(0, std::max(0.02, topA * 1.15));
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        const int n = int(m_stats.klPerDimension.size());
        const QString likelihood =
            m_logLikelihood
                ? tr("On %1 probe samples: log p(x) ≥ %2 nats (importance-weighted, k = %3, Burda et al. 2016); "
                     "ELBO %4 nats.")
                      .arg(m_logLikelihood->samples)
                      .arg(m_logLikelihood->iwae, 0, 'f', 1)
                      .arg(m_logLikelihood->k)
                      .arg(m_logLikelihood->elbo, 0, 'f', 1)
                : tr("No ELBO or log-likelihood: this decoder's term (BCE on grey data, or a squared error) is not a "
                     "normalised density. Output continuous-bernoulli or gaussian gives both in nats.");
        m_caption->setText(tr("Active units: %1 of %2 (Var(μⱼ) > 0.01). Total KL %3 nats per sample.")
                               .arg(m_stats.activeUnits).arg(n).arg(m_stats.totalKl, 0, 'f', 3)
                           + " " + likelihood);
        if (m_stats.fullyCollapsed()) {
            m_warning->setText(tr("Posterior collapse: every dimension's KL is below 0.01 nats, so the codes "
                                  "carry no information about the input and the decoder ignores them. Lower "
                                  "beta, or train longer with a smaller learning rate."));
            m_warning->show();
        } else if (!m_stats.collapsed.empty()) {
            QStringList dims;
            for (int j : m_stats.collapsed)
                dims << QString("z%1").arg(j + 1);
            m_warning->setText(tr("Partial collapse: %1 of %2 dimensions (%3) have KL below 0.01 nats and are "
                                  "unused.").arg(m_stats.collapsed.size()).arg(n).arg(dims.join(", ")));
            m_warning->show();
        } else {
            m_warning->hide();
        }
    });
}

} // namespace aelab::ui
