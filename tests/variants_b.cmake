# Variants of issue 3, part B: aae, stacked, masked (imputation), hashing
# (retrieval), their data helpers and aelab-cli's retrieve / masked eval.
aelab_test(test_variants_b test_variants_b.cpp LIBS aelab_cli TIMEOUT 240)
# Central differences in double precision for every new layer and loss term.
aelab_test(test_gradcheck_variants_b test_gradcheck_variants_b.cpp DOUBLE LIBS aelab_gradcheck TIMEOUT 60)
set_target_properties(test_variants_b test_gradcheck_variants_b PROPERTIES AUTOMOC ON)
