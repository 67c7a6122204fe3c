# Variants dae, sparse, cae, vae: their properties after training on small
# Fashion-MNIST subsets, and (in double) gradient checks of every term they add
# plus the VAE against PyTorch (fixtures/torch_vae/, make_vae_reference.py).
aelab_test(test_variants_a test_variants_a.cpp TIMEOUT 180)
aelab_test(test_gradcheck_variants_a test_gradcheck_variants_a.cpp DOUBLE LIBS aelab_gradcheck TIMEOUT 60)
set_target_properties(test_variants_a test_gradcheck_variants_a PROPERTIES AUTOMOC ON)
