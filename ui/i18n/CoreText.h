#pragma once
// Text that comes from the core, shown in the window's language: hyperparameter
// labels, help and sections, variant names and summaries, dataset descriptions,
// class names, noise kinds, priors, why a run diverged. The core stays English
// and Qt-free; the window looks its strings up here (context "CoreText"). The
// strings to translate are the core's own list (core/text/UserStrings.h), which
// the build writes out for lupdate; test_language fails when one lacks a
// translation.
#include <QString>

#include <string>

namespace aelab::ui {

// The translation of a core string, or the string itself.
QString coreText(const std::string& text);

} // namespace aelab::ui
