#pragma once
// The window's views, in the order they appear: the Training tab's panels
// (two rows), then one tab each. Adding a view is its own file pair in its
// feature folder plus one line in makeViews(); the window lays it out, feeds
// it, redraws it and offers it in File > Export and --tab from this list.
#include "window/View.h"

#include <vector>

namespace aelab::ui {

enum class ViewPlace { TrainingTop, TrainingBottom, Tab };

struct ViewSlot {
    View* view = nullptr;
    ViewPlace place = ViewPlace::Tab;
};

std::vector<ViewSlot> makeViews(const ViewContext& context, QWidget* parent);

} // namespace aelab::ui
