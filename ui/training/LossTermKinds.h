#pragma once
// How the loss plot presents each term a variant reports (names only, no
// numbers): the objective and its parts are losses, drawn on the loss axis;
// per-dimension terms ("kl_0", "kl_1", ...) form one group, hidden until the
// user shows it; metrics (an accuracy, a mean activation) are not losses and
// get the right-hand axis.
#include <QString>

#include <string>

namespace aelab::ui {

enum class LossTermKind { Loss, PerDimension, Metric };

LossTermKind lossTermKind(const std::string& name);
// The group a term is shown and hidden with: its own name, or "kl_*" for "kl_3".
QString lossTermGroup(const std::string& name);

} // namespace aelab::ui
