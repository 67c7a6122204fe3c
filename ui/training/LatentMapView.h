#pragma once
// The latent map: the probe set's codes as a scatter coloured by class, with
// a legend of class names. Codes wider than 2 arrive projected by PCA and the
// axes say so; for `vae` the codes are the means (what encode() returns).
// The caption gives the codes' extent along each axis, and the axes can fit
// the codes, keep an equal aspect, or stay fixed at -3..3, so a collapsed
// map (all codes within 1e-3) is not blown up into what looks like structure.
#include "train/Snapshot.h"
#include "window/View.h"

#include <string>
#include <vector>

class QComboBox;
class QCPGraph;
class QCustomPlot;
class QLabel;

namespace aelab::ui {

class LiveText;

class LatentMapView : public View {
    Q_OBJECT
public:
    explicit LatentMapView(QWidget* parent = nullptr);

    void setDataset(const DatasetPtr& data) override;   // its class names
    void consume(const Snapshot& snapshot) override;
    void clear() override;
    void refresh() override;
    std::vector<ExportTarget> exportTargets() override;

    int pointCount() const;
    QCustomPlot* plot() const { return m_plot; }
    QString caption() const;

    enum class Axes { Fit, EqualAspect, Fixed };
    static constexpr double kFixedRange = 3.0;   // Axes::Fixed shows -3..3 on both axes
    void setAxes(Axes axes);
    Axes axes() const { return m_axes; }
    QComboBox* axesBox() const { return m_axesBox; }
    void saveSettings(QSettings& settings) const override;
    void restoreSettings(const QSettings& settings) override;

private:
    void makeGraphs(int classes);

    QCustomPlot* m_plot;
    QLabel* m_caption;
    LiveText* m_span;      // changes with every snapshot: must not relayout the window
    QComboBox* m_axesBox;
    Axes m_axes = Axes::Fit;
    std::vector<std::string> m_classNames;
    std::vector<QCPGraph*> m_graphs;   // one per class (one in all when unlabelled)
    bool m_dirty = false;
};

} // namespace aelab::ui
