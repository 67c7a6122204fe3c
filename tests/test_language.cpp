// The window's translations: every shipped .ts file is complete and keeps
// each message's placeholders and accelerator; the compiled translations
// are in the program; installing one changes the real window's menus and
// buttons, and asking for a language the program lacks leaves it in English.
#include "i18n/CoreText.h"
#include "text/UserStrings.h"
#include "train/Trainer.h"
#include "i18n/Language.h"
#include "window/LanguageSwitch.h"
#include "window/MainWindow.h"
#include "experiments/RunList.h"
#include "experiment/Session.h"
#include "experiment/RunRecord.h"
#include "ScratchSettings.h"
#include "TestSupport.h"

#include "data/Catalog.h"
#include "data/Corruption.h"
#include "models/Registry.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QFile>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

using namespace aelab::ui;

namespace {
struct Message {
    QString context, source, translation;
    bool finished = true;
};

std::vector<Message> readTs(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    std::vector<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name")
            context = xml.readElementText();
        else if (xml.name() == u"message")
            current = Message{context, {}, {}, true};
        else if (xml.name() == u"source")
            current.source = xml.readElementText();
        else if (xml.name() == u"translation") {
            const auto type = xml.attributes().value("type");
            current.finished = type != u"unfinished" && type != u"vanished" && type != u"obsolete";
            current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            messages.push_back(current);
        }
    }
    return xml.hasError() ? std::vector<Message>{} : messages;
}

QStringList placeholders(const QString& text)
{
    QStringList found;
    static const QRegularExpression re("%L?\\d+|%n");
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured();
    found.sort();
    return found;
}

// The letter after a single '&' ("&File" -> 'F'), or a null QChar.
QChar accelerator(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != '&')
            continue;
        if (text[i + 1] == '&') {
            ++i;
            continue;
        }
        return text[i + 1].toUpper();
    }
    return {};
}

QString menuTitle(MainWindow& w, int index)
{
    const auto actions = w.menuBar()->actions();
    return index < actions.size() ? actions[index]->text() : QString();
}
} // namespace

class TestLanguage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        aelab::test::useScratchSettings("language-settings");
    }

    void everyShippedTranslationIsComplete()
    {
        const QDir dir(AELAB_TRANSLATIONS_DIR);
        const QStringList files = dir.entryList({"aelab_*.ts"}, QDir::Files);
        QVERIFY2(!files.isEmpty(), AELAB_TRANSLATIONS_DIR);
        for (const QString& name : files) {
            const auto messages = readTs(dir.filePath(name));
            QVERIFY2(messages.size() > 100, qPrintable(name + ": unreadable or nearly empty"));
            for (const Message& m : messages) {
                const QString where = name + " [" + m.context + "] " + m.source;
                QVERIFY2(m.finished && !m.translation.trimmed().isEmpty(), qPrintable(where + ": not translated"));
                QVERIFY2(placeholders(m.translation) == placeholders(m.source),
                         qPrintable(where + ": placeholders differ in " + m.translation));
                QVERIFY2(accelerator(m.translation) == accelerator(m.source),
                         qPrintable(where + ": accelerator differs in " + m.translation));
            }
        }
    }

    void everyCoreStringIsGatheredForTranslation()
    {
        // What the window shows from the core goes through coreText(); the
        // core's own list (userVisibleStrings, which the build hands lupdate)
        // must hold each such string, or it would stay English unnoticed.
        // Gathered here the long way, from what the core actually shows.
        QStringList gathered;
        for (const std::string& s : aelab::userVisibleStrings())
            gathered << QString::fromStdString(s);
        QStringList shown;
        for (const auto& v : aelab::variants()) {
            shown << QString::fromStdString(v.name) << QString::fromStdString(v.summary);
            for (const auto& spec : v.specs)
                shown << QString::fromStdString(spec.label) << QString::fromStdString(spec.help)
                      << QString::fromStdString(spec.group);
        }
        for (const auto& d : aelab::builtinDatasets()) {
            shown << QString::fromStdString(d.description);
            aelab::LoadOptions options;
            options.limit = 50;
            try {
                for (const auto& name : aelab::loadDataset(d.name, options).classNames)
                    if (!QString::fromStdString(name).contains(QRegularExpression("\\d")))   // "blob 3" stays English
                        shown << QString::fromStdString(name);
            } catch (const std::exception&) {
                // fashion-mnist without its package: its names are checked where it is installed
            }
        }
        for (auto kind : aelab::corruptionKinds())
            shown << QString::fromStdString(aelab::corruptionKindLabel(kind));
        for (const std::string& reason : aelab::divergenceReasons())
            shown << QString::fromStdString(reason);
        for (const QString& text : shown)
            QVERIFY2(gathered.contains(text), qPrintable("not in userVisibleStrings(): \"" + text + "\""));
    }

    void everyCoreStringIsTranslated()
    {
        const QDir dir(AELAB_TRANSLATIONS_DIR);
        for (const QString& name : dir.entryList({"aelab_*.ts"}, QDir::Files)) {
            QStringList translated;
            for (const Message& m : readTs(dir.filePath(name)))
                if (m.context == "CoreText" && m.finished)
                    translated << m.source;
            for (const std::string& s : aelab::userVisibleStrings())
                QVERIFY2(translated.contains(QString::fromStdString(s)),
                         qPrintable(name + " lacks a translation of \"" + QString::fromStdString(s)
                                    + "\" (cmake --build build --target update_translations, then translate it)"));
        }
    }

    void theProgramCarriesItsLanguages()
    {
        const QStringList languages = availableLanguages();
        QCOMPARE(languages.first(), QString("en"));
        QVERIFY2(languages.contains("zh_CN"), qPrintable(languages.join(", ")));
    }

    void chineseChangesTheWindow()
    {
        QCOMPARE(installTranslation(*qApp, "zh_CN"), QString("zh_CN"));
        QCOMPARE(installedLanguage(), QString("zh_CN"));
        MainWindowOptions options;
        options.dataset = "moons";
        MainWindow w(options);
        const QString file = menuTitle(w, 0);
        QVERIFY2(file != "&File" && file.endsWith("(&F)"), qPrintable(file));
        QVERIFY(w.action("train")->text() != "&Train");
        QVERIFY(w.action("train")->text().contains(QRegularExpression("[\\x{4e00}-\\x{9fff}]")));
        // The core's strings too: a hyperparameter's label in the form.
        QCOMPARE(coreText("Learning rate"), QCoreApplication::translate("CoreText", "Learning rate"));
        QVERIFY(coreText("Learning rate") != "Learning rate");
        // zh and zh_Hans_CN find the same translation.
        QCOMPARE(installTranslation(*qApp, "zh"), QString("zh_CN"));
    }

    // Help > Language: the session (its runs) is saved, and aelab is asked to
    // start again in the new language with it; while a run goes, it is not.
    void switchingLanguageRestartsWithTheSession()
    {
        installTranslation(*qApp, "en");
        MainWindowOptions options;
        options.dataset = "moons";
        options.limit = 200;
        options.epochs = 1;
        MainWindow w(options);
        w.setProperty("quietErrors", true);
        w.setProperty("restartWithoutAsking", true);
        QAction* chinese = nullptr;
        for (QAction* a : w.findChildren<QAction*>())
            if (a->data().toString() == "zh_CN")
                chinese = a;
        QVERIFY(chinese);
        QSignalSpy restarts(&w, &MainWindow::restartRequested);
        QTRY_VERIFY_WITH_TIMEOUT(w.dataset() != nullptr, 20000);
        w.action("train")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w.controller()->isRunning(), 10000);
        chinese->trigger();   // a run is going: no restart, and the status says so
        QCOMPARE(restarts.count(), 0);
        QVERIFY2(w.statusText().contains("a run is going"), qPrintable(w.statusText()));
        QTRY_COMPARE_WITH_TIMEOUT(w.runs()->runs().size(), std::size_t(1), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!w.controller()->isRunning(), 10000);

        chinese->trigger();
        QCOMPARE(restarts.count(), 1);
        const QStringList args = restarts.first().first().toStringList();
        QCOMPARE(args.mid(0, 2), (QStringList{"--language", "zh_CN"}));
        QCOMPARE(args.at(2), QString("--open-session"));
        QVERIFY(isLanguageRestartSession(args.at(3)));
        QCOMPARE(QSettings().value("language").toString(), QString("zh_CN"));
        const aelab::Session session = aelab::loadSession(args.at(3).toStdString());
        QCOMPARE(session.runs.size(), std::size_t(1));
        QCOMPARE(session.runs.front().history.epochs.size(), w.runs()->runs().front()->history.epochs.size());
        QCOMPARE(session.runs.front().name, w.runs()->runs().front()->name);
        QVERIFY(QFile::remove(args.at(3)));
        QSettings().remove("language");
    }

    void englishAndUnknownLanguagesStayEnglish()
    {
        for (const QString& code : {QString("en"), QString("fr_FR"), QString("xx")}) {
            QCOMPARE(installTranslation(*qApp, code), QString("en"));
            MainWindowOptions options;
            options.dataset = "moons";
            MainWindow w(options);
            QCOMPARE(menuTitle(w, 0), QString("&File"));
        }
    }
};

QTEST_MAIN(TestLanguage)
#include "test_language.moc"
