#pragma once
// `masked`: an autoencoder for missing-data imputation. Its training data has
// entries missing, by a chosen mechanism (MCAR, MAR or MNAR, see
// data/MissingData.h; entries that are NaN in the data count as missing too).
// It sees the observed values and where they are:
//   input  [x .* m, m]  (the first layer is W x~ + U m + b; U is "mask.weight",
//                        a convolution over the mask for --arch conv)
// and learns, on observed entries only, to rebuild what extra random masking
// hid from it:
//   m      = the data's mask (1 = observed),  e ~ Bernoulli(1 - extra-mask)
//   x^     = Dec(Enc(x .* m .* e, m .* e))
//   loss   = recon(x^, x) over the entries with m = 1  (masked BCE or MSE)
// A missing entry is then imputed as x^ with the input's own mask.
// Terms: loss (= recon), recon, and missing_rmse: RMSE of the imputation on
// the entries the mechanism hid, which only a validation set with the true
// values can tell.
#include "data/MissingData.h"
#include "layers/Dense.h"
#include "models/Imputation.h"
#include "models/EncoderDecoder.h"
#include "models/Registry.h"

#include <string>

namespace aelab {

class MaskedAutoencoder : public EncoderDecoder {
public:
    MaskedAutoencoder(const HyperParams& hp, const ModelContext& context);

    std::string variant() const override { return "masked"; }
    LossTerms computeGradients(const Matrix& batch, Rng& rng) override;
    Matrix encode(const Matrix& x) override;      // NaN entries of x are missing
    std::vector<Parameter> parameters() override; // encoder, mask, decoder

    // The mask the mechanism gives these (complete) samples, row i being
    // sample i of `set`: 1 = observed.
    Matrix dataMask(const Matrix& x, SampleSet set) const;
    // x with its entries where mask == 0 replaced by the model's estimate
    // (the observed ones kept). In chunks.
    Matrix impute(const Matrix& x, const Matrix& mask);
    const MissingSpec& missingSpec() const { return m_missing; }

protected:
    LossTerms objective(const Matrix& batch, Rng& rng, bool backprop) override;

private:
    Matrix encodeMasked(const Matrix& x, const Matrix& mask);   // x already 0 where mask is 0
    void backwardEncoder(const Matrix& dCode);
    void zeroAllGrads();

    MissingSpec m_missing;
    double m_extraMask;
    std::unique_ptr<Layer> m_maskLayer;   // U: mask -> first hidden layer (Dense or Conv2d)
};

VariantInfo maskedVariant();

// The imputation benchmark `aelab-cli eval` prints for a masked model: the
// mechanism masks the training and the test set; every method is fitted on
// the training set's observed entries and scored (RMSE) on the test set's
// missing entries, which nothing has seen.
struct ImputationReport {
    MissingSpec spec;
    Eigen::Index testEntries = 0;
    Eigen::Index testMissing = 0;
    CompleteCaseSummary completeCase;      // of the training set
    double autoencoderRmse = 0;
    double meanRmse = 0;
    double regressionRmse = 0;
    double completeCaseRmse = 0;           // means of the complete rows; NaN if there are none
};

ImputationReport evaluateImputation(MaskedAutoencoder& model, const Matrix& trainX, const Matrix& testX,
                                    int regressionRows = 5000);

} // namespace aelab
