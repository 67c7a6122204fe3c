#include "present/Enlarger.h"

#include <QDockWidget>
#include <QGroupBox>
#include <QLayout>
#include <QMainWindow>
#include <QMouseEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QStyleOptionGroupBox>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace aelab::ui {

Enlarger::Enlarger(QMainWindow* window, QTabWidget* tabs)
    : QObject(window), m_window(window), m_tabs(tabs), m_stack(new QStackedWidget(window)), m_page(new QWidget),
      m_pageLayout(new QVBoxLayout(m_page))
{
    m_stack->setObjectName("enlargeStack");
    m_page->setObjectName("enlargedPage");
    m_pageLayout->setContentsMargins(4, 4, 4, 4);
    window->takeCentralWidget();   // the tabs: kept, now inside the stack
    m_stack->addWidget(tabs);
    m_stack->addWidget(m_page);
    window->setCentralWidget(m_stack);
}

void Enlarger::addPanel(QGroupBox* frame, QWidget* view)
{
    m_panels.push_back({frame, view});
    frame->installEventFilter(this);
    // A small button in the title strip's right corner, for those who do not double-click titles.
    auto* button = new QToolButton(frame);
    button->setObjectName("enlargeButton");
    button->setAutoRaise(true);
    button->setIcon(frame->style()->standardIcon(QStyle::SP_TitleBarMaxButton));
    button->setToolTip(tr("Enlarge this panel to fill the window (F10, or double-click its title); Esc returns"));
    connect(button, &QToolButton::clicked, this, [this, view] { enlarge(view); });
    placeButton(frame);
}

bool Enlarger::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize || event->type() == QEvent::FontChange)
        if (auto* frame = qobject_cast<QGroupBox*>(watched))
            placeButton(frame);
    if (event->type() == QEvent::MouseButtonDblClick) {
        auto* frame = qobject_cast<QGroupBox*>(watched);
        auto* mouse = static_cast<QMouseEvent*>(event);
        // Only the title strip: the frame's contents (a plot) keep their double-clicks.
        const QWidget* child = frame ? frame->childAt(mouse->position().toPoint()) : nullptr;
        if (frame && !child)
            for (const Panel& p : m_panels)
                if (p.frame == frame && mouse->position().y() < p.view->geometry().top()) {
                    enlarge(p.view);
                    return true;
                }
    }
    return QObject::eventFilter(watched, event);
}

void Enlarger::shareRowsEqually(bool on)
{
    if (!on) {
        for (const auto& [row, sizes] : m_rowSizes)
            if (row)
                row->setSizes(sizes);
        m_rowSizes.clear();
        return;
    }
    m_rowSizes.clear();
    for (const Panel& p : m_panels) {
        auto* row = qobject_cast<QSplitter*>(p.frame->parentWidget());
        if (!row || std::any_of(m_rowSizes.begin(), m_rowSizes.end(), [row](const auto& r) { return r.first == row; }))
            continue;
        m_rowSizes.emplace_back(row, row->sizes());
        int total = 0;
        for (int size : row->sizes())
            total += size;
        row->setSizes(QList<int>(row->count(), std::max(1, total / std::max(1, row->count()))));
    }
}

void Enlarger::placeButton(QGroupBox* frame)
{
    auto* button = frame->findChild<QToolButton*>("enlargeButton", Qt::FindDirectChildrenOnly);
    if (!button)
        return;
    const int side = frame->fontMetrics().height();   // the title strip's height
    button->setIconSize(QSize(side - 4, side - 4));
    button->setFixedSize(side + 2, side);
    button->move(frame->width() - button->width() - 4, 0);
    button->raise();
}

void Enlarger::enlargeAt(QWidget* widget)
{
    for (QWidget* w = widget; w; w = w->parentWidget())
        for (const Panel& p : m_panels)
            if (p.view == w) {
                enlarge(p.view);
                return;
            }
    if (m_tabs->currentIndex() > 0)
        enlarge(m_tabs->currentWidget());
}

void Enlarger::enlarge(QWidget* view)
{
    if (!view || m_enlarged == view)
        return;
    restore();
    for (const Panel& p : m_panels)
        if (p.view == view) {
            m_fromFrame = p.frame;
            m_tabs->setCurrentIndex(0);
            m_pageLayout->addWidget(view);   // reparents it; the frame stays, empty, in its splitter
            view->show();
            m_stack->setCurrentWidget(m_page);
        }
    if (!m_fromFrame) {
        const int index = m_tabs->indexOf(view);
        if (index < 0)
            return;
        m_tabs->setCurrentIndex(index);
        m_tabBarWasVisible = m_tabs->tabBar()->isVisible();
        m_tabs->tabBar()->hide();
    }
    // The whole window for it: the docked controls out of the way.
    for (QDockWidget* dock : m_window->findChildren<QDockWidget*>())
        if (dock->isVisible() && !dock->isFloating()) {
            m_hiddenDocks.emplace_back(dock);
            dock->hide();
        }
    m_enlarged = view;
    view->setFocus();
    emit enlargedChanged(view);
}

void Enlarger::restore()
{
    if (!m_enlarged)
        return;
    if (m_fromFrame) {
        m_fromFrame->layout()->addWidget(m_enlarged);   // the frame held only this view
        m_enlarged->show();
        m_stack->setCurrentWidget(m_tabs);
        m_fromFrame = nullptr;
    } else {
        m_tabs->tabBar()->setVisible(m_tabBarWasVisible);
    }
    for (const QPointer<QDockWidget>& dock : m_hiddenDocks)
        if (dock)
            dock->show();
    m_hiddenDocks.clear();
    m_enlarged = nullptr;
    emit enlargedChanged(nullptr);
}

} // namespace aelab::ui
