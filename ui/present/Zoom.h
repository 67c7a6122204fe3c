#pragma once
// The application-wide zoom (50% to 300%), one place for it: the
// application's font, every plot's fonts, pens and markers (widgets/Zoomed)
// and the image panels' sizes follow it. Ctrl+= / Ctrl+- step it (10% steps
// below 100%, 25% above), Ctrl+0 resets it. Kept in QSettings under
// settingsKey(): "view/zoom", or presentation mode's own.
#include <QFont>
#include <QObject>
#include <QString>

namespace aelab::ui {

class Zoom : public QObject {
    Q_OBJECT
public:
    static constexpr double kMin = 0.5, kMax = 3.0;
    static constexpr const char* kSettingsKey = "view/zoom";

    explicit Zoom(QObject* parent = nullptr);   // the application's font now, unzoomed, is 100%

    double factor() const { return m_factor; }
    void setFactor(double factor);   // clamped; applied, then kept under settingsKey()
    void zoomIn();
    void zoomOut();
    void reset() { setFactor(1.0); }
    static double step(double factor, int direction);   // the next step up (+1) or down (-1)

    // Where the factor is kept; changing it reads nothing (the caller sets the factor).
    void setSettingsKey(const QString& key) { m_key = key; }
    QString settingsKey() const { return m_key; }
    double storedFactor(const QString& key, double fallback) const;

    double basePointSize() const { return m_baseFont.pointSizeF(); }

signals:
    void changed(double factor);

private:
    void apply();

    QFont m_baseFont;
    double m_factor = 1.0;
    QString m_key = kSettingsKey;
};

} // namespace aelab::ui
