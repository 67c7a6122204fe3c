#pragma once
// Fully connected layer: Y = X W^T + b, with W stored (out, in) as in
// PyTorch's nn.Linear, so the weights in a model file read the same way.
#include "layers/Layer.h"
#include "math/Rng.h"

namespace aelab {

enum class Init { Xavier, He };

class Dense : public Layer {
public:
    Dense(int in, int out, Rng& rng, Init init = Init::Xavier);

    Matrix forward(const Matrix& x) override;
    Matrix forwardOwned(Matrix&& x) override;
    Matrix backward(const Matrix& dy) override;
    std::vector<Parameter> parameters() override;
    std::string describe() const override;
    std::string torchModule() const override;
    std::unique_ptr<Layer> clone() const override;

    int inputs() const { return int(m_weight.cols()); }
    int outputs() const { return int(m_weight.rows()); }
    Matrix& weight() { return m_weight; }
    Matrix& bias() { return m_bias; }
    const Matrix& weight() const { return m_weight; }

    // Whether backward() computes dX = dY W (on by default). A network whose
    // input is the data needs no dX from its first layer; switching it off
    // there saves one of the three matrix products of that layer's step, and
    // backward() then returns an empty matrix.
    void setInputGradient(bool needed);
    bool inputGradient() const;

private:
    Matrix m_weight, m_weightGrad;   // (out, in)
    Matrix m_bias, m_biasGrad;       // (1, out)
    Matrix m_input;                  // X of the last forward
    bool m_inputGradient = true;

    Matrix affine() const;   // Y = m_input W^T + b
};

// Initialisers: Xavier/Glorot uniform for tanh/sigmoid/linear layers,
// He (Kaiming) normal for ReLU layers.
void initXavier(Matrix& w, int fanIn, int fanOut, Rng& rng);
void initHe(Matrix& w, int fanIn, Rng& rng);

} // namespace aelab
