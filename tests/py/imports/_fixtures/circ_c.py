from _fixtures.circ_d import d_value
c_value = "C"
