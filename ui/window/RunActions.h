#pragma once
// The Run menu's five actions (Train F5, Pause/Resume F6, Step F7, Stop
// Shift+F5, Reset Ctrl+R) and which of them the training state allows. The
// control panel shows them as buttons; the window connects what they do.
#include "worker/TrainingController.h"

#include <QList>
#include <QObject>

#include <map>

class QAction;

namespace aelab::ui {

class RunActions : public QObject {
    Q_OBJECT
public:
    explicit RunActions(QWidget* owner);

    QAction* action(const QString& name) const;   // "train", "pause", "step", "stop", "reset"; null if none
    QList<QAction*> all() const;                  // in menu order
    void update(TrainingController::State state, bool haveData);

private:
    std::map<QString, QAction*> m_actions;
};

} // namespace aelab::ui
