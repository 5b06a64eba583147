# and/or return one of their operands and short-circuit; not returns a bool.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or 0)
print([] and "x", [1] and "x", 0 or [] or {}, 3 and 0 and 5)
print(not 0, not 1, not "", not "x", not [], not None)
trace = []
def t(name, result):
    trace.append(name)
    return result
print(t("a", True) or t("b", True))
print(t("c", False) and t("d", True))
print(t("e", True) and t("f", False) or t("g", "fallback"))
print(trace)
print(True and not False, not (True and False), not True or True)
x = 5
print(x > 3 and x < 10, x < 3 or x > 4, not x == 5)
for a in (True, False):
    for b in (True, False):
        print(a, b, a and b, a or b, not a, a != b)
name = ""
print(name or "anonymous")
values = [0, None, "", "first", "second"]
result = None
for v in values:
    result = result or v
print(result)
