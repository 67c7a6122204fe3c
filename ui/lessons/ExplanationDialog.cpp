#include "lessons/ExplanationDialog.h"

#include "i18n/CoreText.h"
#include "models/Registry.h"

#include <QDialogButtonBox>
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

ExplanationDialog::ExplanationDialog(QWidget* parent)
    : QDialog(parent), m_text(new QTextBrowser(this)), m_setUp(new QPushButton(tr("Set it up"), this))
{
    setObjectName("explanationDialog");
    m_text->setObjectName("explanationText");
    m_text->setOpenLinks(false);
    m_setUp->setObjectName("explanationSetUp");
    m_setUp->setToolTip(tr("Puts the experiment's dataset and settings in the form; press Train to run it"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_setUp, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_setUp, &QPushButton::clicked, this, [this] { emit setupRequested(m_explanation.setup, false); });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(640, 680);
}

void ExplanationDialog::setExplanation(const Explanation& e, const std::string& lang)
{
    m_explanation = e;
    const VariantInfo& info = variantInfo(e.variant);
    const QString name = coreText(info.name);
    setWindowTitle(tr("Explanation: %1").arg(name));
    QString h = "<h2>" + name.toHtmlEscaped() + " <small>(" + QString::fromStdString(e.variant) + ")</small></h2>";
    h += "<p>" + html(e.what.in(lang)) + "</p>";
    h += "<h3>" + tr("Objective").toHtmlEscaped() + "</h3>";
    // The formula holds only <i>, <sub>, <sup>, <b> (checked by the parser).
    h += "<p style='font-size:large; margin-left:12px'>" + QString::fromStdString(e.formula) + "</p>";
    const auto table = [&](const std::vector<ExplanationItem>& items, bool code) {
        h += "<table cellspacing='0' cellpadding='3'>";
        for (const ExplanationItem& item : items) {
            const QString n = QString::fromStdString(item.name.in(lang)).toHtmlEscaped();
            h += "<tr><td valign='top'><b>" + (code ? "<code>" + n + "</code>" : n) + "</b></td><td>"
                 + html(item.text.in(lang)) + "</td></tr>";
        }
        h += "</table>";
    };
    table(e.symbols, false);
    h += "<h3>" + tr("Loss terms in the plot").toHtmlEscaped() + "</h3>";
    table(e.terms, true);
    h += "<h3>" + tr("What to watch").toHtmlEscaped() + "</h3>";
    table(e.watch, false);
    h += "<h3>" + tr("A common failure").toHtmlEscaped() + "</h3><p>" + html(e.failure.in(lang)) + "</p>";
    h += "<p><b>" + tr("Its sign:").toHtmlEscaped() + "</b> " + html(e.sign.in(lang)) + "</p>";
    h += "<h3>" + tr("Try this").toHtmlEscaped() + "</h3><p>" + html(e.experiment.in(lang)) + "</p>";
    m_text->setHtml(h);
}

} // namespace aelab::ui
