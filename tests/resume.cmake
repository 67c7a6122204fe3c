# Exact resume: a run saved mid-way and resumed equals an uninterrupted one to the bit.
aelab_test(test_resume test_resume.cpp TIMEOUT 60)
set_target_properties(test_resume PROPERTIES AUTOMOC ON)
