#pragma once
// Controls a demonstration rarely needs (a plot's axis choices, its
// smoothing, which terms it draws): a view marks them, and presentation mode
// hides them (ui/present/Presentation) so the plots get the room.
#include <initializer_list>

class QWidget;

namespace aelab::ui {

void markAdvanced(std::initializer_list<QWidget*> widgets);
bool isAdvanced(const QWidget* widget);

} // namespace aelab::ui
