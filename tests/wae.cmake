# wae (core/models/Wasserstein, core/losses/Mmd): its math in double precision
# (against PyTorch and by central differences) and the property that defines it.
aelab_test(test_wae_gradcheck test_wae_gradcheck.cpp DOUBLE LIBS aelab_gradcheck TIMEOUT 60)
aelab_test(test_wae test_wae.cpp TIMEOUT 240)
set_target_properties(test_wae_gradcheck test_wae PROPERTIES AUTOMOC ON)
