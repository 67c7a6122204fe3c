#pragma once
// Convolutional encoders and decoders for image data, and the choice between
// them and the dense pair: the "arch" hyperparameter (CommonSpecs.h) of the
// variants whose objective allows it (ae, dae, vae, aae, masked, wae).
//
// For images (C, H, W) and channels c1..cn (the "channels" spec):
//   encoder  [Conv(c_{i-1} -> c_i, 3x3, pad 1) act MaxPool(2x2)] for i = 1..n,
//            Flatten, Dense(cn hn wn -> code)                (the code is linear)
//            (built as Conv MaxPool act: the same function, since every
//            activation offered is non-decreasing and so commutes with max,
//            at a quarter of the activation's cost; the same gradients, and
//            the same switches wherever the pooled value is not cut to 0)
//   decoder  Dense(latent -> cn hn wn) act, Reshape(cn, hn, wn), then for
//            i = n..1 one way up ("up") from level i to level i-1, with c0 = C
//            and no activation after the last (it gives logits or values):
//     unpool    MaxUnpool(switches of pool i) Conv(c_i -> c_{i-1}, 3x3, pad 1)
//               (ae only: the switches are the encoder's record of x, about
//               log2(4) = 2 bits per pooling window, read past the code, as
//               SegNet's decoder does on purpose; explore/SwitchLeak.h
//               measures what they carry. The variants whose meaning needs
//               the code to be the only path refuse it: CommonSpecs.h)
//     deconv    ConvTranspose(c_i -> c_{i-1}, 3x3, stride 2, pad 1, output pad 1)
//               (pad 0 and no output pad where pooling dropped an odd row
//               and column; upsample's layers where only one axis is odd)
//     upsample  Upsample(nearest, to level i-1's size) Conv(c_i -> c_{i-1}, 3x3, pad 1)
// where h_i = floor(h_{i-1} / 2). With channels 16,32 on 28x28 images and
// deconv this is the network of bench/conv_torch.py.
#include "layers/ImageShape.h"
#include "layers/Sequential.h"
#include "math/Rng.h"
#include "models/HyperParams.h"

#include <string>
#include <vector>

namespace aelab {

struct ModelContext;

enum class Architecture { Dense, Conv };
enum class UpMode { Unpool, Deconv, Upsample };

// The "arch" of a variant's hyperparameters (Dense when it has none).
Architecture architectureFor(const HyperParams& hp);
// "unpool", "deconv", "upsample"; throws Error(InvalidArgument) otherwise.
UpMode parseUpMode(const std::string& name);
const std::vector<std::string>& upModeNames();

// The data's image shape, or Error(InvalidArgument, "--arch conv needs image
// data; <dataset> has no image shape").
ImageShape imageShapeFor(const ModelContext& context);

struct ConvDesign {
    ImageShape image;
    std::vector<int> channels;          // c1..cn
    std::string activation = "relu";   // after every hidden layer
    UpMode up = UpMode::Deconv;
};

// Throws Error(InvalidArgument) when the image cannot be halved once per level.
Sequential buildConvEncoder(const ConvDesign& design, int codeWidth, Rng& rng);
// `encoder` is the encoder built from the same design: an unpool decoder
// pairs each MaxUnpool2d with its MaxPool2d (the others ignore it).
Sequential buildConvDecoder(const ConvDesign& design, int latent, const Sequential& encoder, Rng& rng);

struct NetworkPair {
    Sequential encoder;   // input -> codeWidth
    Sequential decoder;   // latent -> input (raw: logits or values)
};

// The pair a variant's hyperparameters ask for: dense (the "hidden" widths,
// mirrored in the decoder) or conv ("channels", "up"). codeWidth is the
// encoder's output width (2 latent for a VAE's two heads). In both, the
// encoder's first layer skips the gradient of its input, the data.
NetworkPair buildNetworks(const HyperParams& hp, const ModelContext& context, int codeWidth, int latent, Rng& rng);

// A layer shaped like the encoder's first (same input size, same outputs)
// that buildNetworks would make for these hyperparameters, for a second input
// added to the first layer's pre-activation (the masked variant's U m):
// Dense(input -> first hidden width, or latent) or Conv2d(C -> c1, 3x3, pad 1),
// Xavier init, no input gradient.
std::unique_ptr<Layer> buildFirstLayerTwin(const HyperParams& hp, const ModelContext& context, Rng& rng);

// Clears the switches every MaxUnpool2d in `net` reads, so that decoding a
// code no encoder pass produced does not unpool with a stale batch's
// switches (the values go to their windows' top-left corners instead).
void forgetSwitches(Sequential& net);

} // namespace aelab
