# Behaviour of the foundation: the trainer, the `ae` variant, model files and
# aelab-cli run as a program.
aelab_test(test_trainer test_trainer.cpp TIMEOUT 120)
aelab_test(test_run test_run.cpp TIMEOUT 120)
aelab_test(test_ae test_ae.cpp TIMEOUT 180)
aelab_test(test_modelfile test_modelfile.cpp TIMEOUT 120)
aelab_test(test_cli test_cli.cpp TIMEOUT 180)
set_target_properties(test_trainer test_run test_ae test_modelfile test_cli PROPERTIES AUTOMOC ON)
# test_cli runs the real binary.
add_dependencies(test_cli aelab-cli)
