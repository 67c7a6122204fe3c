#include "diagnostics/MaskedDiagnostic.h"

#include "widgets/ImageGrid.h"
#include "widgets/ImageTools.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace aelab::ui {

namespace {
constexpr int kTrainRows = 2000;       // rows the baselines are fitted on
constexpr int kTestRows = 500;         // rows scored
} // namespace

MaskedDiagnostic::MaskedDiagnostic(ExploreClient* client, QWidget* parent)
    : DiagnosticPanel("imputation", tr("Imputation under MCAR, MAR and MNAR"), client, parent),
      m_run(new QPushButton(tr("Run the comparison"), this)), m_images(new ImageGrid(this)),
      m_table(new QTableWidget(3, 4, this)), m_caption(new QLabel(this))
{
    m_run->setObjectName("maskedRun");
    m_table->setObjectName("imputationTable");
    m_table->setHorizontalHeaderLabels({tr("missing"), tr("autoencoder"), tr("mean"), tr("regression")});
    m_table->setVerticalHeaderLabels({"MCAR", "MAR", "MNAR"});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMaximumHeight(130);
    m_caption->setWordWrap(true);
    m_caption->setText(tr("RMSE on the test set's missing entries; every method fitted on the training set's "
                          "observed entries. Computed at a run's end, or press Run."));
    auto* row = new QHBoxLayout;
    row->addWidget(m_run);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_images, 1);
    layout->addWidget(m_table);
    layout->addWidget(m_caption);
    connect(m_run, &QPushButton::clicked, this, &MaskedDiagnostic::request);
    connect(m_client, &ExploreClient::failed, this, [this](const QString& why) {
        m_run->setEnabled(true);
        m_caption->setText(tr("Could not run the comparison: %1").arg(why));
    });
}


void MaskedDiagnostic::clear()
{
    DiagnosticPanel::clear();
    m_results.clear();
    m_images->clear();
    m_table->clearContents();
}

int MaskedDiagnostic::imageCount() const { return m_images->imageCount(); }

void MaskedDiagnostic::request()
{
    m_run->setEnabled(false);
    m_caption->setText(tr("Fitting the baselines and imputing under each mechanism…"));
    ask([](ExploreContext& c) -> std::any {
        auto& masked = dynamic_cast<MaskedAutoencoder&>(c.model);
        const Matrix& train = c.split.trainX;
        const Matrix& test = c.data->testX.rows() > 0 ? c.data->testX : c.split.valX;
        return imputationByMechanism(masked, train.topRows(std::min<Eigen::Index>(train.rows(), kTrainRows)),
                                     test.topRows(std::min<Eigen::Index>(test.rows(), kTestRows)), kRowsShown,
                                     kTrainRows);
    }, [this](const std::any& v) {
        m_results = std::any_cast<std::vector<MechanismImputation>>(v);
        m_run->setEnabled(true);
        std::vector<ImageGrid::Row> rows;
        for (std::size_t m = 0; m < m_results.size(); ++m) {
            const MechanismImputation& r = m_results[m];
            const QString name = QString::fromStdString(missingKindName(r.kind)).toUpper();
            auto cell = [this, m](int col, const QString& text) {
                m_table->setItem(int(m), col, new QTableWidgetItem(text));
            };
            if (!r.error.empty()) {
                cell(0, tr("—"));
                cell(1, QString::fromStdString(r.error));
                continue;
            }
            cell(0, QString("%1%").arg(100 * r.missingFraction, 0, 'f', 0));
            cell(1, QString::number(r.autoencoderRmse, 'f', 4));
            cell(2, QString::number(r.meanRmse, 'f', 4));
            cell(3, QString::number(r.regressionRmse, 'f', 4));
            if (!m_shape.isImage())
                continue;
            std::vector<QImage> masked;
            for (Eigen::Index i = 0; i < r.masked.rows(); ++i)
                masked.push_back(maskedImage(r.original, i, r.mask, m_shape));
            rows.push_back({name + tr(" original"), rowImages(r.original, m_shape)});
            rows.push_back({tr("masked"), masked});
            rows.push_back({tr("imputed"), rowImages(r.imputed, m_shape)});
        }
        m_images->setRows(std::move(rows));
        m_caption->setText(tr("RMSE on the test set's missing entries (lower is better); red pixels are missing. "
                              "Every method was fitted on the training set's observed entries."));
    });
}

} // namespace aelab::ui
