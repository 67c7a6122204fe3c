#include "data/Fingerprint.h"

#include "math/Checksum.h"

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace aelab {

namespace {

void addInt(Fnv1a& h, std::int64_t value)
{
    unsigned char bytes[8];
    for (int i = 0; i < 8; ++i)
        bytes[i] = static_cast<unsigned char>(std::uint64_t(value) >> (8 * i));
    h.add(bytes, 8);
}

// Values go through a buffer of little-endian float32 bytes, a block at a time.
void addValues(Fnv1a& h, const Matrix& x)
{
    addInt(h, x.rows());
    addInt(h, x.cols());
    std::array<unsigned char, 4096> buffer;
    std::size_t used = 0;
    const Scalar* data = x.data();
    for (Eigen::Index i = 0; i < x.size(); ++i) {
        const auto bits = std::bit_cast<std::uint32_t>(float(data[i]));
        buffer[used++] = static_cast<unsigned char>(bits);
        buffer[used++] = static_cast<unsigned char>(bits >> 8);
        buffer[used++] = static_cast<unsigned char>(bits >> 16);
        buffer[used++] = static_cast<unsigned char>(bits >> 24);
        if (used == buffer.size()) {
            h.add(buffer.data(), used);
            used = 0;
        }
    }
    h.add(buffer.data(), used);
}

void addLabels(Fnv1a& h, const std::vector<int>& labels)
{
    addInt(h, std::int64_t(labels.size()));
    for (int label : labels) {
        const auto v = std::uint32_t(std::int32_t(label));
        const unsigned char bytes[4] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8),
                                        static_cast<unsigned char>(v >> 16),
                                        static_cast<unsigned char>(v >> 24)};
        h.add(bytes, 4);
    }
}

} // namespace

std::string datasetFingerprint(const Dataset& dataset)
{
    Fnv1a h;
    const char tag[] = "aelab-dataset-v1";
    h.add(tag, sizeof tag - 1);
    addInt(h, dataset.shape.channels);
    addInt(h, dataset.shape.height);
    addInt(h, dataset.shape.width);
    addValues(h, dataset.trainX);
    addLabels(h, dataset.trainY);
    addValues(h, dataset.testX);
    addLabels(h, dataset.testY);
    return h.hex();
}

} // namespace aelab
