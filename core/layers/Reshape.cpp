#include "layers/Reshape.h"

#include "math/Error.h"

#include <algorithm>

namespace aelab {

namespace {
std::string shapeText(const ImageShape& s)
{
    return s.height == 1 && s.width == 1 ? std::to_string(s.channels) : s.text();
}
} // namespace

Reshape::Reshape(const ImageShape& from, const ImageShape& to) : m_from(from), m_to(to)
{
    checkImageShape(from, "Reshape");
    checkImageShape(to, "Reshape");
    if (from.size() != to.size())
        fail(ErrorKind::InvalidArgument, "Reshape: " + from.text() + " and " + to.text() + " hold different numbers of values");
}

Reshape Reshape::flatten(const ImageShape& from) { return Reshape(from, {from.size(), 1, 1}); }

Matrix Reshape::forward(const Matrix& x)
{
    checkImageBatch(x, m_from, "Reshape");
    return x;
}

Matrix Reshape::forwardOwned(Matrix&& x)
{
    checkImageBatch(x, m_from, "Reshape");
    return std::move(x);
}

Matrix Reshape::backward(const Matrix& dy)
{
    checkImageBatch(dy, m_to, "Reshape::backward");
    return dy;
}

void Reshape::beginForward(Eigen::Index, Eigen::Index inputs) { checkImageWidth(inputs, m_from, "Reshape"); }

void Reshape::forwardSample(Eigen::Index, const Scalar* in, Scalar* out) { std::copy(in, in + m_from.size(), out); }

void Reshape::backwardSample(int, Eigen::Index, const Scalar* dOut, Scalar* dIn)
{
    if (dIn)
        std::copy(dOut, dOut + m_to.size(), dIn);
}

std::string Reshape::describe() const
{
    const bool flat = m_to.height == 1 && m_to.width == 1 && (m_from.height > 1 || m_from.width > 1);
    return std::string(flat ? "Flatten(" : "Reshape(") + shapeText(m_from) + " -> " + shapeText(m_to) + ")";
}

std::unique_ptr<Layer> Reshape::clone() const { return std::make_unique<Reshape>(*this); }

} // namespace aelab
