// aelab: the desktop application (see ui/).
#include "MainWindow.h"

#include <QApplication>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName("aelab");
    QApplication::setOrganizationName("aelab");
    QApplication::setApplicationVersion(AELAB_VERSION);
    aelab::ui::MainWindow window;
    window.show();
    return app.exec();
}
