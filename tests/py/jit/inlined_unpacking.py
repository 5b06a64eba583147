# `a, b = pair` inside a callee whose body (or prefix) is inlined into its caller: an exact tuple
# or list of the right length is taken apart by loads; anything else leaves the inlined body and
# the call is made (a whole body deopts the caller at the call, a prefix makes the call), so the
# interpreter's errors, tracebacks and the unpacking protocol of other iterables are unchanged.


def frames_of(error):
    names = []
    traceback = error.__traceback__
    while traceback is not None:
        names.append((traceback.tb_frame.f_code.co_name, traceback.tb_lineno))
        traceback = traceback.tb_next
    return names


# A recursive tree walk whose leaf test is its inlined prefix.
def make_tree(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tree(depth), make_tree(depth))


def check_tree(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


tree = make_tree(6)
for _ in range(30):
    check_tree(tree)
print("tuples", check_tree(tree))
print("lists", check_tree([[None, None], [[None, None], (None, None)]]))


class Pair(tuple):
    pass


class Counting:
    def __init__(self):
        self.calls = 0

    def __iter__(self):
        self.calls += 1
        return iter((None, None))


print("subclass", check_tree((Pair((None, None)), Pair((None, None)))))
counting = Counting()
print("iterable", check_tree(((None, None), counting)), counting.calls)
for bad in [(None,), (None, None, None), 42, "abc", [1], "ab"]:
    try:
        check_tree(((None, None), bad))
    except (ValueError, TypeError) as error:
        print("bad", type(error).__name__, error, frames_of(error))
try:
    check_tree((None, None, None))
except ValueError as error:
    print("top", error, frames_of(error))


# A whole callee that only unpacks and returns: its body runs in the caller's compiled loop.
def first(pair):
    a, b = pair
    return a


def second(pair):
    a, b = pair
    return b


def sum_firsts(items):
    total = 0
    for item in items:
        total += first(item) + second(item)
    return total


pairs = [(i, i * 2) for i in range(100)]
for _ in range(40):
    sum_firsts(pairs)
print("firsts", sum_firsts(pairs))
print("lists", sum_firsts([[1, 2], [3, 4]]))
print("mixed", sum_firsts([(1, 2), [3, 4], Pair((5, 6)), range(7, 9), {10: 0, 11: 0}]))
try:
    sum_firsts([(1, 2), (3, 4, 5)])
except ValueError as error:
    print("too many", error, frames_of(error))
try:
    sum_firsts([(1, 2), (3,)])
except ValueError as error:
    print("too few", error, frames_of(error))
try:
    sum_firsts([(1, 2), None])
except TypeError as error:
    print("not iterable", error, frames_of(error))
for _ in range(10):
    try:
        sum_firsts([(1, 2), 5])
    except TypeError:
        pass
print("after deopts", sum_firsts(pairs), sum_firsts([("a", "b")] * 0))


# The unpacked values reach the caller: heap objects through a collection-heavy loop.
def swap(pair):
    a, b = pair
    return (b, a)


def churn(count):
    pair = ([1], "x")
    for _ in range(count):
        pair = swap(pair)
        junk = [pair] * 3
    return pair, len(junk)


for _ in range(30):
    churn(20)
print("churn", churn(1001))
