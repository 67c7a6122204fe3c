#pragma once
// Presentation mode, for a projector: one switch (View > Presentation mode,
// F12, or the button at the status bar's right) that goes full screen, zooms
// everything (150% at first, then the zoom last used while presenting),
// hides the advanced controls and turns to a high-contrast palette (black on
// white; plots in Okabe and Ito's colour-blind-safe colours with thicker
// lines). Advanced controls are the form's rarely used fields and the seed
// (ControlPanel::setAdvancedHidden) and what views mark (widgets/Advanced:
// the loss plot's axis, smoothing and terms, the latent map's axes); the
// Training tab's panels share each row equally meanwhile. Leaving it
// restores everything as it was. Also the View menu's
// pieces that serve it alone or not: zoom (Ctrl+= / Ctrl+- / Ctrl+0), full
// screen (F11), one view enlarged (Enlarger: F10, Esc) and the tabs in turn
// (Ctrl+Tab, Ctrl+Shift+Tab). Esc returns an enlarged view, else leaves
// presentation mode.
#include <QObject>
#include <QPalette>
#include <QPointer>
#include <QRect>

#include <functional>
#include <utility>
#include <vector>

class QAction;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;
class QTabWidget;

namespace aelab::ui {

class Enlarger;
class Zoom;

class Presentation : public QObject {
    Q_OBJECT
public:
    static constexpr double kDefaultZoom = 1.5;
    static constexpr const char* kZoomKey = "present/zoom";
    static constexpr const char* kDarkKey = "view/dark";   // View > Dark palette

    // `hideAdvanced(true)` hides the advanced controls, (false) shows them again.
    Presentation(QMainWindow* window, QTabWidget* tabs, std::function<void(bool)> hideAdvanced);
    ~Presentation() override;

    Zoom* zoom() const { return m_zoom; }
    Enlarger* enlarger() const { return m_enlarger; }
    bool active() const { return m_active; }
    void setActive(bool on);
    void setFullScreen(bool on);
    void nextTab(int direction);
    // "present", "fullscreen", "zoomin", "zoomout", "zoomreset", "enlarge", "dark"
    QAction* action(const QString& name) const;
    QString zoomText() const;   // as the status bar shows it

signals:
    void activeChanged(bool on);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void buildMenu();
    void showZoom();
    void updateEscape();

    QMainWindow* m_window;
    QTabWidget* m_tabs;
    std::function<void(bool)> m_hideAdvanced;
    Zoom* m_zoom;
    Enlarger* m_enlarger;
    QLabel* m_zoomLabel;
    QAction *m_present, *m_fullScreen, *m_zoomIn, *m_zoomOut, *m_zoomReset, *m_enlarge;
    QAction* m_dark = nullptr;
    bool m_active = false;
    // What presentation mode changed, to put back.
    bool m_wasFullScreen = false;
    QRect m_normalGeometry;
    QPalette m_palette;
    std::vector<std::pair<QPointer<QDockWidget>, int>> m_dockWidths;
    std::vector<QPointer<QWidget>> m_hidden;   // controls marked advanced (widgets/Advanced)
};

} // namespace aelab::ui
