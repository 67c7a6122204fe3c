# Warnings: all and extra, less known false positives of GCC, hidden so
# that real warnings stand out.
add_compile_options(-Wall -Wextra)
# -Wmissing-field-initializers fires on C++20 designated initializers that
# leave members to their defaults (GCC bug 96868; the variants' ParamSpecs
# are written that way), and GCC 12 reports -Wrestrict inside std::string's
# own copies (bug 105329).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  add_compile_options(-Wno-missing-field-initializers)
  if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    add_compile_options(-Wno-restrict)
  endif()
endif()

# Compiler flags for speed. Measured on the development machine (see
# bench/README.md): -O3 with -march=native is fastest, but GCC 12's
# -march=native on Zen 3 also implies -mtune=znver3, which makes Eigen's
# matrix products markedly slower, so the tuning is reset to generic.
if(CMAKE_BUILD_TYPE STREQUAL "Release")
  add_compile_options(-O3)
endif()
if(NOT AELAB_PORTABLE)
  add_compile_options(-march=native -mtune=generic)
  # GCC 12's own AVX-512 intrinsics trip its -Wmaybe-uninitialized (a
  # deliberately undefined __Y inside its header, GCC bug 105593): hundreds
  # of false warnings through Eigen's code, which would hide ours.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    add_compile_options(-Wno-maybe-uninitialized)
  endif()
endif()

# Eigen's own matrix products are the default. With AELAB_USE_BLAS they call
# the system BLAS instead (on Debian: whatever libblas.so.3 points at, e.g.
# OpenBLAS); bench/flags.sh compares the two.
option(AELAB_USE_BLAS "Let Eigen's matrix products call the system BLAS (EIGEN_USE_BLAS)" OFF)
if(AELAB_USE_BLAS)
  find_package(BLAS REQUIRED)
  add_compile_definitions(EIGEN_USE_BLAS)
  link_libraries(BLAS::BLAS)
endif()
