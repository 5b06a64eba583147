# List, dict and set comprehensions with filters and nesting.
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([n for row in matrix for n in row])
print({x: x ** 2 for x in range(6)})
print({w: len(w) for w in ["one", "three", "five"]})
print({x % 5 for x in range(30)})
print(sorted({c.upper() for c in "hello world" if c.isalpha()}))
print([c for c in "comprehension" if c in "aeiou"])
print(["even" if x % 2 == 0 else "odd" for x in range(5)])
x = "outer"
squares = [x for x in range(3)]
print(x, squares)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
offset = 10
print([v + offset for v in range(3)])
words = ["apple", "bob", "kayak", "level", "python"]
print([w for w in words if w == w[::-1]])
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
