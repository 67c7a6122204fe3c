# ui/: the real MainWindow driven offscreen (Qt Test), and the Qt-free helpers
# it relies on in core/ (corruption, PCA, snapshots).
if(TARGET aelab_ui)
  aelab_test(test_gui test_gui.cpp LIBS aelab_ui TIMEOUT 120)
  set_target_properties(test_gui PROPERTIES AUTOMOC ON)
  aelab_test(test_language test_language.cpp LIBS aelab_ui TIMEOUT 60)
  set_target_properties(test_language PROPERTIES AUTOMOC ON)
  target_compile_definitions(test_language PRIVATE
    AELAB_TRANSLATIONS_DIR="${PROJECT_SOURCE_DIR}/resources/translations")
  # The image-folder reader (ui/worker/ImageFolder), without a window.
  aelab_test(test_image_folder test_image_folder.cpp LIBS aelab_ui TIMEOUT 60)
  set_target_properties(test_image_folder PROPERTIES AUTOMOC ON)
  # Plot exports through the atomic writer, with injected write faults.
  aelab_test(test_export test_export.cpp LIBS aelab_ui TIMEOUT 60)
  set_target_properties(test_export PROPERTIES AUTOMOC ON)
endif()
aelab_test(test_gui_core test_gui_core.cpp TIMEOUT 60)
set_target_properties(test_gui_core PROPERTIES AUTOMOC ON)
# `aelab --help` prints the options without a display (no DISPLAY, no
# platform plugin chosen): it must not need a window system.
if(TARGET aelab)
  add_test(NAME aelab_help_without_display
           COMMAND ${CMAKE_COMMAND} -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY --unset=QT_QPA_PLATFORM
                   $<TARGET_FILE:aelab> --help)
  set_tests_properties(aelab_help_without_display PROPERTIES PASS_REGULAR_EXPRESSION "--param" TIMEOUT 30)
endif()
