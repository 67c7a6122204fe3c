# Session files (.aelab): the zip container, every run kept to the bit, every
# malformed file refused; and save/open through the window.
aelab_test(test_session test_session.cpp TIMEOUT 60)
set_target_properties(test_session PROPERTIES AUTOMOC ON)
if(TARGET aelab_ui)
  aelab_test(test_session_gui test_session_gui.cpp LIBS aelab_ui TIMEOUT 120)
  set_target_properties(test_session_gui PROPERTIES AUTOMOC ON)
endif()
