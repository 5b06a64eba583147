# Strings index and slice by code point; negative indices count from the end.
s = "Hello, World"
print(s[0], s[4], s[-1], s[-5], len(s))
print(s[0:5], s[7:], s[:5], s[-5:], s[:-7], s[:])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[-1:-6:-1])
print(repr(s[5:5]), repr(s[100:]), repr(s[-100:3]), repr(s[3:1]))
print(s[2:100], s[-100:-7])
for i in range(-len(s), len(s), 3):
    print(i, repr(s[i]))
u = "héllo wörld λ"
print(len(u), u[1], u[-1], u[::-1], u[6:11])
print("abc" * 3, "-" * 10, 3 * "ab", "x" * 0, repr("x" * -2))
print("abc" + "def", "a" in "abc", "ac" in "abc", "" in "abc", "b" not in "abc")
print("abc" < "abd", "abc" < "ab", "B" < "a", "abc" == "abc", "abc" != "ABC")
t = ""
for ch in "stream":
    t = ch + t
print(t)
print(list("abc"), tuple("hi"), [c for c in "xyz"])
print(s.__len__(), "abc".__getitem__(1))
