#include "window/RunActions.h"

#include <QAction>
#include <QWidget>

namespace aelab::ui {

namespace {
constexpr const char* kOrder[] = {"train", "pause", "step", "stop", "reset"};
}

RunActions::RunActions(QWidget* owner) : QObject(owner)
{
    auto make = [&](const QString& name, const QString& text, const QKeySequence& key, const QString& tip) {
        auto* a = new QAction(text, owner);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setToolTip(tip + " (" + key.toString(QKeySequence::NativeText) + ")");
        m_actions[name] = a;
    };
    make("train", tr("&Train"), QKeySequence(Qt::Key_F5), tr("Train a new model with these settings"));
    make("pause", tr("&Pause"), QKeySequence(Qt::Key_F6), tr("Pause or resume training"));
    make("step", tr("&Step"), QKeySequence(Qt::Key_F7), tr("Train one batch, then pause"));
    make("stop", tr("St&op"), QKeySequence(Qt::SHIFT | Qt::Key_F5), tr("Stop training, keeping the model"));
    make("reset", tr("&Reset"), QKeySequence(Qt::CTRL | Qt::Key_R), tr("Stop and clear the model and the views"));
}

QAction* RunActions::action(const QString& name) const
{
    const auto it = m_actions.find(name);
    return it == m_actions.end() ? nullptr : it->second;
}

QList<QAction*> RunActions::all() const
{
    QList<QAction*> list;
    for (const char* name : kOrder)
        list << m_actions.at(name);
    return list;
}

void RunActions::update(TrainingController::State state, bool haveData)
{
    using S = TrainingController::State;
    const bool ready = state == S::Idle && haveData;
    const bool live = state == S::Running || state == S::Paused;
    m_actions.at("train")->setEnabled(ready);
    m_actions.at("pause")->setEnabled(live);
    m_actions.at("pause")->setText(state == S::Paused ? tr("Res&ume") : tr("&Pause"));
    m_actions.at("step")->setEnabled(ready || live);
    m_actions.at("stop")->setEnabled(live);
    m_actions.at("reset")->setEnabled(state != S::Loading);
}

} // namespace aelab::ui
