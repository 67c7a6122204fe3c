#pragma once
// Two runs' latent maps side by side, the probe set's samples in both.
// Brushing: drag a rectangle over one map and the same samples are ringed
// in the other, which shows where the other run put them. Samples are
// matched by row, so brushing needs both runs to show the same probe set
// (the same data and seed: ProbeSet); otherwise the caption says so.
#include "worker/UiTypes.h"

#include <QWidget>

#include <array>
#include <string>
#include <vector>

class QCPGraph;
class QCPItemRect;
class QCustomPlot;
class QLabel;
class QMouseEvent;

namespace aelab::ui {

class PairedMaps : public QWidget {
    Q_OBJECT
public:
    explicit PairedMaps(QWidget* parent = nullptr);

    void setClassNames(const std::vector<std::string>& names) { m_classNames = names; }
    // The first two runs are shown; fewer clears a side.
    void setRuns(const std::vector<RunRecordPtr>& runs);
    // Rings these probe rows in both maps (when they can be matched).
    void brush(const std::vector<int>& rows);
    // Brushes the rows whose points fall in the rectangle, in `side`'s map coordinates.
    void brushRect(int side, double x0, double y0, double x1, double y1);

    const std::vector<int>& brushed() const { return m_brushed; }
    bool matchable() const { return m_matchable; }
    QCustomPlot* plot(int side) const { return m_plots[std::size_t(side)]; }
    int ringedCount(int side) const;

private:
    void draw(int side);
    void ring(int side, const std::vector<int>& rows);
    void onPress(int side, QMouseEvent* event);
    void onMove(int side, QMouseEvent* event);
    void onRelease(int side, QMouseEvent* event);

    std::array<QCustomPlot*, 2> m_plots{};
    std::array<QLabel*, 2> m_titles{};
    std::array<QCPGraph*, 2> m_rings{};
    std::array<QCPItemRect*, 2> m_band{};
    std::array<RunRecordPtr, 2> m_runs;
    std::vector<std::string> m_classNames;
    std::vector<int> m_brushed;
    bool m_matchable = false;
    QLabel* m_caption;
    int m_dragSide = -1;
    QPointF m_dragStart;
};

} // namespace aelab::ui
