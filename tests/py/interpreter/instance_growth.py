# Instances reserve as many attribute slots as earlier instances of their class needed; the
# attributes themselves behave the same however many each instance ends up with.


class Record:
    def __init__(self, count):
        for index in range(count):
            setattr(self, f"field{index}", index * index)


records = [Record(count) for count in (0, 3, 12, 1, 20, 5, 0, 20)]
for record in records:
    names = sorted(vars(record))
    print(len(names), names[:3], sum(getattr(record, name) for name in names))

late = Record(2)
late.extra = "added after"
del late.field0
late.field0 = "re-added"
print(vars(late))


class Grows:
    pass


items = []
for size in range(1, 8):
    item = Grows()
    for index in range(size):
        item.__dict__[f"k{index}"] = index
    item.tail = size
    items.append(item)
print([sorted(vars(item)) for item in items[-2:]])
print([item.tail for item in items])


class Sub(Record):
    def __init__(self):
        super().__init__(4)
        self.own = "own"


print(sorted(vars(Sub())), sorted(vars(Record(2))))
