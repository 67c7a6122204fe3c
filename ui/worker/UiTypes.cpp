#include "worker/UiTypes.h"

namespace aelab::ui {

void registerMetaTypes()
{
    qRegisterMetaType<aelab::Snapshot>("aelab::Snapshot");
    qRegisterMetaType<DatasetPtr>("aelab::ui::DatasetPtr");
    qRegisterMetaType<ModelInfo>("aelab::ui::ModelInfo");
    qRegisterMetaType<ExploreReply>("aelab::ui::ExploreReply");
    qRegisterMetaType<aelab::Matrix>("aelab::Matrix");
    qRegisterMetaType<RunRecordPtr>("aelab::ui::RunRecordPtr");
}

} // namespace aelab::ui
