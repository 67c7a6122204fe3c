#pragma once
// Element-wise activations. Each keeps what its derivative needs: ReLU and
// LeakyReLU their input, Sigmoid and Tanh their output. Each also runs
// sample by sample (SampleLayer.h), for chains of image layers; a batch
// pass on its own splits rows over the threads.
#include "layers/Layer.h"
#include "layers/SampleLayer.h"

namespace aelab {

// What every activation does in a chain: f and its derivative applied to one
// sample's row, keeping (of the batch's rows) the input or the output.
class ElementwiseSamples : public SampleLayer {
public:
    void beginForward(Eigen::Index batch, Eigen::Index inputs) override { m_kept.resize(batch, inputs); }
    Eigen::Index sampleInputs() const override { return m_kept.cols(); }
    Eigen::Index sampleOutputs() const override { return m_kept.cols(); }
    void forwardSample(Eigen::Index b, const Scalar* in, Scalar* out) override;
    void beginBackward(Eigen::Index batch) override;
    void backwardSample(int slice, Eigen::Index b, const Scalar* dOut, Scalar* dIn) override;

protected:
    using Row = Eigen::Map<Eigen::Array<Scalar, 1, Eigen::Dynamic>>;
    using ConstRow = Eigen::Map<const Eigen::Array<Scalar, 1, Eigen::Dynamic>>;
    // Whether m_kept holds the input (else the output) of the last forward.
    virtual bool keepsInput() const = 0;
    virtual void apply(ConstRow in, Row out) const = 0;
    // dIn from dOut and the kept row.
    virtual void derive(ConstRow kept, ConstRow dOut, Row dIn) const = 0;

    Matrix m_kept;   // (batch, width): the input or the output of the last forward
};

class ReLU : public Layer, public ElementwiseSamples {
public:
    Matrix forward(const Matrix& x) override;
    Matrix forwardOwned(Matrix&& x) override;
    Matrix backward(const Matrix& dy) override;
    std::string describe() const override { return "ReLU"; }
    std::string torchModule() const override { return "nn.ReLU()"; }
    std::unique_ptr<Layer> clone() const override;

private:
    bool keepsInput() const override { return true; }
    void apply(ConstRow in, Row out) const override { out = in.max(Scalar(0)); }
    void derive(ConstRow x, ConstRow dOut, Row dIn) const override { dIn = (x > Scalar(0)).select(dOut, Scalar(0)); }
};

class LeakyReLU : public Layer, public ElementwiseSamples {
public:
    explicit LeakyReLU(double slope = 0.01) : m_slope(Scalar(slope)) {}
    Matrix forward(const Matrix& x) override;
    Matrix backward(const Matrix& dy) override;
    std::string describe() const override;
    std::string torchModule() const override;
    std::unique_ptr<Layer> clone() const override;

private:
    bool keepsInput() const override { return true; }
    void apply(ConstRow in, Row out) const override { out = (in > Scalar(0)).select(in, m_slope * in); }
    void derive(ConstRow x, ConstRow dOut, Row dIn) const override
    {
        dIn = (x > Scalar(0)).select(dOut, m_slope * dOut);
    }
    Scalar m_slope;
};

class Sigmoid : public Layer, public ElementwiseSamples {
public:
    Matrix forward(const Matrix& x) override;
    Matrix backward(const Matrix& dy) override;
    std::string describe() const override { return "Sigmoid"; }
    std::string torchModule() const override { return "nn.Sigmoid()"; }
    std::unique_ptr<Layer> clone() const override;

private:
    bool keepsInput() const override { return false; }
    void apply(ConstRow in, Row out) const override;
    void derive(ConstRow s, ConstRow dOut, Row dIn) const override { dIn = dOut * s * (Scalar(1) - s); }
};

class Tanh : public Layer, public ElementwiseSamples {
public:
    Matrix forward(const Matrix& x) override;
    Matrix backward(const Matrix& dy) override;
    std::string describe() const override { return "Tanh"; }
    std::string torchModule() const override { return "nn.Tanh()"; }
    std::unique_ptr<Layer> clone() const override;

private:
    bool keepsInput() const override { return false; }
    void apply(ConstRow in, Row out) const override { out = in.tanh(); }
    void derive(ConstRow t, ConstRow dOut, Row dIn) const override { dIn = dOut * (Scalar(1) - t.square()); }
};

class Identity : public Layer, public SampleLayer {
public:
    Matrix forward(const Matrix& x) override { return x; }
    Matrix backward(const Matrix& dy) override { return dy; }
    std::string describe() const override { return "Identity"; }
    std::string torchModule() const override { return "nn.Identity()"; }
    std::unique_ptr<Layer> clone() const override;

    // In a chain: the values copied through; nothing kept but the width.
    void beginForward(Eigen::Index, Eigen::Index inputs) override { m_width = inputs; }
    Eigen::Index sampleInputs() const override { return m_width; }
    Eigen::Index sampleOutputs() const override { return m_width; }
    void forwardSample(Eigen::Index b, const Scalar* in, Scalar* out) override;
    void beginBackward(Eigen::Index) override {}
    void backwardSample(int slice, Eigen::Index b, const Scalar* dOut, Scalar* dIn) override;

private:
    Eigen::Index m_width = 0;
};

// The numerically safe logistic function, shared with the losses.
Matrix sigmoid(const Matrix& x);

// "relu", "leaky-relu", "sigmoid", "tanh", "linear"; throws Error otherwise.
std::unique_ptr<Layer> makeActivation(const std::string& name);
const std::vector<std::string>& activationNames();

} // namespace aelab
