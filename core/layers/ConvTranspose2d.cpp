#include "layers/ConvTranspose2d.h"

#include "layers/ParameterBudget.h"
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

Matrix ConvTranspose2d::forward(const Matrix& x)
{
    checkImageBatch(x, m_input, "ConvTranspose2d");
    m_inputBatch = x;
    return spread();
}

Matrix ConvTranspose2d::forwardOwned(Matrix&& x)
{
    checkImageBatch(x, m_input, "ConvTranspose2d");
    m_inputBatch = std::move(x);
    return spread();
}

Matrix ConvTranspose2d::spread() const
{
    const Eigen::Index batch = m_inputBatch.rows(), plane = m_input.plane(), C = m_input.channels;
    const Eigen::Index outPlane = m_geometry.input.plane(), outSize = m_geometry.input.size();
    Matrix y(batch, outSize);
    forEachSample(batch, m_weight.size() * plane, [&](Eigen::Index b) {
        const Eigen::Map<const Matrix> xb(m_inputBatch.data() + b * m_inputBatch.cols(), C, plane);
        auto cols = threadScratch(ScratchSlot::Patches, m_geometry.patch(), plane);
        cols.noalias() = m_weight.transpose() * xb;                    // W^T X_b
        Eigen::Map<Matrix> yb(y.data() + b * outSize, m_geometry.input.channels, outPlane);
        for (Eigen::Index o = 0; o < yb.rows(); ++o)   // Y_b starts as the bias,
            yb.row(o).setConstant(m_bias(0, o));
        col2im(cols.data(), m_geometry, yb.data());     // then every patch is added
    });
    return y;
}

Matrix ConvTranspose2d::backward(const Matrix& dy)
{
    const Eigen::Index batch = dy.rows(), plane = m_input.plane(), C = m_input.channels;
    const Eigen::Index outPlane = m_geometry.input.plane(), O = m_geometry.input.channels;
    if (dy.cols() != m_geometry.input.size() || batch != m_inputBatch.rows())
        fail(ErrorKind::InvalidArgument,
             "ConvTranspose2d::backward: the gradient does not match the last forward batch");
    Matrix dx(batch, m_input.size());
    m_weightSums.reset(m_weight.rows(), m_weight.cols());
    m_biasSums.reset(1, O);
    forEachBatchSlice(batch, 2 * m_weight.size() * plane, [&](int slice, Eigen::Index first, Eigen::Index count) {
        Matrix& dw = m_weightSums.start(slice);
        Matrix& db = m_biasSums.start(slice);
        for (Eigen::Index b = first; b < first + count; ++b) {
            const Eigen::Map<const Matrix> dyb(dy.data() + b * dy.cols(), O, outPlane);
            db += dyb.rowwise().sum().transpose();
            auto dcols = threadScratch(ScratchSlot::Patches, m_geometry.patch(), plane);
            im2col(dyb.data(), m_geometry, dcols.data());
            const Eigen::Map<const Matrix> xb(m_inputBatch.data() + b * m_inputBatch.cols(), C, plane);
            dw.noalias() += xb * dcols.transpose();   // dW += X_b dcols_b^T
            Eigen::Map<Matrix>(dx.data() + b * dx.cols(), C, plane).noalias() = m_weight * dcols;   // dX_b
        }
    });
    m_weightSums.addTo(m_weightGrad);
    m_biasSums.addTo(m_biasGrad);
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
    copy->m_inputBatch = Matrix();   // the last batch is not state
    return copy;
}

} // namespace aelab
