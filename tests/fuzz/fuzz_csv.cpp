// Numeric CSV files: delimiter and header detection, quoting, decimal
// commas, the label column, limits and the memory budget.
#include "FuzzSupport.h"

#include "data/Csv.h"

using namespace aelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::writeScratch("data.csv", data, size);
    for (const char* label : {"auto", "last", "none", "1"}) {
        CsvOptions options;
        options.labelColumn = label;
        options.memory = MemoryBudget{std::uint64_t(64) << 20, "fuzz"};
        fuzz::expectOnlyAelabErrors([&] { readCsv(path, options); });
    }
    return 0;
}
