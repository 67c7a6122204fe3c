#pragma once
// For the tests that open windows: their QSettings go to a fresh scratch
// folder, never the user's (and one test's settings never reach another).
#include "TestSupport.h"

#include <QCoreApplication>
#include <QSettings>
#include <QString>

#include <string>

namespace aelab::test {

inline void useScratchSettings(const std::string& tag)
{
    const auto dir = freshTempDir(tag);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, QString::fromStdString(dir.string()));
    QCoreApplication::setOrganizationName("aelab-test");
    QCoreApplication::setApplicationName("aelab-test");
}

} // namespace aelab::test
