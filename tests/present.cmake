# Presentation mode (zoom, high contrast, advanced controls hidden, one view
# enlarged, Ctrl+Tab) and the drawing pad, through the real window offscreen.
if(TARGET aelab_ui)
  aelab_test(test_present_gui test_present_gui.cpp LIBS aelab_ui TIMEOUT 60)
  set_target_properties(test_present_gui PROPERTIES AUTOMOC ON)
  aelab_test(test_drawing_gui test_drawing_gui.cpp LIBS aelab_ui TIMEOUT 90)
  set_target_properties(test_drawing_gui PROPERTIES AUTOMOC ON)
endif()
