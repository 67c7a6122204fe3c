// NumPy .npy files: the magic, version, header dict (descr, fortran_order,
// shape) and the data's size, as floats and as integers.
#include "FuzzSupport.h"

#include "io/Npy.h"

using namespace aelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::writeScratch("codes.npy", data, size);
    fuzz::expectOnlyAelabErrors([&] { readNpy(path); });
    fuzz::expectOnlyAelabErrors([&] { readNpyInt(path); });
    return 0;
}
