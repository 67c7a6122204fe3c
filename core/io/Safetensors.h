#pragma once
// Model files in the safetensors format (https://github.com/huggingface/safetensors):
// an 8-byte little-endian header length N, N bytes of JSON, then the raw
// tensor bytes. aelab writes and reads F32 only, so PyTorch and NumPy users
// can load the weights with `safetensors.torch.load_file` or `safe_open`.
#include "io/AtomicFile.h"
#include "math/Matrix.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace aelab {

// One F32 tensor, row-major; data.size() equals the product of shape.
struct Tensor {
    std::string name;
    std::vector<std::int64_t> shape;
    std::vector<float> data;
};

// Tensors in file order plus the header's "__metadata__" object.
//
// Safetensors requires every metadata value to be a string. The writer stores
// a string value as is and any other JSON value as its JSON text (dump()), so
// a reader always gets strings back: a caller that wants structure (training
// history, hyperparameters) stores JSON and parses the string it reads back
// with nlohmann::json::parse.
// The writer adds "aelab_checksum" (FNV-1a hex of the tensor bytes, checked by
// the reader) and "format": "pt" (unless already set); both come back on read.
struct TensorFile {
    std::vector<Tensor> tensors;
    nlohmann::json metadata = nlohmann::json::object();
};

// Replaces `path` atomically. Throws Error(InvalidArgument) for an invalid
// file (empty, reserved or duplicate names, shape not matching data) and
// Error(Io) when writing fails.
void writeSafetensors(const std::string& path, const TensorFile& file);
// The same bytes for another container (a session file): `file` is checked
// now (`path` names it in messages) and must outlive the writer.
StreamWriter safetensorsWriter(const TensorFile& file, const std::string& path);

// Reads and fully validates a file (sizes, offsets, dtypes, checksum) before
// trusting it. Throws Error(Io) when it cannot be read, Error(Format) when it
// is malformed or corrupt; every message names the path.
TensorFile readSafetensors(const std::string& path);
// The same from `size` bytes of `in` (an entry of a session file); `path`
// names it in messages.
TensorFile readSafetensors(std::istream& in, std::uint64_t size, const std::string& path);

// The tensor named `name`, or nullptr.
const Tensor* findTensor(const TensorFile& file, const std::string& name);

// A 2-D tensor [rows, cols] holding the matrix. With Scalar = double the
// values are rounded to float.
Tensor matrixToTensor(const std::string& name, const Matrix& m);

// A 1-D tensor [n] holding a matrix with one row or one column (a bias).
// Throws Error(InvalidArgument) for any other shape.
Tensor vectorToTensor(const std::string& name, const Matrix& m);

// A 2-D tensor as a rows x cols matrix, a 1-D tensor of n values as a 1 x n
// row. Throws Error(Format) for other ranks or a data size not matching shape.
Matrix tensorToMatrix(const Tensor& t);

} // namespace aelab
