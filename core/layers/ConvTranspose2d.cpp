#include "layers/ConvTranspose2d.h"

#include "layers/ChannelSums.h"
#include "layers/ParameterBudget.h"
#include "layers/SampleChain.h"
#include "layers/ThreadScratch.h"
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

Matrix ConvTranspose2d::forward(const Matrix& x) { return chainForward({this}, x); }

Matrix ConvTranspose2d::forwardOwned(Matrix&& x)
{
    checkImageBatch(x, m_input, "ConvTranspose2d");
    m_inputBatch = std::move(x);   // kept as it is: forwardSample finds each row in place
    return chainForward({this}, m_inputBatch);
}

Matrix ConvTranspose2d::backward(const Matrix& dy) { return chainBackward({this}, dy); }

void ConvTranspose2d::beginForward(Eigen::Index batch, Eigen::Index inputs)
{
    checkImageWidth(inputs, m_input, "ConvTranspose2d");
    m_inputBatch.resize(batch, inputs);
}

void ConvTranspose2d::forwardSample(Eigen::Index b, const Scalar* in, Scalar* out)
{
    Scalar* kept = m_inputBatch.data() + b * m_inputBatch.cols();
    if (in != kept)
        std::copy(in, in + m_inputBatch.cols(), kept);
    const Eigen::Map<const Matrix> xb(kept, m_input.channels, m_input.plane());
    auto cols = threadScratch(ScratchSlot::Patches, m_geometry.patch(), m_input.plane());
    cols.noalias() = m_weight.transpose() * xb;                    // W^T X_b
    Eigen::Map<Matrix> yb(out, m_geometry.input.channels, m_geometry.input.plane());
    for (Eigen::Index o = 0; o < yb.rows(); ++o)   // Y_b starts as the bias,
        yb.row(o).setConstant(m_bias(0, o));
    col2im(cols.data(), m_geometry, out);           // then every patch is added
}

void ConvTranspose2d::beginBackward(Eigen::Index batch)
{
    if (batch != m_inputBatch.rows())
        fail(ErrorKind::InvalidArgument,
             "ConvTranspose2d::backward: the gradient does not match the last forward batch");
    m_weightSums.reset(m_weight.rows(), m_weight.cols());
    m_biasSums.reset(1, m_geometry.input.channels);
}

void ConvTranspose2d::backwardSample(int slice, Eigen::Index b, const Scalar* dOut, Scalar* dIn)
{
    const Eigen::Index plane = m_input.plane();
    addChannelSums(dOut, m_geometry.input.channels, m_geometry.input.plane(), m_biasSums.at(slice).data());
    auto dcols = threadScratch(ScratchSlot::Patches, m_geometry.patch(), plane);
    im2col(dOut, m_geometry, dcols.data());
    const Eigen::Map<const Matrix> xb(m_inputBatch.data() + b * m_inputBatch.cols(), m_input.channels, plane);
    m_weightSums.at(slice).noalias() += xb * dcols.transpose();               // dW += X_b dcols_b^T
    if (dIn)
        Eigen::Map<Matrix>(dIn, m_input.channels, plane).noalias() = m_weight * dcols;   // dX_b = W dcols_b
}

void ConvTranspose2d::endBackward()
{
    m_weightSums.addTo(m_weightGrad);
    m_biasSums.addTo(m_biasGrad);
}

std::vector<Parameter> ConvTranspose2d::parameters()
{
    // PyTorch's ConvTranspose2d weight: (in, out, k, k); the geometry is that
    // of the convolution from the output back, so its input is our output.
    const std::vector<std::int64_t> kernels{m_weight.rows(), m_geometry.input.channels, m_geometry.kernel,
                                            m_geometry.kernel};
    return {{"weight", &m_weight, &m_weightGrad, kernels}, {"bias", &m_bias, &m_biasGrad}};
}

std::string ConvTranspose2d::torchModule() const
{
    return "FlatConvTranspose2d(" + std::to_string(m_input.channels) + ", " + std::to_string(m_geometry.input.channels)
           + ", " + std::to_string(m_geometry.kernel) + ", " + std::to_string(m_geometry.stride) + ", "
           + std::to_string(m_geometry.padding) + ", " + std::to_string(m_outputPadding) + ", "
           + std::to_string(m_input.height) + ", " + std::to_string(m_input.width) + ")";
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
    copy->m_inputBatch = Matrix();   // the last batch is not state
    return copy;
}

} // namespace aelab
