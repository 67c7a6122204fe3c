#pragma once
// The window's status bar: one line saying what happens (loading, training
// what, how a run ended) and the progress bar (epoch, batch, samples/s,
// ETA). A snapshot's progress is kept and shown on the window's redraw tick,
// so the bar repaints once per tick, not once per snapshot.
#include "train/Snapshot.h"

#include <QObject>
#include <QString>

#include <optional>

class QLabel;
class QProgressBar;
class QStatusBar;

namespace aelab::ui {

class RunStatusBar : public QObject {
    Q_OBJECT
public:
    explicit RunStatusBar(QStatusBar* bar);

    void setText(const QString& text);
    QString text() const;
    void flash(const QString& message);      // a passing note (saved, exported), for 5 s

    void keepProgress(const Snapshot& s);    // shown by showProgress()
    void showProgress();                     // the redraw tick
    void setBusy();                          // loading: an indeterminate bar
    void setReady();                         // the bar back at 0, "ready"
    bool busy() const;

private:
    QStatusBar* m_bar;
    QLabel* m_text;
    QProgressBar* m_progress;
    struct Pending {
        QString text;
        int value = 0;   // of 1000
    };
    std::optional<Pending> m_pending;
};

} // namespace aelab::ui
