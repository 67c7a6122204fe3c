#include "experiments/LabelBudgetFigure.h"

#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace aelab::ui {

LabelBudgetFigure::LabelBudgetFigure(int plotMinimumHeight, int plotStretch, int tableStretch, QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot), m_numbers(new QTableWidget), m_caption(new QLabel)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_plot, plotStretch);
    layout->addWidget(m_numbers, tableStretch);
    m_caption->setWordWrap(true);
    setUpPlot(m_plot);
    m_plot->setMinimumHeight(plotMinimumHeight);
    m_plot->legend->setVisible(true);
    placeLegendAtRight(m_plot);
    m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    m_plot->xAxis->setLabel(tr("labelled training samples per class"));
    m_plot->yAxis->setLabel(tr("test accuracy"));
    m_numbers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_numbers->verticalHeader()->setVisible(false);
    m_numbers->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}

void LabelBudgetFigure::setBusy(const QString& text)
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_plot->replot();
    m_numbers->clear();
    m_numbers->setRowCount(0);
    m_numbers->setColumnCount(0);
    m_caption->setText(text);
}

} // namespace aelab::ui
