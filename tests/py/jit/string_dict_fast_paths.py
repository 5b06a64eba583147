# Compiled code's fast paths for strs and dicts: str[i], str comparisons, `in` on strs, dicts
# and sets, dict loads and stores with str keys, methods of builtin receivers, and ints that
# outgrew the inline range. Each site later meets values the fast path must refuse: subclasses
# with their own dunders, keys whose __eq__ runs Python code, non-ASCII text, missing keys.


class LoudStr(str):
    def __eq__(self, other):
        return "equal" if str.__eq__(self, other) else ""

    def __lt__(self, other):
        return len(self) < len(other)

    __hash__ = str.__hash__

    def __contains__(self, item):
        return item == "x"


class Colliding:
    def __init__(self, text):
        self.text = text

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        calls.append(self.text)
        return other == self.text


class Defaulting(dict):
    def __missing__(self, key):
        return len(key)

    def __setitem__(self, key, value):
        dict.__setitem__(self, key, value * 2)

    def __contains__(self, key):
        return True


calls = []


def scan(text, table, words, rounds):
    total = 0
    out = []
    for _ in range(rounds):
        for i in range(len(text)):
            ch = text[i]
            if ch == "a" or ch < "c":
                total += 1
            if ch in "aeiou":
                total += 2
            if ch in table:
                total += table[ch]
            if text[-1 - i] != ch:
                total += 3
        for word in words:
            table[word] = table.get(word, 0) + 1
            if word in table:
                total += 1
            out.append(word.upper().lower().strip())
    return total, len(out), out[-3:]


table = {"a": 1, "b": 2, "é": 5}
print(scan("abcabcaeé日本x", table, ["ka", "ri", "to", "ka"], 200))
print(sorted(table.items()))

# The same compiled sites meet a str subclass, a colliding key and a dict subclass.
table2 = Defaulting(a=1)
table2[Colliding("ka")] = 7
print(scan(LoudStr("abx"), table2, [LoudStr("ka"), "ri"], 3))
print(sorted(calls)[:5], len(calls))
print(sorted((str(k) if not isinstance(k, Colliding) else "C:" + k.text, v) for k, v in table2.items()))


def errors(text, table):
    results = []
    for probe in (0, 1, 50, -60):
        try:
            results.append(text[probe])
        except IndexError as error:
            results.append(f"IndexError: {error}")
    for key in ("a", "zz", 3):
        try:
            results.append(table[key])
        except KeyError as error:
            results.append(f"KeyError: {error}")
    for item in ("a", 3, None):
        try:
            results.append(item in text)
        except TypeError as error:
            results.append(f"TypeError: {error}")
    try:
        results.append(text < 3)
    except TypeError as error:
        results.append(f"TypeError: {error}")
    return results


for _ in range(250):
    last = errors("abc", {"a": 1})
print(last)


def methods(values):
    # One LoadMethod site sees strs, lists, dicts and instances in turn.
    total = 0
    for value in values:
        total += value.count("a") if not isinstance(value, dict) else len(value.keys())
    return total


class Counter:
    def count(self, item):
        return 100

    def keys(self):
        return []


print(methods(["banana", ["a", "a"], {"x": 1}, Counter(), "aaa"] * 100))


def lcg(n):
    seed = 42
    total = 0
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        total = total * 31 + seed
        total = total - (total >> 70 << 70)
        total ^= seed << 40
    return seed, total


print(lcg(3000))
print(2**62 * 3 + 2**62, -(2**63) - 1, (2**63 - 1) * 2, 7**30 // 3, 2**63 % 1000)


def traceback_inside(text):
    for i in range(300):
        if text[i % 3] == "c" and i > 250:
            {"a": 1}[text[i % 3]]


try:
    traceback_inside("abc")
except KeyError as error:
    print("KeyError:", error)
