# any and all short-circuit and work on any iterable.
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]), any([0, 0, 1]), all([1, 1, 0]))
print(any("abc"), all(""), any(x > 3 for x in range(5)), all(x < 5 for x in range(5)))
checked = []
def check(v):
    checked.append(v)
    return v > 2
print(any(check(v) for v in [1, 2, 3, 4, 5]), checked)
checked.clear()
print(all(check(v) for v in [5, 4, 1, 6]), checked)
words = ["apple", "avocado", "banana"]
print(all(w.islower() for w in words), any(w.startswith("b") for w in words), all(w.startswith("a") for w in words))
grid = [[1, 0], [0, 0]]
print(any(any(row) for row in grid), all(all(row) for row in grid))
print(any({0: "x"}), any({1: ""}), all({0: 1}), any(set()), all(range(1, 4)))
