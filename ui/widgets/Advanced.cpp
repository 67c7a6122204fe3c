#include "widgets/Advanced.h"

#include <QVariant>
#include <QWidget>

namespace aelab::ui {

namespace {
constexpr const char* kProperty = "aelabAdvanced";
} // namespace

void markAdvanced(std::initializer_list<QWidget*> widgets)
{
    for (QWidget* w : widgets)
        w->setProperty(kProperty, true);
}

bool isAdvanced(const QWidget* widget) { return widget->property(kProperty).toBool(); }

} // namespace aelab::ui
