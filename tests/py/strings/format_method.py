# str.format and the format() builtin.
print("{} and {}".format("left", "right"))
print("{1} before {0}".format("zero", "one"), "{0}{0}{1}".format("a", "b"))
print("{name} is {age}".format(name="Ada", age=36))
print("{0[1]} {1[key]}".format([10, 20], {"key": "value"}))
print("{:>6}|{:<6}|{:^6}|".format("a", "b", "c"))
print("{:.2f} {:+d} {:,} {:x} {:08.3f}".format(3.14159, 5, 9876543, 48879, -2.5))
print("{!r} {!s}".format("quoted", "plain"))
print("{{}} {}".format("braces"))
print(format(3.14159, ".3f"), format(42, "05d"), format("x", ">3"), format(1234567, ","), format(0.5, ".0%"))
print(format(10), format(1.0), format("s"), format(True), format(None))
row = "{:<8}{:>6}{:>8}"
print(row.format("item", "qty", "price"))
for item, qty, price in [("pen", 3, 1.5), ("book", 1, 12.99), ("bag", 10, 0.1)]:
    print(row.format(item, qty, format(price, ".2f")))
