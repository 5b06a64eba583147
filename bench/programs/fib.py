# Recursive Fibonacci: a storm of small calls, integer additions and comparisons.
#
# fib(35) makes 29,860,703 calls. The result is checked against the value computed by the
# iterative definition, so a wrong call or addition anywhere shows.
import sys

N = 35


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_iterative(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def main():
    result = fib(N)
    expected = fib_iterative(N)
    if result != expected or expected != 9227465:
        sys.exit(f"fib: fib({N}) = {result}, expected {expected}")
    print(f"fib({N}) = {result}")


main()
