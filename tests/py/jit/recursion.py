# Recursion through compiled code: deep recursion that exceeds the native nesting of compiled
# frames (the deeper frames run in the interpreter), RecursionError at the limit, and mutual
# recursion.
import sys

def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1

print(depth(500))
sys.setrecursionlimit(4000)
print(depth(3500))

def unbounded(n):
    return unbounded(n + 1) + 1

try:
    unbounded(0)
except RecursionError as error:
    print("RecursionError:", error)

sys.setrecursionlimit(1000)
try:
    depth(5000)
except RecursionError as error:
    print("RecursionError again:", error)

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print([is_even(n) for n in range(120)].count(True))

def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))

print(ackermann(2, 40), ackermann(3, 3))

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print([fib(n) for n in range(16)])
