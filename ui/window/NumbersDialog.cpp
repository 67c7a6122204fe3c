#include "window/NumbersDialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace aelab::ui {

NumbersDialog::NumbersDialog(QWidget* parent) : QDialog(parent), m_text(new QTextBrowser(this))
{
    setObjectName("numbersDialog");
    setWindowTitle(tr("What each number means"));
    QFile page(kResource);
    if (page.open(QIODevice::ReadOnly))
        m_markdown = QString::fromUtf8(page.readAll());
    m_text->setObjectName("numbersText");
    m_text->setOpenExternalLinks(true);
    if (m_markdown.isEmpty())
        m_text->setPlainText(tr("The page is missing from this build (%1).").arg(kResource));
    else
        m_text->setMarkdown(m_markdown);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text, 1);
    layout->addWidget(buttons);
    resize(960, 640);
}

} // namespace aelab::ui
