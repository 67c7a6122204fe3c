#pragma once
// `hashing`: semantic hashing (Salakhutdinov & Hinton, 2009). The code layer
// has B units that become bits, so similar inputs get codes a few bit flips
// apart and retrieval is a Hamming-distance lookup (see Retrieval.h).
// The encoder's last layer gives pre-activations a (batch, B); the code is
//   noisy-sigmoid     training: h = sigmoid(a + noise * N(0, 1)); the noise
//                     drives a away from 0, so h saturates to 0/1
//   straight-through  h = sign(a) in {-1, +1}; backward passes the gradient
//                     where |a| <= 1 (dh/da := 1[|a| <= 1]), as if h were hardtanh(a)
// and encode() returns the bits b = [a > 0] in {0, 1}. decode() takes bits
// (or values in [0, 1]); the straight-through decoder reads them as 2b - 1.
// Terms: loss (= recon, with the training code), recon, bit_recon (the
// reconstruction from the hard bits: what a retrieved code decodes to) and
// saturation, mean |2h - 1| for the sigmoid code or mean min(|a|, 1) for
// straight-through (1 = fully binary).
#include "models/EncoderDecoder.h"
#include "models/Registry.h"

namespace aelab {

enum class HashCode { NoisySigmoid, StraightThrough };

class HashingAutoencoder : public EncoderDecoder {
public:
    HashingAutoencoder(const HyperParams& hp, const ModelContext& context);

    std::string variant() const override { return "hashing"; }
    Matrix encode(const Matrix& x) override;      // (batch, B) of 0/1
    Matrix decode(const Matrix& bits) override;
    int bits() const { return m_latent; }
    HashCode codeKind() const { return m_code; }
    double codeNoise() const { return m_noise; }

protected:
    LossTerms objective(const Matrix& batch, Rng& rng, bool backprop) override;

private:
    Matrix decoderInput(const Matrix& bits) const;   // 0/1 -> what the decoder trained on

    HashCode m_code;
    double m_noise;
};

// The code layers as functions, with their backward passes (tested on their own).
//   noisy sigmoid: h = sigmoid(a + n); dL/da = dL/dh * h (1 - h)
Matrix noisySigmoidForward(const Matrix& a, const Matrix& noise);
Matrix noisySigmoidBackward(const Matrix& h, const Matrix& dh);
//   straight-through sign: h = sign(a) (0 maps to +1); dL/da = dL/dh * 1[|a| <= 1]
Matrix straightThroughForward(const Matrix& a);
Matrix straightThroughBackward(const Matrix& a, const Matrix& dh);

VariantInfo hashingVariant();

} // namespace aelab
