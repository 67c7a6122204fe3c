# Exploration (issue 6): the Qt-free numerics in core/explore/ and the real
# window's exploration tabs driven offscreen.
aelab_test(test_explore_core test_explore_core.cpp TIMEOUT 60)
set_target_properties(test_explore_core PROPERTIES AUTOMOC ON)
if(TARGET aelab_ui)
  aelab_test(test_explore_gui test_explore_gui.cpp LIBS aelab_ui TIMEOUT 120)
  set_target_properties(test_explore_gui PROPERTIES AUTOMOC ON)
endif()
