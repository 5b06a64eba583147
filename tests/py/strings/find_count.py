# find, rfind, index, count, startswith, endswith.
s = "the cat sat on the mat with the hat"
print(s.find("the"), s.find("the", 1), s.find("dog"), s.rfind("the"), s.rfind("at", 0, 10))
print(s.index("sat"), s.rindex("t"), s.count("the"), s.count("at"), s.count(""), "aaaa".count("aa"))
print(s.startswith("the"), s.startswith("cat"), s.startswith("cat", 4), s.startswith(("dog", "the")))
print(s.endswith("hat"), s.endswith(("cat", "mat")), s.endswith("mat", 0, 26))
print("abc".find(""), "abc".find("", 10), "abc".find("c", -1))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
pos = s.find("at")
positions = []
while pos != -1:
    positions.append(pos)
    pos = s.find("at", pos + 1)
print(positions)
print([w for w in s.split() if w.endswith("at")])
