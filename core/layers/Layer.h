#pragma once
// The layer contract (after dlib's layers_abstract.h):
//   forward(X)  X is (batch, in); returns Y (batch, out) and keeps what
//               backward needs. forwardOwned(X) is the same for an X the
//               caller no longer needs: a layer that keeps its input takes
//               it instead of copying it.
//   backward(dY) requires a preceding forward on the same batch; returns dX
//               (batch, in) and ADDS this batch's parameter gradients into
//               the gradient buffers (zeroGrad() clears them).
// Parameters are listed with names so the optimizer and the model file can
// address them.
#include "math/Matrix.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace aelab {

struct Parameter {
    std::string name;
    Matrix* value;
    Matrix* grad;
    // The tensor's shape in a model file when it is not the matrix's own
    // (rows, cols): conv kernels are (out, in, k, k) there, as in PyTorch,
    // and held as (out, in k k) matrices here. Same entries, same order.
    std::vector<std::int64_t> fileShape = {};
};

// Each parameter's number of entries, in order (for loops over a model's
// tensors: math/Parallel.h's forEachChunk).
std::vector<std::ptrdiff_t> entryCounts(const std::vector<Parameter>& params);

class Layer {
public:
    virtual ~Layer() = default;

    virtual Matrix forward(const Matrix& x) = 0;
    virtual Matrix forwardOwned(Matrix&& x) { return forward(x); }
    virtual Matrix backward(const Matrix& dy) = 0;

    virtual std::vector<Parameter> parameters() { return {}; }
    virtual std::string describe() const = 0;   // "Dense(784 -> 512)"
    // The same layer as a PyTorch module expression taking and giving rows
    // (batch, features), for the generated Python of io/TorchExport.h:
    // "nn.Linear(784, 512)", "FlatConv2d(1, 16, 3, 1, 1, 28, 28)". Empty when
    // PyTorch has no counterpart (MaxUnpool2d needs the encoder's switches).
    virtual std::string torchModule() const { return {}; }
    virtual std::unique_ptr<Layer> clone() const = 0;

    void zeroGrad();
};

// Appends `net`'s parameters to `out`, named "prefix.<name>" ("encoder.0.weight").
void appendParameters(std::vector<Parameter>& out, const std::string& prefix, Layer& net);

} // namespace aelab
