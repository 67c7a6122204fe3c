#include "present/Presentation.h"

#include "widgets/DarkPalette.h"

#include "present/Enlarger.h"
#include "present/Zoom.h"
#include "widgets/Advanced.h"
#include "widgets/Zoomed.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QShortcut>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>

namespace aelab::ui {

namespace {

// Black on white, a dark blue selection: the most legible on a projector.
QPalette highContrastPalette()
{
    QPalette p;
    const QColor white(255, 255, 255), black(0, 0, 0), light(235, 235, 235), blue(0, 60, 160);
    for (QPalette::ColorGroup g : {QPalette::Active, QPalette::Inactive}) {
        p.setColor(g, QPalette::Window, white);
        p.setColor(g, QPalette::WindowText, black);
        p.setColor(g, QPalette::Base, white);
        p.setColor(g, QPalette::AlternateBase, light);
        p.setColor(g, QPalette::Text, black);
        p.setColor(g, QPalette::Button, light);
        p.setColor(g, QPalette::ButtonText, black);
        p.setColor(g, QPalette::BrightText, white);
        p.setColor(g, QPalette::Highlight, blue);
        p.setColor(g, QPalette::HighlightedText, white);
        p.setColor(g, QPalette::ToolTipBase, white);
        p.setColor(g, QPalette::ToolTipText, black);
        p.setColor(g, QPalette::PlaceholderText, QColor(90, 90, 90));
        p.setColor(g, QPalette::Link, blue);
        p.setColor(g, QPalette::Mid, QColor(120, 120, 120));
        p.setColor(g, QPalette::Dark, QColor(60, 60, 60));
        p.setColor(g, QPalette::Shadow, black);
    }
    const QColor greyed(110, 110, 110);
    p.setColor(QPalette::Disabled, QPalette::WindowText, greyed);
    p.setColor(QPalette::Disabled, QPalette::Text, greyed);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, greyed);
    p.setColor(QPalette::Disabled, QPalette::Window, white);
    p.setColor(QPalette::Disabled, QPalette::Base, white);
    p.setColor(QPalette::Disabled, QPalette::Button, light);
    return p;
}

void replotAll()
{
    for (QWidget* w : QApplication::allWidgets())
        if (auto* plot = qobject_cast<QCustomPlot*>(w))
            plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace

Presentation::Presentation(QMainWindow* window, QTabWidget* tabs, std::function<void(bool)> hideAdvanced)
    : QObject(window), m_window(window), m_tabs(tabs), m_hideAdvanced(std::move(hideAdvanced)),
      m_zoom(new Zoom(this)), m_enlarger(new Enlarger(window, tabs)), m_zoomLabel(new QLabel(window))
{
    m_present = new QAction(tr("&Presentation mode"), this);
    m_present->setObjectName("presentationMode");
    m_present->setCheckable(true);
    m_present->setShortcut(Qt::Key_F12);
    m_present->setToolTip(tr("For a projector: full screen, zoomed, advanced controls hidden, high contrast (F12)"));
    m_fullScreen = new QAction(tr("&Full screen"), this);
    m_fullScreen->setCheckable(true);
    m_fullScreen->setShortcut(Qt::Key_F11);
    m_zoomIn = new QAction(tr("Zoom &in"), this);
    // Ctrl+= is Ctrl and the "+" key without Shift on most layouts; Ctrl++ is the keypad's.
    m_zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence(Qt::CTRL | Qt::Key_Plus)});
    m_zoomOut = new QAction(tr("Zoom &out"), this);
    m_zoomOut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Minus));
    m_zoomReset = new QAction(tr("&Actual size (100%)"), this);
    m_zoomReset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_enlarge = new QAction(tr("&Enlarge the view (Esc returns)"), this);
    m_enlarge->setShortcut(Qt::Key_F10);
    m_enlarge->setCheckable(true);
    for (QAction* a : {m_present, m_fullScreen, m_zoomIn, m_zoomOut, m_zoomReset, m_enlarge}) {
        a->setShortcutContext(Qt::WindowShortcut);
        window->addAction(a);   // the shortcuts work with the menu bar hidden too
    }

    connect(m_present, &QAction::toggled, this, &Presentation::setActive);
    connect(m_fullScreen, &QAction::toggled, this, &Presentation::setFullScreen);
    connect(m_zoomIn, &QAction::triggered, m_zoom, &Zoom::zoomIn);
    connect(m_zoomOut, &QAction::triggered, m_zoom, &Zoom::zoomOut);
    connect(m_zoomReset, &QAction::triggered, m_zoom, &Zoom::reset);
    connect(m_zoom, &Zoom::changed, this, &Presentation::showZoom);
    connect(m_enlarge, &QAction::triggered, this, [this](bool on) {
        if (on) {
            QWidget* under = QApplication::widgetAt(QCursor::pos());
            m_enlarger->enlargeAt(under && under->window() == m_window ? under : QApplication::focusWidget());
        } else {
            m_enlarger->restore();
        }
    });
    connect(m_enlarger, &Enlarger::enlargedChanged, this, [this](QWidget* view) {
        const QSignalBlocker quiet(m_enlarge);
        m_enlarge->setChecked(view != nullptr);
        updateEscape();
    });
    auto* escape = new QShortcut(Qt::Key_Escape, window);
    escape->setObjectName("enlargeEscape");
    // Only while a view is enlarged or presenting: Esc stays the widgets' otherwise.
    escape->setEnabled(false);
    connect(escape, &QShortcut::activated, this, [this] {
        if (m_enlarger->enlarged())
            m_enlarger->restore();   // one step back: presentation mode stays
        else if (m_active)
            setActive(false);
    });
    auto* next = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Tab), window);
    connect(next, &QShortcut::activated, this, [this] { nextTab(+1); });
    for (const QKeySequence& keys : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab),
                                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab)}) {
        auto* previous = new QShortcut(keys, window);
        connect(previous, &QShortcut::activated, this, [this] { nextTab(-1); });
    }

    // A tab that is not shown does not hold the window wider than the one
    // that is (a stack's minimum is its largest page's): what lets a zoomed
    // window fit a small screen.
    auto fitCurrentTab = [tabs] {
        for (int i = 0; i < tabs->count(); ++i) {
            const auto policy = i == tabs->currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored;
            QWidget* page = tabs->widget(i);
            QSizePolicy p = page->sizePolicy();
            p.setHorizontalPolicy(policy);
            p.setVerticalPolicy(policy);
            page->setSizePolicy(p);
        }
    };
    connect(tabs, &QTabWidget::currentChanged, this, fitCurrentTab);
    fitCurrentTab();

    buildMenu();
    auto* button = new QToolButton(window);
    button->setObjectName("presentationButton");
    button->setDefaultAction(m_present);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    m_zoomLabel->setObjectName("zoomLabel");
    m_zoomLabel->setToolTip(tr("Zoom of the whole window: Ctrl+= and Ctrl+- change it, Ctrl+0 resets it"));
    window->statusBar()->addPermanentWidget(m_zoomLabel);
    window->statusBar()->addPermanentWidget(button);
    window->installEventFilter(this);

    m_zoom->setFactor(m_zoom->storedFactor(Zoom::kSettingsKey, 1.0));
    showZoom();
}

Presentation::~Presentation() = default;

void Presentation::buildMenu()
{
    auto* view = new QMenu(tr("&View"), m_window);
    view->setObjectName("viewMenu");
    view->addAction(m_present);
    view->addSeparator();
    view->addAction(m_zoomIn);
    view->addAction(m_zoomOut);
    view->addAction(m_zoomReset);
    view->addAction(m_fullScreen);
    view->addAction(m_enlarge);
    view->addSeparator();
    // The dark palette, kept in settings. While presenting, the high-contrast
    // palette stays; the choice applies when presentation mode ends.
    m_dark = view->addAction(tr("&Dark palette"));
    m_dark->setObjectName("darkPalette");
    m_dark->setCheckable(true);
    m_dark->setToolTip(tr("Light text on dark grey for the window and every plot (Fusion style)"));
    connect(m_dark, &QAction::toggled, this, [this](bool on) {
        QSettings().setValue(kDarkKey, on);
        if (m_active)
            m_palette = on ? darkApplicationPalette() : QApplication::style()->standardPalette();
        setDarkPalette(on);
        if (m_active)
            QApplication::setPalette(highContrastPalette());
    });
    m_dark->setChecked(QSettings().value(kDarkKey, false).toBool());
    view->addSeparator();
    view->addAction(tr("Next tab\tCtrl+Tab"), this, [this] { nextTab(+1); });
    view->addAction(tr("Previous tab\tCtrl+Shift+Tab"), this, [this] { nextTab(-1); });
    // Before Help, the last menu.
    QMenuBar* bar = m_window->menuBar();
    const QList<QAction*> menus = bar->actions();
    if (menus.isEmpty())
        bar->addMenu(view);
    else
        bar->insertMenu(menus.back(), view);
}

QAction* Presentation::action(const QString& name) const
{
    if (name == "present")
        return m_present;
    if (name == "dark")
        return m_dark;
    if (name == "fullscreen")
        return m_fullScreen;
    if (name == "zoomin")
        return m_zoomIn;
    if (name == "zoomout")
        return m_zoomOut;
    if (name == "zoomreset")
        return m_zoomReset;
    if (name == "enlarge")
        return m_enlarge;
    return nullptr;
}

void Presentation::updateEscape()
{
    if (auto* escape = m_window->findChild<QShortcut*>("enlargeEscape"))
        escape->setEnabled(m_enlarger->enlarged() || m_active);
}

QString Presentation::zoomText() const { return tr("Zoom %1%").arg(qRound(m_zoom->factor() * 100)); }

void Presentation::showZoom() { m_zoomLabel->setText(zoomText()); }

void Presentation::nextTab(int direction)
{
    if (m_enlarger->enlarged())
        m_enlarger->restore();
    const int n = m_tabs->count();
    if (n > 0)
        m_tabs->setCurrentIndex(((m_tabs->currentIndex() + direction) % n + n) % n);
}

void Presentation::setFullScreen(bool on)
{
    if (on == m_window->isFullScreen())
        return;
    if (on) {
        // Without a window manager (a bare X server) nothing resizes a window
        // asked to go full screen: it takes the screen itself.
        m_normalGeometry = m_window->geometry();
        if (QScreen* screen = m_window->screen())
            m_window->setGeometry(screen->geometry());
        m_window->showFullScreen();
    } else {
        m_window->showNormal();
        if (m_normalGeometry.isValid())
            m_window->setGeometry(m_normalGeometry);
    }
    const QSignalBlocker quiet(m_fullScreen);
    m_fullScreen->setChecked(on);
}

void Presentation::setActive(bool on)
{
    if (on == m_active)
        return;
    m_active = on;
    {
        const QSignalBlocker quiet(m_present);
        m_present->setChecked(on);
    }
    if (on) {
        m_wasFullScreen = m_window->isFullScreen();
        m_palette = QApplication::palette();
        QApplication::setPalette(highContrastPalette());
        setHighContrast(true);
        if (m_hideAdvanced)
            m_hideAdvanced(true);
        m_hidden.clear();
        for (QWidget* w : m_window->findChildren<QWidget*>())
            if (isAdvanced(w) && !w->isHidden()) {
                m_hidden.emplace_back(w);
                w->hide();
            }
        m_enlarger->shareRowsEqually(true);
        // The controls as narrow as they can be: the views get the width.
        m_dockWidths.clear();
        for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
            if (!dock->isFloating()) {
                m_dockWidths.emplace_back(dock, dock->width());
                m_window->resizeDocks({dock}, {dock->minimumSizeHint().width()}, Qt::Horizontal);
            }
        // Presentation keeps its own zoom: the one used last time it was on.
        m_zoom->setSettingsKey(kZoomKey);
        m_zoom->setFactor(m_zoom->storedFactor(kZoomKey, kDefaultZoom));
        setFullScreen(true);
    } else {
        QApplication::setPalette(m_palette);
        setHighContrast(false);
        if (m_hideAdvanced)
            m_hideAdvanced(false);
        for (const QPointer<QWidget>& w : m_hidden)
            if (w)
                w->show();
        m_hidden.clear();
        m_enlarger->shareRowsEqually(false);
        for (const auto& [dock, width] : m_dockWidths)
            if (dock)
                m_window->resizeDocks({dock}, {width}, Qt::Horizontal);
        m_dockWidths.clear();
        m_zoom->setSettingsKey(Zoom::kSettingsKey);
        m_zoom->setFactor(m_zoom->storedFactor(Zoom::kSettingsKey, 1.0));
        setFullScreen(m_wasFullScreen);
    }
    replotAll();
    updateEscape();
    emit activeChanged(on);
}

bool Presentation::eventFilter(QObject* watched, QEvent* event)
{
    // The window saves its layout when it closes: as the user arranged it,
    // not enlarged or presenting.
    if (watched == m_window && event->type() == QEvent::Close) {
        m_enlarger->restore();
        if (m_active)
            setActive(false);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace aelab::ui
