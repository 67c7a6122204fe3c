#include "layers/ImageShape.h"

#include "math/Error.h"

namespace aelab {

std::string ImageShape::text() const
{
    return std::to_string(channels) + "x" + std::to_string(height) + "x" + std::to_string(width);
}

void checkImageShape(const ImageShape& shape, const std::string& layer)
{
    constexpr long long kMaxSize = 1LL << 26;   // 64 M values per image: far beyond any real image
    if (shape.channels < 1 || shape.height < 1 || shape.width < 1
        || (long long)shape.channels * shape.height * shape.width > kMaxSize)
        fail(ErrorKind::InvalidArgument, layer + ": image shape " + shape.text()
             + " is invalid (each of channels, height, width must be at least 1)");
}

int slidingOutputLength(int n, int kernel, int stride, int padding, const std::string& layer)
{
    if (kernel < 1 || stride < 1 || padding < 0)
        fail(ErrorKind::InvalidArgument, layer + ": kernel and stride must be at least 1 and padding at least 0");
    const int padded = n + 2 * padding;
    if (padded < kernel)
        fail(ErrorKind::InvalidArgument, layer + ": a kernel of " + std::to_string(kernel)
             + " does not fit in " + std::to_string(n) + " entries padded by " + std::to_string(padding));
    return (padded - kernel) / stride + 1;
}

void checkImageWidth(Eigen::Index values, const ImageShape& shape, const std::string& layer)
{
    if (values != shape.size())
        fail(ErrorKind::InvalidArgument, layer + " expects rows of " + std::to_string(shape.size()) + " values ("
             + shape.text() + "), got " + std::to_string(values));
}

void checkImageBatch(const Matrix& x, const ImageShape& shape, const std::string& layer)
{
    checkImageWidth(x.cols(), shape, layer);
}

} // namespace aelab
