# Exceptions raised inside compiled loops, caught outside (and inside), with the line numbers
# the interpreter would report (tests/jit.rs compares whole tracebacks across modes).

def divide_all(values, divisor_at):
    total = 0
    for i, value in enumerate(values):
        total += value // (i - divisor_at)
    return total

for attempt in range(3):
    try:
        divide_all(list(range(5000)), 4000)
    except ZeroDivisionError as error:
        print("caught", error)

def lookup_all(table, keys):
    found = 0
    for key in keys:
        try:
            found += table[key]
        except KeyError:
            found -= 1
    return found

table = {i: i for i in range(0, 4000, 2)}
print(lookup_all(table, range(4000)))
print(lookup_all(table, range(4000)))

def raises_deep(n):
    if n == 0:
        raise ValueError("bottom")
    return raises_deep(n - 1) + 1

for attempt in range(300):
    try:
        raises_deep(20)
    except ValueError as error:
        if attempt % 100 == 0:
            print(attempt, error)

def attribute_errors(objects):
    missing = 0
    for item in objects:
        try:
            item.missing_attribute
        except AttributeError as error:
            missing += 1
            last = str(error)
    return missing, last

print(attribute_errors([1, "a", 2.0] * 1000))

def finally_counts(n):
    count = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                continue
            if i == n - 10:
                break
            count += 1
        finally:
            count += 100
    return count

print(finally_counts(6000))

def uncaught(values):
    total = 0
    for value in values:
        total += 10 // value
    return total

print(uncaught(list(range(1, 5000))))
uncaught(list(range(5000, -1, -1)))
