# About 2 GB of short-lived lists and strings in total; only a little is live at once.
total = 0
for i in range(20000):
    block = [i] * 10000
    total += len(block) + block[-1] - i
print(total)
chars = 0
for i in range(5000):
    s = str(i % 10) * 100000
    chars += len(s)
print(chars)
kept = []
for i in range(2000):
    row = [j * i for j in range(100)]
    if i % 100 == 0:
        kept.append(sum(row))
print(len(kept), kept[:3], kept[-1])
pieces = 0
for i in range(200):
    text = ",".join(str(j) for j in range(5000))
    pieces += len(text.split(","))
print(pieces)
d_total = 0
for i in range(300):
    d = {j: str(j) for j in range(2000)}
    d_total += len(d)
print(d_total)
