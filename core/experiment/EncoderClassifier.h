#pragma once
// An autoencoder's encoder with a softmax head: the network that is
// fine-tuned on labels (Bengio et al., 2007).
//   h = E(x)                 the encoder's output (batch, encoder outputs)
//   z = h[:, :code]          the code: all of h, or mu for the VAE (its
//                            encoder gives mu and log-variance side by side)
//   logits = z W^T + b       Dense(code -> classes)
//   loss = softmax cross-entropy(logits, y)
// Backward: dz = dlogits W, dh = [dz | 0], then the encoder's backward.
// The encoder is a copy: fine-tuning never changes the autoencoder.
#include "layers/Dense.h"
#include "layers/Sequential.h"
#include "math/Rng.h"

#include <memory>
#include <vector>

namespace aelab {

class Autoencoder;

class EncoderClassifier {
public:
    // A copy of `encoder`, its first `codeColumns` outputs feeding a new
    // Dense(codeColumns -> classes) drawn from `rng` (Xavier).
    EncoderClassifier(const Sequential& encoder, int codeColumns, int classes, Rng& rng);

    // From a model's trained encoder (every variant built on
    // EncoderDecoder); throws Error(Unsupported) for one that is not.
    static EncoderClassifier fromModel(Autoencoder& model, int classes, Rng& rng);
    // The same architecture with freshly drawn weights: the variant built
    // anew from the model's hyperparameters with `seed`.
    static EncoderClassifier randomLike(Autoencoder& model, int classes, std::uint64_t seed, Rng& rng);

    Matrix codes(const Matrix& x);                        // z: (batch, code)
    Matrix logits(const Matrix& x);                       // (batch, classes)
    std::vector<int> predict(const Matrix& x, int chunk = 1024);
    // The mean cross-entropy of the batch, its gradients left in every
    // parameter's grad (cleared first).
    double computeGradients(const Matrix& x, const std::vector<int>& y);

    // Replaces the head's weights: W (classes, code), b (1, classes).
    void setHead(const Matrix& weight, const Matrix& bias);

    // "encoder.<i>.<name>" and "head.weight", "head.bias".
    std::vector<Parameter> parameters();
    int classes() const { return m_head.outputs(); }

private:
    Sequential m_encoder;
    Dense m_head;
    int m_code;
};

} // namespace aelab
