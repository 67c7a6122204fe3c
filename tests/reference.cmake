# aelab against PyTorch: fixtures/torch/ae_reference.json (make_reference.py).
# The same source twice: in double (1e-10) and in the float training build.
aelab_test(test_torch_reference test_torch_reference.cpp DOUBLE TIMEOUT 60)
aelab_test(test_torch_reference_f32 test_torch_reference.cpp TIMEOUT 60)
set_target_properties(test_torch_reference test_torch_reference_f32 PROPERTIES AUTOMOC ON)
