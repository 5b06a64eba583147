# Small methods and functions that read module globals (constants such as FORWARD) are
# inlined into their callers, the globals folded to constants behind the globals epoch.
# Forces: a global the inlined body reads rebound after compiling (the body leaves and the
# call is made), other globals changing (the constant is revalidated), the global deleted
# (NameError from the callee's frame), a callee from another namespace, and a global that
# is a builtin name defined later.

FORWARD = 1
BACKWARD = 0
SCALE = 3


class Link:
    def __init__(self, direction, a, b):
        self.direction = direction
        self.a = a
        self.b = b

    def output(self):
        if self.direction == FORWARD:
            return self.b
        return self.a

    def scaled(self):
        return self.a * SCALE + self.b


def pick(link):
    return link.output()


def total_scaled(links):
    total = 0
    for link in links:
        total += link.scaled()
    return total


links = [Link(i % 2, i, -i) for i in range(50)]


def run(rounds):
    result = 0
    for _ in range(rounds):
        for link in links:
            result += pick(link)
    return result


print("forward picks", run(300))
print("scaled", total_scaled(links) * 10)

# Another global changes often: the folded constants are revalidated, not dropped.
counter = 0
for _ in range(2000):
    counter += 1
    pick(links[1])
print("counter", counter, run(20))

# The global the inlined body reads is rebound.
FORWARD = 0
print("after rebinding", run(300))
SCALE = 10
print("scaled again", total_scaled(links))
SCALE = 2.5
print("float scale", total_scaled(links))

# Deleted: the callee raises NameError from its own frame.
del FORWARD
try:
    run(1)
except NameError as error:
    names = []
    tb = error.__traceback__
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("NameError:", error, names)
FORWARD = 1
print("restored", run(300))

# A callee whose module namespace is another dict.
namespace = {"__name__": "other", "LIMIT": 7}
exec("def below(x):\n    return x < LIMIT\n", namespace)
below = namespace["below"]


def count_below(values):
    n = 0
    for v in values:
        if below(v):
            n += 1
    return n


values = list(range(20))
print("below", sum(count_below(values) for _ in range(300)))
namespace["LIMIT"] = 12
print("below after", count_below(values))


# A name that is a builtin in the callee, then a global shadowing it.
def absolute(x):
    return abs(x)


def absolutes(values):
    n = 0
    for v in values:
        n += absolute(v - 10)
    return n


print("absolutes", sum(absolutes(values) for _ in range(300)))
abs = lambda x: -x  # noqa: E731
print("shadowed", absolutes(values))
del abs
print("unshadowed", absolutes(values))
