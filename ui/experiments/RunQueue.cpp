#include "experiments/RunQueue.h"

#include "experiments/RunList.h"
#include "worker/TrainingController.h"

namespace aelab::ui {

RunQueue::RunQueue(TrainingController* controller, RunList* runs, QObject* parent)
    : QObject(parent), m_controller(controller), m_runs(runs)
{
    // A queued run counts as done once the run list holds it; queued, so the
    // views have shown the run before the queue moves on (or ends and selects it).
    connect(
        runs, &RunList::added, this,
        [this](int id) {
            // A run kept before this queue started (the previous queue's
            // last, its signal still on the way) is not this queue's first.
            if (!m_expectingRun || id < m_firstId)
                return;
            m_kept.push_back(id);
            onKept();
        },
        Qt::QueuedConnection);
    // A run that could not start is never kept: go on with the next.
    connect(controller, &TrainingController::runEnded, this, [this](int status) {
        if (m_expectingRun && RunStatus(status) == RunStatus::Ready)
            onKept();
    });
}

void RunQueue::start(std::vector<RunRequest> requests)
{
    m_waiting.assign(requests.begin(), requests.end());
    m_done = 0;
    m_kept.clear();
    m_firstId = m_runs->nextId();
    m_total = int(m_waiting.size());
    m_clock.start();
    startNext();
}

void RunQueue::cancel()
{
    if (!active())
        return;
    m_waiting.clear();
    m_controller->stop();
}

double RunQueue::etaSeconds() const
{
    if (!active() || m_done == 0)
        return -1;
    return m_clock.elapsed() / 1000.0 / m_done * (m_total - m_done);
}

void RunQueue::startNext()
{
    if (m_waiting.empty()) {
        m_expectingRun = false;
        m_total = 0;
        emit finished(m_kept);
        return;
    }
    RunRequest next = m_waiting.front();
    m_waiting.pop_front();
    m_expectingRun = true;
    emit progressed(m_done, m_total);
    m_controller->start(next);
}

void RunQueue::onKept()
{
    if (!m_expectingRun)
        return;
    m_expectingRun = false;
    ++m_done;
    emit progressed(m_done, m_total);
    startNext();
}

} // namespace aelab::ui
