#include "models/Masked.h"

#include "losses/Bce.h"
#include "losses/SquaredError.h"
#include "models/CommonSpecs.h"
#include "models/ConvNetworks.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace aelab {

namespace {

MissingSpec missingFromSpecs(const HyperParams& hp, const ModelContext& context)
{
    MissingSpec s;
    s.kind = parseMissingKind(hp.choice("missing"));
    s.rate = hp.real("missing-rate");
    s.strength = hp.real("missing-strength");
    s.seed = context.seed ^ 0x6d697373ull;
    checkMissingSpec(s, context.inputDim);
    return s;
}

// U: the mask's own path into the first layer (a Dense, or a Conv2d for
// --arch conv: a conv over the mask image, ConvNetworks.h).
std::unique_ptr<Layer> maskLayerFor(const HyperParams& hp, const ModelContext& context)
{
    Rng rng(context.seed ^ 0x3a5cull);
    return buildFirstLayerTwin(hp, context, rng);
}

// 1 with probability keep, else 0.
Matrix bernoulliMatrix(Eigen::Index rows, Eigen::Index cols, double keep, Rng& rng)
{
    Matrix m(rows, cols);
    for (Eigen::Index k = 0; k < m.size(); ++k)
        m.data()[k] = rng.uniform() < keep ? Scalar(1) : Scalar(0);
    return m;
}

// Where an imputation is scored: mask 0 = hidden by the mechanism with a
// known (finite) true value; everything else 1.
Matrix scoredMask(const Matrix& truth, const Matrix& mask)
{
    Matrix s = mask;
    for (Eigen::Index k = 0; k < s.size(); ++k)
        if (!std::isfinite(truth.data()[k]))
            s.data()[k] = 1;
    return s;
}

} // namespace

MaskedAutoencoder::MaskedAutoencoder(const HyperParams& hp, const ModelContext& context)
    : EncoderDecoder(hp, context), m_missing(missingFromSpecs(hp, context)), m_extraMask(hp.real("extra-mask")),
      m_maskLayer(maskLayerFor(hp, context))
{
}

std::vector<Parameter> MaskedAutoencoder::parameters()
{
    std::vector<Parameter> params;
    appendParameters(params, "encoder", m_encoder);
    appendParameters(params, "mask", *m_maskLayer);
    appendParameters(params, "decoder", m_decoder);
    return params;
}

void MaskedAutoencoder::zeroAllGrads()
{
    zeroGrad();
    m_maskLayer->zeroGrad();
}

Matrix MaskedAutoencoder::dataMask(const Matrix& x, SampleSet set) const { return missingMask(x, m_missing, set); }

Matrix MaskedAutoencoder::encodeMasked(const Matrix& x, const Matrix& mask)
{
    // first layer: W x~ + b + U m, then the rest of the encoder
    Matrix h = m_encoder.at(0).forward(x) + m_maskLayer->forward(mask);
    for (std::size_t i = 1; i < m_encoder.size(); ++i)
        h = m_encoder.at(i).forward(h);
    return h;
}

void MaskedAutoencoder::backwardEncoder(const Matrix& dCode)
{
    Matrix d = dCode;
    for (std::size_t i = m_encoder.size(); i-- > 1;)
        d = m_encoder.at(i).backward(d);
    m_encoder.at(0).backward(d);
    m_maskLayer->backward(d);
}

Matrix MaskedAutoencoder::encode(const Matrix& x)
{
    const Matrix mask = finiteMask(x);
    return encodeMasked(zeroMissing(x, mask), mask);
}

Matrix MaskedAutoencoder::impute(const Matrix& x, const Matrix& mask)
{
    Matrix out(x.rows(), x.cols());
    constexpr Eigen::Index kChunk = 1024;
    for (Eigen::Index begin = 0; begin < x.rows(); begin += kChunk) {
        const Eigen::Index rows = std::min(kChunk, x.rows() - begin);
        const Matrix xs = x.middleRows(begin, rows);
        const Matrix ms = mask.middleRows(begin, rows).cwiseProduct(finiteMask(xs));
        const Matrix estimate = toDataSpace(m_output, m_decoder.forward(encodeMasked(zeroMissing(xs, ms), ms)));
        out.middleRows(begin, rows) = fillMissing(xs, ms, estimate);
    }
    return out;
}

LossTerms MaskedAutoencoder::objective(const Matrix& batch, Rng& rng, bool backprop)
{
    // What the data lacks (1 = observed), drawn per sample: the same entries
    // each time a sample is seen.
    const Matrix mask = missingMask(batch, m_missing, batchSamples(batch.rows()));
    const Matrix x = zeroMissing(batch, mask);

    // Diagnostic first (the training pass below must be the last forward):
    // the imputation of the hidden entries from everything observed.
    const Matrix scored = scoredMask(batch, mask);
    double missingRmse = std::numeric_limits<double>::quiet_NaN();
    if ((scored.array() <= 0).any()) {
        const Matrix estimate = toDataSpace(m_output, m_decoder.forward(encodeMasked(x, mask)));
        missingRmse = imputationRmse(estimate, batch, scored);
    }

    // Training pass: extra random masking hides some observed entries too.
    const Matrix keep = mask.cwiseProduct(bernoulliMatrix(batch.rows(), batch.cols(), 1.0 - m_extraMask, rng));
    const Matrix raw = m_decoder.forward(encodeMasked(x.cwiseProduct(keep), keep));
    const LossValue recon = m_output.kind == OutputKind::SigmoidBce ? maskedBceWithLogitsLoss(raw, x, mask)
                                                                    : maskedSquaredErrorLoss(raw, x, mask);
    if (backprop)
        backwardEncoder(m_decoder.backward(recon.grad));

    LossTerms terms;
    terms.add("loss", recon.value);
    terms.add("recon", recon.value);
    if (std::isfinite(missingRmse))
        terms.add("missing_rmse", missingRmse);
    return terms;
}

LossTerms MaskedAutoencoder::computeGradients(const Matrix& batch, Rng& rng)
{
    zeroAllGrads();
    return objective(batch, rng, true);
}

ImputationReport evaluateImputation(MaskedAutoencoder& model, const Matrix& trainX, const Matrix& testX,
                                    int regressionRows)
{
    ImputationReport r;
    r.spec = model.missingSpec();
    const Matrix trainMask = model.dataMask(trainX, SampleSet::Train);
    const Matrix testMask = model.dataMask(testX, SampleSet::Test);
    const Matrix scored = scoredMask(testX, testMask);
    r.testEntries = testX.size();
    r.testMissing = Eigen::Index((scored.array() <= 0).count());
    r.completeCase = completeCases(trainMask);

    r.autoencoderRmse = imputationRmse(model.impute(testX, testMask), testX, scored);

    MeanImputer mean;
    mean.fit(trainX, trainMask);
    r.meanRmse = imputationRmse(mean.impute(testX, testMask), testX, scored);

    LinearRegressionImputer regression;
    regression.fit(trainX, trainMask, {.maxRows = regressionRows, .seed = r.spec.seed});
    r.regressionRmse = imputationRmse(regression.impute(testX, testMask), testX, scored);

    MeanImputer completeCaseMean;
    r.completeCaseRmse = completeCaseMean.fit(trainX, trainMask, true)
        ? imputationRmse(completeCaseMean.impute(testX, testMask), testX, scored)
        : std::numeric_limits<double>::quiet_NaN();
    return r;
}

VariantInfo maskedVariant()
{
    std::vector<ParamSpec> own;
    own.push_back({.key = "missing", .label = "Missingness", .type = ParamType::Choice, .defaultValue = "mcar",
                   .choices = missingKindNames(),
                   .help = "mcar: at random; mar: top half, driven by the bottom half; mnar: bright values more often",
                   .group = "Objective"});
    own.push_back({.key = "missing-rate", .label = "Missing rate", .type = ParamType::Real, .defaultValue = 0.3,
                   .min = 0.0, .max = 0.95, .help = "Fraction of all entries the training data lacks (mar: at most 0.5)",
                   .group = "Objective"});
    own.push_back({.key = "missing-strength", .label = "Missingness strength", .type = ParamType::Real,
                   .defaultValue = 2.0, .min = 0.0, .max = 10.0,
                   .help = "mar/mnar: how strongly the driving value tilts the odds (0 = uniform)",
                   .group = "Objective"});
    own.push_back({.key = "extra-mask", .label = "Extra masking", .type = ParamType::Real, .defaultValue = 0.25,
                   .min = 0.0, .max = 0.9,
                   .help = "Fraction of observed entries also hidden each step, to learn to fill them",
                   .group = "Objective"});
    // Why --up unpool is refused here (CommonSpecs.h: the code must be the only path).
    const std::string unpoolRefused =
        "a masked autoencoder's decoder would read the max-pool switches of its input, a path around the "
        "code, so the code need not carry what imputes the missing entries; use deconv or upsample";
    return {
        .key = "masked",
        .name = "Masked autoencoder (imputation)",
        .summary = "Trained on data with entries missing (MCAR, MAR, MNAR); fills them in, "
                   "scored against mean and regression imputation",
        .specs = joinSpecs({denseArchitectureSpecs("512,256", 32), architectureChoiceSpecs(unpoolRefused), std::move(own), trainingSpecs(1e-3, 128)}),
        .create = [](const HyperParams& hp, const ModelContext& c) -> std::unique_ptr<Autoencoder> {
            return std::make_unique<MaskedAutoencoder>(hp, c);
        },
        .traits = {.diagnostics = {"imputation"}},
    };
}

} // namespace aelab
