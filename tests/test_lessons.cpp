// Lesson and explanation files (core/lessons): every shipped file parses and
// names only settings the registry knows; a valid lesson reads as written;
// each malformed or hostile file is refused with a message naming the field,
// a missing Chinese text included.
#include "lessons/Explanation.h"
#include "lessons/Lesson.h"
#include "models/Registry.h"
#include "TestSupport.h"

#include <QTest>

#include <cmath>
#include <filesystem>

using namespace aelab;

namespace {

const std::filesystem::path kResources = std::filesystem::path(AELAB_FIXTURES_DIR) / ".." / ".." / "resources";

nlohmann::json validLesson()
{
    return nlohmann::json::parse(R"({
      "format": "aelab-lesson/1", "id": "demo",
      "title": {"en": "Demo", "zh": "演示"},
      "idea": {"en": "An idea.", "zh": "一个想法。"},
      "steps": [
        {"title": {"en": "Train", "zh": "训练"}, "dataset": "moons", "limit": 500, "tab": "diagnostics",
         "runs": [{"name": {"en": "linear", "zh": "线性"}, "variant": "ae",
                   "params": {"activation": "linear", "latent": 2, "hidden": "16,8", "lr": 0.003}, "epochs": 7, "seed": 3}],
         "question": {"en": "What?", "zh": "什么？"}},
        {"title": {"en": "Look", "zh": "看"}, "tab": "runs", "shows": {"en": "This.", "zh": "这个。"}}
      ]})");
}

// The message of the Error parsing `j` throws ("" when it parses).
std::string refusal(const nlohmann::json& j)
{
    try {
        parseLesson(j.dump());
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

} // namespace

class TestLessons : public QObject {
    Q_OBJECT

private slots:
    void everyShippedLessonParses()
    {
        int count = 0;
        for (const auto& entry : std::filesystem::directory_iterator(kResources / "lessons")) {
            const std::string name = entry.path().filename().string();
            try {
                const Lesson lesson = parseLesson(test::readBytes(entry.path()));
                QVERIFY2(!lesson.steps.empty(), name.c_str());
                for (const LessonStep& step : lesson.steps)
                    for (const LessonRun& run : step.setup.runs)
                        (void)run.settings();
            } catch (const Error& e) {
                QFAIL((name + ": " + e.what()).c_str());
            }
            ++count;
        }
        QVERIFY2(count >= 12, "a lesson for each of the twelve ideas");
    }

    void everyVariantHasAnExplanation()
    {
        for (const VariantInfo& v : variants()) {
            const auto path = kResources / "explanations" / (v.key + ".json");
            QVERIFY2(std::filesystem::exists(path), v.key.c_str());
            try {
                const Explanation e = parseExplanation(test::readBytes(path));
                QCOMPARE(e.variant, v.key);
                QVERIFY(!e.terms.empty());
                QVERIFY(!e.what.zh.empty());
            } catch (const Error& e) {
                QFAIL((v.key + ": " + e.what()).c_str());
            }
        }
    }

    void aValidLessonReadsAsWritten()
    {
        const Lesson lesson = parseLesson(validLesson().dump());
        QCOMPARE(lesson.id, std::string("demo"));
        QCOMPARE(lesson.title.in("zh_CN"), std::string("演示"));
        QCOMPARE(lesson.title.in("en"), std::string("Demo"));
        QCOMPARE(int(lesson.steps.size()), 2);
        const LessonSetup& s = lesson.steps[0].setup;
        QCOMPARE(s.dataset, std::string("moons"));
        QCOMPARE(s.limit, 500);
        QCOMPARE(s.tab, std::string("diagnostics"));
        QCOMPARE(int(s.runs.size()), 1);
        const RunSettings settings = s.runs[0].settings();
        QCOMPARE(settings.variant, std::string("ae"));
        QCOMPARE(settings.epochs, 7);
        QCOMPARE(settings.seed, std::uint64_t(3));
        QCOMPARE(settings.values.at("latent").get<int>(), 2);
        QVERIFY(settings.values.at("hidden") == nlohmann::json({16, 8}));
        QVERIFY(std::abs(settings.values.at("lr").get<double>() - 0.003) < 1e-12);
        // activation linear brings output linear-mse, as in the form and aelab-cli.
        QCOMPARE(settings.values.at("output").get<std::string>(), std::string("linear-mse"));
        QVERIFY(lesson.steps[1].setup.runs.empty());
        QVERIFY(lesson.steps[0].question.zh == "什么？");
    }

    void refusesEachMalformedFieldByName_data()
    {
        QTest::addColumn<QString>("pointer");   // JSON pointer to change
        QTest::addColumn<QString>("value");     // new value as JSON; "DELETE" removes it
        QTest::addColumn<QString>("expected");  // in the message
        QTest::newRow("no zh title") << "/title/zh" << "DELETE" << "field title: no \"zh\" text";
        QTest::newRow("no zh in a step") << "/steps/0/question/zh" << "DELETE" << "steps[0].question: no \"zh\" text";
        QTest::newRow("no zh in a run name") << "/steps/0/runs/0/name/zh" << "DELETE" << "steps[0].runs[0].name: no \"zh\"";
        QTest::newRow("empty zh") << "/idea/zh" << "\"  \"" << "idea.zh: empty";
        QTest::newRow("text not an object") << "/idea" << "\"plain\"" << "field idea: must be an object";
        QTest::newRow("wrong format") << "/format" << "\"aelab-lesson/9\"" << "field format: must be";
        QTest::newRow("no steps") << "/steps" << "[]" << "field steps: a lesson has at least one step";
        QTest::newRow("unknown top field") << "/script" << "\"rm -rf\"" << "field script: unknown field";
        QTest::newRow("unknown variant") << "/steps/0/runs/0/variant" << "\"gan\"" << "steps[0].runs[0].variant: unknown variant 'gan'";
        QTest::newRow("unknown setting") << "/steps/0/runs/0/params/dropout" << "0.5" << "steps[0].runs[0].params.dropout: the variant ae has no setting 'dropout'";
        QTest::newRow("value out of range") << "/steps/0/runs/0/params/lr" << "5" << "steps[0].runs[0].params";
        QTest::newRow("value of the wrong kind") << "/steps/0/runs/0/params/latent" << "{\"a\":1}" << "params.latent: must be a value";
        QTest::newRow("epochs 0") << "/steps/0/runs/0/epochs" << "0" << "steps[0].runs[0].epochs: must be between 1 and";
        QTest::newRow("epochs huge") << "/steps/0/runs/0/epochs" << "18446744073709551615" << "epochs: must be between 1 and";
        QTest::newRow("unknown tab") << "/steps/1/tab" << "\"settings\"" << "steps[1].tab: 'settings' is not a tab";
        QTest::newRow("a file as dataset") << "/steps/0/dataset" << "\"/etc/passwd\"" << "steps[0].dataset: '/etc/passwd' is not a built-in dataset";
        QTest::newRow("negative limit") << "/steps/0/limit" << "-5" << "steps[0].limit: must be between 0 and";
        QTest::newRow("runs with no dataset") << "/steps/0/dataset" << "DELETE" << "steps[0].dataset: missing";
        QTest::newRow("bad id") << "/id" << "\"../x\"" << "field id: letters, digits";
        QTest::newRow("step says nothing") << "/steps/1/shows" << "DELETE" << "field steps[1]: a step says something";
        QTest::newRow("no title") << "/steps/1/title" << "DELETE" << "steps[1].title: missing";
    }

    void refusesEachMalformedFieldByName()
    {
        QFETCH(QString, pointer);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        nlohmann::json j = validLesson();
        const nlohmann::json::json_pointer at(pointer.toStdString());
        if (value == "DELETE")
            j.at(at.parent_pointer()).erase(at.back());
        else
            j[at] = nlohmann::json::parse(value.toStdString());
        const std::string message = refusal(j);
        QVERIFY2(!message.empty(), "accepted");
        QVERIFY2(message.find(expected.toStdString()) != std::string::npos, message.c_str());
        QVERIFY2(message.rfind("lesson field", 0) == 0, message.c_str());
    }

    void refusesHostileFilesWithoutCrashing()
    {
        const auto refused = [](const std::string& text, const std::string& expected) {
            try {
                parseLesson(text);
            } catch (const Error& e) {
                return std::string(e.what()).find(expected) != std::string::npos;
            }
            return false;
        };
        QVERIFY(refused("not json {", "not valid JSON"));
        QVERIFY(refused("[1, 2]", "one JSON object"));
        QVERIFY(refused(std::string(200000, '[') + std::string(200000, ']'), "nests deeper than"));
        QVERIFY(refused("{\"a\": \"" + std::string(600 * 1024, 'x') + "\"}", "at most 512 KiB"));
        nlohmann::json j = validLesson();
        j["title"]["en"] = std::string(5000, 'x');
        QVERIFY(refused(j.dump(), "title.en: longer than"));
        j = validLesson();
        for (int i = 0; i < 50; ++i)
            j["steps"].push_back(j["steps"][1]);
        QVERIFY(refused(j.dump(), "steps: more than 40 items"));
        j = validLesson();
        for (int i = 0; i < 9; ++i)
            j["steps"][0]["runs"].push_back(j["steps"][0]["runs"][0]);
        QVERIFY(refused(j.dump(), "runs: more than 8 items"));
    }

    void refusesAMalformedExplanation()
    {
        nlohmann::json e = nlohmann::json::parse(test::readBytes(kResources / "explanations" / "vae.json"));
        QVERIFY(!parseExplanation(e.dump()).formula.empty());
        const auto refusal = [](const nlohmann::json& j) {
            try {
                parseExplanation(j.dump());
            } catch (const Error& error) {
                return std::string(error.what());
            }
            return std::string();
        };
        nlohmann::json bad = e;
        bad["formula"] = "<img src='x'>";
        QVERIFY(refusal(bad).find("explanation field formula: only") != std::string::npos);
        bad = e;
        bad["sign"].erase("zh");
        QVERIFY(refusal(bad).find("field sign: no \"zh\" text") != std::string::npos);
        bad = e;
        bad["setup"]["runs"][0]["variant"] = "ae";
        bad["setup"]["runs"][0]["params"] = nlohmann::json::object();
        QVERIFY(refusal(bad).find("setup.runs[0].variant: the experiment runs the variant it explains") != std::string::npos);
        bad = e;
        bad["terms"][0].erase("text");
        QVERIFY(refusal(bad).find("terms[0].text: missing") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestLessons)
#include "test_lessons.moc"
