#include "window/View.h"

namespace aelab::ui {

View::View(const QString& key, const QString& title, QWidget* parent) : QWidget(parent), m_key(key), m_title(title) {}

std::vector<View::ExportTarget> View::exportTargets() { return {{m_key, m_title, this}}; }

} // namespace aelab::ui
