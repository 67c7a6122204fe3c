# The mathematical checks of the core: layers, losses, optimizers, the RNG,
# and central-difference gradient checks in double precision.

# aelab_gradcheck: the gradient checker (tests/support/GradCheck.h, usage at
# its top). Any DOUBLE test may use it: aelab_test(... DOUBLE LIBS aelab_gradcheck)
add_library(aelab_gradcheck STATIC support/GradCheck.cpp)
target_link_libraries(aelab_gradcheck PUBLIC aelab_core_f64)
target_include_directories(aelab_gradcheck PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/support)

aelab_test(test_gradcheck test_gradcheck.cpp DOUBLE LIBS aelab_gradcheck TIMEOUT 60)
aelab_test(test_layers test_layers.cpp TIMEOUT 60)
aelab_test(test_optim test_optim.cpp TIMEOUT 60)
aelab_test(test_rng test_rng.cpp TIMEOUT 60)
set_target_properties(test_gradcheck test_layers test_optim test_rng PROPERTIES AUTOMOC ON)

# The thread pool (runs its own thread counts; AELAB_THREADS=1 only sets the start).
aelab_test(test_parallel test_parallel.cpp TIMEOUT 60)
set_target_properties(test_parallel PROPERTIES AUTOMOC ON)

# The process-wide allocator settings for training (its own process).
aelab_test(test_memory test_memory.cpp TIMEOUT 60)
set_target_properties(test_memory PROPERTIES AUTOMOC ON)
