#include "layers/Conv2d.h"

#include "layers/ParameterBudget.h"
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

Matrix Conv2d::forward(const Matrix& x)
{
    checkImageBatch(x, m_geometry.input, "Conv2d");
    m_input.resize(x.rows(), x.cols());
    return convolve(&x);
}

Matrix Conv2d::forwardOwned(Matrix&& x)
{
    checkImageBatch(x, m_geometry.input, "Conv2d");
    m_input = std::move(x);
    return convolve(nullptr);
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

Matrix Conv2d::convolve(const Matrix* copyFrom)
{
    const Eigen::Index batch = m_input.rows(), P = m_geometry.outPlane(), O = m_outChannels;
    Matrix y(batch, O * P);
    forEachSample(batch, m_weight.size() * P, [&](Eigen::Index b) {
        if (copyFrom)
            m_input.row(b) = copyFrom->row(b);
        Eigen::Map<Matrix> yb(y.data() + b * O * P, O, P);
        const auto patches = lowered(b);
        // The bias first, then the product added to it: an assigned product
        // would clear its output first, one more pass.
        for (Eigen::Index o = 0; o < O; ++o)   // row by row: yb is row-major
            yb.row(o).setConstant(m_bias(0, o));
        if (patchesAsRows())
            yb.noalias() += m_weight * patches.transpose();   // W R_b^T
        else
            yb.noalias() += m_weight * patches;               // W R_b^T, R_b^T held as is
    });
    return y;
}

Matrix Conv2d::backward(const Matrix& dy)
{
    const Eigen::Index batch = dy.rows(), P = m_geometry.outPlane(), O = m_outChannels, K = m_geometry.patch();
    if (dy.cols() != O * P || batch != m_input.rows())
        fail(ErrorKind::InvalidArgument, "Conv2d::backward: the gradient does not match the last forward batch");
    const Eigen::Index inSize = m_geometry.input.size();
    Matrix dx = m_inputGradient ? Matrix(batch, inSize) : Matrix();
    const bool mayBeSparse = m_sparseAllowed && patchesAsRows();
    std::array<bool, kBatchSlices> sparseSeen{};
    m_weightSums.reset(O, K);
    m_biasSums.reset(1, O);
    forEachBatchSlice(batch, 3 * K * O * P, [&](int slice, Eigen::Index first, Eigen::Index count) {
        Matrix& dw = m_weightSums.start(slice);
        Matrix& db = m_biasSums.start(slice);
        for (Eigen::Index b = first; b < first + count; ++b) {
            const Eigen::Map<const Matrix> dyb(dy.data() + b * O * P, O, P);
            db += dyb.rowwise().sum().transpose();
            const auto patches = lowered(b);
            Scalar* gradPatches =
                m_inputGradient ? threadScratch(ScratchSlot::PatchGradients, patches.rows(), patches.cols()).data()
                                : nullptr;
            const bool sparse =
                mayBeSparse && double((dyb.array() != Scalar(0)).count()) <= kSparseDensity * double(O * P);
            if (sparse)
                sparseSample(dyb, patches, dw, gradPatches);
            else
                denseSample(dyb, patches, dw, gradPatches);
            sparseSeen[std::size_t(slice)] = sparseSeen[std::size_t(slice)] || sparse;
            if (!gradPatches)
                continue;
            Scalar* dxb = dx.data() + b * inSize;
            std::fill(dxb, dxb + inSize, Scalar(0));
            if (patchesAsRows())
                row2im(gradPatches, m_geometry, dxb);
            else
                col2im(gradPatches, m_geometry, dxb);
        }
    });
    m_weightSums.addTo(m_weightGrad);
    m_biasSums.addTo(m_biasGrad);
    m_lastSparse = std::find(sparseSeen.begin(), sparseSeen.end(), true) != sparseSeen.end();
    return dx;
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

std::unique_ptr<Layer> Conv2d::clone() const
{
    auto copy = std::make_unique<Conv2d>(*this);
    copy->m_input = Matrix();   // the last batch is not state
    return copy;
}

} // namespace aelab
