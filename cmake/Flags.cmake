# Compiler flags for speed. Measured on the development machine (see
# bench/README.md): -O3 with -march=native is fastest, but GCC 12's
# -march=native on Zen 3 also implies -mtune=znver3, which makes Eigen's
# matrix products markedly slower, so the tuning is reset to generic.
add_compile_options(-Wall -Wextra)
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  add_compile_options(-O3)
endif()
if(NOT AELAB_PORTABLE)
  add_compile_options(-march=native -mtune=generic)
endif()
