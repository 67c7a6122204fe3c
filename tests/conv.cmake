# Convolutional layers and autoencoders (issue 4).
# The layers by hand and against PyTorch (fixtures/torch_conv/,
# make_conv_reference.py), in double (1e-12) and in the float training build
# (1e-5); central-difference checks of every image layer and of the conv
# variants' objectives in double; conv variants on Fashion-MNIST subsets.
aelab_test(test_conv_layers test_conv_layers.cpp TIMEOUT 60)
aelab_test(test_conv_layers_f64 test_conv_layers.cpp DOUBLE TIMEOUT 60)
aelab_test(test_gradcheck_conv test_gradcheck_conv.cpp DOUBLE LIBS aelab_gradcheck TIMEOUT 60)
aelab_test(test_conv_ae test_conv_ae.cpp TIMEOUT 120)
set_target_properties(test_conv_layers test_conv_layers_f64 test_gradcheck_conv test_conv_ae
  PROPERTIES AUTOMOC ON)
