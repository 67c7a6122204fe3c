// The drawing pad: its brush (core/explore/Drawing) and the Draw tab through
// the real window, offscreen. Real mouse events paint and erase pixels; with
// a model trained for a few seconds the code the pad shows is exactly the
// model's encode of the drawing and lands on the latent map where the map's
// projection puts it; for `masked` the imputation changes only the cut-out
// pixels; on data that is not 28 x 28 images the tab says why it is unavailable.
#include "drawing/DrawingCanvas.h"
#include "drawing/DrawingView.h"
#include "experiments/RunList.h"
#include "widgets/ImageGrid.h"
#include "window/MainWindow.h"
#include "worker/TrainingController.h"
#include "ScratchSettings.h"

#include "explore/Drawing.h"
#include "math/Pca.h"
#include "math/Rng.h"

#include <qcustomplot.h>

#include <QAction>
#include <QLabel>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace aelab;
using namespace aelab::ui;

namespace {

constexpr int kTimeoutMs = 40000;

std::unique_ptr<MainWindow> openWindow(const QString& dataset, const QString& variant)
{
    MainWindowOptions options;
    options.dataset = dataset;
    options.limit = 400;
    options.epochs = 2;
    options.variant = variant;
    options.params = {{"hidden", "32"}, {"latent", "4"}, {"batch", "32"}};
    options.tab = "draw";
    auto w = std::make_unique<MainWindow>(options);
    w->setProperty("quietErrors", true);
    w->resize(1280, 800);
    w->show();
    return w;
}

// A drag with the left (or right) button through real mouse events.
void drag(DrawingCanvas* canvas, QPoint from, QPoint to, Qt::MouseButton button)
{
    QTest::mousePress(canvas, button, {}, from);
    for (int i = 1; i <= 4; ++i) {
        const QPointF at = from + (to - from) * (i / 4.0);
        QMouseEvent move(QEvent::MouseMove, at, canvas->mapToGlobal(at), Qt::NoButton, button, Qt::NoModifier);
        QApplication::sendEvent(canvas, &move);
    }
    QTest::mouseRelease(canvas, button, {}, to);
}

Scalar pixel(const DrawingCanvas* c, int x, int y) { return c->image()(y * c->imageWidth() + x); }

// The model's own encode of `image`, asked on the training thread as any view would.
RowVector encodeOnWorker(TrainingController* controller, const Matrix& image)
{
    QSignalSpy replies(controller, &TrainingController::exploreReady);
    const std::uint64_t id = controller->submit("test-encode", [image](ExploreContext& c) -> std::any {
        return Matrix(c.model.encode(image));
    });
    for (int waited = 0; waited < kTimeoutMs; waited += 20) {
        for (const QList<QVariant>& args : replies) {
            const auto reply = args.at(0).value<ExploreReply>();
            if (reply.id == id && reply.error.empty())
                return std::any_cast<Matrix>(reply.value).row(0);
        }
        QTest::qWait(20);
    }
    return {};
}

} // namespace

class TestDrawingGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::useScratchSettings("drawing-gui-settings"); }

    void brushInksErasesAndCutsOut()
    {
        Matrix image = Matrix::Zero(1, 28 * 28), mask = Matrix::Ones(1, 28 * 28);
        brushStroke(image, mask, 28, 28, 5.5, 10.5, 20.5, 10.5, {BrushMode::Ink, 1.0});
        QCOMPARE(image(10 * 28 + 12), Scalar(1));        // on the stroke: full ink
        QVERIFY(image(11 * 28 + 12) > 0);                  // the soft edge
        QVERIFY(image(11 * 28 + 12) < 1);
        QCOMPARE(image(14 * 28 + 12), Scalar(0));        // away from it: none
        brushStroke(image, mask, 28, 28, 12.5, 10.5, 12.5, 10.5, {BrushMode::Erase, 1.0});
        QCOMPARE(image(10 * 28 + 12), Scalar(0));
        brushStroke(image, mask, 28, 28, 18.5, 10.5, 18.5, 10.5, {BrushMode::CutOut, 1.0});
        QCOMPARE(mask(10 * 28 + 18), Scalar(0));
        QCOMPARE(image(10 * 28 + 18), Scalar(0));
        QCOMPARE(mask(10 * 28 + 5), Scalar(1));
        brushStroke(image, mask, 28, 28, 18.5, 10.5, 18.5, 10.5, {BrushMode::Ink, 1.0});
        QCOMPARE(mask(10 * 28 + 18), Scalar(1));          // inked again: observed again
    }

    void aCodeLandsWhereTheMapPutsIt()
    {
        // A map of 5-D codes whose projection has its second axis flipped.
        Rng rng(3);
        Matrix codes(60, 5);
        for (Eigen::Index i = 0; i < codes.size(); ++i)
            codes(i) = Scalar(rng.normal() * (1 + i % 5));
        LatentMap map;
        map.codes = codes;
        map.latentSize = 5;
        map.points = projectPca(fitPca(codes, 2), codes);
        map.points.col(1) *= -1;
        for (int i : {0, 17, 59}) {
            const RowVector p = placeOnMap(map, codes.row(i));
            QVERIFY(std::abs(p(0) - map.points(i, 0)) < 1e-4);
            QVERIFY(std::abs(p(1) - map.points(i, 1)) < 1e-4);
        }
    }

    void paintsWithTheMouseAndShowsTheModelsCode()
    {
        auto w = openWindow("shapes", "ae");
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QTRY_VERIFY_WITH_TIMEOUT(w->dataset() != nullptr, kTimeoutMs);
        auto* view = w->findView<DrawingView>();
        QVERIFY(view && view->available());
        DrawingCanvas* canvas = view->canvas();
        QVERIFY(canvas->isVisible());
        QVERIFY(canvas->blank());

        // Left button: a stroke from (6, 6) to (20, 6); right button erases its middle.
        drag(canvas, canvas->pixelCentre(6, 6), canvas->pixelCentre(20, 6), Qt::LeftButton);
        QCOMPARE(pixel(canvas, 6, 6), Scalar(1));
        QCOMPARE(pixel(canvas, 13, 6), Scalar(1));
        QCOMPARE(pixel(canvas, 20, 6), Scalar(1));
        QCOMPARE(pixel(canvas, 13, 20), Scalar(0));
        QTest::mouseClick(canvas, Qt::RightButton, {}, canvas->pixelCentre(13, 6));
        QCOMPARE(pixel(canvas, 13, 6), Scalar(0));
        QCOMPARE(pixel(canvas, 6, 6), Scalar(1));
        QTRY_VERIFY(view->caption().contains("No model yet"));   // after the throttle

        // A model: its code of the drawing, exactly its encode, on the map.
        w->action("train")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w->runs()->count(), 1, kTimeoutMs);
        drag(canvas, canvas->pixelCentre(14, 4), canvas->pixelCentre(14, 24), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view->readout() && view->readImage() == canvas->image(), kTimeoutMs);
        const RowVector code = view->readout()->code;
        QCOMPARE(int(code.size()), 4);
        const RowVector encoded = encodeOnWorker(w->controller(), canvas->image());
        QCOMPARE(int(encoded.size()), 4);
        QVERIFY2(code == encoded, "the pad's code is the model's encode of the drawing");
        QCOMPARE(view->results()->imageCount(), 4);   // drawing, reconstruction, with noise, denoised
        view->refresh();
        const RowVector p = view->mapPoint();
        QVERIFY(std::isfinite(p(0)) && std::isfinite(p(1)));
        QCPGraph* mark = view->map()->graph(view->map()->graphCount() - 1);
        QCOMPARE(mark->dataCount(), 1);
        QCOMPARE(mark->data()->at(0)->key, double(p(0)));
        QVERIFY(view->caption().contains("Denoised"));
    }

    void maskedImputesOnlyTheCutOutPixels()
    {
        auto w = openWindow("shapes", "masked");
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QTRY_VERIFY_WITH_TIMEOUT(w->dataset() != nullptr, kTimeoutMs);
        auto* view = w->findView<DrawingView>();
        w->action("train")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w->runs()->count(), 1, kTimeoutMs);

        view->startFromSample(3);
        DrawingCanvas* canvas = view->canvas();
        QVERIFY(!canvas->blank());
        canvas->setMode(BrushMode::CutOut);
        drag(canvas, canvas->pixelCentre(4, 14), canvas->pixelCentre(24, 14), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(view->readout() && view->readImage() == canvas->image() && view->readout()->missing > 0,
                                 kTimeoutMs);
        const DrawingReadout& r = *view->readout();
        const Matrix& mask = canvas->mask();
        QCOMPARE(r.missing, int((mask.array() <= 0).count()));
        QCOMPARE(r.imputed.cols(), mask.cols());
        int filled = 0;
        for (Eigen::Index i = 0; i < mask.cols(); ++i) {
            if (mask(i) > 0)
                QCOMPARE(r.imputed(i), canvas->image()(i));   // observed: kept as drawn
            else if (r.imputed(i) != 0)
                ++filled;                                       // missing: the model's estimate
        }
        QVERIFY(filled > 0);
        QCOMPARE(view->results()->imageCount(), 5);
        QVERIFY(view->caption().contains("cut-out"));
    }

    void saysWhyOnOtherData()
    {
        auto w = openWindow("moons", "ae");
        QTRY_VERIFY_WITH_TIMEOUT(w->dataset() != nullptr, kTimeoutMs);
        auto* view = w->findView<DrawingView>();
        QVERIFY(!view->available());
        QVERIFY(!view->canvas()->isVisible());
        auto* why = view->findChild<QLabel*>("drawingUnavailable");
        QVERIFY(why && why->isVisible());
        QVERIFY(why->text().contains("28 x 28"));
    }
};

QTEST_MAIN(TestDrawingGui)
#include "test_drawing_gui.moc"
