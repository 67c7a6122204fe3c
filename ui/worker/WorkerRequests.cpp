#include "worker/WorkerRequests.h"

#include <utility>

namespace aelab::ui {

void WorkerRequests::setLive(const std::string& key, const nlohmann::json& value)
{
    std::lock_guard lock(m_mutex);
    m_live[key] = value;
}

std::map<std::string, nlohmann::json> WorkerRequests::takeLive()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_live, {});
}

void WorkerRequests::setCorruption(const CorruptionSpec& spec)
{
    std::lock_guard lock(m_mutex);
    m_corruption = spec;
}

std::optional<CorruptionSpec> WorkerRequests::takeCorruption()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_corruption, std::nullopt);
}

void WorkerRequests::requestSave(const std::string& path)
{
    std::lock_guard lock(m_mutex);
    m_saves.push_back(path);
}

std::optional<std::string> WorkerRequests::takeSave()
{
    std::lock_guard lock(m_mutex);
    if (m_saves.empty())
        return std::nullopt;
    std::string path = m_saves.front();
    m_saves.erase(m_saves.begin());
    return path;
}

void WorkerRequests::submitJob(PendingJob job)
{
    std::lock_guard lock(m_mutex);
    for (PendingJob& pending : m_jobs)
        if (pending.key == job.key) {
            pending = std::move(job);
            return;
        }
    m_jobs.push_back(std::move(job));
}

std::vector<WorkerRequests::PendingJob> WorkerRequests::takeJobs()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_jobs, {});
}

bool WorkerRequests::anyPending()
{
    std::lock_guard lock(m_mutex);
    return !m_live.empty() || m_corruption || !m_saves.empty() || !m_jobs.empty();
}

void WorkerRequests::clear()
{
    std::lock_guard lock(m_mutex);
    m_live.clear();
    control.reset();
}

} // namespace aelab::ui
