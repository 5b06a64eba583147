import _fixtures.circ_e as e
print(e.e_value)
