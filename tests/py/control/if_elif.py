# if / elif / else chains, nested conditions and truthiness tests.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))
for year in [1900, 2000, 2023, 2024]:
    if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        print(year, "leap")
    else:
        print(year, "common")
x = []
if x:
    print("non-empty")
else:
    print("empty")
if not x:
    pass
if 0: print("no")
elif "": print("no")
else: print("one-line branches")
for i in range(1, 16):
    if i % 15 == 0:
        out = "FizzBuzz"
    elif i % 3 == 0:
        out = "Fizz"
    elif i % 5 == 0:
        out = "Buzz"
    else:
        out = str(i)
    print(out, end=" ")
print()
