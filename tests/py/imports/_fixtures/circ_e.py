import _fixtures.circ_f
e_value = "E"
