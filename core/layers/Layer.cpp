#include "layers/Layer.h"

namespace aelab {

void Layer::zeroGrad()
{
    for (auto& p : parameters())
        p.grad->setZero();
}

} // namespace aelab
