#include "window/RunStatusBar.h"

#include "train/Duration.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStatusBar>

namespace aelab::ui {

RunStatusBar::RunStatusBar(QStatusBar* bar)
    : QObject(bar), m_bar(bar), m_text(new QLabel(bar)), m_progress(new QProgressBar(bar))
{
    m_progress->setObjectName("progress");
    m_progress->setMinimumWidth(420);
    m_progress->setTextVisible(true);
    m_text->setObjectName("statusLine");
    bar->addWidget(m_text, 1);
    bar->addPermanentWidget(m_progress);
    setReady();
}

void RunStatusBar::setText(const QString& text) { m_text->setText(text); }

QString RunStatusBar::text() const { return m_text->text(); }

void RunStatusBar::flash(const QString& message) { m_bar->showMessage(message, 5000); }

void RunStatusBar::keepProgress(const Snapshot& s)
{
    if (s.totalSteps <= 0)
        return;
    QString text = tr("epoch %1/%2 · batch %3/%4").arg(s.epoch).arg(s.epochs).arg(s.batch).arg(s.batchesPerEpoch);
    if (s.samplesPerSecond > 0)
        text += tr(" · %1 samples/s").arg(QLocale().toString(qRound64(s.samplesPerSecond)));
    if (s.etaSeconds >= 0 && s.status == RunStatus::Running)
        text += tr(" · ETA %1").arg(QString::fromStdString(formatDuration(s.etaSeconds)));
    if (s.status == RunStatus::Finished)
        text += tr(" · done");
    m_pending = Pending{text, int(1000.0 * double(s.step) / double(s.totalSteps))};
}

void RunStatusBar::showProgress()
{
    if (!m_pending)
        return;
    // The text first: setValue() repaints at once, and with the new text
    // that is the only paint (the other order painted the bar twice).
    m_progress->setFormat(m_pending->text);
    m_progress->setRange(0, 1000);
    m_progress->setValue(m_pending->value);
    m_pending.reset();
}

void RunStatusBar::setBusy()
{
    m_pending.reset();
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("loading…"));
}

void RunStatusBar::setReady()
{
    m_pending.reset();
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setFormat(tr("ready"));
}

bool RunStatusBar::busy() const { return m_progress->maximum() == 0; }

} // namespace aelab::ui
