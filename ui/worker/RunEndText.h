#pragma once
// How a run ended, said in the user's language (the worker composes it from
// the trainer's records: finished after N steps, stopped at a step, or
// diverged at a step and epoch for a reason, with which weights were kept).
#include "train/Run.h"

#include <QCoreApplication>
#include <QString>

namespace aelab::ui {

class RunEndText {
    Q_DECLARE_TR_FUNCTIONS(TrainingWorker)   // the context its messages were translated in
public:
    static QString of(RunStatus status, Run& run);
};

} // namespace aelab::ui
