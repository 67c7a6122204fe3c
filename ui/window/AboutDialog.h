#pragma once
// Help > About: aelab's version and licence, and every library this build
// uses with its version and licence (Qt and QCustomPlot here, the core's
// from core/text/BuildInfo).
#include <QString>

class QWidget;

namespace aelab::ui {

QString aboutText();   // rich text, also shown by tests
void showAboutDialog(QWidget* parent);

} // namespace aelab::ui
