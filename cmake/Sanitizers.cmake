# Sanitizer builds (CMakePresets.json: asan, tsan; scripts/sanitize.sh) and
# the libFuzzer build (AELAB_FUZZ; scripts/fuzz.sh). Each instruments every
# target, Qt-using ones included; Qt itself and the system libraries are not.
set(AELAB_SANITIZE "" CACHE STRING "Sanitizers for every target: address,undefined or thread (empty: none)")

if(AELAB_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "AELAB_FUZZ needs clang's libFuzzer: configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  if(NOT AELAB_SANITIZE)
    set(AELAB_SANITIZE address,undefined)
  endif()
  # Coverage for libFuzzer everywhere; its main() only in the fuzz targets.
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(AELAB_SANITIZE)
  # Undefined behaviour stops the program (a test fails) instead of printing
  # and going on; frame pointers and -g for readable reports. The presets
  # build at -O1 (quicker to compile, reports exact, speed bearable).
  add_compile_options(-fsanitize=${AELAB_SANITIZE} -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=${AELAB_SANITIZE})
  if(AELAB_SANITIZE MATCHES "undefined")
    add_compile_options(-fno-sanitize-recover=undefined)
  endif()
  add_compile_definitions(AELAB_SANITIZER="${AELAB_SANITIZE}")
endif()
