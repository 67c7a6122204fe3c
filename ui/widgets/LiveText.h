#pragma once
// One line of text that changes while training runs (the latest loss, the
// PSNR of the denoising row). A QLabel asks the layout to recompute on every
// new text, and the main window's layout then repainted every view, several
// times a second; this widget keeps one size whatever its text and only
// repaints itself. A text wider than the widget is elided, with the whole
// text in the tooltip.
#include <QString>
#include <QWidget>

namespace aelab::ui {

class LiveText : public QWidget {
    Q_OBJECT
public:
    // `widest`: a sample of the longest text expected, for the size hint.
    explicit LiveText(const QString& widest, QWidget* parent = nullptr);

    void setText(const QString& text);
    void clear() { setText({}); }
    QString text() const { return m_text; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QString m_text;
    QString m_widest;
};

} // namespace aelab::ui
