#include "layers/Conv2d.h"

#include "layers/ChannelSums.h"
#include "layers/ParameterBudget.h"
#include "layers/SampleChain.h"
#include "layers/ThreadScratch.h"
#include "math/Error.h"

#include <algorithm>
#include <array>
#include <vector>

namespace aelab {

namespace {
ConvGeometry checkedGeometry(const ImageShape& input, int outChannels, int kernel, int stride, int padding)
{
    const ConvGeometry g = convGeometry(input, kernel, stride, padding, "Conv2d");
    if (outChannels < 1)
        fail(ErrorKind::InvalidArgument, "Conv2d needs at least one output channel");
    checkImageShape({outChannels, g.outHeight, g.outWidth}, "Conv2d");
    ParameterBudget::claim(std::int64_t(outChannels) * g.patch() + outChannels);
    return g;
}
} // namespace

Conv2d::Conv2d(const ImageShape& input, int outChannels, int kernel, int stride, int padding, Rng& rng, Init init)
    : m_geometry(checkedGeometry(input, outChannels, kernel, stride, padding)), m_outChannels(outChannels),
      m_weight(outChannels, m_geometry.patch()), m_weightGrad(Matrix::Zero(outChannels, m_geometry.patch())),
      m_bias(Matrix::Zero(1, outChannels)), m_biasGrad(Matrix::Zero(1, outChannels))
{
    if (init == Init::He)
        initHe(m_weight, m_geometry.patch(), rng);
    else
        initXavier(m_weight, m_geometry.patch(), outChannels * kernel * kernel, rng);
}

ImageShape Conv2d::outputShape() const { return {m_outChannels, m_geometry.outHeight, m_geometry.outWidth}; }

Matrix Conv2d::forward(const Matrix& x) { return chainForward({this}, x); }

Matrix Conv2d::forwardOwned(Matrix&& x)
{
    checkImageBatch(x, m_geometry.input, "Conv2d");
    m_input = std::move(x);   // kept as it is: forwardSample finds each row in place
    return chainForward({this}, m_input);
}

Matrix Conv2d::backward(const Matrix& dy) { return chainBackward({this}, dy); }

void Conv2d::beginForward(Eigen::Index batch, Eigen::Index inputs)
{
    checkImageWidth(inputs, m_geometry.input, "Conv2d");
    m_input.resize(batch, inputs);
}

Eigen::Map<Matrix> Conv2d::lowered(Eigen::Index b) const
{
    const Eigen::Index P = m_geometry.outPlane(), K = m_geometry.patch();
    const Scalar* image = m_input.data() + b * m_input.cols();
    if (patchesAsRows()) {
        auto rows = threadScratch(ScratchSlot::Patches, P, K);
        im2row(image, m_geometry, rows.data());
        return rows;
    }
    auto cols = threadScratch(ScratchSlot::Patches, K, P);
    im2col(image, m_geometry, cols.data());
    return cols;
}

void Conv2d::forwardSample(Eigen::Index b, const Scalar* in, Scalar* out)
{
    Scalar* kept = m_input.data() + b * m_input.cols();
    if (in != kept)
        std::copy(in, in + m_input.cols(), kept);
    const Eigen::Index O = m_outChannels;
    Eigen::Map<Matrix> yb(out, O, m_geometry.outPlane());
    const auto patches = lowered(b);
    // The bias first, then the product added to it: an assigned product
    // would clear its output first, one more pass.
    for (Eigen::Index o = 0; o < O; ++o)   // row by row: yb is row-major
        yb.row(o).setConstant(m_bias(0, o));
    if (patchesAsRows())
        yb.noalias() += m_weight * patches.transpose();   // W R_b^T
    else
        yb.noalias() += m_weight * patches;               // W R_b^T, R_b^T held as is
}

void Conv2d::beginBackward(Eigen::Index batch)
{
    if (batch != m_input.rows())
        fail(ErrorKind::InvalidArgument, "Conv2d::backward: the gradient does not match the last forward batch");
    m_weightSums.reset(m_weight.rows(), m_weight.cols());
    m_biasSums.reset(1, m_outChannels);
    m_sparseSeen.fill(false);
}

void Conv2d::backwardSample(int slice, Eigen::Index b, const Scalar* dOut, Scalar* dIn)
{
    const Eigen::Index O = m_outChannels, P = m_geometry.outPlane();
    const Eigen::Map<const Matrix> dyb(dOut, O, P);
    addChannelSums(dOut, O, P, m_biasSums.at(slice).data());
    const auto patches = lowered(b);
    Scalar* gradPatches = dIn && m_inputGradient
                              ? threadScratch(ScratchSlot::PatchGradients, patches.rows(), patches.cols()).data()
                              : nullptr;
    const bool sparse = m_sparseAllowed && patchesAsRows()
                        && double((dyb.array() != Scalar(0)).count()) <= kSparseDensity * double(O * P);
    if (sparse)
        sparseSample(dyb, patches, m_weightSums.at(slice), gradPatches);
    else
        denseSample(dyb, patches, m_weightSums.at(slice), gradPatches);
    m_sparseSeen[std::size_t(slice)] = m_sparseSeen[std::size_t(slice)] || sparse;
    if (!gradPatches)
        return;
    std::fill(dIn, dIn + m_input.cols(), Scalar(0));
    if (patchesAsRows())
        row2im(gradPatches, m_geometry, dIn);
    else
        col2im(gradPatches, m_geometry, dIn);
}

void Conv2d::endBackward()
{
    m_weightSums.addTo(m_weightGrad);
    m_biasSums.addTo(m_biasGrad);
    m_lastSparse = std::find(m_sparseSeen.begin(), m_sparseSeen.end(), true) != m_sparseSeen.end();
}

void Conv2d::denseSample(const Eigen::Map<const Matrix>& dyb, const Eigen::Map<Matrix>& patches, Matrix& dw,
                         Scalar* gradPatches) const
{
    if (patchesAsRows()) {
        dw.noalias() += dyb * patches;                                  // dY_b R_b
        if (gradPatches)
            Eigen::Map<Matrix>(gradPatches, patches.rows(), patches.cols()).noalias() = dyb.transpose() * m_weight;
    } else {
        dw.noalias() += dyb * patches.transpose();                      // dY_b R_b, R_b^T held
        if (gradPatches)
            Eigen::Map<Matrix>(gradPatches, patches.rows(), patches.cols()).noalias() = m_weight.transpose() * dyb;
    }
}

void Conv2d::sparseSample(const Eigen::Map<const Matrix>& dyb, const Eigen::Map<Matrix>& patches, Matrix& dw,
                          Scalar* gradPatches) const
{
    // For each non-zero v = dY_b[o, p]:
    //   dW[o, :] += v R_b[p, :]    and    dR_b[p, :] += v W[o, :]
    const Eigen::Index P = dyb.cols(), O = dyb.rows(), K = patches.cols();
    if (gradPatches)
        std::fill(gradPatches, gradPatches + P * K, Scalar(0));
    std::vector<int> live(std::size_t(O) + 1);
    const Scalar* w = m_weight.data();
    for (Eigen::Index p = 0; p < P; ++p) {
        const Scalar* row = patches.data() + p * K;
        Scalar* grow = gradPatches ? gradPatches + p * K : nullptr;
        // The non-zero channels first, without branches (they would
        // mispredict on every few entries), then one update each.
        int count = 0;
        for (int o = 0; o < int(O); ++o) {
            live[std::size_t(count)] = o;
            count += dyb(o, p) != Scalar(0);
        }
        for (int e = 0; e < count; ++e) {
            const Eigen::Index o = live[std::size_t(e)];
            const Scalar v = dyb(o, p);
            Scalar* dwo = dw.data() + o * K;
            for (Eigen::Index q = 0; q < K; ++q)
                dwo[q] += v * row[q];
            if (grow) {
                const Scalar* wo = w + o * K;
                for (Eigen::Index q = 0; q < K; ++q)
                    grow[q] += v * wo[q];
            }
        }
    }
}

std::vector<Parameter> Conv2d::parameters()
{
    // PyTorch's Conv2d weight: (out, in, k, k).
    const std::vector<std::int64_t> kernels{m_weight.rows(), m_geometry.input.channels, m_geometry.kernel,
                                            m_geometry.kernel};
    return {{"weight", &m_weight, &m_weightGrad, kernels}, {"bias", &m_bias, &m_biasGrad}};
}

std::string Conv2d::describe() const
{
    return "Conv2d(" + m_geometry.input.text() + " -> " + outputShape().text() + ", k"
           + std::to_string(m_geometry.kernel) + " s" + std::to_string(m_geometry.stride) + " p"
           + std::to_string(m_geometry.padding) + ")";
}

std::string Conv2d::torchModule() const
{
    const ConvGeometry& g = m_geometry;
    return "FlatConv2d(" + std::to_string(g.input.channels) + ", " + std::to_string(m_outChannels) + ", "
           + std::to_string(g.kernel) + ", " + std::to_string(g.stride) + ", " + std::to_string(g.padding) + ", "
           + std::to_string(g.input.height) + ", " + std::to_string(g.input.width) + ")";
}

std::unique_ptr<Layer> Conv2d::clone() const
{
    auto copy = std::make_unique<Conv2d>(*this);
    copy->m_input = Matrix();   // the last batch is not state
    return copy;
}

} // namespace aelab
