# A recursive call of a compiled function, made inline by the function's own compiled code, enters
# that code directly: there is no check that the callee is compiled, since it is the very code
# running. Everything else about the call must stay as the interpreter has it: the callable's
# identity (the global rebound mid-recursion, to a Python function, a builtin, a class), another
# function object sharing the code but not the globals, the code invalidated and recompiled while
# an older activation still recurses, exceptions deep inside with every frame in the traceback,
# the recursion limit lowered and raised after compiling, ints growing into big ints, and
# collections while the recursion allocates.
import sys


def frames_of(error):
    names = []
    traceback = error.__traceback__
    while traceback is not None:
        names.append((traceback.tb_frame.f_code.co_name, traceback.tb_lineno))
        traceback = traceback.tb_next
    return names


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


for _ in range(30):
    fib(12)
print("fib", fib(20))


# Rebinding the recursive global while the recursion runs: the calls made after the rebinding
# call the new function, the ones already entered finish as they were.
def walk(n):
    if n == 0:
        return 0
    if n == 7:
        global walk
        walk = replacement
    return 1 + walk(n - 1)


def replacement(n):
    return 1000 + n


def original_walk(n):
    if n == 0:
        return 0
    return 1 + original_walk(n - 1)


for _ in range(40):
    original_walk(20)
print("original walk", original_walk(30))
saved_walk = walk
for _ in range(3):
    walk = saved_walk
    print("walk", walk(20))


# The recursive name rebound to a builtin and to a class after compiling.
def shrink(n):
    if n <= 1:
        return [n]
    return shrink(n // 2)


for _ in range(50):
    shrink(100)
print("shrink", shrink(100))
saved_shrink = shrink
shrink = abs
print("shrink as abs", saved_shrink(-40))
shrink = str
print("shrink as str", saved_shrink(40))
shrink = saved_shrink


# The same code in two function objects with different globals (one module source run in
# two namespaces): the recursive call inside each finds its own module's `count_down`.
SOURCE = """
def count_down(n):
    if n == 0:
        return "done in " + NAME
    return count_down(n - 1)
"""
module_code = compile(SOURCE, "<twins>", "exec")
first_globals = {"NAME": "first"}
second_globals = {"NAME": "second"}
exec(module_code, first_globals)
exec(module_code, second_globals)
first_count_down = first_globals["count_down"]
second_count_down = second_globals["count_down"]
print("same code", first_count_down.__code__ is second_count_down.__code__)
for _ in range(50):
    first_count_down(10)
print("first", first_count_down(12), "second", second_count_down(12))
for _ in range(50):
    second_count_down(10)
print("first", first_count_down(12), "second", second_count_down(12))
second_globals["count_down"] = lambda n: "rebound in second at %d" % n
print("first", first_count_down(12), "second", second_count_down(12))
first_globals["count_down"] = second_count_down
print("first", first_count_down(12))


# Types flipping under a compiled recursion: floats and big ints deopt the guards at every
# depth; many of them invalidate the code, and it is recompiled while activations of the older
# version are still on the stack.
def total(n, step):
    if n <= 0:
        return n
    return n + total(n - step, step)


for _ in range(60):
    total(30, 1)
print("ints", total(30, 1))
print("floats", total(30.5, 1))
print("big", total(2**70, 2**68), total(30, 2**60))
for _ in range(10):
    total(25.25, 1.5)
print("after recompiles", total(30, 1), total(3.5, 0.5))


# Int results growing past the inline int range inside the recursion.
def power(base, exponent):
    if exponent == 0:
        return 1
    half = power(base, exponent // 2)
    if exponent % 2:
        return half * half * base
    return half * half


for _ in range(40):
    power(3, 20)
print("power", power(3, 20), power(3, 200), power(-7, 121))


# An exception raised by the 500th nested call: every frame is in the traceback, each at the
# line of its call.
def nest(n, stop):
    if n == stop:
        raise ValueError("nested %d" % n)
    return nest(n + 1, stop) + 1


for _ in range(40):
    try:
        nest(0, 30)
    except ValueError:
        pass
try:
    nest(0, 500)
except ValueError as error:
    frames = frames_of(error)
    print("raised", error, len(frames), frames[0], frames[1], frames[-1])
    print("lines", sorted(set(line for _, line in frames[1:])))


# The recursion limit, lowered and raised after compiling: RecursionError exactly where the
# interpreter raises it.
def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


for _ in range(40):
    depth(50)


def deepest(limit):
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(limit)
    try:
        low, high = 0, limit
        while low < high:
            middle = (low + high + 1) // 2
            try:
                depth(middle)
                low = middle
            except RecursionError:
                high = middle - 1
        return low
    finally:
        sys.setrecursionlimit(old)


first = deepest(400)
print("reachable under 400", first)
print("reachable under 3000 (more)", deepest(3000) - first)
print("reachable under 300 (less)", first - deepest(300))
try:
    depth(100000)
except RecursionError as error:
    print("recursion error", error)


# A recursion that allocates: collections happen while its frames are on the stack.
def build(n):
    if n == 0:
        return None
    return (n, [n] * 3, build(n - 1))


for _ in range(40):
    build(20)
chain = build(400)
length = 0
while chain is not None:
    length += chain[1][2] == chain[0]
    chain = chain[2]
print("chain", length)


# A recursive method (the receiver's method found by the attribute cache) and a recursion that
# switches to an uncompiled function partway.
class Tree:
    def __init__(self, depth):
        self.children = [Tree(depth - 1), Tree(depth - 1)] if depth else []

    def size(self):
        count = 1
        for child in self.children:
            count += child.size()
        return count


tree = Tree(6)
for _ in range(30):
    tree.size()
print("tree", tree.size())


def hop(n):
    if n <= 0:
        return "landed"
    if n == 3:
        return slow_hop(n - 1)
    return hop(n - 1)


def slow_hop(n):
    try:
        return hop(n)
    finally:
        pass


for _ in range(40):
    hop(10)
print("hop", hop(20))
