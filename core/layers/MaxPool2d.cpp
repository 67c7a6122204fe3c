#include "layers/MaxPool2d.h"

#include "layers/MaxPoolRuns.h"
#include "layers/SampleChain.h"
#include "math/Error.h"

#include <algorithm>
#include <map>

namespace aelab {

bool PoolSwitches::matches(Eigen::Index rows, Eigen::Index outputsPerSample) const
{
    return batch == rows && rows > 0 && Eigen::Index(index.size()) == rows * outputsPerSample;
}

void PoolSwitches::clear()
{
    batch = 0;
    index.clear();
}

// ---- cloning ------------------------------------------------------------------

struct SwitchesCloneScope::Map {
    std::map<const PoolSwitches*, std::shared_ptr<PoolSwitches>> fresh;
};

namespace {
thread_local SwitchesCloneScope::Map* t_scope = nullptr;
}

SwitchesCloneScope::SwitchesCloneScope() : m_map(std::make_unique<Map>()), m_previous(t_scope) { t_scope = m_map.get(); }

SwitchesCloneScope::~SwitchesCloneScope() { t_scope = m_previous; }

std::shared_ptr<PoolSwitches> SwitchesCloneScope::remap(const std::shared_ptr<PoolSwitches>& original)
{
    if (!t_scope || !original)
        return original;
    auto& fresh = t_scope->fresh[original.get()];
    if (!fresh)
        fresh = std::make_shared<PoolSwitches>();
    return fresh;
}

// ---- the layer ----------------------------------------------------------------

MaxPool2d::MaxPool2d(const ImageShape& input, int kernel, int stride)
    : m_input(input), m_kernel(kernel), m_stride(stride == 0 ? kernel : stride),
      m_switches(std::make_shared<PoolSwitches>())
{
    checkImageShape(input, "MaxPool2d");
    m_output = {input.channels, slidingOutputLength(input.height, m_kernel, m_stride, 0, "MaxPool2d"),
                slidingOutputLength(input.width, m_kernel, m_stride, 0, "MaxPool2d")};
}

Matrix MaxPool2d::forward(const Matrix& x) { return chainForward({this}, x); }

Matrix MaxPool2d::backward(const Matrix& dy) { return chainBackward({this}, dy); }

void MaxPool2d::beginForward(Eigen::Index batch, Eigen::Index inputs)
{
    checkImageWidth(inputs, m_input, "MaxPool2d");
    m_switches->batch = batch;
    m_switches->index.resize(std::size_t(batch * m_output.size()));
}

void MaxPool2d::forwardSample(Eigen::Index b, const Scalar* in, Scalar* out)
{
    for (int c = 0; c < m_input.channels; ++c)
        poolPlane(in + Eigen::Index(c) * m_input.plane(), out + Eigen::Index(c) * m_output.plane(),
                  m_switches->index.data() + b * m_output.size() + Eigen::Index(c) * m_output.plane());
}

void MaxPool2d::poolPlane(const Scalar* in, Scalar* out, std::int32_t* where) const
{
    const int W = m_input.width, OH = m_output.height, OW = m_output.width, k = m_kernel, s = m_stride;
    if (k == 2 && s == 2 && maxPool2x2Runs(in, m_input.height, W, out, where))
        return;
    if (k == 2 && s == 2) {
        // The common case without branches (they mispredict on real
        // data): the first maximum of a, b (top row) and c, d (bottom).
        for (int oy = 0; oy < OH; ++oy) {
            const Scalar* top = in + 2 * oy * W;
            const Scalar* bottom = top + W;
            for (int ox = 0; ox < OW; ++ox) {
                const Scalar a = top[2 * ox], b = top[2 * ox + 1], c = bottom[2 * ox], d = bottom[2 * ox + 1];
                const int at = 2 * oy * W + 2 * ox;
                const Scalar upper = std::max(a, b), lower = std::max(c, d);   // a on a tie, c on a tie
                const int upperAt = at + int(b > a), lowerAt = at + W + int(d > c);
                const int takeLower = int(lower > upper);
                out[oy * OW + ox] = std::max(upper, lower);
                where[oy * OW + ox] = upperAt + takeLower * (lowerAt - upperAt);
            }
        }
        return;
    }
    for (int oy = 0; oy < OH; ++oy)
        for (int ox = 0; ox < OW; ++ox) {
            int best = oy * s * W + ox * s;
            for (int i = 0; i < k; ++i)
                for (int j = 0; j < k; ++j) {
                    const int at = (oy * s + i) * W + ox * s + j;
                    if (in[at] > in[best])
                        best = at;
                }
            out[oy * OW + ox] = in[best];
            where[oy * OW + ox] = best;
        }
}

void MaxPool2d::beginBackward(Eigen::Index batch)
{
    if (!m_switches->matches(batch, m_output.size()))
        fail(ErrorKind::InvalidArgument, "MaxPool2d::backward: no switches recorded for this batch");
}

void MaxPool2d::backwardSample(int, Eigen::Index b, const Scalar* dOut, Scalar* dIn)
{
    if (!dIn)
        return;
    for (int c = 0; c < m_input.channels; ++c) {
        const Eigen::Index outBase = Eigen::Index(c) * m_output.plane();
        const std::int32_t* where = m_switches->index.data() + b * m_output.size() + outBase;
        Scalar* din = dIn + Eigen::Index(c) * m_input.plane();
        if (m_kernel == 2 && m_stride == 2
            && maxPool2x2GradientRuns(dOut + outBase, where, m_input.height, m_input.width, din))
            continue;
        std::fill(din, din + m_input.plane(), Scalar(0));
        for (int o = 0; o < m_output.plane(); ++o)   // windows may overlap when s < k: add
            din[where[o]] += dOut[outBase + o];
    }
}

std::string MaxPool2d::torchModule() const
{
    return "FlatMaxPool2d(" + std::to_string(m_kernel) + ", " + std::to_string(m_stride) + ", "
           + std::to_string(m_input.channels) + ", " + std::to_string(m_input.height) + ", "
           + std::to_string(m_input.width) + ")";
}

std::string MaxPool2d::describe() const
{
    return "MaxPool2d(" + m_input.text() + " -> " + m_output.text() + ", k" + std::to_string(m_kernel) + " s"
           + std::to_string(m_stride) + ")";
}

std::unique_ptr<Layer> MaxPool2d::clone() const
{
    auto copy = std::make_unique<MaxPool2d>(*this);
    copy->m_switches = SwitchesCloneScope::remap(m_switches);
    return copy;
}

} // namespace aelab
