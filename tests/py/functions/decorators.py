# Decorators: plain, with arguments, stacked, and stateful.
def shout(func):
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper() + "!"
    return wrapper
@shout
def greet(name):
    return f"hello {name}"
print(greet("world"), greet.__name__)
def repeat(times):
    def decorator(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorator
@repeat(3)
def roll(x):
    return x * 2
print(roll(5))
log = []
def trace(label):
    def decorator(func):
        def wrapper(*args):
            log.append(f"enter {label}{args}")
            result = func(*args)
            log.append(f"exit {label} -> {result}")
            return result
        return wrapper
    return decorator
@trace("outer")
@trace("inner")
def add(a, b):
    return a + b
print(add(2, 3))
print(log)
def count_calls(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper
@count_calls
def noop():
    return None
for _ in range(4):
    noop()
print(noop.calls)
registry = {}
def register(func):
    registry[func.__name__] = func
    return func
@register
def alpha():
    return "a"
@register
def beta():
    return "b"
print(sorted(registry), registry["beta"]())
def memoize(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    return wrapper
@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(90))
