// aelab: the desktop application (see ui/).
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName("aelab");
    QApplication::setOrganizationName("aelab");
    QApplication::setApplicationVersion(AELAB_VERSION);

    QCommandLineParser parser;
    parser.setApplicationDescription("Autoencoder Lab: train autoencoders and watch them learn.");
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataset("dataset", "Start on this dataset (fashion-mnist, shapes, moons, a file...).", "spec");
    const QCommandLineOption variant("variant", "Start with this variant (see aelab-cli list).", "key");
    const QCommandLineOption epochs("epochs", "Epochs to train.", "n");
    const QCommandLineOption limit("limit", "Use only the first N training samples.", "n");
    const QCommandLineOption threads("threads", "Threads for training (default: all cores).", "n");
    const QCommandLineOption train("train", "Start training as soon as the dataset is loaded.");
    parser.addOptions({dataset, variant, epochs, limit, threads, train});
    parser.process(app);

    aelab::ui::MainWindowOptions options;
    options.dataset = parser.value(dataset);
    options.variant = parser.value(variant);
    options.epochs = parser.value(epochs).toInt();
    options.limit = parser.isSet(limit) ? parser.value(limit).toInt() : -1;
    options.threads = parser.value(threads).toInt();
    options.trainOnStart = parser.isSet(train);

    aelab::ui::MainWindow window(options);
    window.show();
    return app.exec();
}
