#pragma once
// The loss plot: every term of the variant, training (every step) and
// validation (every epoch), against step or epoch, with a log-scale toggle,
// exponential smoothing and the phase changes of phased variants as
// vertical markers. Data arrives with snapshots; drawing happens in
// refresh(), called by the window's redraw timer.
// Terms are shown or hidden from the Terms menu: losses shown, per-dimension
// terms (kl_0 ... kl_15) one group hidden by default, metrics (disc_acc,
// mean_activation) on the right-hand axis (LossTermKinds.h). The legend sits
// in a column of its own; the header gives each shown loss where its curve
// ends (smoothed as drawn).
#include "widgets/LiveText.h"
#include "window/View.h"
#include "math/Smoothing.h"
#include "train/Snapshot.h"


#include <QStringList>

#include <map>
#include <vector>

class QCheckBox;
class QComboBox;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QCPLayer;
class QCustomPlot;
class QMenu;
class QSlider;
class QToolButton;

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

    // Terms by group ("loss", "kl", "kl_*", "disc_acc"), in order of arrival.
    QStringList termGroups() const;
    bool groupShown(const QString& group) const;
    void setGroupShown(const QString& group, bool shown);
    QCPGraph* trainGraph(const QString& term) const;   // null for an unknown term
    QString latestText() const { return m_latestText; }
    QToolButton* termsButton() const { return m_termsButton; }

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
    void applyVisibility();
    void rebuildTermsMenu();
    void updateLatestText();
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
    QToolButton* m_termsButton;
    QMenu* m_termsMenu;
    QCPGraph* m_validationKey = nullptr;   // an empty graph: the legend's "validation" entry
    LiveText* m_latest;
    QString m_latestText;   // shown at the next refresh()
    std::vector<std::string> m_terms;
    std::vector<TermGraphs> m_graphs;
    std::vector<EmaSmoother> m_smoothers;  // per term, over the training values
    std::vector<double> m_curveEnd;        // per term, the last smoothed value drawn
    QStringList m_groups;                  // in order of arrival
    std::map<QString, bool> m_shown;       // per group; kept across runs
    Series m_train;
    Series m_val;
    std::vector<PhaseMark> m_phases;
    std::vector<std::pair<QCPItemStraightLine*, QCPItemText*>> m_phaseItems;
    bool m_epochAxis = false;
    double m_smoothing = 0.6;
    bool m_dirty = false;
};

} // namespace aelab::ui
