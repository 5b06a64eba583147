# A compiled function folds the globals it reads into constants, valid while no global changes
# anywhere. When some other global is rebound, each folded site checks that its own global
# still has the folded value and goes on using its constant; a global that did change is read
# afresh every time, rebound back to its first value is folded again, and deleted raises
# NameError (builtins shadowed and unshadowed too).
import builtins

SCALE = 3
counter = 0


def helper(x):
    return x + 1


def work(count):
    total = 0
    for i in range(count):
        total += helper(i) * SCALE + len("ab")
    return total


print(work(3000))
for round_number in range(5):
    counter = round_number  # another global changes: work's folded globals stay valid
    print(work(500))
SCALE = 4
print(work(500))
SCALE = 3
print(work(500))
helper = lambda x: x - 1
print(work(500))


def len(value):
    return 10


print(work(500))
del len
print(work(500))
original_len = builtins.len
builtins.len = lambda value: 7
print(work(500))
del builtins.len
try:
    work(10)
except NameError as error:
    print("NameError:", error)
builtins.len = original_len
print(work(500))
del SCALE
try:
    work(10)
except NameError as error:
    print("NameError:", error)
SCALE = 1
counter += 1
print(work(500))
