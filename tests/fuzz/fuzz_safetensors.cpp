// Safetensors files: the header length, the JSON header, dtypes, shapes,
// offsets and the checksum, then each tensor as a matrix.
#include "FuzzSupport.h"

#include "io/Safetensors.h"

using namespace aelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::writeScratch("weights.safetensors", data, size);
    fuzz::expectOnlyAelabErrors([&] {
        const TensorFile file = readSafetensors(path);
        for (const Tensor& t : file.tensors) {
            findTensor(file, t.name);
            fuzz::expectOnlyAelabErrors([&] { tensorToMatrix(t); });
        }
    });
    return 0;
}
