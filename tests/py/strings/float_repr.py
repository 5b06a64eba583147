# repr and str of floats: shortest round-trip digits, with CPython's choice in exact ties, over
# many magnitudes (the serializer benchmark's repr(float) path).
values = []
for i in range(1, 400):
    values += [i * 0.37, i / 7.0 - 30.25, -i * 1.5e-7, (i * 2654435761 % 1000003) / 1000003.0]
    values += [i * 2.0 ** -i, 2.0 ** (i % 120), i * 0.5, i * 0.125 + 1e16, 1.0 / i]
values += [5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 9007199254740993.0,
           0.1 + 0.2, 1e22, 1e23, 123456789012345678.0, 0.3, 2.5, 0.000123, 1e-5, 1e16, 1e15]
lines = [repr(value) for value in values]
print(len(lines))
for start in range(0, len(lines), 12):
    print(" ".join(lines[start:start + 12]))
print(all(float(text) == value for text, value in zip(lines, values)))
print(str(0.1), str(-0.0), f"{2.675:.2f}", "%r %s" % (1.1, 2.2))
