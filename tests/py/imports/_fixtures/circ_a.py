print("circ_a starts")
import _fixtures.circ_b as circ_b
print("circ_a sees circ_b.value =", circ_b.value)
value = "A"


def from_b():
    return circ_b.greet()
