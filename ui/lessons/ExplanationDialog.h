#pragma once
// A variant's explanation (core/lessons/Explanation.h) in a non-modal
// dialog: what it is, its objective rendered as rich text with each symbol's
// meaning and the loss terms by the names the loss plot uses, what to watch,
// a common failure and its sign, and one experiment with a "Set it up"
// button (setupRequested: the window puts its settings in the form).
#include "lessons/Explanation.h"

#include <QDialog>

class QPushButton;
class QTextBrowser;

namespace aelab::ui {

class ExplanationDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExplanationDialog(QWidget* parent = nullptr);

    void setExplanation(const Explanation& explanation, const std::string& language);
    const Explanation& explanation() const { return m_explanation; }
    QTextBrowser* browser() const { return m_text; }
    QPushButton* setUpButton() const { return m_setUp; }

signals:
    void setupRequested(const LessonSetup& setup, bool train);

private:
    Explanation m_explanation;
    QTextBrowser* m_text;
    QPushButton* m_setUp;
};

} // namespace aelab::ui
