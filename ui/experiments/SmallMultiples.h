#pragma once
// Small multiples: one cell per selected run (a sweep's runs, say), each
// with its latent map of the probe set and a strip of originals over
// reconstructions, titled by the settings on which the runs differ. Read
// across the cells to see how a setting changes what was learnt. The maps
// share one scale when asked (so a collapsed map looks collapsed), or each
// fits its own points.
#include "worker/UiTypes.h"

#include <QWidget>

#include <string>
#include <vector>

class QCheckBox;
class QCustomPlot;
class QGridLayout;
class QLabel;

namespace aelab::ui {

class SmallMultiples : public QWidget {
    Q_OBJECT
public:
    explicit SmallMultiples(QWidget* parent = nullptr);

    void setClassNames(const std::vector<std::string>& names) { m_classNames = names; }
    // At most kMaxCells runs are drawn (the first ones); the caption says so.
    void setRuns(const std::vector<RunRecordPtr>& runs);

    static constexpr int kMaxCells = 12;
    int cellCount() const { return int(m_cells.size()); }
    QCustomPlot* map(int cell) const { return m_cells[std::size_t(cell)].map; }
    QString title(int cell) const;
    bool hasReconstructions(int cell) const;
    void setSharedScale(bool shared);

private:
    struct Cell {
        QWidget* box = nullptr;
        QLabel* title = nullptr;
        QCustomPlot* map = nullptr;
        QLabel* images = nullptr;
    };
    void rebuild();
    void applyScale();

    std::vector<RunRecordPtr> m_runs;
    std::vector<std::string> m_classNames;
    std::vector<Cell> m_cells;
    QWidget* m_grid;
    QGridLayout* m_gridLayout;
    QCheckBox* m_shared;
    QLabel* m_caption;
};

} // namespace aelab::ui
