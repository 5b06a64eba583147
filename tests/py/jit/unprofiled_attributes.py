# Attribute instructions that had never run when their code was compiled (a function compiled
# at its first hot loop, whose later loops then meet attributes for the first time) deopt and
# are recompiled with what the interpreter recorded. Sites the cache can never hold (module
# attributes, class attributes, builtin receivers, properties, instances with __getattr__)
# must still give the right answers and stop recompiling.
import math


class Cell:
    def __init__(self, value):
        self.value = value
        self.east = None


class Lazy:
    def __getattr__(self, name):
        return len(name)


class WithProperty:
    def __init__(self):
        self._x = 3

    @property
    def x(self):
        return self._x * 2


class Counter:
    total = 0


def phases(count):
    cells = []
    for i in range(count):
        cells.append(Cell(i % 10))
    for index, cell in enumerate(cells):
        cell.east = cells[(index + 1) % count]
    total = 0
    for cell in cells:
        total += cell.value + cell.east.value
        cell.value = (cell.value + 1) % 10
    names = []
    for i in range(count):
        total += int(math.pi) + Counter.total
        names.append(str(i).zfill(3))
    lazy = Lazy()
    prop = WithProperty()
    for i in range(count):
        total += lazy.abc + prop.x
        Counter.total = i % 3
    return total, len(names), names[-1]


for _ in range(6):
    print(phases(3000))
