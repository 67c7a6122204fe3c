# Experiments (issue 14): the probe (logistic regression, k-NN, label
# budgets), fine-tuning an encoder with a softmax head, sweeps (spec, runner,
# results files), their gradient checks in double precision, and aelab-cli's
# probe, finetune and sweep commands run as a program.
aelab_test(test_experiment_gradcheck test_experiment_gradcheck.cpp DOUBLE LIBS aelab_gradcheck TIMEOUT 60)
aelab_test(test_probe test_probe.cpp support/ToyClusters.cpp TIMEOUT 120)
aelab_test(test_finetune test_finetune.cpp support/ToyClusters.cpp TIMEOUT 120)
aelab_test(test_sweep test_sweep.cpp support/CsvRows.cpp TIMEOUT 120)
aelab_test(test_experiment_cli test_experiment_cli.cpp support/CsvRows.cpp TIMEOUT 180)
set_target_properties(test_experiment_gradcheck test_probe test_finetune test_sweep test_experiment_cli
  PROPERTIES AUTOMOC ON)
add_dependencies(test_experiment_cli aelab-cli)
