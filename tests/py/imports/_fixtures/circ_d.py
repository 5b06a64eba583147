from _fixtures.circ_c import c_value
d_value = "D"
