#pragma once
// `stacked`: greedy layer-wise pretraining (Bengio et al., 2007; Vincent et
// al., 2010), then fine-tuning of the whole stack.
// With encoder layers E_1..E_L (the last one makes the code) and the mirrored
// decoder layers D_L..D_1, pretraining phase k trains the shallow autoencoder
//   h_{k-1} -> E_k -> D_k -> h_{k-1}~,   h_0 = x,  h_k = act(E_k h_{k-1})
// on the codes of the layers below it (frozen), optionally denoising (masking
// noise on its input) and sparse (an L1 penalty on its code). Its decoder is
// the stack's own D_k, so the pretrained weights are where fine-tuning starts.
//   layer 1:  recon(x, D_1(E_1(x~)))          (the stack's output: BCE or MSE)
//   layer k:  ||act(D_k(act(E_k(h~)))) - h||^2  (MSE on hidden activations)
//   + sparsity * mean_batch sum |code|
// Schedule, by epochs: each layer gets pretrain-epochs, in order; the rest
// of the run fine-tunes the whole stack on recon(x, Dec(Enc(x))). A run too
// short for every layer's pretraining and one fine-tuning epoch is refused
// (checkSchedule), never silently cut.
// Terms: loss (the current phase's objective), then while pretraining
// layer_recon and sparsity (if on), and always recon, the whole stack's
// reconstruction. Before the first beginEpoch() the model fine-tunes.
#include "models/EncoderDecoder.h"
#include "models/Registry.h"

#include <memory>

namespace aelab {

class StackedAutoencoder : public EncoderDecoder {
public:
    StackedAutoencoder(const HyperParams& hp, const ModelContext& context);

    std::string variant() const override { return "stacked"; }
    LossTerms trainStep(const Matrix& batch, Rng& rng) override;
    LossTerms computeGradients(const Matrix& batch, Rng& rng) override;
    void setLearningRate(double lr) override;
    std::vector<OptimizerSlot> optimizerSlots() override;   // main, and "stage" while pretraining
    void beginEpoch(int epoch, int totalEpochs) override;
    // Throws Error (with the numbers) for a run of totalEpochs too short for
    // every layer's pretraining and one fine-tuning epoch (Run calls it).
    void checkSchedule(int totalEpochs) const;
    int epochsNeeded() const { return m_layers * m_pretrainEpochs + 1; }   // pretraining + 1 fine-tuning epoch
    std::string phase() const override;   // "pretraining layer 2 of 3" or "fine-tuning"

    int layerCount() const { return m_layers; }       // shallow autoencoders to pretrain
    int pretrainingLayer() const { return m_stage; }  // 0-based; -1 while fine-tuning
    // The stage for a given epoch of a run of totalEpochs (-1 = fine-tuning).
    int stageForEpoch(int epoch, int totalEpochs) const;

protected:
    LossTerms objective(const Matrix& batch, Rng& rng, bool backprop) override;

private:
    LossTerms pretrainObjective(int k, const Matrix& batch, Rng& rng, bool backprop);
    std::vector<Parameter> stageParameters(int k);
    void enterStage(int stage);

    int m_layers;                 // encoder Dense layers: hidden widths + the code layer
    int m_pretrainEpochs;
    double m_noise;               // masking-noise fraction while pretraining
    double m_sparsity;            // L1 weight on the shallow code while pretraining
    int m_stage = -1;
    std::unique_ptr<Optimizer> m_stageOptimizer;
};

VariantInfo stackedVariant();

} // namespace aelab
