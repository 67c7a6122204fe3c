#pragma once
// Text that comes from the core, shown in the window's language: hyperparameter
// labels, help and sections, variant names and summaries, dataset descriptions,
// class names, noise kinds. The core stays English and Qt-free; the window
// looks its strings up here (context "CoreText"), and CoreText.cpp lists them
// for lupdate. test_language fails when the core shows a string the list or
// a shipped translation lacks.
#include <QString>
#include <QStringList>

#include <string>

namespace aelab::ui {

// The translation of a core string, or the string itself.
QString coreText(const std::string& text);

// Every core string the list carries (for the test).
QStringList coreTextCatalog();

} // namespace aelab::ui
