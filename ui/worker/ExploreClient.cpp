#include "worker/ExploreClient.h"

#include "worker/TrainingController.h"

namespace aelab::ui {

ExploreClient::ExploreClient(TrainingController* controller, QObject* parent)
    : QObject(parent), m_controller(controller)
{
    connect(m_controller, &TrainingController::exploreReady, this, &ExploreClient::receive);
}

void ExploreClient::request(const std::string& key, ExploreJob job, Callback onReply)
{
    const std::uint64_t id = m_controller->submit(key, std::move(job));
    m_waiting[key] = {id, std::move(onReply)};
}

bool ExploreClient::pending(const std::string& key) const { return m_waiting.count(key) > 0; }

void ExploreClient::receive(const ExploreReply& reply)
{
    const auto it = m_waiting.find(reply.key);
    if (it == m_waiting.end() || it->second.id != reply.id)
        return;   // another view's, or superseded
    Callback callback = std::move(it->second.callback);
    m_waiting.erase(it);
    if (!reply.error.empty())
        emit failed(QString::fromStdString(reply.error));
    if (callback)
        callback(reply);
}

} // namespace aelab::ui
