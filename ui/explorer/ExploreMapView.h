#pragma once
// The interactive latent map of the Latent explorer tab. It keeps the probe
// set's codes every K steps (a CodeTimeline) and shows one frame at a time:
// the newest while following the run, or an earlier one picked on the
// timeline slider. Codes wider than 2 are shown on a plane the user chooses:
// the first two principal components, or two latent dimensions.
// The slider's right end always shows the newest codes.
// Mouse: hover near a point -> hovered(i); click a point -> pointClicked(i);
// click empty space -> emptyClicked(p); press and drag to another place ->
// dragged(from, to, i, j) (i, j: the points at either end, or -1). The wheel
// zooms; a double click fits the view to the points again.
#include "explore/LatentPlane.h"
#include "explore/Lattice.h"
#include "explore/Timeline.h"
#include "train/Snapshot.h"

#include <QPointF>
#include <QWidget>

#include <optional>
#include <string>
#include <vector>

class QCPGraph;
class QCustomPlot;
class QComboBox;
class QLabel;
class QMouseEvent;
class QSlider;
class QSpinBox;

namespace aelab::ui {

class ExploreMapView : public QWidget {
    Q_OBJECT
public:
    explicit ExploreMapView(QWidget* parent = nullptr);

    void setClassNames(const std::vector<std::string>& names);
    // A variant whose prior is N(0, I): dims plane, unseen dims at the prior's mean 0.
    void setStandardNormalPrior(bool on);
    void consume(const Snapshot& snapshot);
    // Codes the worker kept for the timeline (every K steps while training).
    void offerCodes(long long step, const Matrix& codes);
    void clear();
    void refresh();

    // The frame shown and the plane it is shown on.
    // Frames: the timeline's, then the newest codes when they came between two
    // timeline frames (so the slider's right end is always the model now).
    int frameCount() const { return m_timeline.size() + (m_live ? 1 : 0); }
    int frameIndex() const { return m_frame; }
    long long frameStep() const;
    const Matrix* frameCodes() const;               // null before the first frame
    const std::vector<int>& labels() const { return m_labels; }
    const LatentPlane& plane() const { return m_plane; }
    bool hasPlane() const { return m_plane.latentSize > 0; }
    PlaneRect visibleRect() const;
    QPointF planePoint(int index) const;            // a shown point's plane coordinates
    int pointCount() const { return int(m_points.rows()); }

    void setPlaneChoice(const PlaneChoice& choice);
    PlaneChoice planeChoice() const { return m_choice; }
    void setTimelineInterval(long long steps);

    // Marks: the decoded point, the interpolation path.
    void markDecoded(QPointF p);
    void markPath(QPointF from, QPointF to);

    // For tests: pixel position of plane coordinates in the plot widget.
    QPoint pixelOf(QPointF p) const;
    QCustomPlot* plot() const { return m_plot; }
    QSlider* timelineSlider() const { return m_slider; }
    QString timelineText() const;   // the label beside the slider

signals:
    void hovered(int index);
    void pointClicked(int index);
    void emptyClicked(QPointF planePoint);
    void dragged(QPointF from, QPointF to, int fromIndex, int toIndex);
    void frameShown(int index);
    void timelineIntervalChanged(long long steps);
    void planeChanged();

private:
    void makeGraphs(int classes);
    void showFrame(int index);
    void updateTimelineControls();
    void afterNewFrame(int latent);
    void takeCodes(long long step, const Matrix& codes, bool final);
    const TimelineFrame* frameAt(int index) const;
    void onPlaneControls();
    int nearestPoint(const QPoint& pixel, double maxPixels) const;
    QPointF toPlane(const QPoint& pixel) const;
    void onPress(QMouseEvent* e);
    void onMove(QMouseEvent* e);
    void onRelease(QMouseEvent* e);

    QCustomPlot* m_plot;
    QLabel* m_caption;
    QComboBox* m_mode;
    QSpinBox* m_dimX;
    QSpinBox* m_dimY;
    QSlider* m_slider;
    QLabel* m_timeLabel;
    QSpinBox* m_every;
    std::vector<QCPGraph*> m_graphs;
    QCPGraph* m_decodedMark = nullptr;
    QCPGraph* m_pathMark = nullptr;
    QCPGraph* m_hoverMark = nullptr;

    std::vector<std::string> m_classNames;
    CodeTimeline m_timeline;
    std::optional<TimelineFrame> m_live;   // newer than the timeline's last frame
    std::vector<int> m_labels;
    int m_frame = -1;
    bool m_follow = true;
    PlaneChoice m_choice;
    LatentPlane m_plane;
    Matrix m_points;                  // the frame's points on the plane
    bool m_dirty = false;
    bool m_rescale = true;
    std::optional<QPoint> m_press;
    int m_pressIndex = -1;
    int m_hoverIndex = -1;
};

} // namespace aelab::ui
