# A hot loop whose operand types change in the middle: ints, then floats, then strings, then
# a mix. Compiled code speculates on the types it saw; each change fails a guard, deopts to the
# interpreter, and after repeated failures the code is recompiled without that speculation.

def accumulate(values):
    total = values[0]
    for value in values[1:]:
        total = total + value
    return total

def scaled(values, factor):
    out = []
    for value in values:
        out.append(value * factor + value)
    return out

ints = list(range(3000))
print(accumulate(ints))
floats = [x / 4 for x in range(3000)]
print(accumulate(floats))
mixed = ints[:1500] + floats[:1500]
print(accumulate(mixed))
print(accumulate(["a", "b", "c"] * 700)[:12], len(accumulate(["xy"] * 2100)))
print(accumulate([[1], [2]] * 600)[-4:])

for round_number in range(4):
    print(sum(scaled(ints, 3)), sum(scaled(floats, 0.5)), scaled(["ab"] * 3, 2)[:2])

# The type changes inside one long-running loop (entered by OSR).
total = 0
for i in range(20000):
    if i == 12000:
        total = float(total)
    if i == 16000:
        total = complex(total)
    total = total + i
print(total)

def compare_all(items, pivot):
    below = 0
    for item in items:
        if item < pivot:
            below += 1
    return below

print(compare_all(range(5000), 2500), compare_all([x * 0.5 for x in range(5000)], 100.25))
print(compare_all(["b", "a", "c"] * 1000, "b"), compare_all([1, 2.5, 3] * 1000, 2))
