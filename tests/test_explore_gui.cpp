// The exploration tabs of the real MainWindow, driven offscreen through their
// widgets: clicks and drags on the latent explorer's map, the manifold grid,
// the timeline slider, the Features tab, and each variant's diagnostic. Every
// model answer comes from the training thread (ExploreClient); small built-in
// sets keep each run short.
#include "diagnostics/PriorDiagnostic.h"
#include "window/SampleSelection.h"
#include "diagnostics/CaeDiagnostic.h"
#include "diagnostics/SubspaceDiagnostic.h"
#include "form/ControlPanel.h"
#include "diagnostics/DiagnosticPanel.h"
#include "diagnostics/DiagnosticsView.h"
#include "explorer/ExploreMapView.h"
#include "features/FeaturesView.h"
#include "diagnostics/FieldDiagnostic.h"
#include "diagnostics/HashingDiagnostic.h"
#include "form/HyperParamForm.h"
#include "explorer/LatentExplorer.h"
#include "window/MainWindow.h"
#include "explorer/ManifoldGridView.h"
#include "training/LossView.h"
#include "widgets/DataSpacePlot.h"
#include "diagnostics/MaskedDiagnostic.h"
#include "diagnostics/SparseDiagnostic.h"
#include "diagnostics/StackedDiagnostic.h"
#include "diagnostics/SwitchDiagnostic.h"
#include "ScratchSettings.h"
#include "TestSupport.h"
#include "worker/TrainingController.h"
#include "diagnostics/VaeDiagnostic.h"

#include "explore/Lattice.h"
#include "models/Registry.h"

#include <qcustomplot.h>

#include <QAction>
#include <QElapsedTimer>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QComboBox>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <map>
#include <memory>

using namespace aelab;
using namespace aelab::ui;

namespace {

// Generous limits for a loaded 2-core machine.
constexpr int kLoadTimeoutMs = 20000;
constexpr int kReplyTimeoutMs = 20000;

std::unique_ptr<MainWindow> openWindow(const QString& dataset, const QString& variant, int epochs,
                                       const std::map<QString, QString>& params, int limit = 300)
{
    MainWindowOptions options;
    options.dataset = dataset;
    options.variant = variant;
    options.limit = limit;
    options.epochs = epochs;
    options.params = params;
    options.params.emplace("batch", "32");
    auto w = std::make_unique<MainWindow>(options);
    w->setProperty("quietErrors", true);
    w->resize(1400, 900);
    w->show();
    return w;
}

bool waitLoaded(MainWindow& w, const QString& spec)
{
    QSignalSpy spy(&w, &MainWindow::datasetLoaded);
    if (w.dataset() && w.controls()->datasetSpec() == spec
        && w.controller()->state() == TrainingController::State::Idle)
        return true;
    return spy.wait(kLoadTimeoutMs) || (w.dataset() && w.controls()->datasetSpec() == spec);
}

// Waits until `done` holds, processing events, for at most `ms`.
template <typename F> bool waitFor(F done, int ms = kReplyTimeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QTest::qWait(20);
    return done();
}

bool waitRunEnd(MainWindow& w)
{
    return waitFor([&] { return w.controller()->state() == TrainingController::State::Idle && w.lastStep() > 0; },
                   60000);
}

// A pixel of the map's axis rect with no point within 12 px (empty space).
std::optional<QPoint> emptyPixel(ExploreMapView* map)
{
    const QRect r = map->plot()->axisRect()->rect();
    for (int y = r.top() + 15; y < r.bottom() - 15; y += 9)
        for (int x = r.left() + 15; x < r.right() - 15; x += 9) {
            bool free = true;
            for (int i = 0; i < map->pointCount() && free; ++i)
                free = (map->pixelOf(map->planePoint(i)) - QPoint(x, y)).manhattanLength() > 16;
            if (free)
                return QPoint(x, y);
        }
    return std::nullopt;
}

// Two shown points at least `apart` pixels from each other, each with no
// other point within 10 px (so a press lands on exactly that one).
std::pair<int, int> twoLonelyPoints(ExploreMapView* map, int apart)
{
    std::vector<int> lonely;
    for (int i = 0; i < map->pointCount(); ++i) {
        const QPoint p = map->pixelOf(map->planePoint(i));
        if (!map->plot()->axisRect()->rect().adjusted(5, 5, -5, -5).contains(p))
            continue;
        bool alone = true;
        for (int j = 0; j < map->pointCount() && alone; ++j)
            alone = j == i || (map->pixelOf(map->planePoint(j)) - p).manhattanLength() > 16;
        if (alone)
            lonely.push_back(i);
    }
    for (int a : lonely)
        for (int b : lonely)
            if ((map->pixelOf(map->planePoint(a)) - map->pixelOf(map->planePoint(b))).manhattanLength() > apart)
                return {a, b};
    return {-1, -1};
}

double maxAbs(const Matrix& a, const Matrix& b) { return double((a - b).cwiseAbs().maxCoeff()); }

} // namespace

class TestExploreGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        test::useScratchSettings("explore-gui-settings");
    }

    void latentExplorerAnswersClicksDragsAndGrids()
    {
        // latent 3: the map shows principal components until dims are chosen.
        auto w = openWindow("shapes", "ae", 100000, {{"hidden", "32"}, {"latent", "3"}});
        QVERIFY(waitLoaded(*w, "shapes"));
        w->showTab("explorer");
        LatentExplorer* ex = w->latentExplorer();
        ExploreMapView* map = ex->map();
        map->setTimelineInterval(5);
        w->action("train")->trigger();
        QVERIFY(waitFor([&] { return map->frameCount() >= 3; }));

        // While training: a click in empty space decodes that latent point.
        QTest::qWait(100);
        const auto empty = emptyPixel(map);
        QVERIFY(empty);
        QSignalSpy decoded(ex, &LatentExplorer::decodedReady);
        // The click is handled at once, on the plane and axes shown now (new
        // frames may refit and rescale them before the answer comes).
        const LatentPlane planeAtClick = map->plane();
        const QPointF clicked(map->plot()->xAxis->pixelToCoord(empty->x()), map->plot()->yAxis->pixelToCoord(empty->y()));
        const double span = map->plot()->xAxis->range().size() + map->plot()->yAxis->range().size();
        QTest::mouseClick(map->plot(), Qt::LeftButton, {}, *empty);
        QVERIFY(decoded.wait(kReplyTimeoutMs));
        QCOMPARE(ex->decodedImage().size(), QSize(28, 28));
        QCOMPARE(ex->decoded().cols(), Eigen::Index(784));
        QCOMPARE(ex->decodedCode().cols(), Eigen::Index(3));
        // The decoded code lies under the click: its projection is the clicked
        // plane point (up to float rounding, 1e-4 of the axes' spans).
        const Matrix onPlane = planeAtClick.project(ex->decodedCode());
        QVERIFY(std::abs(onPlane(0, 0) - clicked.x()) + std::abs(onPlane(0, 1) - clicked.y()) < 1e-4 * span);
        QVERIFY(w->controller()->state() == TrainingController::State::Running);

        // Paused from here: the model holds still, so answers can be compared.
        w->action("pause")->trigger();
        QVERIFY(waitFor([&] { return w->controller()->state() == TrainingController::State::Paused; }));
        QTest::qWait(200);

        // A click on a point: its image, its reconstruction, its class.
        const auto [a, b] = twoLonelyPoints(map, 120);
        QVERIFY2(a >= 0, "no two separate points on the map");
        QSignalSpy inspected(ex, &LatentExplorer::inspectReady);
        QSignalSpy chosen(w->selection(), &SampleSelection::chosen);
        QTest::mouseClick(map->plot(), Qt::LeftButton, {}, map->pixelOf(map->planePoint(a)));
        QVERIFY(inspected.wait(kReplyTimeoutMs));
        QCOMPARE(ex->inspectedSample(), a);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(int(ex->inspectImages().size()), 2);
        QCOMPARE(ex->inspectImages()[1].size(), QSize(28, 28));
        QCOMPARE(ex->inspectedLabel(), map->labels()[std::size_t(a)]);
        QVERIFY(ex->inspectCaption().contains(QString::fromStdString(w->dataset()->classNames[std::size_t(ex->inspectedLabel())])));

        // A drag from point a to point b: a strip whose ends are the decodes of its endpoints.
        QSignalSpy strip(ex, &LatentExplorer::stripReady);
        const QPoint pa = map->pixelOf(map->planePoint(a)), pb = map->pixelOf(map->planePoint(b));
        QTest::mousePress(map->plot(), Qt::LeftButton, {}, pa);
        QTest::mouseMove(map->plot(), (pa + pb) / 2);
        QTest::mouseRelease(map->plot(), Qt::LeftButton, {}, pb);
        QVERIFY(strip.wait(kReplyTimeoutMs));
        // The from/to boxes follow the dragged path.
        QCOMPARE(ex->sampleA()->value(), a);
        QCOMPARE(ex->sampleB()->value(), b);
        QCOMPARE(ex->strip().rows(), Eigen::Index(LatentExplorer::kPathSteps));
        QCOMPARE(ex->stripImageCount(), LatentExplorer::kPathSteps);
        // The endpoints are the two samples' codes (the map shows them projected).
        const Matrix ends = map->plane().project(ex->stripCodes());
        QVERIFY(std::abs(ends(0, 0) - map->planePoint(a).x()) < 1e-3);
        QVERIFY(std::abs(ends(ends.rows() - 1, 1) - map->planePoint(b).y()) < 1e-3);
        const Matrix strip0 = ex->strip().topRows(1), stripLast = ex->strip().bottomRows(1);
        const RowVector codeA = ex->stripCodes().row(0), codeB = ex->stripCodes().bottomRows(1);
        ex->decodeCode(codeA);
        QVERIFY(decoded.wait(kReplyTimeoutMs));
        // Same weights, same code: the same decode up to float rounding of one row vs a batch.
        QVERIFY2(maxAbs(ex->decoded(), strip0) < 1e-5, qPrintable(QString::number(maxAbs(ex->decoded(), strip0))));
        ex->decodeCode(codeB);
        QVERIFY(decoded.wait(kReplyTimeoutMs));
        QVERIFY(maxAbs(ex->decoded(), stripLast) < 1e-5);
        QVERIFY(maxAbs(strip0, stripLast) > 1e-3);   // two different ends

        // The manifold grid: n x n tiles in one mosaic.
        ManifoldGridView* grid = ex->grid();
        grid->setSide(5);
        QSignalSpy gridReady(ex, &LatentExplorer::gridReady);
        QTest::mouseClick(grid->decodeButton(), Qt::LeftButton);
        QVERIFY(gridReady.wait(kReplyTimeoutMs));
        QCOMPARE(grid->tileCount(), 25);
        QCOMPARE(grid->mosaic().size(), QSize(5 * 28 + 4, 5 * 28 + 4));   // 1 px gaps
        // The grid and the tab export like the other views.
        const auto dir = test::freshTempDir("explore-export");
        const QString png = QString::fromStdString((dir / "grid.png").string());
        QVERIFY(w->exportView("manifold", png));
        QVERIFY(!QImage(png).isNull());
        QVERIFY(w->exportView("explorer", QString::fromStdString((dir / "explorer.png").string())));
        std::filesystem::remove_all(dir);

        // Two chosen dimensions instead of principal components.
        map->setPlaneChoice({.mode = PlaneMode::Dims, .dimX = 2, .dimY = 0});
        QCOMPARE(map->plot()->xAxis->label(), QString("z3"));
        const Matrix* codes = map->frameCodes();
        QVERIFY(codes);
        QCOMPARE(map->planePoint(7).x(), double((*codes)(7, 2)));
        QCOMPARE(map->planePoint(7).y(), double((*codes)(7, 0)));
        QTest::qWait(100);
        const auto empty2 = emptyPixel(map);
        QVERIFY(empty2);
        QTest::mouseClick(map->plot(), Qt::LeftButton, {}, *empty2);
        QVERIFY(decoded.wait(kReplyTimeoutMs));
        // The unseen dimension z2 sits at the codes' mean.
        QVERIFY(std::abs(double(ex->decodedCode()(0, 1) - codes->col(1).mean())) < 1e-4);

        // The timeline: an earlier frame's codes on the slider's left end.
        const int frames = map->frameCount();
        QVERIFY(frames >= 3);
        const long long lastStep = map->frameStep();
        const Matrix lastPoints = map->plane().project(*map->frameCodes());
        map->timelineSlider()->setValue(0);
        QCOMPARE(map->frameIndex(), 0);
        QVERIFY(map->frameStep() < lastStep);
        const Matrix firstPoints = map->plane().project(*map->frameCodes());
        QCOMPARE(map->planePoint(3).x(), double(firstPoints(3, 0)));
        // The early frame is drawn on axes that fit it, not the last frame's.
        map->refresh();
        for (int i = 0; i < map->pointCount(); ++i)
            QVERIFY(map->plot()->xAxis->range().contains(map->planePoint(i).x())
                    && map->plot()->yAxis->range().contains(map->planePoint(i).y()));
        // The label gives the real spacing of the frames.
        map->timelineSlider()->setValue(1);
        QVERIFY2(map->timelineText().contains("steps after the one before"), qPrintable(map->timelineText()));
        map->timelineSlider()->setValue(0);
        QVERIFY(maxAbs(firstPoints, lastPoints) > 1e-3);   // the codes moved while training
        map->timelineSlider()->setValue(map->timelineSlider()->maximum());
        QCOMPARE(map->frameIndex(), frames - 1);

        w->action("stop")->trigger();
        QVERIFY(waitRunEnd(*w));
    }

    void vaeGridDecodesGaussianQuantiles()
    {
        auto w = openWindow("shapes", "vae", 3, {{"hidden", "32"}, {"latent", "3"}});
        QVERIFY(waitLoaded(*w, "shapes"));
        w->showTab("explorer");
        LatentExplorer* ex = w->latentExplorer();
        w->action("train")->trigger();
        QVERIFY(waitRunEnd(*w));
        QVERIFY(waitFor([&] { return ex->map()->hasPlane(); }));
        // A VAE is looked at along two of its own axes, the third at the prior's mean 0.
        const LatentPlane& plane = ex->map()->plane();
        QCOMPARE(int(plane.mode), int(PlaneMode::Dims));
        QCOMPARE(double(plane.base.cwiseAbs().maxCoeff()), 0.0);
        QCOMPARE(ex->map()->plot()->xAxis->label(), QString("z1"));

        ex->grid()->setSide(4);
        QSignalSpy gridReady(ex, &LatentExplorer::gridReady);
        QTest::mouseClick(ex->grid()->decodeButton(), Qt::LeftButton);
        QVERIFY(gridReady.wait(kReplyTimeoutMs));
        QCOMPARE(ex->grid()->tileCount(), 16);
        // The top-left tile is the decode of (Phi^-1(1/8), Phi^-1(7/8), 0).
        RowVector z(3);
        z << Scalar(normalQuantile(0.125)), Scalar(normalQuantile(0.875)), 0;
        QSignalSpy decoded(ex, &LatentExplorer::decodedReady);
        ex->decodeCode(z);
        QVERIFY(decoded.wait(kReplyTimeoutMs));
        const QImage tile = ex->grid()->mosaic().copy(0, 0, 28, 28).convertToFormat(QImage::Format_Grayscale8);
        const QImage single = ex->decodedImage().convertToFormat(QImage::Format_Grayscale8);
        int worst = 0;
        for (int y = 0; y < 28; ++y)
            for (int x = 0; x < 28; ++x)
                worst = std::max(worst, std::abs(qGray(tile.pixel(x, y)) - qGray(single.pixel(x, y))));
        // Equal up to one grey level (a row decoded alone or in a batch may round differently).
        QVERIFY2(worst <= 1, qPrintable(QString::number(worst)));
        // And the mosaic is not one image repeated: the opposite corner differs.
        const QImage corner = ex->grid()->mosaic().copy(3 * 29, 3 * 29, 28, 28).convertToFormat(QImage::Format_Grayscale8);
        QVERIFY(corner != tile);
    }

    // Trained with the explorer hidden, then opened: every panel shows the
    // trained model, not the one of the run's first snapshot.
    void explorerShowsTheTrainedModelWhenOpenedAfterTraining()
    {
        // Long enough that the first snapshot's model is far from the last one
        // even when a loaded machine delays the first snapshot.
        auto w = openWindow("shapes", "ae", 10, {{"hidden", "32"}, {"latent", "3"}}, 3000);
        QVERIFY(waitLoaded(*w, "shapes"));
        w->showTab("training");
        LatentExplorer* ex = w->latentExplorer();
        w->action("train")->trigger();
        QVERIFY(waitRunEnd(*w));
        QVERIFY(waitFor([&] { return ex->inspectedSample() == 0 && ex->map()->frameCodes(); }));
        QTest::qWait(200);
        const Matrix finalCodes = *ex->map()->frameCodes();
        // Control: what the hidden tab asked for came from the untrained model.
        QVERIFY2(maxAbs(ex->inspectedCode(), finalCodes.topRows(1)) > 1e-3,
                 "the first inspect already shows the final model: this test would not see the bug");
        QSignalSpy inspected(ex, &LatentExplorer::inspectReady);
        QSignalSpy decoded(ex, &LatentExplorer::decodedReady);
        w->showTab("explorer");
        QVERIFY(inspected.wait(kReplyTimeoutMs));
        QCOMPARE(ex->inspectedSample(), 0);
        QVERIFY2(maxAbs(ex->inspectedCode(), finalCodes.topRows(1)) < 1e-5,
                 qPrintable(QString::number(maxAbs(ex->inspectedCode(), finalCodes.topRows(1)))));
        QVERIFY(decoded.count() > 0 || decoded.wait(kReplyTimeoutMs));
    }

    void anOpenedModelIsExploredToo()
    {
        const auto dir = test::freshTempDir("explore-open");
        const QString path = QString::fromStdString((dir / "sparse.safetensors").string());
        {
            auto w = openWindow("shapes", "sparse", 2, {{"hidden", "32"}, {"latent", "8"}});
            QVERIFY(waitLoaded(*w, "shapes"));
            w->action("train")->trigger();
            QVERIFY(waitRunEnd(*w));
            QSignalSpy saved(w->controller(), &TrainingController::modelSaved);
            w->saveModelFile(path);
            QVERIFY(saved.wait(kReplyTimeoutMs));
        }
        auto w = openWindow("moons", "ae", 2, {});
        QVERIFY(waitLoaded(*w, "moons"));
        w->showTab("diagnostics");
        QSignalSpy opened(w->controller(), &TrainingController::modelOpened);
        w->openModelFile(path);
        QVERIFY(opened.wait(kLoadTimeoutMs));
        // The opened model's variant picks the diagnostic, and the idle worker answers.
        DiagnosticsView* d = w->diagnosticsView();
        QVERIFY(d->activePanel());
        QCOMPARE(d->activePanel()->key(), QString("activations"));
        QSignalSpy updated(d->activePanel(), &DiagnosticPanel::updated);
        d->request();
        QVERIFY(updated.wait(kReplyTimeoutMs));
        QCOMPARE(int(qobject_cast<SparseDiagnostic*>(d->activePanel())->meanActivations().size()), 8);
        // And the explorer has the opened model's codes to click on.
        LatentExplorer* ex = w->latentExplorer();
        QVERIFY(waitFor([&] { return ex->map()->frameCount() >= 1; }));
        QSignalSpy decoded(ex, &LatentExplorer::decodedReady);
        ex->decodeCode(RowVector::Zero(8));
        QVERIFY(decoded.wait(kReplyTimeoutMs));
        QCOMPARE(ex->decodedImage().size(), QSize(28, 28));
        w.reset();
        std::filesystem::remove_all(dir);
    }

    void featuresShowFiltersAndActivations()
    {
        auto w = openWindow("shapes", "stacked", 4, {{"hidden", "32,16"}, {"latent", "4"}, {"pretrain-epochs", "1"}});
        QVERIFY(waitLoaded(*w, "shapes"));
        w->showTab("features");
        w->action("train")->trigger();
        QVERIFY(waitRunEnd(*w));
        // The loss plot shows the per-layer loss of the pretraining phases
        // beside the whole stack's reconstruction (3 layers x 1 epoch, then fine-tuning).
        QCPGraph* layerLoss = w->lossView()->trainGraph("layer_recon");
        QVERIFY(layerLoss && layerLoss->visible() && layerLoss->dataCount() > 0);
        QVERIFY(w->lossView()->trainGraph("recon")->visible());
        FeaturesView* f = w->featuresView();
        QSignalSpy updated(f, &FeaturesView::updated);
        f->request();
        QVERIFY(updated.wait(kReplyTimeoutMs));
        // stacked: each pretrained layer, the first as 32 tiles of 28 x 28.
        QCOMPARE(f->layerCount(), 3);
        QCOMPARE(f->tileCount(), 32);
        QVERIFY(f->banks()[0].tileShape.isImage());
        // Worded by the window (translatable), from the bank's parts.
        QCOMPARE(f->layerPicker()->itemText(0), QString("layer 1: 32 units (dense)"));
        QCOMPARE(f->layerPicker()->itemText(1), QString("layer 2: 16 units (linear view through the layers below)"));
        f->showLayer(2);
        QCOMPARE(f->tileCount(), 4);
        // One mean activation per code unit, all counted in the histogram.
        QCOMPARE(int(f->meanActivations().size()), 4);
        QCOMPARE(f->histogram().total(), 4);
        QVERIFY(f->layerPicker()->isEnabled());
        // A count of code units ticks at whole numbers (there were ticks at 2.5).
        auto* histogram = f->findChild<QCustomPlot*>();
        QVERIFY(histogram);
        histogram->replot();
        const QVector<double> ticks = histogram->yAxis->tickVector();
        QVERIFY(!ticks.isEmpty());
        for (double t : ticks)
            QVERIFY2(t == std::round(t), qPrintable(QString::number(t)));
    }

    void convKernelsAndDecodes()
    {
        auto w = openWindow("shapes", "ae", 2, {{"arch", "conv"}, {"channels", "4,8"}, {"latent", "4"}});
        QVERIFY(waitLoaded(*w, "shapes"));
        w->showTab("features");
        w->action("train")->trigger();
        QVERIFY(waitRunEnd(*w));
        FeaturesView* f = w->featuresView();
        QSignalSpy updated(f, &FeaturesView::updated);
        f->request();
        QVERIFY(updated.wait(kReplyTimeoutMs));
        // The first conv layer: 4 kernels of 1 x 3 x 3.
        QCOMPARE(f->layerCount(), 1);
        QCOMPARE(f->tileCount(), 4);
        QVERIFY(f->banks()[0].tileShape == (SampleShape{1, 3, 3}));
        // A conv decoder decodes a clicked code too.
        LatentExplorer* ex = w->latentExplorer();
        QSignalSpy decoded(ex, &LatentExplorer::decodedReady);
        ex->decodeCode(RowVector::Zero(4));
        QVERIFY(decoded.wait(kReplyTimeoutMs));
        QCOMPARE(ex->decodedImage().size(), QSize(28, 28));
    }

    // ae on images offers the principal angles to PCA's subspace beside the
    // switches: chosen in the panel box, one angle per code unit, in [0, 90].
    // A linear ae trained 12 epochs ends nearer PCA's subspace than the
    // control, the same model after one epoch (its subspace still mostly
    // the random start's).
    void theSubspacePanelMeasuresTheAnglesToPca()
    {
        double largest[2] = {0, 0};
        const int epochs[2] = {12, 1};
        for (int run = 0; run < 2; ++run) {
            auto w = openWindow("shapes", "ae", epochs[run], {{"hidden", "none"}, {"latent", "3"}, {"activation", "linear"},
                                                             {"output", "linear-mse"}, {"lr", "0.003"}});
            QVERIFY(waitLoaded(*w, "shapes"));
            w->showTab("diagnostics");
            w->action("train")->trigger();
            QVERIFY(waitRunEnd(*w));
            DiagnosticsView* d = w->diagnosticsView();
            auto* chooser = d->findChild<QComboBox*>("diagnosticsChooser");
            QVERIFY(chooser && chooser->isVisible());
            const int index = chooser->findData("subspace");
            QVERIFY(index >= 0);
            chooser->setCurrentIndex(index);
            emit chooser->activated(index);
            auto* panel = qobject_cast<SubspaceDiagnostic*>(d->activePanel());
            QVERIFY(panel);
            QTRY_VERIFY_WITH_TIMEOUT(panel->hasResult(), kReplyTimeoutMs);
            QCOMPARE(int(panel->anglesDegrees().size()), 3);
            for (double a : panel->anglesDegrees())
                QVERIFY(a >= 0 && a <= 90);
            largest[run] = panel->anglesDegrees().back();
        }
        QVERIFY2(largest[0] < largest[1], qPrintable(QString("12 epochs %1 vs 1 epoch %2").arg(largest[0]).arg(largest[1])));
    }

    void eachDiagnosticAppearsForItsVariantOnly_data()
    {
        QTest::addColumn<QString>("dataset");
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("panel");   // "" = none applies
        QTest::addColumn<QString>("params");
        QTest::newRow("ae on moons") << "moons" << "ae" << "field" << "hidden=16";
        QTest::newRow("dae on moons") << "moons" << "dae" << "field" << "hidden=16";
        QTest::newRow("ae on swiss-roll") << "swiss-roll" << "ae" << "" << "hidden=16";
        QTest::newRow("ae on shapes") << "shapes" << "ae" << "switches" << "hidden=32";
        QTest::newRow("ae unpool on shapes") << "shapes" << "ae" << "switches"
                                             << "arch=conv;channels=4;latent=4;up=unpool";
        QTest::newRow("sparse") << "shapes" << "sparse" << "activations" << "hidden=32;latent=16";
        QTest::newRow("vae") << "shapes" << "vae" << "posterior" << "hidden=32;latent=4;beta=1000";
        QTest::newRow("aae") << "shapes" << "aae" << "prior" << "hidden=32";
        QTest::newRow("cae") << "shapes" << "cae" << "jacobian" << "hidden=none;latent=12";
        QTest::newRow("masked") << "shapes" << "masked" << "imputation" << "hidden=32;latent=8";
        QTest::newRow("hashing") << "shapes" << "hashing" << "retrieval" << "hidden=32;latent=16";
        QTest::newRow("stacked") << "shapes" << "stacked" << "phases" << "hidden=32,16;latent=4;pretrain-epochs=1";
    }

    void eachDiagnosticAppearsForItsVariantOnly()
    {
        QFETCH(QString, dataset);
        QFETCH(QString, variant);
        QFETCH(QString, panel);
        QFETCH(QString, params);
        std::map<QString, QString> p;
        for (const QString& kv : params.split(';'))
            p[kv.section('=', 0, 0)] = kv.section('=', 1);
        auto w = openWindow(dataset, variant, 4, p);
        QVERIFY(waitLoaded(*w, dataset));
        w->showTab("diagnostics");
        DiagnosticsView* d = w->diagnosticsView();
        QVERIFY(!d->activePanel());   // no model yet
        w->action("train")->trigger();
        QVERIFY(waitRunEnd(*w));

        // Only the variant's own panel is enabled; the others are disabled.
        for (DiagnosticPanel* other : d->panels())
            QCOMPARE(other->isEnabled(), other->key() == panel);
        if (panel.isEmpty()) {
            QVERIFY(!d->activePanel());
            QVERIFY(d->noneText().contains(variant));
            return;
        }
        DiagnosticPanel* active = d->activePanel();
        QVERIFY(active);
        QCOMPARE(active->key(), panel);
        QVERIFY(active->isVisible());
        QSignalSpy updated(active, &DiagnosticPanel::updated);
        d->request();
        QVERIFY(updated.wait(kReplyTimeoutMs) || active->hasResult());
        QVERIFY(active->hasResult());

        const int latent = w->controls()->form()->values()["latent"].get<int>();
        if (panel == "field") {
            auto* f = qobject_cast<FieldDiagnostic*>(active);
            QCOMPARE(f->arrowCount(), FieldDiagnostic::kSide * FieldDiagnostic::kSide);
            QVERIFY(f->meanCosineToData() >= -1 && f->meanCosineToData() <= 1);
            // Readable: no arrow longer than 0.9 of the lattice spacing, all under the data points.
            QCustomPlot* plot = f->plot();
            const double spacing = std::min(plot->xAxis->range().size(), plot->yAxis->range().size())
                                   / (FieldDiagnostic::kSide - 1);
            QCOMPARE(plot->itemCount(), FieldDiagnostic::kSide * FieldDiagnostic::kSide);
            QVERIFY(plot->layer("arrows") && plot->layer("arrows")->index() < plot->layer("main")->index());
            for (int i = 0; i < plot->itemCount(); ++i) {
                auto* arrow = qobject_cast<QCPItemLine*>(plot->item(i));
                QVERIFY(arrow && arrow->layer() == plot->layer("arrows"));
                const QPointF d = arrow->end->coords() - arrow->start->coords();
                QVERIFY2(std::hypot(d.x(), d.y()) <= 0.9 * spacing * 1.001,
                         qPrintable(QString("%1 vs spacing %2").arg(std::hypot(d.x(), d.y())).arg(spacing)));
            }
            QVERIFY(f->arrowScale() > 0 && f->arrowScale() <= 1);
            // Point data: the explorer decodes to points, not images, drawn in
            // data space; the manifold grid is the decoder's image of the lattice there.
            LatentExplorer* ex = w->latentExplorer();
            QSignalSpy decoded(ex, &LatentExplorer::decodedReady);
            ex->decodeCode(RowVector::Zero(latent));
            QVERIFY(decoded.wait(kReplyTimeoutMs));
            QCOMPARE(ex->decoded().cols(), Eigen::Index(2));
            QVERIFY(ex->decodedImage().isNull());
            QCOMPARE(ex->decodedPlot()->markedPoints(), 1);
            QVERIFY(!ex->decodedPlot()->isHidden());
            QSignalSpy gridReady(ex, &LatentExplorer::gridReady);
            ex->decodeGrid(4);
            QVERIFY(gridReady.count() > 0 || gridReady.wait(kReplyTimeoutMs));
            QCOMPARE(ex->grid()->tileCount(), 0);
            QCOMPARE(ex->grid()->pointCount(), 16);
            QVERIFY(!ex->grid()->pointsPlot()->isHidden());
            QSignalSpy strip(ex, &LatentExplorer::stripReady);
            ex->interpolate({0, {}}, {1, {}});
            QVERIFY(strip.count() > 0 || strip.wait(kReplyTimeoutMs));
            QCOMPARE(ex->stripPlot()->markedPoints(), LatentExplorer::kPathSteps + 2);
        } else if (panel == "activations") {
            auto* s = qobject_cast<SparseDiagnostic*>(active);
            QCOMPARE(int(s->meanActivations().size()), latent);
            QCOMPARE(s->rho(), 0.05);
            for (double v : s->meanActivations())
                QVERIFY(v > 0 && v < 1);   // sigmoid units
        } else if (panel == "posterior") {
            auto* v = qobject_cast<VaeDiagnostic*>(active);
            QCOMPARE(int(v->stats().klPerDimension.size()), latent);
            // beta = 1000 drives every KL to ~0: the posterior collapses, and the warning says so.
            QVERIFY(v->stats().fullyCollapsed());
            QVERIFY(v->warningShown());
            QVERIFY(v->warningText().contains("collapse"));
        } else if (panel == "prior") {
            auto* a = qobject_cast<PriorDiagnostic*>(active);
            QCOMPARE(a->codePointCount(), int(w->dataset()->testX.rows()));
            QCOMPARE(a->priorPointCount(), a->codePointCount());
        } else if (panel == "jacobian") {
            auto* c = qobject_cast<CaeDiagnostic*>(active);
            // Clicking a point in the explorer picks the sample.
            QSignalSpy again(c, &DiagnosticPanel::updated);
            w->selection()->choose(7);
            QVERIFY(again.wait(kReplyTimeoutMs));
            QCOMPARE(c->sample(), 7);
            QCOMPARE(int(c->singularValues().size()), latent);
            for (std::size_t k = 1; k < c->singularValues().size(); ++k)
                QVERIFY(c->singularValues()[k] <= c->singularValues()[k - 1]);
            QCOMPARE(c->tangentImageCount(), 2 + 2 * CaeDiagnostic::kTangents);
        } else if (panel == "imputation") {
            auto* m = qobject_cast<MaskedDiagnostic*>(active);
            QCOMPARE(int(m->results().size()), 3);
            for (int r = 0; r < 3; ++r) {
                QVERIFY2(m->results()[std::size_t(r)].error.empty(), m->results()[std::size_t(r)].error.c_str());
                QVERIFY(m->table()->item(r, 1) && m->table()->item(r, 1)->text().toDouble() > 0);
            }
            QCOMPARE(m->imageCount(), 3 * 3 * MaskedDiagnostic::kRowsShown);
        } else if (panel == "retrieval") {
            auto* h = qobject_cast<HashingDiagnostic*>(active);
            QCOMPARE(int(h->hammingDistances().size()), HashingDiagnostic::kNeighbours);
            for (std::size_t i = 1; i < h->hammingDistances().size(); ++i) {
                QVERIFY(h->hammingDistances()[i] >= h->hammingDistances()[i - 1]);
                QVERIFY(h->euclideanDistances()[i] >= h->euclideanDistances()[i - 1]);
            }
            QCOMPARE(int(h->precisionByRadius().size()), latent + 1);
            QVERIFY(h->codesText().contains("query #0"));
            QSignalSpy again(h, &DiagnosticPanel::updated);
            h->setQuery(5);
            QVERIFY(again.wait(kReplyTimeoutMs));
            QVERIFY(h->codesText().contains("query #5"));
        } else if (panel == "switches") {
            auto* s = qobject_cast<SwitchDiagnostic*>(active);
            if (p.contains("up")) {
                // originals, with switches, from the code alone; 4 x 14 x 14 windows of 2 bits
                QVERIFY(s->leak().unpools);
                QCOMPARE(s->imageCount(), 3 * SwitchDiagnostic::kRowsShown);
                QCOMPARE(s->leak().capacityBits, 2.0 * 4 * 14 * 14);
                QVERIFY(s->captionText().contains("code alone"));
            } else {
                QVERIFY(!s->leak().unpools);
                QCOMPARE(s->imageCount(), 0);
                QVERIFY(s->captionText().contains("does not unpool"));
            }
        } else if (panel == "phases") {
            auto* s = qobject_cast<StackedDiagnostic*>(active);
            // Pretraining layers 1..3, then fine-tuning.
            QVERIFY2(s->phaseCount() >= 3, qPrintable(QString::number(s->phaseCount())));
            QVERIFY(s->lossPointCount() > 0);
            QCOMPARE(s->layerRows(), 3);
        }
    }
};

QTEST_MAIN(TestExploreGui)
#include "test_explore_gui.moc"
