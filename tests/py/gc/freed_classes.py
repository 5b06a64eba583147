# Classes freed by a collection while attribute caches still remember them: a class made
# later may reuse a freed one's memory, and every lookup must see the new class's namespace
# (method sites, instance attribute sites, constructors, lookups on the class itself).
import gc


def make_class(number):
    class Made:
        tag = f"class {number}"

        def __init__(self, value):
            if number % 2:
                self.value = value
            else:
                self.other = -value
                self.value = value * 10

        def describe(self):
            return f"{self.tag}: {self.value} ({type(self).__name__} {number})"

    if number % 3 == 0:
        Made.extra = lambda self: f"extra {number}"
    return Made


def use(cls, value):
    instance = cls(value)
    text = instance.describe()
    extra = getattr(instance, "extra", None)
    return text + (" / " + extra() if extra else "") + f" tag={cls.tag}"


results = []
for round_number in range(12):
    cls = make_class(round_number)
    results.append(use(cls, round_number))
    results.append(use(cls, round_number + 100))
    del cls
    gc.collect()
    # Garbage of other kinds between classes, so slots are reused in varied orders.
    junk = [[index] for index in range(round_number * 7)]
    del junk
for line in results:
    print(line)


class Survivor:
    def describe(self):
        return "survivor"


survivor = Survivor()
for round_number in range(5):
    temporary = make_class(round_number)
    print(use(temporary, 1), survivor.describe())
    del temporary
    gc.collect()
print(len(results), "lines")


# The same steps each round, so a new class tends to take the freed one's slot: the method,
# class attribute and constructor caches of these sites must not hand out the old class's.
def same_steps(number):
    return type("Same", (), {"value": number, "get": lambda self, number=number: number * 2})


def call_method(instance):
    return instance.get()


def load_value(cls):
    return cls.value


wrong = 0
for number in range(40):
    cls = same_steps(number)
    if call_method(cls()) != number * 2 or load_value(cls) != number:
        wrong += 1
    del cls
    gc.collect()
print("wrong lookups after classes were freed:", wrong)
