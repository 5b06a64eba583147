# Positional and keyword arguments, defaults, and argument unpacking at the call site.
def describe(name, age, city="Unknown", *, verbose=False):
    text = f"{name} ({age}) from {city}"
    if verbose:
        text += " [verbose]"
    return text
print(describe("Ada", 36))
print(describe("Alan", 41, "Wilmslow"))
print(describe(age=29, name="Grace"))
print(describe("Linus", 21, city="Helsinki", verbose=True))
args = ["Guido", 67]
kwargs = {"city": "Amsterdam", "verbose": True}
print(describe(*args, **kwargs))
print(describe(*["Tim"], **{"age": 50}))
def power(base, exponent=2):
    return base ** exponent
print(power(3), power(3, 3), power(exponent=4, base=2))
def pos_only(a, b, /, c, *, d):
    return (a, b, c, d)
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
def no_return():
    x = 1
print(no_return())
def multiple():
    return 1, "two", [3]
one, two, three = multiple()
print(one, two, three, multiple())
def early(n):
    if n < 0:
        return "negative"
    return "non-negative"
print(early(-1), early(1))
print(describe.__name__, power.__name__)
