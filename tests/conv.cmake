# Convolutional layers and autoencoders (issue 4).
# The layers by hand and against PyTorch (fixtures/torch_conv/,
# make_conv_reference.py), in double (1e-12) and in the float training build
# (1e-5); central-difference checks of every image layer and of the conv
# variants' objectives in double; conv variants on Fashion-MNIST subsets.
aelab_test(test_conv_layers test_conv_layers.cpp TIMEOUT 60)
aelab_test(test_conv_layers_f64 test_conv_layers.cpp DOUBLE TIMEOUT 60)
aelab_test(test_gradcheck_conv test_gradcheck_conv.cpp DOUBLE LIBS aelab_gradcheck TIMEOUT 60)
aelab_test(test_conv_ae test_conv_ae.cpp TIMEOUT 120)
# The lowering (im2col/col2im) against its definition, in both builds: the
# float one runs the AVX-512 paths where the machine has them.
aelab_test(test_im2col test_im2col.cpp TIMEOUT 60)
aelab_test(test_im2col_f64 test_im2col.cpp DOUBLE TIMEOUT 60)
# 2x2 max pooling (vectorised likewise) against its definition, ties included.
aelab_test(test_pooling test_pooling.cpp TIMEOUT 60)
aelab_test(test_pooling_f64 test_pooling.cpp DOUBLE TIMEOUT 60)
# Chains of sample-by-sample layers against the same layers one at a time.
aelab_test(test_sample_chain test_sample_chain.cpp TIMEOUT 60)
set_target_properties(test_conv_layers test_conv_layers_f64 test_gradcheck_conv test_conv_ae
  test_im2col test_im2col_f64 test_pooling test_pooling_f64 test_sample_chain PROPERTIES AUTOMOC ON)
