#pragma once
// Element-wise activations. Each keeps what its derivative needs: ReLU and
// LeakyReLU their input, Sigmoid and Tanh their output.
#include "layers/Layer.h"

namespace aelab {

class ReLU : public Layer {
public:
    Matrix forward(const Matrix& x) override;
    Matrix forwardOwned(Matrix&& x) override;
    Matrix backward(const Matrix& dy) override;
    std::string describe() const override { return "ReLU"; }
    std::unique_ptr<Layer> clone() const override;

private:
    Matrix m_input;
};

class LeakyReLU : public Layer {
public:
    explicit LeakyReLU(double slope = 0.01) : m_slope(Scalar(slope)) {}
    Matrix forward(const Matrix& x) override;
    Matrix backward(const Matrix& dy) override;
    std::string describe() const override;
    std::unique_ptr<Layer> clone() const override;

private:
    Scalar m_slope;
    Matrix m_input;
};

class Sigmoid : public Layer {
public:
    Matrix forward(const Matrix& x) override;
    Matrix backward(const Matrix& dy) override;
    std::string describe() const override { return "Sigmoid"; }
    std::unique_ptr<Layer> clone() const override;

private:
    Matrix m_output;
};

class Tanh : public Layer {
public:
    Matrix forward(const Matrix& x) override;
    Matrix backward(const Matrix& dy) override;
    std::string describe() const override { return "Tanh"; }
    std::unique_ptr<Layer> clone() const override;

private:
    Matrix m_output;
};

class Identity : public Layer {
public:
    Matrix forward(const Matrix& x) override { return x; }
    Matrix backward(const Matrix& dy) override { return dy; }
    std::string describe() const override { return "Identity"; }
    std::unique_ptr<Layer> clone() const override;
};

// The numerically safe logistic function, shared with the losses.
Matrix sigmoid(const Matrix& x);

// "relu", "leaky-relu", "sigmoid", "tanh", "linear"; throws Error otherwise.
std::unique_ptr<Layer> makeActivation(const std::string& name);
const std::vector<std::string>& activationNames();

} // namespace aelab
