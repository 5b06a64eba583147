# __len__, __getitem__, __setitem__, __contains__ and __bool__ on user classes.
class Deck:
    def __init__(self):
        self.cards = [f"{rank}{suit}" for suit in "SH" for rank in "A23"]
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, index):
        return self.cards[index]
deck = Deck()
print(len(deck), deck[0], deck[-1], deck[1:3])
print(list(deck), "2H" in deck, "KS" in deck)
for card in deck:
    print(card, end=" ")
print()
print(bool(deck), sorted(deck, reverse=True)[:3])
class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i
print(list(Squares()), 9 in Squares(), [s for s in Squares() if s % 2])
class Grid:
    def __init__(self):
        self.cells = {}
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
    def __len__(self):
        return len(self.cells)
g = Grid()
g[0, 0] = "X"
g[1, 2] = "O"
print(g[0, 0], g[5, 5], (1, 2) in g, (2, 1) in g, len(g))
del g[0, 0]
print(len(g), (0, 0) in g)
for r in range(3):
    print("".join(g[r, c] for c in range(3)))
class Empty:
    def __len__(self):
        return 0
class Falsy:
    def __bool__(self):
        return False
print(bool(Empty()), bool(Falsy()), "yes" if Empty() else "no", not Falsy())
