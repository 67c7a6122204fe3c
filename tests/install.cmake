# The installed layout, the desktop entry and AppStream file (validated), and
# the Debian package cpack makes (cmake/Install.cmake). Needs the GUI build:
# the package holds the window.
if(AELAB_BUILD_GUI AND NOT AELAB_SANITIZE)
  add_test(NAME test_install
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/install/check_install.sh ${PROJECT_BINARY_DIR})
  set_tests_properties(test_install PROPERTIES TIMEOUT 300)
endif()
