# core/io: safetensors model files, atomic writes, .npy and CSV export.
aelab_test(test_safetensors test_safetensors.cpp)
aelab_test(test_npy test_npy.cpp)
set_target_properties(test_safetensors test_npy PROPERTIES AUTOMOC ON)
