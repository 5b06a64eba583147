# Deep recursion through `yield from` and `await` in compiled code: nested resumes stay within
# the native stack (compiled frames nest up to the JIT depth limit, then the interpreter takes
# over) and reach RecursionError at the recursion limit, as CPython does.
import sys
def rec(n):
    if n == 0:
        yield 0
        return
    yield from rec(n - 1)

async def arec(n):
    if n == 0:
        return 0
    return await arec(n - 1) + 1

def drive(c):
    try:
        c.send(None)
    except StopIteration as s:
        return s.value

for depth in (100, 500, 900):
    for _ in range(5):
        r = sum(rec(depth))
    print(depth, r, drive(arec(depth)))
for depth in (5000, 100000):
    try:
        print(sum(rec(depth)))
    except RecursionError as e:
        print("RecursionError", depth)
    try:
        print(drive(arec(depth)))
    except RecursionError as e:
        print("RecursionError a", depth)
