#include "lessons/LessonPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace aelab::ui {

namespace {

QString html(const std::string& text)
{
    return QString::fromStdString(text).toHtmlEscaped().replace("\n", "<br>");
}

} // namespace

LessonPanel::LessonPanel(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_progress(new QLabel(this)), m_body(new QTextBrowser(this)),
      m_back(new QPushButton(tr("&Back"), this)), m_setUp(new QPushButton(tr("Set up and &train"), this)),
      m_next(new QPushButton(tr("&Next"), this))
{
    setObjectName("lessonPanel");
    m_setUp->setObjectName("lessonSetUp");
    m_next->setObjectName("lessonNext");
    m_back->setObjectName("lessonBack");
    m_body->setObjectName("lessonText");
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_progress->setWordWrap(true);
    m_body->setOpenLinks(false);
    m_setUp->setDefault(true);
    m_setUp->setToolTip(tr("Loads the step's dataset, sets the form and trains the step's runs (Alt+T)"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_back);
    buttons->addStretch(1);
    buttons->addWidget(m_next);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(m_progress);
    layout->addWidget(m_body, 1);
    layout->addWidget(m_setUp);
    layout->addLayout(buttons);

    connect(m_back, &QPushButton::clicked, this, [this] { setStep(m_step - 1); });
    connect(m_next, &QPushButton::clicked, this, [this] {
        setStep(m_step + 1);
        // A step that only shows a tab shows it at once; one that trains
        // waits for its button, so the prediction comes first.
        const LessonSetup& s = m_lesson.steps[std::size_t(m_step)].setup;
        if (s.runs.empty() && !s.tab.empty())
            emit setupRequested(s, false);
    });
    connect(m_setUp, &QPushButton::clicked, this, [this] {
        if (hasLesson())
            emit setupRequested(m_lesson.steps[std::size_t(m_step)].setup, true);
    });
    showStep();
}

void LessonPanel::setLesson(const Lesson& lesson)
{
    m_lesson = lesson;
    m_step = 0;
    m_revealed = false;
    showStep();
    emit stepShown(m_lesson.id, m_step);
}

void LessonPanel::setStep(int index)
{
    if (!hasLesson())
        return;
    m_step = std::clamp(index, 0, int(m_lesson.steps.size()) - 1);
    m_revealed = false;
    showStep();
    emit stepShown(m_lesson.id, m_step);
}

void LessonPanel::setLanguage(const std::string& language)
{
    m_language = language;
    showStep();
}

void LessonPanel::setRevealed(bool revealed)
{
    m_revealed = revealed;
    showStep();
}

void LessonPanel::showStep()
{
    if (!hasLesson()) {
        m_title->setText(tr("No lesson open"));
        m_progress->clear();
        m_body->setHtml(tr("Choose a lesson from the Lessons menu, or open a lesson file."));
        for (QPushButton* b : {m_back, m_setUp, m_next})
            b->setEnabled(false);
        return;
    }
    const LessonStep& step = m_lesson.steps[std::size_t(m_step)];
    const auto& lang = m_language;
    m_title->setText(QString::fromStdString(m_lesson.title.in(lang)));
    m_progress->setText(tr("Step %1 of %2: %3")
                            .arg(m_step + 1)
                            .arg(m_lesson.steps.size())
                            .arg(QString::fromStdString(step.title.in(lang))));
    QString body;
    if (m_step == 0)
        body += "<p><i>" + html(m_lesson.idea.in(lang)) + "</i></p>";
    const auto section = [&](const QString& heading, const LocalText& text) {
        if (!text.empty())
            body += "<h3>" + heading.toHtmlEscaped() + "</h3><p>" + html(text.in(lang)) + "</p>";
    };
    section(tr("Predict first"), step.question);
    section(tr("Watch"), step.watch);
    if (step.setup.runs.empty() || m_revealed)
        section(tr("What it shows"), step.shows);
    else if (!step.shows.empty())
        body += "<h3>" + tr("What it shows").toHtmlEscaped() + "</h3><p><i>"
                + tr("Appears when the step's runs have ended: predict first.").toHtmlEscaped() + "</i></p>";
    m_body->setHtml(body);
    m_back->setEnabled(m_step > 0);
    m_next->setEnabled(m_step + 1 < int(m_lesson.steps.size()));
    m_setUp->setEnabled(!step.setup.runs.empty());
    m_setUp->setText(step.setup.runs.size() > 1 ? tr("Set up and &train %1 runs").arg(step.setup.runs.size())
                                                 : tr("Set up and &train"));
}

QString LessonPanel::text() const { return m_title->text() + "\n" + m_progress->text() + "\n" + m_body->toPlainText(); }

} // namespace aelab::ui
