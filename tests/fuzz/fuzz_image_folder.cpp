// A folder of images (ui/worker/ImageFolder, read with Qt's image plugins):
// the input's first byte picks the file's suffix, the rest is the image.
// The folder holds it twice, as two classes, so the labelled path, the size
// fixed by the first image and the scaling of the second all run.
#include "FuzzSupport.h"

#include "worker/ImageFolder.h"

#include <QCoreApplication>
#include <QString>

#include <filesystem>

using namespace aelab;

namespace {
const char* const kSuffixes[] = {"png", "bmp", "ppm", "pgm", "pbm", "gif", "jpg", "ico", "xpm", "xbm", "svg"};
constexpr std::size_t kSuffixCount = sizeof kSuffixes / sizeof kSuffixes[0];
} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    // Qt's image plugins (gif, jpeg, ico, svg) are found through the
    // application's library paths.
    static QCoreApplication app(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::string suffix = kSuffixes[data[0] % kSuffixCount];
    const std::string dir = fuzz::scratchDir() + "/images";
    std::filesystem::remove_all(dir);
    fuzz::writeScratch("images/a/1." + suffix, data + 1, size - 1);
    fuzz::writeScratch("images/b/2." + suffix, data + 1, size - 1);
    const QString folder = QString::fromStdString(dir);
    ui::looksLikeImageFolder(folder);
    fuzz::expectOnlyAelabErrors(
        [&] { ui::loadImageFolder(folder, -1, 1, MemoryBudget{std::uint64_t(64) << 20, "fuzz"}); });
    return 0;
}
