#include "worker/DatasetSource.h"

#include "worker/ImageFolder.h"

#include "data/Catalog.h"

#include <QFileInfo>

namespace aelab::ui {

Dataset loadDatasetSpec(const QString& spec, int limit, std::uint64_t seed)
{
    LoadOptions options;
    options.limit = limit > 0 ? limit : -1;
    options.seed = seed;
    if (QFileInfo(spec).isDir() && looksLikeImageFolder(spec))
        return loadImageFolder(spec, options.limit, seed);
    return aelab::loadDataset(spec.toStdString(), options);
}

} // namespace aelab::ui
