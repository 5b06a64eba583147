# hash of numbers is specified; for strings and tuples only equality of hashes is portable.
print(hash(0), hash(1), hash(42), hash(-7), hash(True), hash(False))
print(hash(1.0) == hash(1), hash(2.0) == hash(2), hash(0.0) == hash(-0.0), hash(True) == hash(1))
print(hash("abc") == hash("ab" + "c"), hash((1, "a")) == hash((1, "a")), hash(()) == hash(tuple()))
print(hash(10 ** 5) == 10 ** 5, hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
d = {1: "int one"}
d[1.0] = "float one"
d[True] = "bool one"
print(d, len(d))
s = {0, 0.0, False}
print(len(s))
print(isinstance(hash("x"), int), isinstance(hash(3.7), int))
