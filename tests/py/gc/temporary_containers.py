# A container that only the instruction using it refers to (a call's result subscripted or
# searched at once) stays alive while user code runs inside the operation: a key's __hash__ or
# __eq__, an item's __eq__, a __setitem__/__delitem__ of a dict subclass. The gc-stress mode
# collects at every safepoint, so a container the collector could not see was freed under the
# lookup (krait crashed here before).


class Key:
    def __init__(self, number):
        self.number = number

    def __hash__(self):
        garbage = [[index] for index in range(30)]
        return hash(self.number) + len(garbage) - 30

    def __eq__(self, other):
        garbage = [[index] for index in range(30)]
        return isinstance(other, Key) and self.number == other.number and len(garbage) == 30


def table():
    return {Key(index): index * index for index in range(25)}


def keys():
    return [Key(index) for index in range(6)]


class Recording(dict):
    def __setitem__(self, key, value):
        garbage = [[index] for index in range(30)]
        super().__setitem__(key, (value, len(garbage)))

    def __delitem__(self, key):
        garbage = [[index] for index in range(30)]
        super().__delitem__(key)


total = 0
for round_number in range(60):
    total += table()[Key(round_number % 25)]
    total += Key(round_number % 30) in table()
    total += Key(3) in keys()
    total += Key(9) not in keys()
    recording = Recording()
    recording[Key(1)] = round_number
    total += recording[Key(1)][0] + recording[Key(1)][1]
    del recording[Key(1)]
    total += len(recording)
    try:
        table()[Key(99)]
    except KeyError as error:
        total += isinstance(error.args[0], Key)
print(total)
