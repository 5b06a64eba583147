import bisect
import heapq
from bisect import bisect_left, bisect_right, insort, insort_left, insort_right
from heapq import heapify, heappop, heappush, heappushpop, heapreplace, merge, nlargest, nsmallest


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


# heap layout must match CPython's exactly
h = []
for v in [5, 3, 8, 1, 9, 2, 7, 1, 6, 0, 4]:
    heappush(h, v)
    print(h)
print([heappop(h) for _ in range(len(h))], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, 10]
heapify(data)
print(data)
print(heapreplace(data, 5), data)
print(heappushpop(data, -1), heappushpop(data, 20), data)
print(heappop(data), heappop(data), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9, 2]), heapq.nsmallest(3, [5, 1, 8, 3, 9, 2]))
print(nlargest(2, [(1, "a"), (3, "b"), (3, "c"), (2, "d")], key=lambda t: t[0]))
print(nsmallest(2, [(1, "a"), (3, "b"), (1, "c"), (2, "d")], key=lambda t: t[0]))
print(nlargest(10, [3, 1, 2]), nsmallest(0, [1, 2]), nlargest(-1, [1]), nsmallest(1, []), nlargest(1, [4, 9, 2]))
print(nsmallest(4, iter(range(100, 0, -7))), nlargest(4, iter(range(100, 0, -7))))
print(nsmallest(3, iter("zyxwvutsrq"), key=str.upper), nlargest(3, iter("abcdefgh"), key=lambda c: -ord(c)))
print(list(merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15])))
print(list(merge(["dog", "horse"], ["cat", "fish", "kangaroo"], key=len)))
print(list(merge([7, 5, 1], [8, 2], reverse=True)), list(merge()), list(merge([], [1])))
print(list(merge([(1, "a"), (2, "a")], [(1, "b"), (2, "b")], key=lambda t: t[0])))
show("heappop empty", lambda: heappop([]))
show("heapreplace empty", lambda: heapreplace([], 1))
show("heappush tuple", lambda: heappush((), 1))
show("heapify tuple", lambda: heapify(()))
show("heappop int", lambda: heappop(1))
show("incomparable", lambda: heappush([1], "a"))

# priority queue with tuples
tasks = []
heappush(tasks, (5, "write code"))
heappush(tasks, (7, "release product"))
heappush(tasks, (1, "write spec"))
heappush(tasks, (3, "create tests"))
while tasks:
    print(heappop(tasks))


def heapsort(iterable):
    hh = []
    for value in iterable:
        heappush(hh, value)
    return [heappop(hh) for _ in range(len(hh))]


print(heapsort([1, 3, 5, 7, 9, 2, 4, 6, 8, 0]))
big = [(i * 7919) % 1009 for i in range(2000)]
hb = list(big)
heapify(hb)
print(hb[:12], [heappop(hb) for _ in range(5)], sum(hb))

# bisect
a = [1, 2, 4, 4, 4, 8]
print(bisect_left(a, 4), bisect_right(a, 4), bisect.bisect(a, 4), bisect_left(a, 0), bisect_right(a, 100))
print(bisect_left(a, 4, 3), bisect_right(a, 4, 0, 3), bisect_left(a, 4, hi=2), bisect.bisect(a, 2, 0, -1))
b = []
for v in [5, 1, 4, 1, 3]:
    insort(b, v)
print(b)
insort_left(b, 4)
insort_right(b, 4.0)
print(b)


def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(score) for score in [33, 99, 77, 70, 89, 90, 100]])
records = [("ann", 21), ("bob", 25), ("cid", 30)]
print(bisect_left(records, 25, key=lambda r: r[1]), bisect_right(records, 25, key=lambda r: r[1]))
insort(records, ("dan", 27), key=lambda r: r[1])
insort_left(records, ("eve", 25), key=lambda r: r[1])
print(records)
show("lo negative", lambda: bisect_left([1], 1, -1))
show("lo str", lambda: bisect_left([1], 1, "a"))
show("hi str", lambda: bisect_left([1], 1, 0, "a"))
show("hi too big", lambda: bisect_left([1, 2], 2, 0, 10))
print(bisect_left([1, 2], 2, 5), bisect_right((1, 2, 3), 2), bisect_left("abcde", "c"))
