#include "models/ConvNetworks.h"

#include "layers/Activations.h"
#include "layers/Conv2d.h"
#include "layers/ConvTranspose2d.h"
#include "layers/Dense.h"
#include "layers/MaxUnpool2d.h"
#include "layers/Reshape.h"
#include "layers/Upsample.h"
#include "math/Error.h"
#include "models/Autoencoder.h"
#include "models/DenseNetworks.h"


namespace aelab {

namespace {

constexpr int kKernel = 3;   // every conv is 3x3 with padding 1 (same size)
constexpr int kPool = 2;     // every pool halves the image

Init initFor(const std::string& activation)
{
    return (activation == "relu" || activation == "leaky-relu") ? Init::He : Init::Xavier;
}

std::string channelsText(const std::vector<int>& channels)
{
    std::string s;
    for (int c : channels)
        s += (s.empty() ? "" : ",") + std::to_string(c);
    return s;
}

// The image at each level: levels[0] the input, levels[i] after i poolings
// (before the dense code layer, levels[n] has cn channels).
std::vector<ImageShape> levelShapes(const ConvDesign& d)
{
    if (d.channels.empty())
        fail(ErrorKind::InvalidArgument, "--channels needs at least one level for --arch conv");
    std::vector<ImageShape> levels{d.image};
    for (std::size_t i = 0; i < d.channels.size(); ++i) {
        const ImageShape& prev = levels.back();
        if (prev.height < kPool || prev.width < kPool)
            fail(ErrorKind::InvalidArgument, "--channels " + channelsText(d.channels) + " has "
                 + std::to_string(d.channels.size()) + " levels, but " + std::to_string(d.image.height) + "x"
                 + std::to_string(d.image.width) + " images can be halved only " + std::to_string(i)
                 + " times; use fewer channels");
        levels.push_back({d.channels[i], prev.height / kPool, prev.width / kPool});
    }
    return levels;
}

// A stride-2 3x3 transposed convolution from n to `target`, 2n or 2n+1:
// (n - 1) 2 - 2 pad + 3 + outputPad = target gives pad 1, outputPad 1 for
// 2n and pad 0, outputPad 0 for 2n+1. One layer has one padding for both
// axes, so an image odd along one axis only gets nullptr (the caller then
// upsamples and convolves at that level).
std::unique_ptr<Layer> upConvolution(const ImageShape& from, const ImageShape& to, Init init, Rng& rng)
{
    const bool oddH = to.height % 2 == 1, oddW = to.width % 2 == 1;
    if (oddH != oddW)
        return nullptr;
    const int pad = oddH ? 0 : 1;
    return std::make_unique<ConvTranspose2d>(from, to.channels, kKernel, 2, pad, pad, rng, init);
}

void addUpLevel(Sequential& net, const ConvDesign& d, const ImageShape& from, const ImageShape& to,
                const MaxPool2d* pool, bool last, Rng& rng)
{
    const Init init = last ? Init::Xavier : initFor(d.activation);
    UpMode up = d.up;
    if (up == UpMode::Deconv) {
        if (auto layer = upConvolution(from, to, init, rng))
            net.add(std::move(layer));
        else
            up = UpMode::Upsample;
    }
    if (up == UpMode::Unpool) {
        if (!pool)
            fail(ErrorKind::InvalidArgument, "--up unpool needs the encoder's pooling layers");
        net.add(std::make_unique<MaxUnpool2d>(*pool));
    } else if (up == UpMode::Upsample) {
        net.add(std::make_unique<Upsample>(from, to.height, to.width));
    }
    if (up != UpMode::Deconv)
        net.add(std::make_unique<Conv2d>(ImageShape{from.channels, to.height, to.width}, to.channels, kKernel, 1, 1,
                                         rng, init));
    if (!last)
        net.add(makeActivation(d.activation));
}

std::vector<const MaxPool2d*> poolsOf(const Sequential& encoder)
{
    std::vector<const MaxPool2d*> pools;
    for (std::size_t i = 0; i < encoder.size(); ++i)
        if (auto* pool = dynamic_cast<const MaxPool2d*>(&encoder.at(i)))
            pools.push_back(pool);
    return pools;
}

} // namespace

Architecture architectureFor(const HyperParams& hp)
{
    return hp.has("arch") && hp.choice("arch") == "conv" ? Architecture::Conv : Architecture::Dense;
}

const std::vector<std::string>& upModeNames()
{
    static const std::vector<std::string> names{"unpool", "deconv", "upsample"};
    return names;
}

UpMode parseUpMode(const std::string& name)
{
    if (name == "unpool")
        return UpMode::Unpool;
    if (name == "deconv")
        return UpMode::Deconv;
    if (name == "upsample")
        return UpMode::Upsample;
    fail(ErrorKind::InvalidArgument, "unknown --up '" + name + "' (known: unpool, deconv, upsample)");
}

ImageShape imageShapeFor(const ModelContext& context)
{
    if (!context.shape.isImage() || context.shape.size() != context.inputDim) {
        const std::string name = context.dataset.empty() ? "this dataset" : context.dataset;
        fail(ErrorKind::InvalidArgument, "--arch conv needs image data; " + name + " has no image shape");
    }
    return {context.shape.channels, context.shape.height, context.shape.width};
}

Sequential buildConvEncoder(const ConvDesign& d, int codeWidth, Rng& rng)
{
    const auto levels = levelShapes(d);
    const Init init = initFor(d.activation);
    Sequential net;
    for (std::size_t i = 0; i < d.channels.size(); ++i) {
        auto conv = std::make_unique<Conv2d>(levels[i], d.channels[i], kKernel, 1, 1, rng, init);
        if (i == 0)
            conv->setInputGradient(false);   // its input is the data
        net.add(std::move(conv));
        // act(MaxPool(h)) = MaxPool(act(h)): every activation offered is
        // non-decreasing, so the maximum commutes with it; after the pooling
        // it touches a quarter of the values.
        net.add(std::make_unique<MaxPool2d>(ImageShape{d.channels[i], levels[i].height, levels[i].width}, kPool));
        net.add(makeActivation(d.activation));
    }
    const ImageShape top = levels.back();
    net.add(std::make_unique<Reshape>(Reshape::flatten(top)));
    net.add(std::make_unique<Dense>(top.size(), codeWidth, rng, Init::Xavier));
    return net;
}

Sequential buildConvDecoder(const ConvDesign& d, int latent, const Sequential& encoder, Rng& rng)
{
    const auto levels = levelShapes(d);
    const auto pools = poolsOf(encoder);
    if (d.up == UpMode::Unpool && pools.size() != d.channels.size())
        fail(ErrorKind::InvalidArgument, "--up unpool needs an encoder with one pooling layer per level");
    const ImageShape top = levels.back();
    Sequential net;
    net.add(std::make_unique<Dense>(latent, top.size(), rng, initFor(d.activation)));
    net.add(makeActivation(d.activation));
    net.add(std::make_unique<Reshape>(ImageShape{top.size(), 1, 1}, top));
    for (std::size_t i = d.channels.size(); i-- > 0;) {
        // from level i+1 (c_{i+1} channels, after pool i+1) to level i's size
        // with level i's channels (c_i, or the image's for the last step)
        const ImageShape from = levels[i + 1];
        const ImageShape to = levels[i];
        addUpLevel(net, d, from, to, pools.empty() ? nullptr : pools[i], i == 0, rng);
    }
    return net;
}

NetworkPair buildNetworks(const HyperParams& hp, const ModelContext& context, int codeWidth, int latent, Rng& rng)
{
    NetworkPair pair;
    if (architectureFor(hp) == Architecture::Dense) {
        const auto hidden = hp.intList("hidden");
        const std::vector<int> mirrored(hidden.rbegin(), hidden.rend());
        const std::string activation = hp.choice("activation");
        pair.encoder = buildMlp(context.inputDim, hidden, codeWidth, activation, rng);
        pair.decoder = buildMlp(latent, mirrored, context.inputDim, activation, rng);
        if (auto* first = dynamic_cast<Dense*>(&pair.encoder.at(0)))
            first->setInputGradient(false);   // its input is the data
        return pair;
    }
    ConvDesign d;
    d.image = imageShapeFor(context);
    d.channels = hp.intList("channels");
    d.activation = hp.choice("activation");
    d.up = parseUpMode(hp.choice("up"));
    pair.encoder = buildConvEncoder(d, codeWidth, rng);
    pair.decoder = buildConvDecoder(d, latent, pair.encoder, rng);
    return pair;
}

std::unique_ptr<Layer> buildFirstLayerTwin(const HyperParams& hp, const ModelContext& context, Rng& rng)
{
    if (architectureFor(hp) == Architecture::Dense) {
        const auto hidden = hp.intList("hidden");
        const int width = hidden.empty() ? hp.integer("latent") : hidden.front();
        auto dense = std::make_unique<Dense>(context.inputDim, width, rng, Init::Xavier);
        dense->setInputGradient(false);
        return dense;
    }
    const auto channels = hp.intList("channels");
    if (channels.empty())
        fail(ErrorKind::InvalidArgument, "--channels needs at least one level for --arch conv");
    auto conv = std::make_unique<Conv2d>(imageShapeFor(context), channels.front(), kKernel, 1, 1, rng, Init::Xavier);
    conv->setInputGradient(false);
    return conv;
}

void forgetSwitches(Sequential& net)
{
    for (std::size_t i = 0; i < net.size(); ++i) {
        if (auto* unpool = dynamic_cast<MaxUnpool2d*>(&net.at(i)))
            unpool->switches()->clear();
        else if (auto* inner = dynamic_cast<Sequential*>(&net.at(i)))
            forgetSwitches(*inner);
    }
}

} // namespace aelab
