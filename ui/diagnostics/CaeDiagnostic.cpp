#include "diagnostics/CaeDiagnostic.h"

#include "widgets/ImageGrid.h"
#include "widgets/ImageTools.h"
#include "widgets/PlotStyle.h"

#include "explore/Tangents.h"
#include "math/Error.h"

#include <qcustomplot.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace aelab::ui {

namespace {

struct TangentAnswer {
    int index = 0;
    int label = -1;
    std::vector<double> singular;
    Matrix x, reconstruction;   // (1, features)
    Matrix tangents;            // (k, features) in [0, 1] for display
    Matrix moved;               // (k, features): r(x + a v_k)
    double frobenius = 0;
};

} // namespace

CaeDiagnostic::CaeDiagnostic(ExploreClient* client, QWidget* parent)
    : DiagnosticPanel("jacobian", tr("Jacobian singular values and tangent directions at a point"), client, parent),
      m_sample(new QSpinBox(this)), m_plot(new QCustomPlot(this)), m_images(new ImageGrid(this)),
      m_caption(new QLabel(this))
{
    m_sample->setObjectName("caeSample");
    m_sample->setPrefix(tr("probe sample #"));
    m_sample->setRange(0, 1999);
    m_sample->setToolTip(tr("Or click a point in the Latent explorer"));
    setUpPlot(m_plot);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setBrush(seriesColor(2));
    m_bars->setPen(QPen(seriesColor(2).darker(130)));
    m_plot->xAxis->setLabel(tr("k"));
    useWholeNumberTicks(m_plot->xAxis);
    m_plot->yAxis->setLabel(tr("singular value sₖ of dh/dx"));
    m_caption->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(m_sample);
    row->addStretch(1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_plot);
    split->addWidget(m_images);
    split->setSizes({300, 400});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(split, 1);
    layout->addWidget(m_caption);
    connect(m_sample, &QSpinBox::valueChanged, this, [this] { request(); });
}


void CaeDiagnostic::consume(const Snapshot& s)
{
    if (s.latent && s.latent->codes.rows() > 0)
        m_sample->setMaximum(int(s.latent->codes.rows()) - 1);
}

void CaeDiagnostic::clear()
{
    DiagnosticPanel::clear();
    m_singular.clear();
    m_bars->data()->clear();
    m_images->clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CaeDiagnostic::setSample(int index)
{
    if (index == m_sample->value())
        request();
    else
        m_sample->setValue(index);   // asks through valueChanged
}

int CaeDiagnostic::sample() const { return m_sample->value(); }

int CaeDiagnostic::tangentImageCount() const { return m_images->imageCount(); }

void CaeDiagnostic::request()
{
    const int index = m_sample->value();
    ask([index](ExploreContext& c) -> std::any {
        if (index >= c.probe.points.rows())
            fail(ErrorKind::InvalidArgument, "there is no probe sample " + std::to_string(index));
        TangentAnswer a;
        a.index = index;
        a.label = index < int(c.probe.pointLabels.size()) ? c.probe.pointLabels[std::size_t(index)] : -1;
        a.x = c.probe.points.row(index);
        a.reconstruction = c.model.reconstruct(a.x);
        const Matrix j = encoderJacobian(c.model, a.x.row(0));
        a.frobenius = double(j.norm());
        const TangentSpace t = tangentSpace(j, kTangents);
        a.singular = t.singularValues;
        a.tangents = signedToUnit(t.directions);
        Matrix moved = t.directions * Scalar(kStep);
        moved.rowwise() += RowVector(a.x.row(0));
        a.moved = c.model.reconstruct(moved);
        return a;
    }, [this](const std::any& v) {
        const auto& a = std::any_cast<const TangentAnswer&>(v);
        m_singular = a.singular;
        QVector<double> keys, values;
        for (std::size_t k = 0; k < a.singular.size(); ++k) {
            keys << double(k + 1);
            values << a.singular[k];
        }
        m_bars->setData(keys, values);
        m_bars->setWidth(0.7);
        m_plot->xAxis->setRange(0.3, keys.size() + 0.7);
        m_plot->yAxis->setRange(0, std::max(1e-6, (a.singular.empty() ? 0 : a.singular.front()) * 1.1));
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        if (m_shape.isImage()) {
            m_images->setRows({{tr("x, r(x)"), {sampleImage(a.x, 0, m_shape), sampleImage(a.reconstruction, 0, m_shape)}},
                               {tr("tangents vₖ"), rowImages(a.tangents, m_shape)},
                               {tr("r(x + %1 vₖ)").arg(kStep), rowImages(a.moved, m_shape)}});
        } else {
            m_images->clear();
        }
        const double s1 = a.singular.empty() ? 0 : a.singular.front();
        // How many directions carry most of the sensitivity: s_k above 10% of s_1.
        int strong = 0;
        for (double s : a.singular)
            strong += s1 > 0 && s >= 0.1 * s1;
        m_caption->setText(tr("Sample #%1 (%2): ‖J‖_F = %3, s₁ = %4; %5 of %6 singular values above s₁/10. Large "
                              "sₖ: directions the code follows (the manifold's tangents); the rest are contracted away.")
                               .arg(a.index).arg(className(a.label)).arg(a.frobenius, 0, 'g', 3).arg(s1, 0, 'g', 3)
                               .arg(strong).arg(a.singular.size()));
    });
}

} // namespace aelab::ui
