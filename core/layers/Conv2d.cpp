#include "layers/Conv2d.h"

#include "layers/ParameterBudget.h"
#include "math/Error.h"

#include <algorithm>
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
    const Eigen::Index batch = x.rows(), P = m_geometry.outPlane(), O = m_outChannels;
    m_product.resize(O, batch * P);
    const Eigen::Index N = batch * P, K = m_geometry.patch();
    if (patchesAsRows()) {
        m_rows.resize(N, K);
        im2row(x.data(), batch, m_geometry, m_rows.data());
        forSlices(N, K * O, [&](Eigen::Index, Eigen::Index a, Eigen::Index n) {   // Y' = W R^T (O, B OH OW)
            m_product.middleCols(a, n).noalias() = m_weight * m_rows.middleRows(a, n).transpose();
        });
    } else {
        m_rows.resize(K, N);
        im2col(x.data(), batch, m_geometry, m_rows.data());
        forSlices(N, K * O, [&](Eigen::Index, Eigen::Index a, Eigen::Index n) {   // Y' = W R^T, R^T held as is
            m_product.middleCols(a, n).noalias() = m_weight * m_rows.middleCols(a, n);
        });
    }
    Matrix y(batch, O * P);
    toBatchMajor(m_product.data(), batch, int(O), P, y.data(), m_bias.data());   // + bias
    return y;
}

Matrix Conv2d::backward(const Matrix& dy)
{
    const Eigen::Index P = m_geometry.outPlane(), batch = dy.rows();
    if (dy.cols() != m_outChannels * P || batch * P != (patchesAsRows() ? m_rows.rows() : m_rows.cols()))
        fail(ErrorKind::InvalidArgument, "Conv2d::backward: the gradient does not match the last forward batch");
    addChannelSums(dy, m_outChannels, m_biasGrad);                  // db
    const bool mayBeSparse = m_sparseAllowed && patchesAsRows();
    const Eigen::Index nonZero = mayBeSparse ? (dy.array() != Scalar(0)).count() : dy.size();
    m_lastSparse = mayBeSparse && double(nonZero) <= kSparseDensity * double(dy.size());
    if (m_lastSparse)
        sparseBackward(dy);
    else
        denseBackward(dy);
    if (!m_inputGradient)
        return {};
    Matrix dx = Matrix::Zero(batch, m_geometry.input.size());
    if (patchesAsRows())
        row2im(m_gradRows.data(), batch, m_geometry, dx.data());
    else
        col2im(m_gradRows.data(), batch, m_geometry, dx.data());
    return dx;
}

void Conv2d::denseBackward(const Matrix& dy)
{
    const Eigen::Index batch = dy.rows(), P = m_geometry.outPlane(), O = m_outChannels;
    m_product.resize(O, batch * P);
    toChannelMajor(dy.data(), batch, int(O), P, m_product.data());  // dY'
    // dW = dY' R summed over kChunks slices of the batch; dR = dY'^T W per slice.
    const bool rows = patchesAsRows();
    const Eigen::Index N = batch * P, K = m_geometry.patch();
    std::vector<Matrix> partial(static_cast<std::size_t>(kChunks));
    if (m_inputGradient)
        rows ? m_gradRows.resize(N, K) : m_gradRows.resize(K, N);
    forSlices(N, 2 * K * O, [&](Eigen::Index s, Eigen::Index a, Eigen::Index n) {
        const auto dyS = m_product.middleCols(a, n);
        Matrix& dw = partial[std::size_t(s)];
        if (rows) {
            dw.noalias() = dyS * m_rows.middleRows(a, n);
            if (m_inputGradient)
                m_gradRows.middleRows(a, n).noalias() = dyS.transpose() * m_weight;
        } else {
            dw.noalias() = dyS * m_rows.middleCols(a, n).transpose();
            if (m_inputGradient)
                m_gradRows.middleCols(a, n).noalias() = m_weight.transpose() * dyS;
        }
    });
    for (const Matrix& part : partial)
        if (part.size() > 0)
            m_weightGrad += part;
}

void Conv2d::sparseBackward(const Matrix& dy)
{
    // For each non-zero v = dY[b, o, p], with n = b P + p:
    //   dW[o, :] += v R[n, :]    and    dR[n, :] += v W[o, :]
    // Samples are split into a fixed number of chunks, each with its own dW,
    // added up in order afterwards: the same numbers on any number of threads.
    const Eigen::Index batch = dy.rows(), P = m_geometry.outPlane(), O = m_outChannels, K = m_geometry.patch();
    const Eigen::Index chunks = std::min(kChunks, batch);
    std::vector<Matrix> partial(std::size_t(chunks), Matrix::Zero(O, K));
    if (m_inputGradient)
        m_gradRows.resize(batch * P, K);
    const bool wantRows = m_inputGradient;
    parallelFor(chunks, (batch / chunks) * O * P, [&](Eigen::Index chunk) {
        Scalar* dw = partial[std::size_t(chunk)].data();
        std::vector<int> live(std::size_t(O) + 1);
        const Scalar* w = m_weight.data();
        for (Eigen::Index b = chunk * batch / chunks; b < (chunk + 1) * batch / chunks; ++b) {
            const Scalar* dyb = dy.data() + b * O * P;
            for (Eigen::Index p = 0; p < P; ++p) {
                const Eigen::Index n = b * P + p;
                const Scalar* row = m_rows.data() + n * K;
                Scalar* grow = wantRows ? m_gradRows.data() + n * K : nullptr;
                if (grow)
                    std::fill(grow, grow + K, Scalar(0));
                // The non-zero channels first, without branches (they would
                // mispredict on every few entries), then one update each.
                int count = 0;
                for (int o = 0; o < int(O); ++o) {
                    live[count] = o;
                    count += dyb[o * P + p] != Scalar(0);
                }
                for (int e = 0; e < count; ++e) {
                    const Eigen::Index o = live[e];
                    const Scalar v = dyb[o * P + p];
                    Scalar* dwo = dw + o * K;
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
    });
    for (const Matrix& part : partial)
        m_weightGrad += part;
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
    copy->m_rows = Matrix();   // batch buffers are not state
    copy->m_product = Matrix();
    copy->m_gradRows = Matrix();
    return copy;
}

} // namespace aelab
