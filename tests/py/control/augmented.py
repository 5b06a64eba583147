# Augmented assignment: in-place for mutable objects, rebinding for immutable ones.
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n **= 3; print(n)
n %= 7; print(n)
n /= 4; print(n)
n = 6
n &= 3; print(n)
n |= 8; print(n)
n ^= 1; print(n)
n <<= 2; print(n)
n >>= 1; print(n)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst = lst + [4]
print(lst, alias, lst is alias)
tup = (1,)
tup_alias = tup
tup += (2,)
print(tup, tup_alias)
d = {"count": 0}
for _ in range(5):
    d["count"] += 1
print(d)
grid = [[0] * 2 for _ in range(2)]
grid[1][1] += 7
grid[0][1] -= 1
print(grid)
class Counter:
    total = 0
c = Counter()
c.total += 3
Counter.total += 10
print(c.total, Counter.total)
calls = []
def key():
    calls.append("key")
    return "k"
store = {"k": 1}
store[key()] += 1
print(store, calls)
f = 1.5
f += 1
f *= 2
print(f)
