# core/io: safetensors model files, atomic writes, .npy and CSV export.
aelab_test(test_safetensors test_safetensors.cpp)
aelab_test(test_npy test_npy.cpp)
set_target_properties(test_safetensors test_npy PROPERTIES AUTOMOC ON)
# Faults that lose nothing: failing writes injected into the atomic writer.
aelab_test(test_atomic_file test_atomic_file.cpp TIMEOUT 60)
set_target_properties(test_atomic_file PROPERTIES AUTOMOC ON)
