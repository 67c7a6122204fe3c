#pragma once
// The loss plot: every term of the variant, training (every step) and
// validation (every epoch), against step or epoch, with a log-scale toggle,
// exponential smoothing and the phase changes of phased variants as
// vertical markers. Data arrives with snapshots; drawing happens in
// refresh(), called by the window's redraw timer.
#include "widgets/LiveText.h"
#include "window/View.h"
#include "math/Smoothing.h"
#include "train/Snapshot.h"


#include <map>
#include <vector>

class QCheckBox;
class QComboBox;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPLayer;
class QCustomPlot;
class QSlider;

namespace aelab::ui {

class LossView : public View {
    Q_OBJECT
public:
    explicit LossView(QWidget* parent = nullptr);

    void setDataset(const DatasetPtr&) override { clear(); }
    void consume(const Snapshot& snapshot) override;
    void clear() override;
    void refresh() override;              // redraws if new data arrived
    std::vector<ExportTarget> exportTargets() override;
    void saveSettings(QSettings& settings) const override;      // axis, log scale, smoothing
    void restoreSettings(const QSettings& settings) override;

    void setLogScale(bool on);
    void setSmoothing(double factor);     // 0 .. 0.99
    void setAgainstEpoch(bool epoch);

    int trainPointCount() const;          // points of the total loss curve
    int valPointCount() const;
    QCustomPlot* plot() const { return m_plot; }

private:
    struct Series {
        std::vector<long long> step;
        std::vector<double> epoch;
        std::vector<std::vector<double>> values;   // [term][point]
    };
    struct TermGraphs {
        QCPGraph* train = nullptr;
        QCPGraph* val = nullptr;
    };

    void ensureTerms(const std::vector<std::string>& names);
    QCPLayer* validationLayer();   // drawn above the training curves
    void append(Series& series, const std::vector<LossPoint>& points);
    void rebuildGraphs();
    void addToGraphs(std::size_t fromTrain, std::size_t fromVal);
    void placePhaseMarks();
    double key(const Series& s, std::size_t i) const;

    QCustomPlot* m_plot;
    QComboBox* m_axis;
    QCheckBox* m_log;
    QSlider* m_smooth;
    LiveText* m_latest;
    QString m_latestText;   // shown at the next refresh()
    std::vector<std::string> m_terms;
    std::vector<TermGraphs> m_graphs;
    std::vector<EmaSmoother> m_smoothers;  // per term, over the training values
    Series m_train;
    Series m_val;
    std::vector<PhaseMark> m_phases;
    std::vector<std::pair<QCPItemStraightLine*, QCPItemText*>> m_phaseItems;
    bool m_epochAxis = false;
    double m_smoothing = 0.6;
    bool m_dirty = false;
};

} // namespace aelab::ui
