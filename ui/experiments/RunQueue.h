#pragma once
// Runs that train one after another on the worker: "run again with one
// change" (one run) and sweeps (one per value and seed). Each starts when
// the previous one has been kept in the run list, so the window stays
// responsive and every run of the queue becomes a run of the list. Says
// where it is (run k of n) and, from the runs done, how long is left.
#include "worker/UiTypes.h"

#include <QElapsedTimer>
#include <QObject>

#include <deque>
#include <vector>

namespace aelab::ui {

class RunList;
class TrainingController;

class RunQueue : public QObject {
    Q_OBJECT
public:
    RunQueue(TrainingController* controller, RunList* runs, QObject* parent = nullptr);

    // Starts the first now (the controller must be idle with the dataset
    // loaded) and the others as each run is kept.
    void start(std::vector<RunRequest> requests);
    void cancel();                   // the run in progress finishes as a stopped run; the rest are dropped
    bool active() const { return m_total > 0; }
    int done() const { return m_done; }
    int total() const { return m_total; }
    // Seconds left, from the mean of the runs done so far; < 0: unknown.
    double etaSeconds() const;
    // The run list's ids of the runs this queue trained so far.
    const std::vector<int>& keptIds() const { return m_kept; }

signals:
    void progressed(int done, int total);   // after each start and at the end (done == total)
    void finished(const std::vector<int>& keptIds);

private:
    void onKept();
    void startNext();

    TrainingController* m_controller;
    std::deque<RunRequest> m_waiting;
    std::vector<int> m_kept;
    int m_done = 0;
    int m_total = 0;
    bool m_expectingRun = false;
    int m_firstId = 0;   // runs kept with a smaller id are not this queue's
    RunList* m_runs;
    QElapsedTimer m_clock;
};

} // namespace aelab::ui
