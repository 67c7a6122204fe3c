# The bridge to PyTorch (export/TorchExport.h): the generated files, the
# refusals, and with Debian's python3-torch (scripts/test.sh installs it for
# this test only) the exported module's reconstructions, train.py and torchrun.
aelab_test(test_torch_export test_torch_export.cpp TIMEOUT 300)
target_compile_definitions(test_torch_export PRIVATE AELAB_TORCH_CHECK="${CMAKE_CURRENT_SOURCE_DIR}/torch/check_export.py")
set_target_properties(test_torch_export PROPERTIES AUTOMOC ON)
