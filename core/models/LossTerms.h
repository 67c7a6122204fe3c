#pragma once
// The terms of a variant's objective, each reported on its own so the loss
// plot can show them. The first is the headline: "loss", the total that is
// minimised, for every variant with one objective; the rest are its parts
// and diagnostics ("recon", "kl", ...). A variant whose players minimise
// objectives of their own (aae: the autoencoder, the discriminator and the
// encoder as generator) has no total worth a name: it leads with "recon" and
// adds no sum that nothing minimises.
#include <string>
#include <utility>
#include <vector>

namespace aelab {

struct LossTerms {
    std::vector<std::pair<std::string, double>> terms;
    bool updated = true;   // false when the optimizer refused a non-finite gradient

    void add(const std::string& name, double value) { terms.emplace_back(name, value); }
    double total() const { return terms.empty() ? 0.0 : terms.front().second; }
    // The first term's value ("loss", or aae's "recon"), NaN if there is none.
    double headline() const;
    double get(const std::string& name) const;   // NaN if absent
    bool allFinite() const;

    // Accumulation for epoch means: add `other` with weight w.
    void accumulate(const LossTerms& other, double w);
    void scale(double factor);
};

} // namespace aelab
