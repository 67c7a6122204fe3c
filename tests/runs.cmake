# Kept runs and their comparison: the core (curves, differences, weights,
# one change) and the Runs tab through the real window.
aelab_test(test_runs test_runs.cpp TIMEOUT 120)
set_target_properties(test_runs PROPERTIES AUTOMOC ON)
if(TARGET aelab_ui)
  aelab_test(test_runs_gui test_runs_gui.cpp LIBS aelab_ui TIMEOUT 180)
  set_target_properties(test_runs_gui PROPERTIES AUTOMOC ON)
endif()
