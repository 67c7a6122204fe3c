#include "layers/SampleChain.h"

#include "layers/BatchSlices.h"
#include "layers/ThreadScratch.h"
#include "math/Error.h"

#include <algorithm>

namespace aelab {

namespace {

// Values per sample passed between the layers, and the rough work per sample.
Eigen::Index widestBetween(const std::vector<SampleLayer*>& chain)
{
    Eigen::Index widest = 1;
    for (std::size_t i = 0; i + 1 < chain.size(); ++i)
        widest = std::max(widest, chain[i]->sampleOutputs());
    return widest;
}

Eigen::Index workPerSample(const std::vector<SampleLayer*>& chain)
{
    Eigen::Index work = 0;
    for (const SampleLayer* layer : chain)
        work += layer->sampleInputs() + layer->sampleOutputs();
    return work;
}

} // namespace

Matrix chainForward(const std::vector<SampleLayer*>& chain, const Matrix& x)
{
    const Eigen::Index batch = x.rows();
    Eigen::Index width = x.cols();
    for (SampleLayer* layer : chain) {
        layer->beginForward(batch, width);
        width = layer->sampleOutputs();
    }
    Matrix y(batch, chain.back()->sampleOutputs());
    const Eigen::Index widest = widestBetween(chain);
    forEachBatchSlice(batch, workPerSample(chain), [&](int, Eigen::Index first, Eigen::Index count) {
        // Two buffers the samples pass through in turn.
        Scalar* buffers[2] = {threadScratch(ScratchSlot::ChainA, 1, widest).data(),
                              threadScratch(ScratchSlot::ChainB, 1, widest).data()};
        for (Eigen::Index b = first; b < first + count; ++b) {
            const Scalar* in = x.data() + b * x.cols();
            for (std::size_t i = 0; i < chain.size(); ++i) {
                Scalar* out = i + 1 == chain.size() ? y.data() + b * y.cols() : buffers[i % 2];
                chain[i]->forwardSample(b, in, out);
                in = out;
            }
        }
    });
    return y;
}

Matrix chainBackward(const std::vector<SampleLayer*>& chain, const Matrix& dy)
{
    const Eigen::Index batch = dy.rows();
    if (dy.cols() != chain.back()->sampleOutputs())
        fail(ErrorKind::InvalidArgument, "backward: the gradient has " + std::to_string(dy.cols())
             + " values per sample, the layer's output " + std::to_string(chain.back()->sampleOutputs()));
    for (SampleLayer* layer : chain)
        layer->beginBackward(batch);
    const bool wanted = chain.front()->wantsInputGradient();
    Matrix dx = wanted ? Matrix(batch, chain.front()->sampleInputs()) : Matrix();
    const Eigen::Index widest = widestBetween(chain);
    forEachBatchSlice(batch, workPerSample(chain), [&](int slice, Eigen::Index first, Eigen::Index count) {
        Scalar* buffers[2] = {threadScratch(ScratchSlot::ChainA, 1, widest).data(),
                              threadScratch(ScratchSlot::ChainB, 1, widest).data()};
        for (Eigen::Index b = first; b < first + count; ++b) {
            const Scalar* dOut = dy.data() + b * dy.cols();
            for (std::size_t i = chain.size(); i-- > 0;) {
                Scalar* dIn = i > 0 ? buffers[i % 2] : wanted ? dx.data() + b * dx.cols() : nullptr;
                chain[i]->backwardSample(slice, b, dOut, dIn);
                dOut = dIn;
            }
        }
    });
    for (SampleLayer* layer : chain)
        layer->endBackward();
    return dx;
}

} // namespace aelab
