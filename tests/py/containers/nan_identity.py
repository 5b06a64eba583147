# Containers compare by identity before equality, so a NaN object is found in a container
# that holds that very object, though nan != nan.
import math

x = float("nan")
print(x == x, x != x, x in [x], x in (x,), x in {x}, x in {x: 1})
print([x] == [x], (x,) == (x,), [x] != [x], {x: 1} == {x: 1}, [x] < [x])
print([x, 1].count(x), [1, x].index(x), {x: "v"}[x], math.nan in [math.nan])
items = [x, 2.0]
items.remove(x)
print(items, [1.0, x].count(1.0), sorted({x, x}, key=str))
print(max(1.0, x), min(x, 1.0), x is x)
