# zip(strict=True) and its messages.
print(list(zip("ab", [1, 2], strict=True)), list(zip(strict=True)), list(zip("abc", [1], strict=False)))
for arguments in (("ab", [1]), ("a", [1, 2]), ("ab", "ab", "a"), ("ab", "abc", "ab"), ("a", "a", "abc"), ("abc", "a", "a")):
    try:
        print(list(zip(*arguments, strict=True)))
    except ValueError as error:
        print("ValueError:", error)
try:
    zip("a", bogus=1)
except TypeError as error:
    print("TypeError:", error)
