#pragma once
// The core names settings the way aelab-cli's flags do ("--channels needs at
// least one level for --arch conv"); the window names them as its form does
// ("“Conv channels” needs at least one level for “Architecture” conv"), in
// the window's language.
#include <QString>

namespace aelab::ui {

QString inFormWords(const QString& message);

} // namespace aelab::ui
