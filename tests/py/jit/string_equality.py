# `==` and `!=` in compiled code decide two exact strs inline (the same object, different
# lengths, different cached hashes) and compare the texts only when that does not tell. Str
# subclasses with their own `__eq__`, other types and mixes at the same site after it was
# compiled, NaN (not equal to itself), long and non-ASCII texts must compare as interpreted.


def count_equal(items, target):
    equal = 0
    unequal = 0
    for item in items:
        if item == target:
            equal += 1
        if item != target:
            unequal += 1
    return equal, unequal


def flags(items, target):
    return [item == target for item in items][:5], [item != target for item in items][-5:]


words = ["w%d" % (i % 101) for i in range(2000)]
hashed = set(words)  # every word's hash is cached now
long_words = [("long text " * 5) + str(i % 7) for i in range(2000)]
accented = ["é%dü" % (i % 13) for i in range(2000)]

for _ in range(2):
    print(count_equal(words, "w7"))
    print(count_equal(words, "w100"))
    print(count_equal(words, "w" + "7"))  # equal text, another object
    print(count_equal(words, words[5]))  # the same object as some items
    print(count_equal(words, "x7"))  # one length, another text
    print(count_equal(words, ""))
    print(count_equal(long_words, long_words[3]))
    print(count_equal(long_words, ("long text " * 5) + "3"))
    print(count_equal(accented, "é5ü"))
    print(count_equal(accented, "e5u"))
    print(flags(words, "w3"))


class Loose(str):
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    __hash__ = str.__hash__


class Plain(str):
    pass


print(count_equal(words, Loose("nothing")))
print(count_equal([Loose("a")] * 2000 + words[:1000], "b"))
print(count_equal([Plain("w7")] * 1500 + words[:1000], "w7"))
print(count_equal(words, Plain("w7")))

nan = float("nan")
print(count_equal([nan] * 2000, nan))
print(count_equal(words + [1, 2.5, None, (1, 2), b"w7", "w7"] * 300, "w7"))
print(count_equal(list(range(3000)), 7))
print(count_equal([1.0, 7.0] * 1500, 7))


class Always:
    def __eq__(self, other):
        return "truthy"

    def __ne__(self, other):
        return ""


print(count_equal([Always()] * 2000, "w7"))
print(flags([Always()] * 2000, "w7"))
print(flags(words, Always()))

# Texts of up to 7 characters compare inline as words; longer ones through the vm. Four-byte
# characters fill the inline bytes (28 of them); the differences sit in the last byte.
wide = ["𝄞" * 6 + chr(0x1D11E + i % 3) for i in range(2000)]
print(count_equal(wide, "𝄞" * 7))
print(count_equal(wide, "𝄞" * 6 + "𝄟"))
print(count_equal(wide, "𝄞" * 6 + "a"))
seven = ["abcdef" + chr(97 + i % 5) for i in range(2000)]
eight = ["abcdefg" + chr(97 + i % 5) for i in range(2000)]
print(count_equal(seven, "abcdefc"), count_equal(seven, "abcdefz"), count_equal(seven, "abcdeg"))
print(count_equal(eight, "abcdefgc"), count_equal(eight, "abcdefgz"))
print(count_equal(["", "a", "ab"] * 700, ""), count_equal(["", "a", "ab"] * 700, "ab"))
