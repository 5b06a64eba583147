print("circ_b starts")
import _fixtures.circ_a as circ_a
print("circ_b sees a partial circ_a:", hasattr(circ_a, "value"), circ_a.__name__)
value = "B"


def greet():
    return "hello from circ_b, circ_a.value = " + circ_a.value
