#include "experiments/FineTunePlot.h"

#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QTableWidget>

#include <algorithm>

namespace aelab::ui {

FineTunePlot::FineTunePlot(QWidget* parent) : LabelBudgetFigure(200, 3, 1, parent)
{
    setBusy(tr("Select a run on a labelled dataset and press Fine-tune."));
}

int FineTunePlot::pointCount() const { return m_plot->graphCount() > 0 ? m_plot->graph(0)->dataCount() : 0; }

void FineTunePlot::setCurve(const FineTuneCurve& curve, const QString& runName)
{
    m_plot->clearGraphs();
    QVector<double> ks, pretrained, random;
    int largest = 1;
    for (const FineTunePoint& p : curve.points) {
        if (p.labelsPerClass == kAllLabels)
            continue;   // in the table only: the curve's x is a count per class
        const int k = p.labelsPerClass;
        largest = std::max(largest, k);
        ks << k;
        pretrained << p.pretrainedAccuracy;
        random << p.randomAccuracy;
    }
    QCPGraph* fromWeights = m_plot->addGraph();
    fromWeights->setPen(QPen(runColor(0), 2.2));
    fromWeights->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, runColor(0), runColor(0), 7));
    fromWeights->setName(tr("from %1's weights").arg(runName));
    fromWeights->setData(ks, pretrained);
    QCPGraph* fromRandom = m_plot->addGraph();
    fromRandom->setPen(QPen(runColor(1), 1.6, Qt::DashLine));
    fromRandom->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, runColor(1), runColor(1), 6));
    fromRandom->setName(tr("from a random start"));
    fromRandom->setData(ks, random);
    m_plot->xAxis->setRange(0.7, largest * 1.5);
    m_plot->yAxis->setRange(0, 1);
    m_plot->replot();

    const int testSamples = curve.points.empty() ? 0 : curve.points.front().testSamples;
    m_caption->setText(tr("%1's encoder plus a softmax head, trained on k labelled samples per class for %2 Adam "
                          "steps (learning rate %3, batch %4, head started as %5), from the run's weights and "
                          "from a random start; test accuracy on %6 test samples.")
                           .arg(runName)
                           .arg(curve.steps)
                           .arg(curve.learningRate, 0, 'g', 3)
                           .arg(curve.batchSize)
                           .arg(curve.headFromProbe ? tr("the logistic regression on the start's codes")
                                                    : tr("random weights"))
                           .arg(testSamples)
                       + (curve.complete ? QString() : tr(" Stopped before every fit was done.")));

    m_numbers->clear();
    m_numbers->setColumnCount(int(curve.points.size()) + 1);
    QStringList headers{tr("Start")};
    for (const FineTunePoint& p : curve.points)
        headers << QString::fromStdString(labelBudgetText(p.labelsPerClass));
    m_numbers->setHorizontalHeaderLabels(headers);
    m_numbers->setRowCount(2);
    m_numbers->setItem(0, 0, new QTableWidgetItem(tr("autoencoder's weights")));
    m_numbers->setItem(1, 0, new QTableWidgetItem(tr("random")));
    for (int i = 0; i < int(curve.points.size()); ++i) {
        const FineTunePoint& p = curve.points[std::size_t(i)];
        m_numbers->setItem(0, i + 1, new QTableWidgetItem(QString::number(p.pretrainedAccuracy, 'f', 3)));
        m_numbers->setItem(1, i + 1, new QTableWidgetItem(QString::number(p.randomAccuracy, 'f', 3)));
    }
}

} // namespace aelab::ui
