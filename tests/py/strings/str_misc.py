# Conversions between strings and other types, ord/chr round trips, iteration.
print(str(42), str(-3.5), str([1, "a"]), str((1, 2)), str({"k": [1]}), str(None))
print(repr(42), repr([1, "a"]), repr({"k": "v"}), repr((1,)), repr(()))
print(int("  -17 "), float("2.5e3"), float("-.5"), float("  7  "))
word = "Mississippi"
seen = []
for ch in word:
    if ch not in seen:
        seen.append(ch)
print(seen, [word.count(c) for c in seen])
print(sorted(word), sorted(set(word)), "".join(sorted(word, reverse=True)))
print([ord(c) for c in "AZaz09"], "".join(chr(c) for c in range(65, 91)))
caesar = "".join(chr((ord(c) - 97 + 3) % 26 + 97) if c.isalpha() else c for c in "attack at dawn")
print(caesar)
print("a" * 3 + "b" * 2, ("ab" * 3)[1:5], max("hello"), min("hello"))
parts = []
for i in range(5):
    parts.append(str(i) * i)
print(parts, "".join(parts))
print(len(""), len("a"), len("é"), len("\U0001F600"))
s = "immutable"
try:
    s[0] = "I"
except TypeError as e:
    print("TypeError:", e)
print(s.upper().lower() == s, s is not None)
