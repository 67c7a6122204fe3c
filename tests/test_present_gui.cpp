// Presentation mode through the real window, offscreen: Ctrl+= / Ctrl+- /
// Ctrl+0 scale the application's font, every plot's fonts, pens and markers
// and the image panels' sizes by the zoom, which is kept in the settings;
// presentation mode goes full screen at its own zoom, hides the advanced
// controls, turns to high contrast and puts everything back when left; a
// double-click on a panel's title enlarges it and Esc returns; Ctrl+Tab and
// Ctrl+Shift+Tab cycle the tabs.
#include "form/ControlPanel.h"
#include "form/HyperParamForm.h"
#include "present/Enlarger.h"
#include "present/Presentation.h"
#include "present/Zoom.h"
#include "training/LatentMapView.h"
#include "training/LossView.h"
#include "widgets/ImageCanvas.h"
#include "widgets/ImageGrid.h"
#include "widgets/PlotStyle.h"
#include "widgets/Zoomed.h"
#include "window/MainWindow.h"
#include "ScratchSettings.h"

#include <qcustomplot.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDockWidget>
#include <QGroupBox>
#include <QSettings>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

using namespace aelab;
using namespace aelab::ui;

namespace {

constexpr int kTimeoutMs = 20000;

std::unique_ptr<MainWindow> openWindow()
{
    MainWindowOptions options;
    options.dataset = "moons";
    options.limit = 300;
    options.variant = "ae";
    auto w = std::make_unique<MainWindow>(options);
    w->setProperty("quietErrors", true);
    w->resize(1280, 720);
    w->show();
    return w;
}

// A plot set up as every view's: one graph with a 1-pixel pen and 4-pixel discs.
struct TestPlot {
    QCustomPlot plot;
    QCPGraph* graph;
    TestPlot()
    {
        setUpPlot(&plot);
        graph = plot.addGraph();
        graph->setPen(QPen(seriesColor(0), 1));
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, seriesColor(0), seriesColor(0), 4));
        graph->setData(QVector<double>{0, 1}, QVector<double>{0, 1});
        plot.resize(300, 200);
        plot.replot();
    }
    double tickPt() const { return plot.xAxis->tickLabelFont().pointSizeF(); }
};

bool rowShown(MainWindow& w, const QString& key)
{
    QWidget* field = w.controls()->form()->field(key);
    return field && field->isVisibleTo(w.controls());
}

} // namespace

class TestPresentGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::useScratchSettings("present-gui-settings"); }

    void zoomScalesFontsPlotsAndImages()
    {
        auto w = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->activateWindow();   // the shortcuts are the window's: it must be the active one
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        Zoom* zoom = w->presentation()->zoom();
        QCOMPARE(zoom->factor(), 1.0);
        const double appPt = QApplication::font().pointSizeF();
        QVERIFY(appPt > 0);
        TestPlot t;
        const double tickPt = t.tickPt();
        QCustomPlot* latent = w->latentMapView()->plot();
        latent->replot();
        const double latentPt = latent->xAxis->labelFont().pointSizeF();
        ImageGrid grid;
        ImageCanvas canvas;
        const QSize gridHint = grid.sizeHint(), canvasHint = canvas.minimumSizeHint();

        QTest::keyClick(w.get(), Qt::Key_Equal, Qt::ControlModifier);   // Ctrl+=: 125%
        QCOMPARE(zoom->factor(), 1.25);
        QCOMPARE(QApplication::font().pointSizeF(), appPt * 1.25);
        t.plot.replot();
        latent->replot();
        QCOMPARE(t.tickPt(), tickPt * 1.25);
        QCOMPARE(latent->xAxis->labelFont().pointSizeF(), latentPt * 1.25);
        QCOMPARE(t.graph->pen().widthF(), 1.25);
        QCOMPARE(t.graph->scatterStyle().size(), 5.0);
        QCOMPARE(grid.sizeHint(), gridHint * 1.25);
        QCOMPARE(canvas.minimumSizeHint(), canvasHint * 1.25);
        QVERIFY(w->presentation()->zoomText().contains("125%"));

        QTest::keyClick(w.get(), Qt::Key_Minus, Qt::ControlModifier);   // back to 100%
        QTest::keyClick(w.get(), Qt::Key_Minus, Qt::ControlModifier);   // 90%
        QCOMPARE(zoom->factor(), 0.9);
        t.plot.replot();
        QCOMPARE(t.graph->scatterStyle().size(), 4 * 0.9);
        QVERIFY(std::abs(t.tickPt() - tickPt * 0.9) < 1e-6);

        // A view that sets its own pen after a zoom is followed from its new value.
        t.graph->setPen(QPen(seriesColor(0), 2));
        t.plot.replot();
        QCOMPARE(t.graph->pen().widthF(), 2 * 0.9);

        zoom->setFactor(1.5);
        QCOMPARE(QSettings().value(Zoom::kSettingsKey).toDouble(), 1.5);   // kept
        QTest::keyClick(w.get(), Qt::Key_0, Qt::ControlModifier);         // Ctrl+0
        QCOMPARE(zoom->factor(), 1.0);
        QCOMPARE(QApplication::font().pointSizeF(), appPt);
        t.plot.replot();
        QCOMPARE(t.graph->pen().widthF(), 2.0);
        QCOMPARE(t.graph->scatterStyle().size(), 4.0);
        QVERIFY(std::abs(t.tickPt() - tickPt) < 1e-6);
        QCOMPARE(grid.sizeHint(), gridHint);

        // Zoomed in, a legend beside a narrow plot moves inside it; at 100% it is back beside.
        QCustomPlot narrow;
        setUpPlot(&narrow);
        placeLegendAtRight(&narrow);
        narrow.addGraph()->setName("validation (dashed, per epoch)");
        narrow.legend->setVisible(true);
        narrow.resize(260, 200);
        narrow.replot();
        QVERIFY(narrow.legend->layout() != narrow.axisRect()->insetLayout());
        zoom->setFactor(1.5);
        narrow.replot();
        QCOMPARE(narrow.legend->layout(), static_cast<QCPLayout*>(narrow.axisRect()->insetLayout()));
        zoom->reset();
        narrow.replot();
        QVERIFY(narrow.legend->layout() != narrow.axisRect()->insetLayout());

        // The next window starts at the zoom kept.
        zoom->setFactor(1.25);
        w.reset();
        auto again = openWindow();
        QCOMPARE(again->presentation()->zoom()->factor(), 1.25);
        again->presentation()->zoom()->reset();
    }

    void presentationModeHidesAdvancedControlsAndRestores()
    {
        auto w = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->activateWindow();   // the shortcuts are the window's: it must be the active one
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTRY_VERIFY_WITH_TIMEOUT(w->controls()->form()->field("optimizer"), kTimeoutMs);
        Presentation* p = w->presentation();
        const QColor window = QApplication::palette().color(QPalette::Window);
        QVERIFY(rowShown(*w, "optimizer"));
        QVERIFY(rowShown(*w, "latent"));
        QVERIFY(w->controls()->seedBox()->isVisibleTo(w->controls()));
        auto* logScale = w->lossView()->findChild<QCheckBox*>();
        QVERIFY(logScale && logScale->isVisible());
        TestPlot t;

        p->action("present")->trigger();
        QVERIFY(p->active());
        QVERIFY(w->windowState() & Qt::WindowFullScreen);
        QCOMPARE(p->zoom()->factor(), Presentation::kDefaultZoom);
        QVERIFY(!rowShown(*w, "optimizer"));
        QVERIFY(!rowShown(*w, "clip"));
        QVERIFY(rowShown(*w, "latent"));   // what a lesson changes stays
        QVERIFY(!w->controls()->seedBox()->isVisibleTo(w->controls()));
        QVERIFY(!logScale->isVisible());   // a view's control marked advanced
        // At 150% the window still fits a 1280 x 720 projector.
        QVERIFY2(w->minimumSizeHint().width() <= 1280 && w->minimumSizeHint().height() <= 720,
                 qPrintable(QString("minimum %1 x %2").arg(w->minimumSizeHint().width()).arg(w->minimumSizeHint().height())));
        QCOMPARE(QApplication::palette().color(QPalette::Window), QColor(Qt::white));
        QCOMPARE(QApplication::palette().color(QPalette::WindowText), QColor(Qt::black));
        t.plot.replot();
        QCOMPARE(t.graph->pen().color(), contrastSeriesColor(0));
        QVERIFY(t.graph->pen().widthF() > Presentation::kDefaultZoom);   // thicker than the zoom alone

        p->zoom()->zoomIn();   // 175%, remembered for the next presentation
        p->action("present")->trigger();
        QVERIFY(!p->active());
        QVERIFY(!(w->windowState() & Qt::WindowFullScreen));
        QCOMPARE(p->zoom()->factor(), 1.0);
        QVERIFY(rowShown(*w, "optimizer"));
        QVERIFY(w->controls()->seedBox()->isVisibleTo(w->controls()));
        QVERIFY(logScale->isVisible());
        QCOMPARE(QApplication::palette().color(QPalette::Window), window);
        t.plot.replot();
        QCOMPARE(t.graph->pen().color(), seriesColor(0));
        QCOMPARE(t.graph->pen().widthF(), 1.0);

        p->setActive(true);
        QCOMPARE(p->zoom()->factor(), 1.75);
        p->setActive(false);
    }

    void doubleClickOnTitleEnlargesAndEscReturns()
    {
        auto w = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->activateWindow();   // the shortcuts are the window's: it must be the active one
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        Enlarger* enlarger = w->presentation()->enlarger();
        LatentMapView* view = w->latentMapView();
        auto* frame = qobject_cast<QGroupBox*>(view->parentWidget());
        QVERIFY(frame);
        auto* dock = w->findChild<QDockWidget*>("controlsDock");
        QVERIFY(dock && dock->isVisible());
        const int before = view->width();

        // A double-click inside the plot is the plot's; on the title it enlarges.
        QTest::mouseDClick(view->plot(), Qt::LeftButton, {}, view->plot()->rect().center());
        QVERIFY(!enlarger->enlarged());
        QTest::mouseDClick(frame, Qt::LeftButton, {}, QPoint(frame->width() / 2, view->geometry().top() / 2));
        QCOMPARE(enlarger->enlarged(), view);
        QVERIFY(view->isVisible());
        QVERIFY(!dock->isVisible());
        QVERIFY(view->parentWidget() != frame);
        QTRY_VERIFY(view->width() > before);

        QTest::keyClick(w.get(), Qt::Key_Escape);
        QVERIFY(!enlarger->enlarged());
        QCOMPARE(view->parentWidget(), frame);
        QVERIFY(dock->isVisible());
        QVERIFY(view->isVisible());

        // F10's choice: the panel holding the widget, else the current tab (bar hidden).
        enlarger->enlargeAt(w->lossView());
        QCOMPARE(enlarger->enlarged(), static_cast<QWidget*>(w->lossView()));
        enlarger->restore();
        w->showTab("explorer");
        enlarger->enlargeAt(nullptr);
        QCOMPARE(enlarger->enlarged(), w->tabs()->currentWidget());
        QVERIFY(!w->tabs()->tabBar()->isVisible());
        QTest::keyClick(w.get(), Qt::Key_Escape);
        QVERIFY(w->tabs()->tabBar()->isVisible());
        QVERIFY(dock->isVisible());
    }

    // View > Dark palette: the window's palette and every plot's frame turn
    // dark (background, axes, legend text), the choice is kept, and turning
    // it off puts the light colours back; presentation mode stays light.
    void darkPaletteDarkensTheWindowAndThePlots()
    {
        auto w = openWindow();
        QAction* dark = w->presentation()->action("dark");
        QVERIFY(dark && dark->isCheckable() && !dark->isChecked());
        QCustomPlot* latent = w->latentMapView()->plot();
        latent->replot();
        QCOMPARE(latent->xAxis->tickLabelColor(), QColor(Qt::black));

        dark->setChecked(true);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
        QCOMPARE(QSettings().value(Presentation::kDarkKey).toBool(), true);
        latent->replot();
        QVERIFY(latent->toPixmap(120, 90).toImage().pixelColor(1, 1).lightness() < 80);
        QVERIFY(latent->xAxis->tickLabelColor().lightness() > 180);
        QVERIFY(latent->xAxis->basePen().color().lightness() > 180);
        QVERIFY(latent->legend->textColor().lightness() > 180);

        // Presentation mode's high contrast is light, whatever the choice.
        w->presentation()->setActive(true);
        latent->replot();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
        QCOMPARE(latent->xAxis->tickLabelColor(), QColor(Qt::black));
        w->presentation()->setActive(false);
        latent->replot();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        QVERIFY(latent->xAxis->tickLabelColor().lightness() > 180);

        dark->setChecked(false);
        latent->replot();
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 150);
        QCOMPARE(latent->xAxis->tickLabelColor(), QColor(Qt::black));
        QCOMPARE(latent->toPixmap(120, 90).toImage().pixelColor(1, 1), QColor(Qt::white));
        QCOMPARE(QSettings().value(Presentation::kDarkKey).toBool(), false);
    }

    void ctrlTabCyclesTheTabs()
    {
        auto w = openWindow();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        w->activateWindow();   // the shortcuts are the window's: it must be the active one
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTabWidget* tabs = w->tabs();
        QVERIFY(tabs->count() > 2);
        QCOMPARE(tabs->currentIndex(), 0);
        QTest::keyClick(w.get(), Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 1);
        QTest::keyClick(w.get(), Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(tabs->currentIndex(), 2);
        QTest::keyClick(w.get(), Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(tabs->currentIndex(), 1);
        w->presentation()->nextTab(-1);
        w->presentation()->nextTab(-1);
        QCOMPARE(tabs->currentIndex(), tabs->count() - 1);   // wraps around
    }
};

QTEST_MAIN(TestPresentGui)
#include "test_present_gui.moc"
