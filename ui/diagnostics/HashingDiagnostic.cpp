#include "diagnostics/HashingDiagnostic.h"

#include "widgets/ImageGrid.h"
#include "widgets/ImageTools.h"
#include "widgets/PlotStyle.h"

#include "explore/HashSearch.h"
#include "math/Error.h"
#include "train/Evaluate.h"

#include <qcustomplot.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

namespace aelab::ui {

namespace {

struct QueryAnswer {
    int query = 0;
    int queryLabel = -1;
    std::string queryCode;
    Matrix queryX;
    std::vector<Neighbour> hamming, euclidean;
    std::vector<int> hammingLabels, euclideanLabels;
    std::vector<std::string> hammingCodes;
    Matrix hammingX, euclideanX;
    RadiusCurve curve;
    int bits = 0;
};

Matrix rowsOf(const Matrix& x, const std::vector<Neighbour>& n)
{
    Matrix out(Eigen::Index(n.size()), x.cols());
    for (std::size_t i = 0; i < n.size(); ++i)
        out.row(Eigen::Index(i)) = x.row(n[i].index);
    return out;
}

} // namespace

HashingDiagnostic::HashingDiagnostic(ExploreClient* client, QWidget* parent)
    : DiagnosticPanel("retrieval", tr("Retrieval by Hamming distance, beside pixel distance"), client, parent),
      m_query(new QSpinBox(this)), m_random(new QPushButton(tr("Random query"), this)), m_images(new ImageGrid(this)),
      m_codes(new QLabel(this)), m_plot(new QCustomPlot(this)), m_caption(new QLabel(this))
{
    m_query->setObjectName("hashQuery");
    m_query->setPrefix(tr("query: probe sample #"));
    m_query->setRange(0, 1999);
    m_random->setObjectName("hashRandom");
    m_codes->setObjectName("hashCodes");
    m_codes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_codes->setFont(smallMonospaceFont());
    m_codes->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    setUpPlot(m_plot);
    m_curve = m_plot->addGraph();
    m_curve->setPen(QPen(seriesColor(0), 1.5));
    m_curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
    m_plot->xAxis->setLabel(tr("Hamming radius r"));
    useWholeNumberTicks(m_plot->xAxis);
    m_plot->yAxis->setLabel(tr("precision within r"));
    m_plot->yAxis->setRange(0, 1.05);
    m_caption->setWordWrap(true);

    auto* row = new QHBoxLayout;
    row->addWidget(m_query);
    row->addWidget(m_random);
    row->addStretch(1);
    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_codes);
    lower->addWidget(m_plot);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_images);
    split->addWidget(lower);
    split->setSizes({300, 300});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(split, 1);
    layout->addWidget(m_caption);
    connect(m_query, &QSpinBox::valueChanged, this, [this] { request(); });
    connect(m_random, &QPushButton::clicked, this, [this] {
        m_randomState = m_randomState * 1103515245u + 12345u;   // a simple, reproducible walk
        setQuery(int((m_randomState >> 8) % unsigned(m_query->maximum() + 1)));
    });
}


void HashingDiagnostic::consume(const Snapshot& s)
{
    if (s.latent && s.latent->codes.rows() > 0)
        m_query->setMaximum(int(s.latent->codes.rows()) - 1);
}

void HashingDiagnostic::clear()
{
    DiagnosticPanel::clear();
    m_images->clear();
    m_codes->clear();
    m_curve->data()->clear();
    m_hamming.clear();
    m_euclidean.clear();
    m_precision.clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void HashingDiagnostic::setQuery(int index)
{
    if (index == m_query->value())
        request();
    else
        m_query->setValue(index);
}

int HashingDiagnostic::query() const { return m_query->value(); }
QString HashingDiagnostic::codesText() const { return m_codes->text(); }

void HashingDiagnostic::request()
{
    const int q = m_query->value();
    ask([q](ExploreContext& c) -> std::any {
        const Matrix& x = c.probe.points;
        if (q >= x.rows())
            fail(ErrorKind::InvalidArgument, "there is no probe sample " + std::to_string(q));
        const BinaryCodes codes = packBits(encodeSet(c.model, x));
        const std::vector<int>& labels = c.probe.pointLabels;
        QueryAnswer a;
        a.query = q;
        a.bits = codes.bits;
        a.queryLabel = labels.empty() ? -1 : labels[std::size_t(q)];
        a.queryCode = codeString(codes, q);
        a.queryX = x.row(q);
        a.hamming = hammingNeighbours(codes, codes.row(q), kNeighbours, q);
        a.euclidean = euclideanNeighbours(x, x.row(q), kNeighbours, q);
        for (const Neighbour& n : a.hamming) {
            a.hammingLabels.push_back(labels.empty() ? -1 : labels[std::size_t(n.index)]);
            a.hammingCodes.push_back(codeString(codes, n.index));
        }
        for (const Neighbour& n : a.euclidean)
            a.euclideanLabels.push_back(labels.empty() ? -1 : labels[std::size_t(n.index)]);
        a.hammingX = rowsOf(x, a.hamming);
        a.euclideanX = rowsOf(x, a.euclidean);
        if (!labels.empty())
            a.curve = aelab::precisionByRadius(codes, labels, codes.row(q), a.queryLabel, q);
        return a;
    }, [this](const std::any& v) {
        const auto& a = std::any_cast<const QueryAnswer&>(v);
        m_hamming.clear();
        m_euclidean.clear();
        for (const Neighbour& n : a.hamming)
            m_hamming.push_back(n.distance);
        for (const Neighbour& n : a.euclidean)
            m_euclidean.push_back(n.distance);
        m_precision = a.curve.precision;
        if (m_shape.isImage()) {
            std::vector<QImage> ham{sampleImage(a.queryX, 0, m_shape)}, euc{sampleImage(a.queryX, 0, m_shape)};
            for (const QImage& i : rowImages(a.hammingX, m_shape))
                ham.push_back(i);
            for (const QImage& i : rowImages(a.euclideanX, m_shape))
                euc.push_back(i);
            m_images->setRows({{tr("Hamming"), ham}, {tr("pixels (L2)"), euc}});
            QStringList captions{tr("query")};
            for (std::size_t i = 0; i < a.euclidean.size(); ++i)
                captions << QString("H %1 · L2 %2").arg(a.hamming.size() > i ? a.hamming[i].distance : 0)
                                .arg(a.euclidean[i].distance, 0, 'f', 1);
            m_images->setColumnCaptions(captions);
        }
        QString text = tr("query #%1  %2  %3\n").arg(a.query).arg(QString::fromStdString(a.queryCode), className(a.queryLabel));
        for (std::size_t i = 0; i < a.hamming.size(); ++i)
            text += QString("#%1  d=%2  %3  %4\n").arg(a.hamming[i].index, 4).arg(a.hamming[i].distance, 2)
                        .arg(QString::fromStdString(a.hammingCodes[i]), className(a.hammingLabels[i]));
        m_codes->setText(text);
        QVector<double> r, p;
        for (std::size_t d = 0; d < a.curve.precision.size(); ++d)
            if (!std::isnan(a.curve.precision[d])) {
                r << double(d);
                p << a.curve.precision[d];
            }
        m_curve->setData(r, p);
        m_plot->xAxis->setRange(-0.5, a.bits + 0.5);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        int sameH = 0, sameE = 0;
        for (int l : a.hammingLabels)
            sameH += l == a.queryLabel && l >= 0;
        for (int l : a.euclideanLabels)
            sameE += l == a.queryLabel && l >= 0;
        m_caption->setText(tr("%1-bit codes. Of the %2 nearest, %3 share the query's class by Hamming distance, "
                              "%4 by pixel distance. The curve: the fraction of the items within Hamming "
                              "radius r that share the query's class.")
                               .arg(a.bits).arg(kNeighbours).arg(sameH).arg(sameE));
    });
}

} // namespace aelab::ui
