#pragma once
// A view's line to the training thread for exploration jobs (ExploreJob.h):
// request() submits a job under a key and calls back with its reply on the
// main thread. Only the newest request of each key is answered; a reply to
// an older one (superseded while in flight) is dropped.
#include "worker/ExploreJob.h"
#include "worker/UiTypes.h"

#include <QObject>

#include <functional>
#include <map>
#include <string>

namespace aelab::ui {

class TrainingController;

class ExploreClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const ExploreReply&)>;

    ExploreClient(TrainingController* controller, QObject* parent);

    void request(const std::string& key, ExploreJob job, Callback onReply);
    bool pending(const std::string& key) const;
    bool anyPending() const { return !m_waiting.empty(); }
    TrainingController* controller() const { return m_controller; }

signals:
    void failed(const QString& message);   // a job threw (the reply's error)

private:
    void receive(const ExploreReply& reply);

    TrainingController* m_controller;
    struct Waiting {
        std::uint64_t id = 0;
        Callback callback;
    };
    std::map<std::string, Waiting> m_waiting;   // by key: the newest request
};

} // namespace aelab::ui
