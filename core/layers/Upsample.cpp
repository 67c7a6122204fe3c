#include "layers/Upsample.h"

#include "layers/BatchSlices.h"
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

Matrix Upsample::forward(const Matrix& x)
{
    checkImageBatch(x, m_input, "Upsample");
    Matrix y(x.rows(), m_output.size());
    forEachPlane(x.rows(), m_output, [&](Eigen::Index b, int c) {
        const Eigen::Index q = b * m_input.channels + c;   // the plane's index in the batch
        const Scalar* in = x.data() + q * m_input.plane();
        Scalar* out = y.data() + q * m_output.plane();
        for (int o = 0; o < m_output.plane(); ++o)
            out[o] = in[m_source[std::size_t(o)]];
    });
    return y;
}

Matrix Upsample::backward(const Matrix& dy)
{
    if (dy.cols() != m_output.size())
        fail(ErrorKind::InvalidArgument, "Upsample::backward: the gradient does not match the output shape");
    Matrix dx(dy.rows(), m_input.size());
    forEachPlane(dy.rows(), m_output, [&](Eigen::Index b, int c) {
        const Eigen::Index q = b * m_input.channels + c;
        const Scalar* dout = dy.data() + q * m_output.plane();
        Scalar* din = dx.data() + q * m_input.plane();
        std::fill(din, din + m_input.plane(), Scalar(0));
        for (int o = 0; o < m_output.plane(); ++o)
            din[m_source[std::size_t(o)]] += dout[o];
    });
    return dx;
}

std::string Upsample::describe() const
{
    return "Upsample(" + m_input.text() + " -> " + m_output.text() + ", nearest)";
}

std::unique_ptr<Layer> Upsample::clone() const { return std::make_unique<Upsample>(*this); }

} // namespace aelab
