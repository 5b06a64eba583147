# Naive recursive Fibonacci: a benchmark of calls and small-integer arithmetic.
#
#     krait examples/fib.py [n]
#
# n defaults to 34 (about a second under CPython); also prints fib(90) computed iteratively,
# which needs more than 53 bits.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_loop(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 34
    print(f"fib({n}) = {fib(n)}")
    print(f"fib(90) = {fib_loop(90)}")


main()
