#include "layers/MaxUnpool2d.h"

#include "layers/SampleChain.h"
#include "math/Error.h"

#include <algorithm>

namespace aelab {

MaxUnpool2d::MaxUnpool2d(const MaxPool2d& pool)
    : MaxUnpool2d(pool.outputShape(), pool.inputShape(), pool.kernel(), pool.stride(), pool.switches())
{
}

MaxUnpool2d::MaxUnpool2d(const ImageShape& input, const ImageShape& output, int kernel, int stride,
                         std::shared_ptr<PoolSwitches> switches)
    : m_input(input), m_output(output), m_kernel(kernel), m_stride(stride), m_switches(std::move(switches))
{
    checkImageShape(input, "MaxUnpool2d");
    checkImageShape(output, "MaxUnpool2d");
    if (!m_switches)
        fail(ErrorKind::InvalidArgument, "MaxUnpool2d needs the switches of a pooling layer");
    if (input.channels != output.channels
        || slidingOutputLength(output.height, kernel, stride, 0, "MaxUnpool2d") != input.height
        || slidingOutputLength(output.width, kernel, stride, 0, "MaxUnpool2d") != input.width)
        fail(ErrorKind::InvalidArgument, "MaxUnpool2d: pooling " + output.text() + " with kernel "
             + std::to_string(kernel) + " and stride " + std::to_string(stride) + " does not give " + input.text());
}

Matrix MaxUnpool2d::forward(const Matrix& x) { return chainForward({this}, x); }

Matrix MaxUnpool2d::backward(const Matrix& dy) { return chainBackward({this}, dy); }

void MaxUnpool2d::beginForward(Eigen::Index batch, Eigen::Index inputs)
{
    checkImageWidth(inputs, m_input, "MaxUnpool2d");
    m_batch = batch;
    m_usedSwitches = m_switches->matches(batch, m_input.size());
    m_positions.resize(std::size_t(batch * m_input.size()));
}

void MaxUnpool2d::forwardSample(Eigen::Index b, const Scalar* in, Scalar* out)
{
    // The positions this sample's values go to, kept for backward: the
    // switches (read per sample: a pool earlier in the same chain writes
    // them sample by sample), else the top-left corner of each window.
    std::int32_t* positions = m_positions.data() + b * m_input.size();
    if (m_usedSwitches) {
        const std::int32_t* switches = m_switches->index.data() + b * m_input.size();
        std::copy(switches, switches + m_input.size(), positions);
    } else {
        for (int n = 0; n < m_input.size(); ++n) {
            const int o = n % m_input.plane();
            positions[n] = (o / m_input.width) * m_stride * m_output.width + (o % m_input.width) * m_stride;
        }
    }
    for (int c = 0; c < m_input.channels; ++c) {
        const Eigen::Index inBase = Eigen::Index(c) * m_input.plane();
        Scalar* plane = out + Eigen::Index(c) * m_output.plane();
        std::fill(plane, plane + m_output.plane(), Scalar(0));
        for (int o = 0; o < m_input.plane(); ++o)
            plane[positions[inBase + o]] = in[inBase + o];
    }
}

void MaxUnpool2d::beginBackward(Eigen::Index batch)
{
    if (batch != m_batch || Eigen::Index(m_positions.size()) != m_batch * m_input.size())
        fail(ErrorKind::InvalidArgument, "MaxUnpool2d::backward: the gradient does not match the last forward batch");
}

void MaxUnpool2d::backwardSample(int, Eigen::Index b, const Scalar* dOut, Scalar* dIn)
{
    if (!dIn)
        return;
    const std::int32_t* positions = m_positions.data() + b * m_input.size();
    for (int c = 0; c < m_input.channels; ++c) {
        const Eigen::Index inBase = Eigen::Index(c) * m_input.plane();
        const Scalar* plane = dOut + Eigen::Index(c) * m_output.plane();
        for (int o = 0; o < m_input.plane(); ++o)
            dIn[inBase + o] = plane[positions[inBase + o]];
    }
}

std::string MaxUnpool2d::describe() const
{
    return "MaxUnpool2d(" + m_input.text() + " -> " + m_output.text() + ")";
}

std::unique_ptr<Layer> MaxUnpool2d::clone() const
{
    auto copy = std::make_unique<MaxUnpool2d>(*this);
    copy->m_switches = SwitchesCloneScope::remap(m_switches);
    copy->m_positions.clear();
    copy->m_batch = 0;
    return copy;
}

} // namespace aelab
