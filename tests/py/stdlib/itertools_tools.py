import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement,
                       compress, count, cycle, dropwhile, filterfalse, groupby, islice,
                       pairwise, permutations, product, repeat, starmap, takewhile, tee,
                       zip_longest)
import operator


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)


# count, cycle, repeat
c = count()
print(next(c), next(c), repr(c))
print(list(islice(count(5), 3)), list(islice(count(5, 2), 3)), list(islice(count(1.5, 0.5), 3)))
print(repr(count(5)), repr(count(5, 2)), repr(count(1.5)), repr(count(1, 1.0)), repr(count(step=-1)))
c = count(10, -3)
next(c)
print(repr(c))
show("count('a')", lambda: count("a"))
print(list(islice(cycle("abc"), 7)), list(cycle([])))
print(list(repeat("x", 3)), list(repeat(1, -2)), list(islice(repeat(7), 4)))
r = repeat("a", 3)
next(r)
print(repr(r), repr(repeat(1)), repr(repeat(1, -5)))
print(list(map(pow, range(5), repeat(2))))
show("repeat()", lambda: repeat())

# accumulate
print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([], initial=1)), list(accumulate([])))
print(list(accumulate(["a", "b", "c"])))
print(list(accumulate([1, 2, 3], lambda a, b: a - b, initial=10)))

# chain
print(list(chain("ab", [1, 2], (), range(2))))
print(list(chain.from_iterable(["ab", "cd"])), list(chain()))
show("chain(1)", lambda: list(chain(1)))

# compress, dropwhile, takewhile, filterfalse
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress("ABC", [1, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None])))

# groupby
print([k for k, g in groupby("AAAABBBCCDAABBB")])
print([list(g) for k, g in groupby("AAAABBBCCD")])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5, 7], key=lambda x: x % 2)])
groups = list(groupby("aabbc"))
print([(k, list(g)) for k, g in groups])
gb = groupby("aaabbb")
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2))
print(list(groupby([])))
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
for letter, group in groupby(words, key=operator.itemgetter(0)):
    print(letter, list(group))

# islice
print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)))
print(list(islice("ABCDEFG", 0, None, 2)), list(islice(range(10), 1, 8, 3)), list(islice("AB", 5)))
print(list(islice("ABCDEFG", None)), list(islice("ABCDEFG", None, 3)), list(islice("abc", 3, 1)))
it = iter(range(10))
print(list(islice(it, 2, 5)), next(it))
it = iter(range(10))
print(list(islice(it, 0, 6, 4)), next(it))
it = iter(range(10))
print(list(islice(it, 5, 2)), next(it))
show("islice(x)", lambda: islice([1]))
show("islice 5 args", lambda: islice([], 1, 2, 3, 4))
show("islice stop 'a'", lambda: islice([], "a"))
show("islice stop -1", lambda: islice([], -1))
show("islice start 'a'", lambda: islice([], "a", 2))
show("islice start -1", lambda: islice([], -1, 2))
show("islice step 0", lambda: islice([], 1, 2, 0))
show("islice step -1", lambda: islice([], None, None, -1))
show("islice not iterable", lambda: islice(1, 2))

# pairwise, starmap
print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
show("starmap bad", lambda: list(starmap(pow, [1])))

# tee
a, b = tee(iter([1, 2, 3, 4]))
print(next(a), next(a), list(b), list(a))
t = tee("abc", 3)
print(len(t), [list(x) for x in t])
print(tee([1], 0))
x, y = tee(range(5))
print(list(zip(x, y)))
show("tee -1", lambda: tee([], -1))

# zip_longest
print(list(zip_longest("ABCD", "xy", fillvalue="-")))
print(list(zip_longest([1, 2], [3], [4, 5, 6])), list(zip_longest()))
show("zip_longest(1)", lambda: zip_longest(1))

# combinatorics
print(list(product("ab", range(2))))
print(list(product(range(2), repeat=3)))
print(list(product()), list(product([], [1])), list(product("ab", repeat=0)))
show("product repeat -1", lambda: product([1], repeat=-1))
print(list(permutations("ABC")))
print(list(permutations(range(4), 2)))
print(list(permutations([], 0)), list(permutations([1], 2)), len(list(permutations(range(5)))))
show("permutations r=-1", lambda: permutations([1], -1))
show("permutations r=1.0", lambda: permutations([1], 1.0))
print(list(combinations("ABCD", 2)))
print(list(combinations(range(5), 3)))
print(list(combinations("AB", 0)), list(combinations("AB", 3)))
show("combinations r=-1", lambda: combinations([1], -1))
show("combinations r=None", lambda: combinations([1], None))
print(list(combinations_with_replacement("ABC", 2)))
print(list(combinations_with_replacement(range(3), 3)))
print(list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 1)))
show("cwr -1", lambda: combinations_with_replacement([1], -1))

# a few recipes
def take(n, iterable):
    return list(islice(iterable, n))


def roundrobin(*iterables):
    num_active = len(iterables)
    nexts = cycle(iter(it).__next__ for it in iterables)
    while num_active:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            num_active -= 1
            nexts = cycle(islice(nexts, num_active))


print(take(5, count(3)), list(roundrobin("ABC", "D", "EF")))
print(sum(1 for _ in combinations(range(10), 4)))
print(list(map("".join, product("01", repeat=3))))
