# complex: construction (numbers and strings), arithmetic, repr, format, hashing, errors.

def show(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as error:
        print(label, type(error).__name__ + ":", error)

print(complex(), complex(1), complex(1.5, -2), complex(1j, 1j), complex(real=3, imag=4), complex(imag=2), complex(True, False))
for text in ["1+2j", "  (3-4j)  ", "-1.5e3j", "j", "-j", "+J", "2", "inf+nanj", "-infj", "1e-3-1e3j", "0x1", "1+", "1 + 2j", "", "(1+2j", "1+2jj", "nan", "1_000+2_0j", "3.j", ".5-.5j"]:
    show(repr(text), lambda: complex(text))
show("str and imag", lambda: complex("1", 2))
show("imag str", lambda: complex(1, "2"))
show("bad type", lambda: complex([]))
show("none", lambda: complex(None))
class WithComplex:
    def __complex__(self):
        return 2 + 3j
class WithFloat:
    def __float__(self):
        return 1.25
class WithIndex:
    def __index__(self):
        return 7
print(complex(WithComplex()), complex(WithFloat()), complex(WithIndex()), complex(WithFloat(), WithFloat()))

# repr and str.
for z in [0j, -0j, complex(0, -0.0), complex(-0.0, 0), complex(-0.0, -0.0), 1 + 0j, 1.5 - 2.25j, complex(1e20, 1e-7), complex(float("inf"), float("-inf")), complex(float("nan"), 1), 3j, -3j, complex(2, float("nan")), complex(1e16, 1), 1e300j * 10]:
    print(repr(z), str(z))

# Arithmetic.
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, -a, +a, a + 1, 1 + a, a * 2.5, 2 / a, a - 1.5, a ** 2, a ** 0.5, a ** b, 2 ** a, a ** -1, a ** 0, 0j ** 0)
print((1 + 1j) ** 10, (1 + 1j) ** 100, 1j ** 2, 1j ** 3, (2 + 0j) ** 3, (-1 + 0j) ** 0.5, (0.5 + 0.5j) ** 200)
print(abs(a), abs(-3j), abs(0j), a.conjugate(), a.real, a.imag, (5j).real, type(a.real).__name__)
show("div zero", lambda: a / 0)
show("div zero c", lambda: a / 0j)
show("pow zero", lambda: 0j ** -1)
show("pow zero c", lambda: 0j ** (1 + 1j))
show("floordiv", lambda: a // 2)
show("mod", lambda: a % 2)
show("divmod", lambda: divmod(a, 2))
show("lt", lambda: a < b)
show("ge int", lambda: a >= 1)
show("int()", lambda: int(a))
show("float()", lambda: float(a))
show("abs overflow", lambda: abs(complex(1.7e308, 1.7e308)))
show("pow overflow", lambda: complex(1e200, 1e200) ** 2)
z = 1 + 2j
z += 1
z *= 1j
print(z)

# Equality and hashing.
print(1 + 0j == 1, 1 + 0j == 1.0, 1j == 1j, 2j != 2, (1 + 0j) == True, hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(1j), hash(3 - 4j), hash(complex(-1, 0)))
print({1: "int", 1 + 0j: "complex"}, 1j in {1j: 0}, len({0j, 0, 0.0, False}))

# format().
for spec in ["", "g", ".2f", "10.3f", "<20", "^20.2e", "+", "+.1f", "e", "G", ".3", "=+20.1f", "010.2f" if False else ".0f", ",.2f", "_.1f"]:
    show(spec, lambda: format(1234.5 - 6.75j, spec))
print(format(3j, ""), format(3j, "g"), format(1 + 0j, ""), format(1 + 0j, "g"), format(complex(float("nan"), float("inf")), ".2f"), f"{2 - 0.5j:8.2f}|")
show("bad spec", lambda: format(1j, "d"))
show("zero pad", lambda: format(1j, "010.2f"))
show("eq align", lambda: format(1j, "=10"))
show("percent", lambda: format(1j, "%"))
print(isinstance(1j, complex), type(1j).__name__, bool(0j), bool(1e-300j), complex.__name__)
