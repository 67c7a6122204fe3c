#include "experiments/RunsView.h"

#include "experiments/DifferenceTable.h"
#include "experiments/FineTunePlot.h"
#include "experiments/OverlayPlot.h"
#include "experiments/PairedMaps.h"
#include "experiments/ProbePlot.h"
#include "experiments/RunAgainDialog.h"
#include "experiments/RunList.h"
#include "experiments/SmallMultiples.h"
#include "experiments/TrendPlot.h"

#include "experiment/FineTune.h"
#include "export/TorchExport.h"
#include "experiment/OneChange.h"
#include "experiment/Probe.h"
#include "io/AtomicFile.h"
#include "io/CsvWriter.h"
#include "io/Npy.h"
#include "io/ModelFile.h"
#include "widgets/ImageTools.h"
#include "worker/TrainingController.h"

#include <QBuffer>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace aelab::ui {

namespace {

enum Column { Name, Variant, Dataset, Epochs, Seed, ValLoss, Status, Seconds, Note, ColumnCount };

QString lossText(double v) { return std::isfinite(v) ? QString::number(v, 'g', 5) : QObject::tr("—"); }

// The first original over its reconstruction, as the row's thumbnail.
QIcon thumbnail(const RunRecord& r)
{
    if (r.originals.rows() == 0 || r.reconstructions.rows() == 0)
        return {};
    Matrix pair(2, r.originals.cols());
    pair.row(0) = r.originals.row(0);
    pair.row(1) = r.reconstructions.row(0);
    return QIcon(QPixmap::fromImage(mosaicImage(pair, r.context.shape, 2, 1).scaled(
        64, 32, Qt::KeepAspectRatio, Qt::FastTransformation)));
}

} // namespace

RunsView::RunsView(const ViewContext& context, QWidget* parent)
    : View("runs", tr("Runs"), parent), m_controller(context.controller), m_runs(context.runs),
      m_table(new QTableWidget(0, ColumnCount)),
      m_runAgain(new QPushButton(tr("Run again with one change…"))), m_export(new QPushButton(tr("Export…"))),
      m_delete(new QPushButton(tr("Delete"))), m_sweep(new QPushButton(tr("Sweep…"))),
      m_probeButton(new QPushButton(tr("Probe codes…"))), m_fineTuneButton(new QPushButton(tr("Fine-tune…"))),
      m_torchButton(new QPushButton(tr("To PyTorch…"))),
      m_lower(new QTabWidget), m_hint(new QLabel), m_overlay(new OverlayPlot), m_differences(new DifferenceTable),
      m_maps(new PairedMaps), m_trend(new TrendPlot), m_probe(new ProbePlot), m_fineTune(new FineTunePlot),
      m_multiples(new SmallMultiples)
{
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Variant"), tr("Dataset"), tr("Epochs"), tr("Seed"),
                                        tr("Validation loss"), tr("Ended"), tr("Seconds"), tr("Note")});
    m_table->horizontalHeaderItem(ValLoss)->setToolTip(tr("Mean objective on the validation part after the last epoch"));
    m_table->horizontalHeaderItem(Seconds)->setToolTip(tr("Training time, pauses excluded"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setIconSize(QSize(64, 32));
    m_hint->setWordWrap(true);
    // Two lines always, so the buttons above do not jump as the hint changes.
    m_hint->setMinimumHeight(2 * m_hint->fontMetrics().lineSpacing());
    m_hint->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_runAgain->setToolTip(tr("Train the selected run again with one setting changed: the same seed, batch order "
                              "and (when the shapes allow) initial weights"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_runAgain);
    buttons->addWidget(m_export);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_torchButton);
    buttons->addStretch(1);
    auto* experiments = new QHBoxLayout;
    experiments->addWidget(m_sweep);
    experiments->addWidget(m_probeButton);
    experiments->addWidget(m_fineTuneButton);
    experiments->addStretch(1);
    m_sweep->setToolTip(tr("Train one run per value of a setting (and per seed), one after another"));
    m_probeButton->setToolTip(tr("What the selected run's codes are good for: a classifier fitted on 1, 10, 100 "
                                 "and all labels per class, on the codes, the raw inputs and PCA"));
    m_torchButton->setToolTip(tr("Write the selected run for PyTorch into a folder: its weights, the network as a "
                                 "torch.nn.Module, train.py (one process or torchrun) and the training data"));
    m_fineTuneButton->setToolTip(tr("Does the selected run's pretraining help when labels are few? Its encoder "
                                    "plus a softmax head trained on 1, 10 and 100 labels per class, against the "
                                    "same network from a random start"));
    auto* list = new QWidget;
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_table, 1);
    listLayout->addLayout(buttons);
    listLayout->addLayout(experiments);
    listLayout->addWidget(m_hint);

    auto* comparison = new QSplitter(Qt::Vertical);
    comparison->addWidget(m_overlay);
    comparison->addWidget(m_differences);
    m_overlay->setMinimumHeight(180);
    m_lower->addTab(m_trend, tr("Final loss against the setting"));
    m_lower->addTab(m_maps, tr("Latent maps side by side"));
    m_lower->addTab(m_multiples, tr("Each run's map"));
    m_lower->addTab(m_probe, tr("What the codes are good for"));
    m_lower->addTab(m_fineTune, tr("Pretrained against random start"));
    m_probe->setBusy(tr("Select a run on a labelled dataset and press Probe codes."));
    comparison->addWidget(m_lower);
    comparison->setSizes({340, 110, 300});
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(list);
    split->addWidget(comparison);
    split->setSizes({520, 760});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(split);

    connect(m_runs, &RunList::added, this, [this](int id) {
        addRow(*m_runs->find(id));
        onSelectionChanged();
    });
    connect(m_runs, &RunList::removed, this, [this](int id) {
        if (const int row = rowOf(id); row >= 0)
            m_table->removeRow(row);
        onSelectionChanged();
    });
    connect(m_runs, &RunList::changed, this, [this] { onSelectionChanged(); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RunsView::onSelectionChanged);
    connect(m_table, &QTableWidget::cellChanged, this, &RunsView::onItemEdited);
    connect(m_runAgain, &QPushButton::clicked, this, &RunsView::askRunAgain);
    connect(m_export, &QPushButton::clicked, this, &RunsView::askExport);
    connect(m_delete, &QPushButton::clicked, this, &RunsView::deleteSelected);
    connect(m_sweep, &QPushButton::clicked, this, &RunsView::sweepRequested);
    connect(m_probeButton, &QPushButton::clicked, this, [this] {
        QString error;
        if (!probeSelected(&error))
            QMessageBox::warning(this, tr("Cannot probe the codes"), error);
    });
    connect(m_torchButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Folder for the PyTorch files"));
        QString error;
        if (!dir.isEmpty() && !exportSelectedToTorch(dir, &error))
            QMessageBox::warning(this, tr("Cannot export to PyTorch"), error);
    });
    connect(m_fineTuneButton, &QPushButton::clicked, this, [this] {
        QString error;
        if (!fineTuneSelected(&error))
            QMessageBox::warning(this, tr("Cannot fine-tune"), error);
    });
    if (m_controller)
        connect(m_controller, &TrainingController::exploreReady, this, &RunsView::onExploreReply);
    onSelectionChanged();
}

void RunsView::setDataset(const DatasetPtr& data)
{
    m_data = data;
    if (data) {
        m_maps->setClassNames(data->classNames);
        m_multiples->setClassNames(data->classNames);
    }
}

RunRecordPtr RunsView::runForDataJob(const QString& action, QString* error) const
{
    const std::vector<RunRecordPtr> runs = selectedRuns();
    if (runs.size() != 1) {
        *error = tr("Select one run to %1.").arg(action);
        return nullptr;
    }
    const RunRecordPtr run = runs.front();
    if (!m_data || m_data->fingerprint != run->datasetFingerprint) {
        *error = tr("%1 was trained on %2: load that dataset first.")
                     .arg(QString::fromStdString(run->name), QString::fromStdString(run->datasetSpec));
        return nullptr;
    }
    if (!m_controller || m_controller->isRunning()) {
        *error = tr("A run is training: wait until it has ended (this holds the training thread).");
        return nullptr;
    }
    return run;
}

bool RunsView::probeSelected(QString* error)
{
    const RunRecordPtr run = runForDataJob(tr("probe"), error);
    if (!run)
        return false;
    m_probeRun = QString::fromStdString(run->name);
    m_probe->setBusy(tr("Probing %1's codes…").arg(m_probeRun));
    m_lower->setCurrentWidget(m_probe);
    m_probeJob = m_controller->submitDataJob("runs-probe", [run](const aelab::Dataset& data) {
        auto model = rebuildModel(*run);
        return std::any(probeModel(*model, data));
    });
    return true;
}

bool RunsView::fineTuneSelected(QString* error)
{
    const RunRecordPtr run = runForDataJob(tr("fine-tune"), error);
    if (!run)
        return false;
    m_fineTuneRun = QString::fromStdString(run->name);
    m_fineTune->setBusy(tr("Fine-tuning %1's encoder and a random start on 1, 10 and 100 labels per class…")
                            .arg(m_fineTuneRun));
    m_lower->setCurrentWidget(m_fineTune);
    m_fineTuneJob = m_controller->submitDataJob("runs-finetune", [run](const aelab::Dataset& data) {
        auto model = rebuildModel(*run);
        FineTuneOptions options;
        options.labelsPerClass = {1, 10, 100};
        options.seed = run->settings.seed;
        return std::any(fineTuneCurve(*model, data, options));
    });
    return true;
}

bool RunsView::exportSelectedToTorch(const QString& directory, QString* error)
{
    const RunRecordPtr run = runForDataJob(tr("export"), error);
    if (!run)
        return false;
    if (const std::string problem = torchExportProblem(*rebuildModel(*run)); !problem.empty()) {
        *error = QString::fromStdString(problem);
        return false;
    }
    m_hint->setText(tr("Writing %1 for PyTorch into %2…").arg(QString::fromStdString(run->name), directory));
    m_torchJob = m_controller->submitDataJob("runs-torch", [run, dir = directory.toStdString()](const aelab::Dataset& data) {
        auto model = rebuildModel(*run);
        exportTorch(dir, *model, provenanceOf(*run), &data.trainX);
        return std::any(dir);
    });
    return true;
}

void RunsView::onExploreReply(const ExploreReply& reply)
{
    if (reply.id == 0)
        return;
    if (reply.id == m_probeJob) {
        m_probeJob = 0;
        if (!reply.error.empty())
            m_probe->setBusy(tr("The probe failed: %1").arg(QString::fromStdString(reply.error)));
        else
            m_probe->setTable(std::any_cast<const ProbeTable&>(reply.value), m_probeRun);
    } else if (reply.id == m_torchJob) {
        m_torchJob = 0;
        if (!reply.error.empty()) {
            m_hint->setText(tr("The PyTorch export failed: %1").arg(QString::fromStdString(reply.error)));
        } else {
            const QString dir = QString::fromStdString(std::any_cast<const std::string&>(reply.value));
            m_hint->setText(tr("Written for PyTorch into %1: cd there and run python3 train.py (README.md has the "
                               "torchrun line).").arg(dir));
            emit torchExported(dir);
        }
    } else if (reply.id == m_fineTuneJob) {
        m_fineTuneJob = 0;
        if (!reply.error.empty())
            m_fineTune->setBusy(tr("Fine-tuning failed: %1").arg(QString::fromStdString(reply.error)));
        else
            m_fineTune->setCurve(std::any_cast<const FineTuneCurve&>(reply.value), m_fineTuneRun);
    }
}

std::vector<View::ExportTarget> RunsView::exportTargets()
{
    return {{"runs-curves", tr("Runs: overlaid loss curves"), m_overlay},
            {"runs-maps", tr("Runs: latent maps side by side"), m_maps},
            {"runs-multiples", tr("Runs: each run's map and reconstructions"), m_multiples},
            {"runs-probe", tr("Runs: what the codes are good for"), m_probe},
            {"runs-finetune", tr("Runs: pretrained against random start"), m_fineTune}};
}

void RunsView::addRow(const RunRecord& r)
{
    m_filling = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto cell = [&](int column, const QString& text, bool editable = false) {
        auto* item = new QTableWidgetItem(text);
        if (!editable)
            item->setFlags(item->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(row, column, item);
        return item;
    };
    QTableWidgetItem* name = cell(Name, QString::fromStdString(r.name), true);
    name->setData(Qt::UserRole, r.id);
    name->setIcon(thumbnail(r));
    name->setToolTip(QString::fromStdString(r.settingsJson().dump(1)));
    cell(Variant, QString::fromStdString(r.settings.variant));
    cell(Dataset, QString::fromStdString(r.datasetSpec));
    cell(Epochs, QString::number(r.history.epochs.size()) + " / " + QString::number(r.settings.epochs));
    cell(Seed, QString::number(r.settings.seed));
    cell(ValLoss, lossText(r.finalVal().headline()));
    cell(Status, QString::fromStdString(r.status()));
    cell(Seconds, QString::number(r.seconds, 'g', 3));
    cell(Note, QString::fromStdString(r.note), true);
    m_filling = false;
}

int RunsView::rowOf(int id) const
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, Name)->data(Qt::UserRole).toInt() == id)
            return row;
    return -1;
}

void RunsView::select(const std::vector<int>& ids)
{
    m_table->clearSelection();
    for (int id : ids)
        if (const int row = rowOf(id); row >= 0)
            for (int c = 0; c < ColumnCount; ++c)
                m_table->item(row, c)->setSelected(true);
}

std::vector<RunRecordPtr> RunsView::selectedRuns() const
{
    std::vector<RunRecordPtr> runs;
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, Name)->isSelected())
            if (RunRecordPtr r = m_runs->find(m_table->item(row, Name)->data(Qt::UserRole).toInt()))
                runs.push_back(r);
    return runs;
}

void RunsView::onSelectionChanged()
{
    const std::vector<RunRecordPtr> runs = selectedRuns();
    m_overlay->setRuns(runs);
    m_differences->setRuns(runs);
    m_maps->setRuns(runs);
    m_multiples->setRuns(runs);
    m_trend->setRuns(runs);
    // A sweep's selection opens on its result; otherwise the maps.
    m_lower->setTabEnabled(m_lower->indexOf(m_trend), !m_trend->key().isEmpty());
    if (!m_trend->key().isEmpty())
        m_lower->setCurrentWidget(m_trend);
    else if (m_lower->currentWidget() == m_trend)
        m_lower->setCurrentWidget(m_maps);
    m_runAgain->setEnabled(runs.size() == 1);
    m_probeButton->setEnabled(runs.size() == 1);
    m_fineTuneButton->setEnabled(runs.size() == 1);
    m_torchButton->setEnabled(runs.size() == 1);
    m_export->setEnabled(!runs.empty());
    m_delete->setEnabled(!runs.empty());
    if (m_runs->count() == 0)
        m_hint->setText(tr("Every run you train is kept here. Train one (F5), change a setting, train again, "
                           "then select both to compare them."));
    else if (runs.size() < 2)
        m_hint->setText(tr("Select two or more runs (Ctrl+click) to compare them. Double-click a name or note to "
                           "edit it."));
    else
        m_hint->setText(tr("%1 runs selected.").arg(runs.size()));
}

void RunsView::onItemEdited(int row, int column)
{
    if (m_filling || (column != Name && column != Note))
        return;
    const int id = m_table->item(row, Name)->data(Qt::UserRole).toInt();
    const QString text = m_table->item(row, column)->text();
    if (column == Name)
        m_runs->rename(id, text);
    else
        m_runs->setNote(id, text);
}

bool RunsView::requestRunAgain(const QString& key, const QString& value, QString* error)
{
    const std::vector<RunRecordPtr> runs = selectedRuns();
    if (runs.size() != 1) {
        *error = tr("Select one run to train again.");
        return false;
    }
    const RunRecord& run = *runs.front();
    try {
        const OneChange change = changeOneSetting(run, key.toStdString(), value.toStdString());
        RunRequest request;
        request.settings = change.settings;
        if (change.sameInitialWeights)
            request.initialWeights = std::make_shared<WeightSet>(run.initialWeights);
        emit runRequested(request, QString::fromStdString(run.datasetSpec));
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
}

void RunsView::askRunAgain()
{
    const std::vector<RunRecordPtr> runs = selectedRuns();
    if (runs.size() != 1)
        return;
    RunAgainDialog dialog(*runs.front(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!requestRunAgain(dialog.key(), dialog.value(), &error))
        QMessageBox::warning(this, tr("Cannot train the run again"), error);
}

bool RunsView::exportSelected(const QString& path, QString* error)
{
    const std::vector<RunRecordPtr> runs = selectedRuns();
    std::vector<const RunRecord*> raw;
    for (const RunRecordPtr& r : runs)
        raw.push_back(r.get());
    try {
        if (raw.empty())
            throw std::runtime_error(tr("no run is selected").toStdString());
        if (path.endsWith(".csv", Qt::CaseInsensitive)) {
            writeFileAtomically(path.toStdString(), curvesCsv(raw));
        } else if (path.endsWith(".json", Qt::CaseInsensitive)) {
            nlohmann::json all = nlohmann::json::array();
            for (const RunRecord* r : raw)
                all.push_back(r->toJson());
            writeFileAtomically(path.toStdString(), all.dump(1) + "\n");
        } else if (path.endsWith(".safetensors", Qt::CaseInsensitive)) {
            if (raw.size() != 1)
                throw std::runtime_error(tr("select one run to save its model").toStdString());
            saveModel(path.toStdString(), *rebuildModel(*raw.front()), provenanceOf(*raw.front()));
        } else {
            throw std::runtime_error(tr("give the file a .csv, .json or .safetensors suffix").toStdString());
        }
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
}

bool RunsView::exportSelectedArrays(const QString& directory, QString* error)
{
    const std::vector<RunRecordPtr> runs = selectedRuns();
    try {
        if (runs.size() != 1)
            throw std::runtime_error(tr("select one run to export its codes and reconstructions").toStdString());
        const RunRecord& r = *runs.front();
        const QDir dir(directory);
        const auto at = [&](const char* name) { return dir.filePath(name).toStdString(); };
        std::vector<std::string> columns;
        for (Eigen::Index c = 0; c < r.probeCodes.cols(); ++c)
            columns.push_back("z" + std::to_string(c + 1));
        std::vector<FileWrite> files;
        files.push_back({at("codes.csv"), csvWriter(at("codes.csv"), r.probeCodes, columns, r.probeLabels)});
        files.push_back({at("codes.npy"), npyWriter(r.probeCodes)});
        if (!r.probeLabels.empty())
            files.push_back({at("labels.npy"), npyIntWriter(r.probeLabels)});
        files.push_back({at("originals.npy"), npyWriter(r.originals)});
        files.push_back({at("reconstructions.npy"), npyWriter(r.reconstructions)});
        QByteArray png;
        if (r.context.shape.isImage() && r.originals.rows() > 0) {
            Matrix both(r.originals.rows() * 2, r.originals.cols());
            both << r.originals, r.reconstructions;
            const QImage mosaic = mosaicImage(both, r.context.shape, int(r.originals.rows()));
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            mosaic.scaled(mosaic.size() * 4, Qt::IgnoreAspectRatio, Qt::FastTransformation).save(&buffer, "PNG");
            files.push_back({at("reconstructions.png"), [&png](std::ostream& out) {
                                 out.write(png.constData(), std::streamsize(png.size()));
                             }});
        }
        writeFilesAtomically(files);
        return true;
    } catch (const std::exception& e) {
        *error = QString::fromStdString(e.what());
        return false;
    }
}

void RunsView::askExport()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the selected runs"), QString(),
        tr("Loss curves, CSV (*.csv);;Settings, histories and final figures, JSON (*.json);;"
           "Model file of one run (*.safetensors)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportSelected(path, &error))
        QMessageBox::warning(this, tr("Cannot export the runs"), error);
}

void RunsView::deleteSelected()
{
    for (const RunRecordPtr& r : selectedRuns())
        m_runs->remove(r->id);
}

} // namespace aelab::ui
