#pragma once
// One view enlarged to fill the window, and back. A Training-tab panel is
// lifted out of its frame onto a page of its own (the controls dock and the
// tab bar hidden); a tab (the explorer, the Runs tab...) fills the window
// with the dock and the tab bar hidden. Restore() puts everything back where
// it was, splitter sizes untouched.
// Gestures, chosen not to clash with the plots' own clicks and drags
// (the explorer's map decodes on click and interpolates on drag): a
// double-click on a panel's title or its button in the title's corner, F10
// on the panel under the pointer or holding the focus (else the current
// tab), Esc to return.
#include <QObject>
#include <QPointer>

#include <QList>

#include <utility>
#include <vector>

class QDockWidget;
class QGroupBox;
class QMainWindow;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QVBoxLayout;

namespace aelab::ui {

class Enlarger : public QObject {
    Q_OBJECT
public:
    // Wraps `tabs` (the window's central widget) in a stack of its own.
    Enlarger(QMainWindow* window, QTabWidget* tabs);

    // The framed panels of the Training tab (a QGroupBox holding the view).
    void addPanel(QGroupBox* frame, QWidget* view);

    void enlarge(QWidget* viewOrTab);   // a panel added, or a tab's page
    void enlargeAt(QWidget* widget);    // the panel holding `widget`, else the current tab
    void restore();
    QWidget* enlarged() const { return m_enlarged; }
    // Presentation mode: the panels of each row of the Training tab get equal
    // widths (true), then the widths they had back (false).
    void shareRowsEqually(bool on);

signals:
    void enlargedChanged(QWidget* view);   // null when back to the layout

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void placeButton(QGroupBox* frame);

    QMainWindow* m_window;
    QTabWidget* m_tabs;
    QStackedWidget* m_stack;
    QWidget* m_page;
    QVBoxLayout* m_pageLayout;
    struct Panel {
        QGroupBox* frame;
        QWidget* view;
    };
    std::vector<Panel> m_panels;
    QPointer<QWidget> m_enlarged;
    QGroupBox* m_fromFrame = nullptr;     // the panel's frame while it is lifted out
    std::vector<QPointer<QDockWidget>> m_hiddenDocks;
    bool m_tabBarWasVisible = true;
    std::vector<std::pair<QPointer<QSplitter>, QList<int>>> m_rowSizes;
};

} // namespace aelab::ui
