// aelab: the desktop application (see ui/).
#include "i18n/Language.h"
#include "window/LanguageSwitch.h"
#include "window/MainWindow.h"

#include "math/Memory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QSettings>

#include <memory>

namespace {

// --help and --version need no window: answered with a QCoreApplication, so
// they work without a display (over ssh, in scripts, in CI).
bool asksOnlyForText(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == "--help" || a == "-h" || a == "-?" || a == "--help-all" || a == "--version" || a == "-v")
            return true;
    }
    return false;
}

void nameApplication()
{
    QCoreApplication::setApplicationName("aelab");
    QCoreApplication::setOrganizationName("aelab");
    QCoreApplication::setApplicationVersion(AELAB_VERSION);
}

} // namespace

int main(int argc, char** argv)
{
    std::unique_ptr<QCoreApplication> app;
    if (asksOnlyForText(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else {
        aelab::keepTrainingMemory();
        app = std::make_unique<QApplication>(argc, argv);
    }
    nameApplication();

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
    const QCommandLineOption tab("tab", "Open on this tab: training, explorer, features, diagnostics, runs or draw.", "name");
    const QCommandLineOption param("param", "Set a hyperparameter, as typed in the form (repeatable), e.g. latent=8; "
                                   "also seed=N and epochs=N.", "key=value");
    const QCommandLineOption language("language", "Window language: en, zh_CN (default: as last chosen in Help > Language, else the system's).", "code");
    // Not "--session": Qt takes that for X11 session management before the parser sees it.
    const QCommandLineOption session("open-session", "Open this session file (.aelab): its runs, form and views.", "file");
    parser.addOptions({dataset, variant, epochs, limit, threads, train, tab, param, language, session});
    parser.process(*app);   // --help and --version print and exit here
    auto& gui = static_cast<QApplication&>(*app);
    aelab::ui::installTranslation(gui, parser.isSet(language) ? parser.value(language)
                                                              : QSettings().value("language").toString());

    aelab::ui::MainWindowOptions options;
    options.dataset = parser.value(dataset);
    options.variant = parser.value(variant);
    options.epochs = parser.value(epochs).toInt();
    options.limit = parser.isSet(limit) ? parser.value(limit).toInt() : -1;
    options.threads = parser.value(threads).toInt();
    options.trainOnStart = parser.isSet(train);
    options.tab = parser.value(tab);
    for (const QString& p : parser.values(param))
        options.params[p.section('=', 0, 0).trimmed()] = p.section('=', 1).trimmed();

    aelab::ui::MainWindow window(options);
    window.show();
    if (parser.isSet(session)) {
        const QString path = parser.value(session);
        window.openSession(path);
        // The session Help > Language left for this process: opened, so gone.
        if (aelab::ui::isLanguageRestartSession(path))
            QFile::remove(path);
    }
    return gui.exec();
}
