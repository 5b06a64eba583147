# split, rsplit, splitlines, join and partition.
text = "  the quick  brown\tfox\njumps  "
print(text.split())
print(text.split(" "))
print("a,b,,c,".split(","))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a,b,c,d".rsplit(",", 1))
print("a::b::c".split("::"), "no-sep".split(","), "".split(), "".split(","))
print("  a  b  ".split(None, 1), "x".split("x"))
print("line1\nline2\r\nline3\n".splitlines(), "one\n\ntwo".splitlines(), "keep\nends\n".splitlines(True))
print(", ".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join("abc"), "+".join([]))
print(" ".join(str(n) for n in range(5)))
print("key=value=more".partition("="), "noequals".partition("="), "a=b=c".rpartition("="))
words = "It was the best of times it was the worst of times".lower().split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
csv = "name,age,city\nAda,36,London\nAlan,41,Wilmslow"
rows = [line.split(",") for line in csv.splitlines()]
for row in rows:
    print("|".join(cell.ljust(8) for cell in row))
