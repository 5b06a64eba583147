# Chaining generators into a processing pipeline.
LOG = """INFO start
WARN disk 91%
INFO tick
ERROR failed to open config
INFO tick
WARN disk 95%
ERROR timeout""".splitlines()
def lines(source):
    for line in source:
        yield line
def parse(rows):
    for row in rows:
        level, _, message = row.partition(" ")
        yield level, message
def only(level, records):
    for lvl, msg in records:
        if lvl == level:
            yield msg
for msg in only("WARN", parse(lines(LOG))):
    print("warning:", msg)
errors = list(only("ERROR", parse(LOG)))
print(errors)
counts = {}
for level, _ in parse(LOG):
    counts[level] = counts.get(level, 0) + 1
print(counts)
def window(seq, size):
    buf = []
    for item in seq:
        buf.append(item)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)
print(list(window(range(6), 3)))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
gen = primes()
print([next(gen) for _ in range(15)])
def batched(iterable, n):
    batch = []
    for x in iterable:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch
print(list(batched("abcdefg", 3)))
print(dict(enumerate(batched(range(5), 2))))
