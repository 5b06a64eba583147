# `text[i]` on an exact ASCII str takes the loop's fast path; non-ASCII text, str subclasses,
# out-of-range and negative indices, bool and big-int keys and non-int keys take the general
# one. `x in y` decides a following conditional jump directly, with any container.

text = "hello, world"
print([text[i] for i in range(len(text))], text[-1], text[-len(text)], text[True], text[False])
for bad in (len(text), -len(text) - 1, 2**70, -(2**70)):
    try:
        text[bad]
    except IndexError as error:
        print("IndexError", bad if abs(bad) < 100 else "big", error)
for key in ("0", 1.0, None, [0]):
    try:
        text[key]
    except TypeError as error:
        print("TypeError", error)

accented = "naïve café 日本"
print([accented[i] for i in range(len(accented))], accented[-1], accented[5])


class Text(str):
    def __getitem__(self, index):
        return f"Text[{index!r}]"


special = Text("abc")
print(special[0], special[-1], special[5])


class Index:
    def __index__(self):
        return 4


print(text[Index()], accented[Index()])


def scan(value):
    count = 0
    position = 0
    while position < len(value) and value[position] in " \t\n":
        position += 1
        count += 1
    return count, value[position:]


print(scan("   \t\n  x y"), scan(""), scan("abc"))

for container in ("abc", ["a", 1], ("b",), {"a": 1}, {"a"}, frozenset("c"), b"abc", range(3)):
    results = []
    for item in ("a", 1, "c", b"a"[0]):
        try:
            if item in container:
                results.append(f"{item!r} in")
            elif item not in container:
                results.append(f"{item!r} not in")
        except TypeError as error:
            results.append(f"TypeError: {error}")
    print(type(container).__name__, results)


class Box:
    def __contains__(self, item):
        if item == "boom":
            raise ValueError("boom inside __contains__")
        return item == "yes"


box = Box()
print("yes" in box, "no" in box, "yes" not in box)
try:
    if "boom" in box:
        print("unreachable")
except ValueError as error:
    print("ValueError", error)

# Ranges: ints arithmetically, everything else by comparing with each element.
print(True in range(3), False in range(1, 3), 2.0 in range(3), 2.5 in range(3), "a" in range(3))
print(2**70 in range(2**40), 10 in range(0, 20, 5), 11 in range(0, 20, 5), -5 in range(0, -10, -5))
