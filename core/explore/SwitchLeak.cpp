#include "explore/SwitchLeak.h"

#include "layers/MaxUnpool2d.h"
#include "math/Error.h"
#include "models/ConvNetworks.h"

#include <algorithm>
#include <cmath>

namespace aelab {

namespace {

void collectUnpools(Sequential& net, std::vector<const MaxUnpool2d*>& out)
{
    for (std::size_t i = 0; i < net.size(); ++i) {
        if (const auto* unpool = dynamic_cast<const MaxUnpool2d*>(&net.at(i)))
            out.push_back(unpool);
        else if (auto* inner = dynamic_cast<Sequential*>(&net.at(i)))
            collectUnpools(*inner, out);
    }
}

// Per window of one unpool, how often each of its k^2 positions held the maximum.
struct PositionCounts {
    const MaxUnpool2d* unpool = nullptr;
    std::vector<long long> counts;   // (windows, k^2)

    int cells() const { return unpool->kernel() * unpool->kernel(); }

    // The switches the encoder just recorded for `rows` samples.
    void tally(Eigen::Index rows)
    {
        const ImageShape in = unpool->inputShape(), out = unpool->outputShape();
        const int k = unpool->kernel(), s = unpool->stride();
        const PoolSwitches& sw = *unpool->switches();
        if (!sw.matches(rows, in.size()))
            fail(ErrorKind::InvalidArgument, "the encoder recorded no switches for this batch");
        for (Eigen::Index b = 0; b < rows; ++b) {
            const std::int32_t* where = sw.index.data() + b * in.size();
            for (int w = 0; w < in.size(); ++w) {
                const int o = w % in.plane();   // the window within its channel's plane
                const int iy = where[w] / out.width, ix = where[w] % out.width;
                const int cell = (iy - (o / in.width) * s) * k + (ix - (o % in.width) * s);
                ++counts[std::size_t(w) * std::size_t(cells()) + std::size_t(cell)];
            }
        }
    }

    // Sum over windows of the plug-in entropy of the position, in bits.
    double entropyBits(Eigen::Index samples) const
    {
        double h = 0;
        for (long long c : counts)
            if (c > 0) {
                const double p = double(c) / double(samples);
                h -= p * std::log2(p);
            }
        return h;
    }
};

} // namespace

SwitchLeak measureSwitchLeak(EncoderDecoder& model, const Matrix& x, int rowsShown, int chunk)
{
    SwitchLeak r;
    r.codeNumbers = model.latentSize();
    r.samples = x.rows();
    std::vector<const MaxUnpool2d*> unpools;
    collectUnpools(model.decoder(), unpools);
    if (unpools.empty() || x.rows() == 0)
        return r;
    r.unpools = true;
    std::vector<PositionCounts> positions;
    for (const MaxUnpool2d* u : unpools) {
        PositionCounts p{u, {}};
        p.counts.assign(std::size_t(u->inputShape().size()) * std::size_t(p.cells()), 0);
        r.windows += u->inputShape().size();
        r.capacityBits += double(u->inputShape().size()) * std::log2(double(p.cells()));
        positions.push_back(std::move(p));
    }
    const Eigen::Index shown = std::min<Eigen::Index>(rowsShown, x.rows());
    r.original = x.topRows(shown);
    r.withSwitches.resize(shown, x.cols());
    r.fromCode.resize(shown, x.cols());
    double withSum = 0, aloneSum = 0;
    for (Eigen::Index begin = 0; begin < x.rows(); begin += chunk) {
        const Eigen::Index rows = std::min<Eigen::Index>(chunk, x.rows() - begin);
        const Matrix xs = x.middleRows(begin, rows);
        const Matrix code = model.encode(xs);   // records xs's switches
        for (PositionCounts& p : positions)
            p.tally(rows);
        const Matrix rawWith = model.decoder().forward(code);
        forgetSwitches(model.decoder());
        const Matrix rawAlone = model.decoder().forward(code);
        withSum += reconstructionLoss(model.outputMode(), rawWith, xs).value * double(rows);
        aloneSum += reconstructionLoss(model.outputMode(), rawAlone, xs).value * double(rows);
        if (begin < shown) {
            const Eigen::Index n = std::min(rows, shown - begin);
            r.withSwitches.middleRows(begin, n) = toDataSpace(model.outputMode(), rawWith.topRows(n));
            r.fromCode.middleRows(begin, n) = toDataSpace(model.outputMode(), rawAlone.topRows(n));
        }
    }
    r.reconWithSwitches = withSum / double(x.rows());
    r.reconFromCode = aloneSum / double(x.rows());
    for (const PositionCounts& p : positions)
        r.entropyBits += p.entropyBits(x.rows());
    return r;
}

} // namespace aelab
