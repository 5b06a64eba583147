# Attribute-heavy object-oriented code with many small objects: a warehouse of items, bins and
# orders as plain classes (with inheritance and properties), a linked list of events and a
# grid of cells with neighbour links, all walked and updated by attribute.
#
# Instance creation, attribute loads and stores on many objects of a few classes, method calls
# and property reads. Integer totals are checked against the same sums computed from plain
# numbers.
import sys

ITEMS = 300000
GRID = 150
STEPS = 30


class Item:
    def __init__(self, ident, weight, price):
        self.ident = ident
        self.weight = weight
        self.price = price
        self.bin = None


class FragileItem(Item):
    def __init__(self, ident, weight, price):
        super().__init__(ident, weight, price)
        self.padding = weight // 3 + 1

    @property
    def shipping_weight(self):
        return self.weight + self.padding


class Bin:
    def __init__(self, ident):
        self.ident = ident
        self.items = []
        self.load = 0

    def put(self, item):
        item.bin = self
        self.items.append(item)
        self.load += item.weight


class Event:
    def __init__(self, kind, amount, following):
        self.kind = kind
        self.amount = amount
        self.next = following


class Cell:
    def __init__(self, value):
        self.value = value
        self.east = None
        self.south = None


def warehouse():
    bins = [Bin(i) for i in range(97)]
    items = []
    for i in range(ITEMS):
        weight = 1 + i * 37 % 50
        price = 5 + i * 91 % 400
        item = FragileItem(i, weight, price) if i % 4 == 0 else Item(i, weight, price)
        bins[i % 97].put(item)
        items.append(item)
    total_load = sum(b.load for b in bins)
    shipping = 0
    for item in items:
        if isinstance(item, FragileItem):
            shipping += item.shipping_weight
        else:
            shipping += item.weight
    moved = 0
    for item in items:
        if item.price > 300 and item.bin.ident % 2 == 0:
            item.bin.load -= item.weight
            item.bin = bins[(item.bin.ident + 1) % 97]
            item.bin.load += item.weight
            moved += 1
    expected_load = sum(1 + i * 37 % 50 for i in range(ITEMS))
    expected_shipping = expected_load + sum((1 + i * 37 % 50) // 3 + 1 for i in range(0, ITEMS, 4))
    if total_load != expected_load or shipping != expected_shipping:
        sys.exit(f"small_objects: load {total_load} / shipping {shipping}")
    if sum(b.load for b in bins) != expected_load:
        sys.exit("small_objects: moving items lost weight")
    return total_load, shipping, moved


def ledger():
    head = None
    for i in range(ITEMS * 2):
        head = Event(i % 3, i % 101, head)
    balance = [0, 0, 0]
    count = 0
    node = head
    while node is not None:
        balance[node.kind] += node.amount
        count += 1
        node = node.next
    if count != ITEMS * 2 or sum(balance) != sum(i % 101 for i in range(ITEMS * 2)):
        sys.exit(f"small_objects: ledger {count} {balance}")
    return balance


def grid():
    cells = [[Cell((r * GRID + c) % 10) for c in range(GRID)] for r in range(GRID)]
    for r in range(GRID):
        for c in range(GRID):
            cell = cells[r][c]
            cell.east = cells[r][(c + 1) % GRID]
            cell.south = cells[(r + 1) % GRID][c]
    for _ in range(STEPS):
        for row in cells:
            for cell in row:
                cell.next_value = (cell.value + cell.east.value + cell.south.value) % 10
        for row in cells:
            for cell in row:
                cell.value = cell.next_value
    # The same automaton on plain lists of numbers.
    values = [[(r * GRID + c) % 10 for c in range(GRID)] for r in range(GRID)]
    for _ in range(STEPS):
        values = [
            [(values[r][c] + values[r][(c + 1) % GRID] + values[(r + 1) % GRID][c]) % 10 for c in range(GRID)]
            for r in range(GRID)
        ]
    total = sum(cell.value for row in cells for cell in row)
    if total != sum(sum(row) for row in values):
        sys.exit("small_objects: the grid of objects and the grid of numbers differ")
    return total


def main():
    load, shipping, moved = warehouse()
    balance = ledger()
    total = grid()
    print(f"small_objects: load {load}, shipping {shipping}, moved {moved}, ledger {balance}, grid {total}")


main()
