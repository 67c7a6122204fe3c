#include "worker/RunEndText.h"

#include "i18n/CoreText.h"

namespace aelab::ui {

QString RunEndText::of(RunStatus status, Run& run)
{
    const long long step = run.step();
    switch (status) {
    case RunStatus::Finished:
        return tr("Finished: %1 epoch(s), %2 steps.").arg(run.settings().epochs).arg(step);
    case RunStatus::Stopped:
        return tr("Stopped at step %1. The model is kept: save it, or try the denoising slider.").arg(step);
    case RunStatus::Diverged:
        if (const auto& d = run.trainer().divergence()) {
            const QString kept = d->restoredStep >= 0 ? tr("Weights restored to step %1.").arg(d->restoredStep)
                                                      : tr("The last finite weights are kept.");
            return tr("Diverged at step %1 (epoch %2): %3. Try a lower learning rate or gradient clipping. %4")
                .arg(d->step)
                .arg(d->epoch)
                .arg(coreText(d->what), kept);
        }
        break;
    default:
        break;
    }
    return QString::fromStdString(run.hasTrainer() ? run.trainer().message() : std::string());
}

} // namespace aelab::ui
