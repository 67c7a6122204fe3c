#include "experiment/ProbeReport.h"

#include "io/AtomicFile.h"
#include "io/CsvTable.h"
#include "math/Error.h"

namespace aelab {

std::string probeCsv(const ProbeTable& table)
{
    CsvTable csv;
    for (const ProbeCell& c : table.cells) {
        csv.newRow();
        csv.set("dataset", table.dataset);
        csv.set("variant", table.variant);
        csv.set("features", probeFeaturesKey(c.features));
        csv.set("classifier", probeClassifierKey(c.classifier));
        csv.set("labels_per_class", labelBudgetText(c.labelsPerClass));
        csv.set("train_samples", c.trainSamples);
        csv.set("test_samples", c.testSamples);
        csv.set("dimensions", c.dimensions);
        csv.set("test_accuracy", c.accuracy);
        csv.set("seconds", c.seconds);
    }
    return csv.text();
}

nlohmann::json probeJson(const ProbeTable& table)
{
    nlohmann::json cells = nlohmann::json::array();
    for (const ProbeCell& c : table.cells)
        cells.push_back({{"features", probeFeaturesKey(c.features)},
                         {"classifier", probeClassifierKey(c.classifier)},
                         {"labels_per_class", labelBudgetText(c.labelsPerClass)},
                         {"train_samples", c.trainSamples},
                         {"test_samples", c.testSamples},
                         {"dimensions", c.dimensions},
                         {"test_accuracy", c.accuracy},
                         {"seconds", c.seconds}});
    return {{"dataset", table.dataset},
            {"variant", table.variant},
            {"classes", table.classes},
            {"code_size", table.codeSize},
            {"majority_class_test_accuracy", table.majorityAccuracy},
            {"complete", table.complete},
            {"cells", cells}};
}

void writeProbeTable(const std::string& path, const ProbeTable& table)
{
    if (path.ends_with(".csv"))
        writeFileAtomically(path, probeCsv(table));
    else if (path.ends_with(".json"))
        writeFileAtomically(path, probeJson(table).dump(2) + "\n");
    else
        fail(ErrorKind::InvalidArgument, path + ": the results file must end in .csv or .json");
}

} // namespace aelab
