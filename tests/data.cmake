# core/data: IDX and CSV readers, generated sets, drawn shapes, the catalog.
aelab_test(test_data test_data.cpp TIMEOUT 120)
set_target_properties(test_data PROPERTIES AUTOMOC ON)
# Memory budgets: datasets estimated and refused before they are read.
aelab_test(test_memory_budget test_memory_budget.cpp TIMEOUT 60)
set_target_properties(test_memory_budget PROPERTIES AUTOMOC ON)
