# Lessons and explanations: the files' parser (core/lessons) and every
# shipped lesson and explanation through the real window.
aelab_test(test_lessons test_lessons.cpp TIMEOUT 60)
set_target_properties(test_lessons PROPERTIES AUTOMOC ON)
if(TARGET aelab_ui)
  aelab_test(test_lessons_gui test_lessons_gui.cpp LIBS aelab_ui TIMEOUT 120)
  set_target_properties(test_lessons_gui PROPERTIES AUTOMOC ON)
endif()
