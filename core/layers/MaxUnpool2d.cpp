#include "layers/MaxUnpool2d.h"

#include "layers/BatchSlices.h"
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

Matrix MaxUnpool2d::forward(const Matrix& x)
{
    checkImageBatch(x, m_input, "MaxUnpool2d");
    const Eigen::Index batch = x.rows(), count = batch * m_input.size();
    m_batch = batch;
    m_usedSwitches = m_switches->matches(batch, m_input.size());
    if (m_usedSwitches) {
        m_positions = m_switches->index;
    } else {
        // No switches for this batch: the top-left corner of each window.
        m_positions.resize(std::size_t(count));
        const int OW = m_input.width, W = m_output.width;
        for (Eigen::Index n = 0; n < count; ++n) {
            const int o = int(n % m_input.plane());
            m_positions[std::size_t(n)] = (o / OW) * m_stride * W + (o % OW) * m_stride;
        }
    }
    Matrix y(batch, m_output.size());
    forEachPlane(batch, m_input, [&](Eigen::Index b, int c) {
        const Eigen::Index inBase = b * m_input.size() + Eigen::Index(c) * m_input.plane();
        Scalar* out = y.data() + b * m_output.size() + Eigen::Index(c) * m_output.plane();
        std::fill(out, out + m_output.plane(), Scalar(0));
        for (int o = 0; o < m_input.plane(); ++o)
            out[m_positions[std::size_t(inBase + o)]] = x.data()[inBase + o];
    });
    return y;
}

Matrix MaxUnpool2d::backward(const Matrix& dy)
{
    if (dy.cols() != m_output.size() || dy.rows() != m_batch
        || Eigen::Index(m_positions.size()) != m_batch * m_input.size())
        fail(ErrorKind::InvalidArgument, "MaxUnpool2d::backward: the gradient does not match the last forward batch");
    const Eigen::Index batch = dy.rows();
    Matrix dx(batch, m_input.size());
    forEachPlane(batch, m_input, [&](Eigen::Index b, int c) {
        const Eigen::Index inBase = b * m_input.size() + Eigen::Index(c) * m_input.plane();
        const Scalar* dout = dy.data() + b * m_output.size() + Eigen::Index(c) * m_output.plane();
        for (int o = 0; o < m_input.plane(); ++o)
            dx.data()[inBase + o] = dout[m_positions[std::size_t(inBase + o)]];
    });
    return dx;
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
