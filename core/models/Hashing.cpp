#include "models/Hashing.h"

#include "layers/Activations.h"
#include "models/CommonSpecs.h"

namespace aelab {

Matrix noisySigmoidForward(const Matrix& a, const Matrix& noise)
{
    return noise.size() == 0 ? sigmoid(a) : sigmoid(a + noise);
}

Matrix noisySigmoidBackward(const Matrix& h, const Matrix& dh)
{
    return (dh.array() * h.array() * (1 - h.array())).matrix();
}

Matrix straightThroughForward(const Matrix& a)
{
    return a.unaryExpr([](Scalar v) { return v >= 0 ? Scalar(1) : Scalar(-1); });
}

Matrix straightThroughBackward(const Matrix& a, const Matrix& dh)
{
    return (a.array().abs() <= 1).select(dh, Matrix::Zero(dh.rows(), dh.cols()));
}

HashingAutoencoder::HashingAutoencoder(const HyperParams& hp, const ModelContext& context)
    : EncoderDecoder(hp, context),
      m_code(hp.choice("code") == "straight-through" ? HashCode::StraightThrough : HashCode::NoisySigmoid),
      m_noise(hp.real("code-noise"))
{
}

Matrix HashingAutoencoder::encode(const Matrix& x)
{
    return m_encoder.forward(x).unaryExpr([](Scalar v) { return v > 0 ? Scalar(1) : Scalar(0); });
}

Matrix HashingAutoencoder::decoderInput(const Matrix& bits) const
{
    return m_code == HashCode::StraightThrough ? Matrix((bits.array() * 2 - 1).matrix()) : bits;
}

Matrix HashingAutoencoder::decode(const Matrix& bits) { return toDataSpace(m_output, m_decoder.forward(decoderInput(bits))); }

LossTerms HashingAutoencoder::objective(const Matrix& batch, Rng& rng, bool backprop)
{
    const Matrix a = m_encoder.forward(batch);
    const Matrix hardBits = a.unaryExpr([](Scalar v) { return v > 0 ? Scalar(1) : Scalar(0); });
    // The reconstruction from hard bits first: the training pass below must
    // be the decoder's last forward.
    const double bitRecon = reconstructionLoss(m_output, m_decoder.forward(decoderInput(hardBits)), batch).value;

    Matrix h;
    double saturation = 0;
    if (m_code == HashCode::NoisySigmoid) {
        const Matrix noise = m_noise > 0 ? rng.normalMatrix(a.rows(), a.cols(), 0.0, m_noise) : Matrix();
        h = noisySigmoidForward(a, noise);
        saturation = double((2 * h.array() - 1).abs().mean());
    } else {
        h = straightThroughForward(a);
        saturation = double(a.array().abs().min(Scalar(1)).mean());
    }
    const LossValue recon = reconstructionLoss(m_output, m_decoder.forward(h), batch);
    if (backprop) {
        const Matrix dh = m_decoder.backward(recon.grad);
        m_encoder.backward(m_code == HashCode::NoisySigmoid ? noisySigmoidBackward(h, dh)
                                                            : straightThroughBackward(a, dh));
    }
    LossTerms terms;
    terms.add("loss", recon.value);
    terms.add("recon", recon.value);
    terms.add("bit_recon", bitRecon);
    terms.add("saturation", saturation);
    return terms;
}

VariantInfo hashingVariant()
{
    std::vector<ParamSpec> own;
    own.push_back({.key = "code", .label = "Binary code", .type = ParamType::Choice,
                   .defaultValue = "noisy-sigmoid", .choices = {"noisy-sigmoid", "straight-through"},
                   .help = "noisy-sigmoid: noise forces the sigmoid to 0/1; straight-through: sign, gradient passed through",
                   .group = "Objective"});
    own.push_back({.key = "code-noise", .label = "Code noise", .type = ParamType::Real, .defaultValue = 3.0,
                   .min = 0.0, .max = 20.0,
                   .help = "noisy-sigmoid: std of the Gaussian noise added before the sigmoid while training",
                   .group = "Objective"});
    auto arch = denseArchitectureSpecs("512,256", 32);
    for (auto& s : arch)
        if (s.key == "latent") {
            s.label = "Code bits";
            s.max = 1024;
            s.help = "Bits of the binary code (B): the Hamming space retrieval searches";
        }
    return {
        .key = "hashing",
        .name = "Semantic hashing autoencoder",
        .summary = "Learns binary codes of B bits so that similar inputs lie a few bit flips apart; "
                   "aelab-cli retrieve measures retrieval by Hamming distance",
        .specs = joinSpecs({std::move(arch), std::move(own), trainingSpecs(1e-3, 128)}),
        .create = [](const HyperParams& hp, const ModelContext& c) -> std::unique_ptr<Autoencoder> {
            return std::make_unique<HashingAutoencoder>(hp, c);
        },
        .traits = {.diagnostics = {"retrieval"}},
    };
}

} // namespace aelab
