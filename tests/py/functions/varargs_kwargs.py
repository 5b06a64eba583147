# *args and **kwargs collect extra arguments; order of kwargs is preserved.
def collect(*args, **kwargs):
    return args, kwargs
print(collect())
print(collect(1, 2, 3))
print(collect(a=1, b=2))
print(collect(1, "x", key="value", other=None))
def total(first, *rest):
    result = first
    for r in rest:
        result += r
    return result
print(total(1), total(1, 2, 3), total("a", "b", "c"), total([1], [2]))
def report(title, **fields):
    lines = [title]
    for key, value in fields.items():
        lines.append(f"  {key}: {value}")
    return "\n".join(lines)
print(report("Config", host="localhost", port=8080, debug=True))
def forward(*args, **kwargs):
    return collect(*args, **kwargs)
print(forward(1, 2, z=3))
def kwonly(a, *, b, c=3):
    return a + b + c
print(kwonly(1, b=2), kwonly(1, c=10, b=2))
def mixed(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, kwargs)
print(mixed(1, c=3))
print(mixed(1, 5, 6, 7, c=8, e=9))
print(max(*[3, 9, 2]), print(*"abc", sep="-"))
nums = [1, 2, 3]
print(*nums)
print(*nums, *"xy", sep=",")
merged = {**{"a": 1}, **{"b": 2, "a": 3}}
print(merged, [*range(3), *"ab"], (*nums,))
