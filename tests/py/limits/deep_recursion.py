# After raising the recursion limit, a 90,000-deep recursion completes.
import sys
sys.setrecursionlimit(100000)
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(90000))
def sum_to(n, acc=0):
    if n == 0:
        return acc
    return sum_to(n - 1, acc + n)
print(sum_to(90000))
def build(n):
    return [] if n == 0 else [build(n - 1)]
def measure(nested):
    count = 0
    while nested:
        nested = nested[0]
        count += 1
    return count
print(measure(build(50000)))
