#include "models/DenseNetworks.h"

#include "layers/Activations.h"
#include "layers/Dense.h"

namespace aelab {

Sequential buildMlp(int in, const std::vector<int>& hidden, int out,
                    const std::string& activation, Rng& rng)
{
    const Init init = (activation == "relu" || activation == "leaky-relu") ? Init::He : Init::Xavier;
    Sequential net;
    int width = in;
    for (int h : hidden) {
        net.add(std::make_unique<Dense>(width, h, rng, init));
        net.add(makeActivation(activation));
        width = h;
    }
    net.add(std::make_unique<Dense>(width, out, rng, Init::Xavier));
    return net;
}

} // namespace aelab
