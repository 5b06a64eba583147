# Compiled code looks small int keys up in dicts and sets without the generic path. Stored keys
# that equal an int without being one (floats, bools), keys whose hashes collide (-1 and -2),
# stored objects whose __eq__ is Python code, big ints and dict subclasses must all give what
# CPython gives.


class Same:
    def __init__(self, value):
        self.value = value

    def __hash__(self):
        return hash(self.value)

    def __eq__(self, other):
        log.append(other)
        return other == self.value


class Table(dict):
    def __getitem__(self, key):
        return ("subclass", key)

    def __contains__(self, key):
        return key == 3


log = []


def probe(table, keys, rounds):
    hits = 0
    found = []
    for _ in range(rounds):
        for key in keys:
            if key in table:
                hits += 1
                found.append(table[key])
            if key not in table:
                hits -= 1
    return hits, found[-len(keys):]


plain = {i: i * i for i in range(0, 40, 2)}
print(probe(plain, [0, 1, 2, -1, -2, 38, 39, 2**40], 300))

mixed = {2.0: "float two", True: "true", -2: "minus two", 10**20: "big", "7": "str seven"}
print(probe(mixed, [2, 1, 0, -1, -2, 7, 10**20], 50))

strange = {Same(5): "same five", 6: "six"}
print(probe(strange, [5, 6, 7], 20), len(log))

members = {1, 3, 5.0, False}
print(probe({k: k for k in members}, [0, 1, 3, 5, 6], 40), sum(1 for k in range(10) if k in members))

print(probe(Table(a=1), [1, 3], 30))


def missing(table, n):
    errors = 0
    for i in range(n):
        try:
            table[i]
        except KeyError as error:
            errors += 1
            last = error
    return errors, repr(last)


print(missing({0: 0, 2: 2}, 500))
