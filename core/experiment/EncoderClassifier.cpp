#include "experiment/EncoderClassifier.h"

#include "losses/SoftmaxCrossEntropy.h"
#include "math/Error.h"
#include "models/EncoderDecoder.h"
#include "models/Registry.h"

namespace aelab {

EncoderClassifier::EncoderClassifier(const Sequential& encoder, int codeColumns, int classes, Rng& rng)
    : m_encoder(encoder), m_head(codeColumns, classes, rng, Init::Xavier), m_code(codeColumns)
{
    if (classes < 2)
        fail(ErrorKind::InvalidArgument, "a classifier needs at least two classes");
}

EncoderClassifier EncoderClassifier::fromModel(Autoencoder& model, int classes, Rng& rng)
{
    auto* pair = dynamic_cast<EncoderDecoder*>(&model);
    if (!pair)
        fail(ErrorKind::Unsupported, "a " + model.variant() + " model has no encoder network to fine-tune");
    return EncoderClassifier(pair->encoder(), model.latentSize(), classes, rng);
}

EncoderClassifier EncoderClassifier::randomLike(Autoencoder& model, int classes, std::uint64_t seed, Rng& rng)
{
    ModelContext context = model.context();
    context.seed = seed;
    const std::unique_ptr<Autoencoder> fresh = createModel(model.variant(), model.hyperParams(), context);
    return fromModel(*fresh, classes, rng);
}

Matrix EncoderClassifier::codes(const Matrix& x)
{
    Matrix h = m_encoder.forward(x);
    if (h.cols() < m_code)
        fail(ErrorKind::InvalidArgument, "the encoder gives " + std::to_string(h.cols()) + " outputs, fewer than the "
             + std::to_string(m_code) + " of its code");
    if (h.cols() == m_code)
        return h;
    return h.leftCols(m_code);
}

Matrix EncoderClassifier::logits(const Matrix& x) { return m_head.forward(codes(x)); }

void EncoderClassifier::setHead(const Matrix& weight, const Matrix& bias)
{
    if (weight.rows() != m_head.weight().rows() || weight.cols() != m_head.weight().cols()
        || bias.rows() != 1 || bias.cols() != m_head.bias().cols())
        fail(ErrorKind::InvalidArgument, "the head's new weights have the wrong shape");
    m_head.weight() = weight;
    m_head.bias() = bias;
}

std::vector<int> EncoderClassifier::predict(const Matrix& x, int chunk)
{
    std::vector<int> labels;
    labels.reserve(std::size_t(x.rows()));
    for (Eigen::Index begin = 0; begin < x.rows(); begin += chunk) {
        const Eigen::Index rows = std::min<Eigen::Index>(chunk, x.rows() - begin);
        const std::vector<int> part = argmaxRows(logits(x.middleRows(begin, rows)));
        labels.insert(labels.end(), part.begin(), part.end());
    }
    return labels;
}

double EncoderClassifier::computeGradients(const Matrix& x, const std::vector<int>& y)
{
    m_encoder.zeroGrad();
    m_head.zeroGrad();
    const Matrix h = m_encoder.forward(x);
    const Matrix z = h.leftCols(m_code);
    const LossValue ce = softmaxCrossEntropyLoss(m_head.forward(z), y);
    const Matrix dz = m_head.backward(ce.grad);
    if (h.cols() == m_code) {
        m_encoder.backward(dz);
    } else {
        Matrix dh = Matrix::Zero(h.rows(), h.cols());   // the columns after the code (the VAE's log-variance) get none
        dh.leftCols(m_code) = dz;
        m_encoder.backward(dh);
    }
    return ce.value;
}

std::vector<Parameter> EncoderClassifier::parameters()
{
    std::vector<Parameter> params;
    appendParameters(params, "encoder", m_encoder);
    appendParameters(params, "head", m_head);
    return params;
}

} // namespace aelab
