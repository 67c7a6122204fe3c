#pragma once
// What each term of the loss plot means and its unit, for its tooltip in the
// legend and the Terms menu (docs/NUMBERS.md has the formulas). Keyed by the
// plot's group name (and each Diagnostics panel's, by key): "recon", "kl", "kl_*", "disc_acc", ...
#include <QString>

namespace aelab::ui {

// "" for a name it does not know.
QString lossTermTip(const QString& group);
// The same for a Diagnostics panel, by its key ("posterior", "field", ...).
QString diagnosticTip(const QString& key);

} // namespace aelab::ui
