import hashlib
import random

for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"]:
    constructor = getattr(hashlib, name)
    empty = constructor()
    print(name, empty.name, empty.digest_size, empty.block_size, empty.hexdigest())
    h = constructor(b"The quick brown fox ")
    copy = h.copy()
    h.update(b"jumps over the lazy dog")
    print(h.hexdigest(), copy.hexdigest() == constructor(b"The quick brown fox ").hexdigest())
    print(h.digest()[:8], hashlib.new(name.upper(), b"abc").hexdigest() == constructor(b"abc").hexdigest())
big = hashlib.sha256()
for index in range(1000):
    big.update(bytes(range(index % 256)) * 3)
print(big.hexdigest())
print(hashlib.md5(bytearray(b"bytearray")).hexdigest(), hashlib.sha1(memoryview(b"view")).hexdigest())
for call in [lambda: hashlib.sha256("text"), lambda: hashlib.new("nope"), lambda: hashlib.md5().update(5)]:
    try:
        call()
    except (TypeError, ValueError) as error:
        print(type(error).__name__ + ":", error)
print(sorted(hashlib.algorithms_guaranteed & {"md5", "sha1", "sha256", "sha512"}))
# String seeds of random go through sha512, as in CPython.
random.seed("krait")
print(random.random(), random.randint(1, 1000))
random.seed(b"bytes seed")
print(random.random())
random.seed(bytearray(b"bytearray seed"))
print(random.random())
random.seed("v1", version=1)
print(random.random())
