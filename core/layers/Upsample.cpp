#include "layers/Upsample.h"

#include "layers/SampleChain.h"
#include "math/Error.h"

#include <algorithm>

namespace aelab {

namespace {
ImageShape scaled(const ImageShape& input, int factor)
{
    if (factor < 1 || factor > 64)
        fail(ErrorKind::InvalidArgument, "Upsample: the factor must be in [1, 64], got " + std::to_string(factor));
    return {input.channels, input.height * factor, input.width * factor};
}
} // namespace

Upsample::Upsample(const ImageShape& input, int factor)
    : Upsample(input, scaled(input, factor).height, scaled(input, factor).width)
{
}

Upsample::Upsample(const ImageShape& input, int outHeight, int outWidth)
    : m_input(input), m_output{input.channels, outHeight, outWidth}
{
    checkImageShape(input, "Upsample");
    checkImageShape(m_output, "Upsample");
    if (outHeight < input.height || outWidth < input.width)
        fail(ErrorKind::InvalidArgument, "Upsample: " + m_output.text() + " is smaller than " + input.text());
    m_source.resize(std::size_t(m_output.plane()));
    for (int oy = 0; oy < outHeight; ++oy)
        for (int ox = 0; ox < outWidth; ++ox) {
            const long long iy = (long long)oy * input.height / outHeight;   // floor(oy H / OH)
            const long long ix = (long long)ox * input.width / outWidth;
            m_source[std::size_t(oy * outWidth + ox)] = int(iy * input.width + ix);
        }
}

Matrix Upsample::forward(const Matrix& x) { return chainForward({this}, x); }

Matrix Upsample::backward(const Matrix& dy) { return chainBackward({this}, dy); }

void Upsample::beginForward(Eigen::Index, Eigen::Index inputs) { checkImageWidth(inputs, m_input, "Upsample"); }

void Upsample::forwardSample(Eigen::Index, const Scalar* in, Scalar* out)
{
    for (int c = 0; c < m_input.channels; ++c) {
        const Scalar* from = in + Eigen::Index(c) * m_input.plane();
        Scalar* to = out + Eigen::Index(c) * m_output.plane();
        for (int o = 0; o < m_output.plane(); ++o)
            to[o] = from[m_source[std::size_t(o)]];
    }
}

void Upsample::backwardSample(int, Eigen::Index, const Scalar* dOut, Scalar* dIn)
{
    if (!dIn)
        return;
    std::fill(dIn, dIn + m_input.size(), Scalar(0));
    for (int c = 0; c < m_input.channels; ++c) {
        const Scalar* from = dOut + Eigen::Index(c) * m_output.plane();
        Scalar* to = dIn + Eigen::Index(c) * m_input.plane();
        for (int o = 0; o < m_output.plane(); ++o)
            to[m_source[std::size_t(o)]] += from[o];
    }
}

std::string Upsample::torchModule() const
{
    return "FlatUpsample(" + std::to_string(m_input.channels) + ", " + std::to_string(m_input.height) + ", "
           + std::to_string(m_input.width) + ", " + std::to_string(m_output.height) + ", "
           + std::to_string(m_output.width) + ")";
}

std::string Upsample::describe() const
{
    return "Upsample(" + m_input.text() + " -> " + m_output.text() + ", nearest)";
}

std::unique_ptr<Layer> Upsample::clone() const { return std::make_unique<Upsample>(*this); }

} // namespace aelab
