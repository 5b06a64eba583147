# sys.argv, sys.maxsize, sys.stdout.write, sys.stderr and the recursion limit.
import sys
print(type(sys.argv).__name__, len(sys.argv), sys.argv[0].endswith("sys_basics.py"))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.maxsize + 1)
n = sys.stdout.write("written with sys.stdout.write\n")
print("returned", n)
sys.stdout.write("no newline, ")
sys.stdout.write("then one\n")
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(1500))
print(sys.version_info[0], sys.version_info >= (3, 0), type(sys.version).__name__)
sys.stdout.flush()
print(sys.stdout is not sys.stderr, hasattr(sys.stdout, "write"))
