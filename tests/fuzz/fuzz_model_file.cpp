// aelab model files: a safetensors file whose metadata names the variant,
// hyperparameters, data shape and history, and whose tensors must fit the
// model those describe. A model that loads must also encode and decode.
#include "FuzzSupport.h"

#include "io/ModelFile.h"

using namespace aelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::writeScratch("model.safetensors", data, size);
    fuzz::expectOnlyAelabErrors([&] {
        LoadedModel loaded = loadModel(path);
        const int dim = loaded.model->context().inputDim;
        if (dim > 0 && dim <= 4096) {
            const Matrix x = Matrix::Constant(2, dim, Scalar(0.5));
            const Matrix codes = loaded.model->encode(x);
            loaded.model->decode(codes);
        }
        loaded.provenance.history.toJson();
    });
    return 0;
}
