#pragma once
// Help > What each number means: docs/NUMBERS.md (every loss term and figure
// the window and aelab-cli show, with its formula, unit and paper), embedded
// in the binary through resources/aelab.qrc and shown as rendered Markdown,
// so it is there in an installed aelab too. Not modal: it can stay open
// beside the plots it explains.
#include <QDialog>

class QTextBrowser;

namespace aelab::ui {

class NumbersDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr const char* kResource = ":/aelab/NUMBERS.md";

    explicit NumbersDialog(QWidget* parent = nullptr);
    QString markdown() const { return m_markdown; }   // the embedded page, "" if it is missing

private:
    QTextBrowser* m_text;
    QString m_markdown;
};

} // namespace aelab::ui
