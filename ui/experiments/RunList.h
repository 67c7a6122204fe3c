#pragma once
// Every run of the session, in the order they started: what the Runs tab
// lists and compares. The records themselves are immutable (built by the
// worker, shared by pointer); only the name and note the user gives them
// change, through here, so every view hears of it.
#include "worker/UiTypes.h"

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

namespace aelab::ui {

class RunList : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Adds a run the worker kept: it gets the next id and the name "Run N".
    int add(const RunRecordPtr& record);
    int nextId() const { return m_nextId; }   // the id the next kept run gets
    void remove(int id);
    // Replaces every run by these (an opened session): their ids and names
    // are kept, and the next run is numbered after the highest.
    void replaceAll(const std::vector<RunRecordPtr>& records);
    void rename(int id, const QString& name);
    void setNote(int id, const QString& note);

    const std::vector<RunRecordPtr>& runs() const { return m_runs; }
    RunRecordPtr find(int id) const;   // null if gone
    int count() const { return int(m_runs.size()); }

signals:
    void added(int id);
    void removed(int id);
    void changed(int id);   // name or note

private:
    RunRecordPtr replaced(int id, const std::function<void(RunRecord&)>& edit);

    std::vector<RunRecordPtr> m_runs;
    int m_nextId = 1;
};

} // namespace aelab::ui
