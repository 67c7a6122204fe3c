#pragma once
// A chain of layers: forward left to right, backward right to left.
// Consecutive layers that work sample by sample (SampleLayer.h: the image
// layers and activations of a conv network) run as one parallel loop over
// slices of the batch (SampleChain.h); every layer keeps the same state.
#include "layers/Layer.h"
#include "layers/SampleLayer.h"

namespace aelab {

class Sequential : public Layer {
public:
    Sequential() = default;
    Sequential(const Sequential& other);
    Sequential& operator=(const Sequential& other);
    Sequential(Sequential&&) = default;
    Sequential& operator=(Sequential&&) = default;

    Sequential& add(std::unique_ptr<Layer> layer);
    template <typename L, typename... Args> Sequential& emplace(Args&&... args)
    {
        return add(std::make_unique<L>(std::forward<Args>(args)...));
    }

    Matrix forward(const Matrix& x) override;
    Matrix forwardOwned(Matrix&& x) override;
    Matrix backward(const Matrix& dy) override;
    std::vector<Parameter> parameters() override;   // names "<index>.<name>"
    std::string describe() const override;
    // "nn.Sequential(...)" with one module per layer at the same index (so
    // the parameter names agree); empty if any layer has no counterpart.
    std::string torchModule() const override;
    std::unique_ptr<Layer> clone() const override;

    std::size_t size() const { return m_layers.size(); }
    Layer& at(std::size_t i) { return *m_layers.at(i); }
    const Layer& at(std::size_t i) const { return *m_layers.at(i); }

private:
    // Layers [begin, end): one layer, or a chain of layers that work sample
    // by sample (SampleLayer.h), run as one parallel loop.
    struct Segment {
        std::size_t begin, end;
    };
    std::vector<Segment> segments() const;
    std::vector<SampleLayer*> chain(const Segment& s) const;
    // forward of *borrowed, or of `owned` when borrowed is null.
    Matrix forwardFrom(const Matrix* borrowed, Matrix&& owned);

    std::vector<std::unique_ptr<Layer>> m_layers;
};

} // namespace aelab
