#pragma once
// `ae`: the undercomplete autoencoder. An encoder squeezes the input through
// a narrow code; a mirrored decoder rebuilds it (EncoderDecoder). With linear
// activations, a linear output and squared error it learns the PCA subspace
// (Baldi & Hornik, 1989).
#include "models/Registry.h"

namespace aelab {

VariantInfo undercompleteVariant();

} // namespace aelab
