# core/data: IDX and CSV readers, generated sets, drawn shapes, the catalog.
aelab_test(test_data test_data.cpp TIMEOUT 120)
set_target_properties(test_data PROPERTIES AUTOMOC ON)
