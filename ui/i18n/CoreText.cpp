#include "i18n/CoreText.h"

#include <QCoreApplication>

namespace aelab::ui {

QString coreText(const std::string& text)
{
    return QCoreApplication::translate("CoreText", text.c_str());
}

} // namespace aelab::ui
