#include "window/ViewList.h"

#include "diagnostics/DiagnosticsView.h"
#include "drawing/DrawingView.h"
#include "experiments/RunsView.h"
#include "explorer/LatentExplorer.h"
#include "features/FeaturesView.h"
#include "training/CodeSpreadView.h"
#include "training/DenoisingView.h"
#include "training/LatentMapView.h"
#include "training/LossView.h"
#include "training/ReconstructionView.h"

namespace aelab::ui {

std::vector<ViewSlot> makeViews(const ViewContext& context, QWidget* parent)
{
    return {
        {new LossView(parent), ViewPlace::TrainingTop},
        {new LatentMapView(parent), ViewPlace::TrainingTop},
        {new ReconstructionView(parent), ViewPlace::TrainingBottom},
        {new DenoisingView(context, parent), ViewPlace::TrainingBottom},
        {new CodeSpreadView(parent), ViewPlace::TrainingBottom},
        {new LatentExplorer(context, parent), ViewPlace::Tab},
        {new FeaturesView(context, parent), ViewPlace::Tab},
        {new DiagnosticsView(context, parent), ViewPlace::Tab},
        {new RunsView(context, parent), ViewPlace::Tab},
        {new DrawingView(context, parent), ViewPlace::Tab},
    };
}

} // namespace aelab::ui
