#pragma once
// What the max-pool switches tell an unpooling decoder (--up unpool, ae only,
// ConvNetworks.h). Training and reconstruct() decode with the switches the
// encoder recorded on the same x, so the decoder reads about x past the code:
// a channel beside the bottleneck. Measured on a set x:
//   - the reconstruction term (the model's own: BCE or squared error summed
//     over a sample's features, averaged over samples) decoding with x's
//     switches, and decoding the code alone (switches cleared: each value at
//     its window's top-left corner, as decode() of a latent point or a prior
//     sample does);
//   - the switches' size: one position of k x k per pooling window,
//     windows log2(k^2) bits per sample at most (channels 16,32 on 28x28:
//     4704 windows, 9408 bits), and the sum over windows of the entropy of
//     each window's position on x (in bits; a plug-in estimate, an upper
//     bound on what they carry together since windows are not independent),
//     beside the code's size (latent numbers).
// SegNet (Badrinarayanan et al., 2017) passes switches on purpose, for
// segmentation; in an autoencoder they make the reconstruction say less
// about the code than it seems.
#include "models/EncoderDecoder.h"

namespace aelab {

struct SwitchLeak {
    bool unpools = false;          // the decoder has MaxUnpool2d layers (else nothing below is measured)
    Eigen::Index samples = 0;
    long long windows = 0;         // pooling windows per sample, over every unpooled pool
    double capacityBits = 0;       // windows log2(k^2): what the switches can carry per sample
    double entropyBits = 0;        // sum over windows of H(position) on x, bits per sample
    int codeNumbers = 0;           // the code's width (latent)
    double reconWithSwitches = 0;  // reconstruction term decoding with x's switches
    double reconFromCode = 0;      // the same decoding the code alone
    Matrix original, withSwitches, fromCode;   // the first `rowsShown` rows, in data space
};

// In chunks of `chunk` rows. Leaves the decoder's switches cleared.
SwitchLeak measureSwitchLeak(EncoderDecoder& model, const Matrix& x, int rowsShown = 0, int chunk = 256);

} // namespace aelab
