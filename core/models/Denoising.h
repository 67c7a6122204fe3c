#pragma once
// `dae`: the denoising autoencoder (Vincent et al., 2008). Each batch is
// corrupted afresh (Corruption.h: Gaussian noise, masking, salt-and-pepper),
// and the reconstruction of the corrupted input is compared with the clean
// input:
//   loss = recon = L(decode(encode(corrupt(x))), x)
// so the code must capture structure, not copy pixels. The noise level can
// change while training runs (changeSetting("noise", v)). evaluate() corrupts
// with the rng it is given (the trainer passes a fixed validation stream).
// On data in [0, 1] the corrupted input is clamped to [0, 1], as an image.
#include "data/Corruption.h"
#include "models/EncoderDecoder.h"
#include "models/Registry.h"

namespace aelab {

class DenoisingAutoencoder : public EncoderDecoder {
public:
    DenoisingAutoencoder(const HyperParams& hp, const ModelContext& context);

    std::string variant() const override { return "dae"; }

    // The corruption applied to each batch now (its level follows changeSetting).
    const CorruptionSpec& corruption() const { return m_corruption; }

protected:
    void applySetting(const std::string& key, const nlohmann::json& value) override;
    LossTerms objective(const Matrix& batch, Rng& rng, bool backprop) override;

private:
    CorruptionSpec m_corruption;
};

VariantInfo denoisingVariant();

} // namespace aelab
