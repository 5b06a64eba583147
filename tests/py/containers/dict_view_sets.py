# dict.keys() and dict.items() are set-like: operators with any iterable, comparisons with
# sets, isdisjoint. values() is not.
first = {"a": 1, "b": 2, "c": 3}
second = {"b": 20, "c": 30, "d": 40}
keys = first.keys()
print(sorted(keys & second.keys()), sorted(keys | second), sorted(keys - {"a"}), sorted(keys ^ ["a", "z"]))
print(sorted({"a", "q"} - keys), sorted(["c", "x"] & keys), sorted(("a",) | keys), type(keys & keys).__name__)
items = first.items()
print(sorted(items & {("a", 1), ("b", 5)}), sorted(items - {("a", 1)}), sorted(items | [("z", 0)]))
print(keys == {"a", "b", "c"}, keys != {"a"}, keys <= {"a", "b", "c", "d"}, keys < {"a", "b", "c"})
print(keys >= {"a"}, keys > keys, {"a", "b", "c"} == keys, items == {("a", 1), ("b", 2), ("c", 3)})
print(keys == ["a", "b", "c"], keys == first.keys(), first.values() == first.values())
print(keys.isdisjoint(["x", "y"]), keys.isdisjoint("abc"), items.isdisjoint([("a", 1)]))
result = keys
result |= {"new"}
print(sorted(result), type(result).__name__, sorted(first))
for bad in (lambda: first.values() & {1}, lambda: keys & 5, lambda: keys < 3):
    try:
        bad()
    except TypeError as error:
        print("TypeError:", error)
first["e"] = 5
print(sorted(keys - {"a"}), "e" in keys)
