#include "experiments/ProbePlot.h"

#include "i18n/CoreText.h"
#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QTableWidget>

#include <algorithm>
#include <limits>
#include <vector>

namespace aelab::ui {

ProbePlot::ProbePlot(QWidget* parent) : LabelBudgetFigure(220, 3, 2, parent) {}

int ProbePlot::curveCount() const { return m_plot->graphCount(); }

void ProbePlot::setTable(const ProbeTable& table, const QString& runName)
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    // "all" is drawn at the most labelled samples per class any cell had.
    int allAt = 1;
    for (const ProbeCell& c : table.cells)
        if (c.labelsPerClass != kAllLabels)
            allAt = std::max(allAt, c.labelsPerClass);
    for (const ProbeCell& c : table.cells)
        if (c.labelsPerClass == kAllLabels && table.classes > 0)
            allAt = std::max(allAt, c.trainSamples / table.classes);

    int curve = 0;
    std::vector<int> budgets;
    for (ProbeFeatures f : {ProbeFeatures::Codes, ProbeFeatures::Raw, ProbeFeatures::Pca})
        for (ProbeClassifier k : {ProbeClassifier::Logistic, ProbeClassifier::NearestNeighbours}) {
            QVector<double> xs, ys;
            for (const ProbeCell& c : table.cells)
                if (c.features == f && c.classifier == k) {
                    xs << (c.labelsPerClass == kAllLabels ? allAt : c.labelsPerClass);
                    ys << c.accuracy;
                    budgets.push_back(c.labelsPerClass);
                }
            if (xs.isEmpty())
                continue;
            QCPGraph* g = m_plot->addGraph();
            const QColor color = runColor(int(f));
            g->setPen(QPen(color, f == ProbeFeatures::Codes ? 2.2 : 1.4,
                           k == ProbeClassifier::Logistic ? Qt::SolidLine : Qt::DashLine));
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 6));
            g->setName(coreText(probeFeaturesLabel(f)) + " · " + coreText(probeClassifierLabel(k)));
            g->setData(xs, ys);
            ++curve;
        }
    // Budgets in increasing order, "all" last.
    const auto order = [](int b) { return b == kAllLabels ? std::numeric_limits<int>::max() : b; };
    std::sort(budgets.begin(), budgets.end(), [&](int a, int b) { return order(a) < order(b); });
    budgets.erase(std::unique(budgets.begin(), budgets.end()), budgets.end());
    auto* floor = new QCPItemStraightLine(m_plot);
    floor->point1->setCoords(1, table.majorityAccuracy);
    floor->point2->setCoords(2, table.majorityAccuracy);
    floor->setPen(QPen(Qt::gray, 1, Qt::DotLine));
    m_plot->rescaleAxes();
    m_plot->xAxis->setRange(0.7, allAt * 1.5);
    m_plot->yAxis->setRange(0, 1);
    m_plot->replot();
    m_caption->setText(tr("%1: %2-dimensional codes against raw inputs and PCA with %2 components; test accuracy "
                          "on %3 test samples. Dotted: always guessing the commonest class (%4). \"all\" is "
                          "drawn at %5 per class.")
                           .arg(runName)
                           .arg(table.codeSize)
                           .arg(table.cells.empty() ? 0 : table.cells.front().testSamples)
                           .arg(table.majorityAccuracy, 0, 'f', 3)
                           .arg(allAt)
                       + (table.complete ? QString() : tr(" Stopped before every fit was done.")));

    // The numbers themselves: a row per features and classifier, a column per budget.
    m_numbers->clear();
    QStringList headers{tr("Features"), tr("Classifier")};
    for (int b : budgets)
        headers << QString::fromStdString(labelBudgetText(b));
    m_numbers->setColumnCount(int(headers.size()));
    m_numbers->setHorizontalHeaderLabels(headers);
    m_numbers->setRowCount(curve);
    int row = 0;
    for (ProbeFeatures f : {ProbeFeatures::Codes, ProbeFeatures::Raw, ProbeFeatures::Pca})
        for (ProbeClassifier k : {ProbeClassifier::Logistic, ProbeClassifier::NearestNeighbours}) {
            bool any = false;
            int column = 2;
            for (int b : budgets) {
                if (const ProbeCell* c = table.find(f, k, b)) {
                    m_numbers->setItem(row, column, new QTableWidgetItem(QString::number(c->accuracy, 'f', 3)));
                    any = true;
                }
                ++column;
            }
            if (!any)
                continue;
            m_numbers->setItem(row, 0, new QTableWidgetItem(coreText(probeFeaturesLabel(f))));
            m_numbers->setItem(row, 1, new QTableWidgetItem(coreText(probeClassifierLabel(k))));
            ++row;
        }
}

} // namespace aelab::ui
