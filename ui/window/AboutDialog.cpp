#include "window/AboutDialog.h"

#include "text/BuildInfo.h"

#include <QApplication>
#include <QMessageBox>
#include <qcustomplot.h>

namespace aelab::ui {

namespace {
QString row(const QString& name, const QString& version, const QString& licence)
{
    return QStringLiteral("<tr><td>%1</td><td>&nbsp;%2&nbsp;</td><td>%3</td></tr>")
        .arg(name.toHtmlEscaped(), version.toHtmlEscaped(), licence.toHtmlEscaped());
}
} // namespace

QString aboutText()
{
    QString libraries;
    // Qt: the version running (the one built against may be older).
    libraries += row(QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0-only"));
    libraries += row(QStringLiteral("QCustomPlot"), QStringLiteral(QCUSTOMPLOT_VERSION_STR), QStringLiteral("GPL-3.0-or-later"));
    for (const LibraryVersion& lib : coreLibraries())
        libraries += row(QString::fromStdString(lib.name), QString::fromStdString(lib.version),
                         QString::fromStdString(lib.licence));

    return QCoreApplication::translate("aelab::ui::MainWindow", "<h3>aelab %1</h3>"
                           "<p>Autoencoder Lab: train autoencoders and watch them learn.</p>"
                           "<p>aelab is free software under the GNU General Public License, version 3 or "
                           "(at your option) any later version (GPL-3.0-or-later), because QCustomPlot is "
                           "GPL-3.0. It comes with no warranty.</p>"
                           "<p>Libraries in this build:</p>"
                           "<table><tr><th align=left>Library</th><th align=left>&nbsp;Version&nbsp;</th>"
                           "<th align=left>Licence</th></tr>%2</table>")
        .arg(QString::fromStdString(aelabVersion()), libraries);
}

void showAboutDialog(QWidget* parent)
{
    QMessageBox::about(parent, QCoreApplication::translate("aelab::ui::MainWindow", "About aelab"), aboutText());
}

} // namespace aelab::ui
