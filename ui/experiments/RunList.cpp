#include "experiments/RunList.h"

#include <algorithm>

namespace aelab::ui {

int RunList::add(const RunRecordPtr& record)
{
    auto kept = std::make_shared<RunRecord>(*record);
    kept->id = m_nextId++;
    if (kept->name.empty())
        kept->name = tr("Run %1").arg(kept->id).toStdString();
    m_runs.push_back(kept);
    emit added(kept->id);
    return kept->id;
}

void RunList::remove(int id)
{
    const auto it = std::find_if(m_runs.begin(), m_runs.end(), [id](const RunRecordPtr& r) { return r->id == id; });
    if (it == m_runs.end())
        return;
    m_runs.erase(it);
    emit removed(id);
}

void RunList::replaceAll(const std::vector<RunRecordPtr>& records)
{
    while (!m_runs.empty())
        remove(m_runs.front()->id);
    m_nextId = 1;
    for (const RunRecordPtr& r : records) {
        m_runs.push_back(r);
        m_nextId = std::max(m_nextId, r->id + 1);
        emit added(r->id);
    }
}

RunRecordPtr RunList::find(int id) const
{
    for (const RunRecordPtr& r : m_runs)
        if (r->id == id)
            return r;
    return nullptr;
}

// A record is shared with views that may still hold it: an edit makes a new
// record (copy on write) instead of changing one under their feet.
RunRecordPtr RunList::replaced(int id, const std::function<void(RunRecord&)>& edit)
{
    for (RunRecordPtr& r : m_runs)
        if (r->id == id) {
            auto copy = std::make_shared<RunRecord>(*r);
            edit(*copy);
            r = copy;
            return r;
        }
    return nullptr;
}

void RunList::rename(int id, const QString& name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return;
    if (replaced(id, [&](RunRecord& r) { r.name = trimmed.toStdString(); }))
        emit changed(id);
}

void RunList::setNote(int id, const QString& note)
{
    if (replaced(id, [&](RunRecord& r) { r.note = note.toStdString(); }))
        emit changed(id);
}

} // namespace aelab::ui
