# __iter__ and __next__: user iterators work with for, list, zip, sum, unpacking.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
for n in Countdown(3):
    print("tick", n)
print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(6)))
it = Countdown(2)
print(next(it), next(it), next(it, "exhausted"))
a, b, c = Countdown(3)
print(a, b, c)
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(4)
print(list(r), list(r), [x * 10 for x in r])
print(list(zip(Range2(3), Countdown(3))), dict(zip("abc", Range2(3))))
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        return FibIterator(self.limit)
class FibIterator:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value
print(list(Fib(100)))
print(sorted(Fib(50), reverse=True), 21 in Fib(50), 22 in Fib(50))
it = iter(Fib(5))
print(iter(it) is it, next(it), next(it), list(it))
