#include "experiments/DifferenceTable.h"

#include "widgets/PlotStyle.h"

#include <QHeaderView>
#include <QLocale>

#include <cmath>

namespace aelab::ui {

namespace {

QString valueText(const nlohmann::json& v)
{
    if (v.is_null())
        return QObject::tr("—");
    if (v.is_string())
        return QString::fromStdString(v.get<std::string>());
    if (v.is_number_float())
        return QString::number(v.get<double>(), 'g', 6);
    return QString::fromStdString(v.dump());
}

QString figure(double v) { return std::isfinite(v) ? QString::number(v, 'g', 5) : QObject::tr("—"); }

} // namespace

DifferenceTable::DifferenceTable(QWidget* parent) : QTableWidget(parent)
{
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    verticalHeader()->setVisible(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
}

void DifferenceTable::setRuns(const std::vector<RunRecordPtr>& runs)
{
    std::vector<const RunRecord*> raw;
    for (const RunRecordPtr& r : runs)
        raw.push_back(r.get());
    m_keys.clear();
    if (raw.size() >= 2)
        for (const std::string& k : differingSettings(raw))
            m_keys << QString::fromStdString(k);

    QStringList headers{tr("Run")};
    headers << m_keys;
    headers << tr("Training loss") << tr("Validation loss") << tr("Seconds") << tr("Samples seen");
    clear();
    setColumnCount(int(headers.size()));
    setHorizontalHeaderLabels(headers);
    setRowCount(int(runs.size()));
    horizontalHeaderItem(0)->setToolTip(tr("Columns: only the settings on which the selected runs differ"));
    const int figures = 1 + int(m_keys.size());
    horizontalHeaderItem(figures)->setToolTip(tr("Mean of the objective over the last epoch's batches"));
    horizontalHeaderItem(figures + 1)->setToolTip(tr("Mean of the objective on the validation part after the "
                                                      "last epoch"));
    horizontalHeaderItem(figures + 2)->setToolTip(tr("Training time, pauses excluded"));
    for (int row = 0; row < int(runs.size()); ++row) {
        const RunRecord& r = *runs[std::size_t(row)];
        auto* name = new QTableWidgetItem(QString::fromStdString(r.name));
        name->setForeground(runColor(row));
        name->setToolTip(QString::fromStdString(r.settingsJson().dump(1)));
        setItem(row, 0, name);
        const nlohmann::json settings = r.settingsJson();
        for (int c = 0; c < int(m_keys.size()); ++c)
            setItem(row, 1 + c, new QTableWidgetItem(valueText(settings.value(m_keys[c].toStdString(), nlohmann::json()))));
        setItem(row, figures, new QTableWidgetItem(figure(r.finalTrain().headline())));
        setItem(row, figures + 1, new QTableWidgetItem(figure(r.finalVal().headline())));
        setItem(row, figures + 2, new QTableWidgetItem(QString::number(r.seconds, 'g', 3)));
        setItem(row, figures + 3, new QTableWidgetItem(QLocale().toString(r.samplesSeen)));
    }
}

} // namespace aelab::ui
