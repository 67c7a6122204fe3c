#include "layers/ConvTranspose2d.h"

#include "layers/ParameterBudget.h"
#include "math/Error.h"

#include <algorithm>
#include <vector>

namespace aelab {

namespace {
ConvGeometry checkedGeometry(const ImageShape& input, int outChannels, int kernel, int stride, int padding,
                             int outputPadding)
{
    const std::string layer = "ConvTranspose2d";
    checkImageShape(input, layer);
    if (outChannels < 1 || kernel < 1 || stride < 1 || padding < 0)
        fail(ErrorKind::InvalidArgument, layer + " needs at least one output channel, kernel and stride at least 1 "
                                                 "and padding at least 0");
    if (outputPadding < 0 || outputPadding >= stride)
        fail(ErrorKind::InvalidArgument, layer + ": output padding " + std::to_string(outputPadding)
             + " must be at least 0 and smaller than the stride " + std::to_string(stride));
    const long long h = (long long)(input.height - 1) * stride - 2LL * padding + kernel + outputPadding;
    const long long w = (long long)(input.width - 1) * stride - 2LL * padding + kernel + outputPadding;
    if (h < 1 || w < 1 || h > (1 << 20) || w > (1 << 20))
        fail(ErrorKind::InvalidArgument, layer + ": " + input.text() + " with kernel " + std::to_string(kernel)
             + ", stride " + std::to_string(stride) + " and padding " + std::to_string(padding)
             + " gives no valid output size");
    const ConvGeometry g = convGeometry({outChannels, int(h), int(w)}, kernel, stride, padding, layer);
    // The convolution from the output back must land exactly on the input plane.
    if (g.outHeight != input.height || g.outWidth != input.width)
        fail(ErrorKind::InvalidArgument, layer + ": inconsistent geometry");
    ParameterBudget::claim(std::int64_t(input.channels) * g.patch() + outChannels);
    return g;
}
} // namespace

ConvTranspose2d::ConvTranspose2d(const ImageShape& input, int outChannels, int kernel, int stride, int padding,
                                 int outputPadding, Rng& rng, Init init)
    : m_input(input), m_geometry(checkedGeometry(input, outChannels, kernel, stride, padding, outputPadding)),
      m_outputPadding(outputPadding), m_weight(input.channels, m_geometry.patch()),
      m_weightGrad(Matrix::Zero(input.channels, m_geometry.patch())), m_bias(Matrix::Zero(1, outChannels)),
      m_biasGrad(Matrix::Zero(1, outChannels))
{
    const int taps = std::max(1, kernel * kernel / (stride * stride));
    if (init == Init::He)
        initHe(m_weight, input.channels * taps, rng);
    else
        initXavier(m_weight, input.channels * taps, outChannels * taps, rng);
}

Matrix ConvTranspose2d::forward(const Matrix& x)
{
    checkImageBatch(x, m_input, "ConvTranspose2d");
    const Eigen::Index batch = x.rows(), plane = m_input.plane();
    const int outChannels = m_geometry.input.channels;
    m_inputCm.resize(m_input.channels, batch * plane);
    toChannelMajor(x.data(), batch, m_input.channels, plane, m_inputCm.data());
    m_cols.resize(m_geometry.patch(), batch * plane);
    forSlices(batch * plane, m_weight.size(), [&](Eigen::Index, Eigen::Index a, Eigen::Index n) {
        m_cols.middleCols(a, n).noalias() = m_weight.transpose() * m_inputCm.middleCols(a, n);   // cols = W^T X'
    });
    // Y starts as the bias, then col2im adds every patch.
    Matrix y(batch, m_geometry.input.size());
    const Eigen::Index outPlane = m_geometry.input.plane();
    for (Eigen::Index b = 0; b < batch; ++b)
        for (int o = 0; o < outChannels; ++o)
            y.row(b).segment(o * outPlane, outPlane).setConstant(m_bias(0, o));
    col2im(m_cols.data(), batch, m_geometry, y.data());
    return y;
}

Matrix ConvTranspose2d::backward(const Matrix& dy)
{
    const Eigen::Index batch = dy.rows(), plane = m_input.plane();
    if (dy.cols() != m_geometry.input.size() || batch * plane != m_inputCm.cols())
        fail(ErrorKind::InvalidArgument,
             "ConvTranspose2d::backward: the gradient does not match the last forward batch");
    m_cols.resize(m_geometry.patch(), batch * plane);
    im2col(dy.data(), batch, m_geometry, m_cols.data());            // dcols
    addChannelSums(dy, m_geometry.input.channels, m_biasGrad);      // db
    m_product.resize(m_input.channels, batch * plane);
    // dW = X' dcols^T summed over kChunks slices of the batch; dX' = W dcols per slice.
    std::vector<Matrix> partial(static_cast<std::size_t>(kChunks));
    forSlices(batch * plane, 2 * m_weight.size(), [&](Eigen::Index s, Eigen::Index a, Eigen::Index n) {
        partial[std::size_t(s)].noalias() = m_inputCm.middleCols(a, n) * m_cols.middleCols(a, n).transpose();
        m_product.middleCols(a, n).noalias() = m_weight * m_cols.middleCols(a, n);
    });
    for (const Matrix& part : partial)
        if (part.size() > 0)
            m_weightGrad += part;
    Matrix dx(batch, m_input.size());
    toBatchMajor(m_product.data(), batch, m_input.channels, plane, dx.data());
    return dx;
}

std::vector<Parameter> ConvTranspose2d::parameters()
{
    // PyTorch's ConvTranspose2d weight: (in, out, k, k); the geometry is that
    // of the convolution from the output back, so its input is our output.
    const std::vector<std::int64_t> kernels{m_weight.rows(), m_geometry.input.channels, m_geometry.kernel,
                                            m_geometry.kernel};
    return {{"weight", &m_weight, &m_weightGrad, kernels}, {"bias", &m_bias, &m_biasGrad}};
}

std::string ConvTranspose2d::describe() const
{
    return "ConvTranspose2d(" + m_input.text() + " -> " + outputShape().text() + ", k"
           + std::to_string(m_geometry.kernel) + " s" + std::to_string(m_geometry.stride) + " p"
           + std::to_string(m_geometry.padding) + " op" + std::to_string(m_outputPadding) + ")";
}

std::unique_ptr<Layer> ConvTranspose2d::clone() const
{
    auto copy = std::make_unique<ConvTranspose2d>(*this);
    copy->m_inputCm = Matrix();   // batch buffers are not state
    copy->m_cols = Matrix();
    copy->m_product = Matrix();
    return copy;
}

} // namespace aelab
