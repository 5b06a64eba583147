# The messages of the errors programs hit most, and slice assignment corners.
import sys
x = [1, 2, 3]
x[1:2] = [7, 8, 9]; print(x)
x[::2] = [0, 0, 0]; print(x)
try: x[::2] = [1]
except ValueError as e: print(e)
del x[::2]; print(x)
s = "hello world"
print(s.split(maxsplit=1), s.rsplit("o", 1), s.title(), s.capitalize(), s.count("o"), s.find("z"), s.rindex("o"))
try: s.index("z")
except ValueError as e: print(e)
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]), max({"a": 1, "b": 2}, key={"a": 1, "b": 2}.get))
d = {}
d.setdefault("k", []).append(1); print(d, d.pop("k"), d.pop("z", None), d)
try: d.pop("z")
except KeyError as e: print(repr(e))
try: {}.popitem()
except KeyError as e: print(e)
print(dict(a=1) | {"b": 2}, {**{"a": 1}, "a": 2}, list({"x": 1}.items())[0])
l = [3, 1, 2]; l.sort(reverse=True); print(l, l.copy() is not l, l.count(1), l.index(2))
try: l.index(99)
except ValueError as e: print(e)
try: l.remove(99)
except ValueError as e: print(e)
try: [].pop()
except IndexError as e: print(e)
try: [1][5]
except IndexError as e: print(e)
try: (1,)[5]
except IndexError as e: print(e)
try: "a"[5]
except IndexError as e: print(e)
try: {}["missing"]
except KeyError as e: print(repr(e), str(e))
try: int("abc")
except ValueError as e: print(e)
try: [1, 2] + (3,)
except TypeError as e: print(e)
try: "a" + 1
except TypeError as e: print(e)
try: 1 + "a"
except TypeError as e: print(e)
try: None.foo
except AttributeError as e: print(e)
try: len(None)
except TypeError as e: print(e)
except TypeError as e: print(e)
try: [] < 1
except TypeError as e: print(e)
try: hash([])
except TypeError as e: print(e)
try: import nonexistent
except ImportError as e: print(e)
except ImportError as e: print(e)
try: x, y = [1, 2, 3]
except ValueError as e: print(e)
try: x, y, z = [1, 2]
except ValueError as e: print(e)
try: a, *b, c = [1]
except ValueError as e: print(e)
try: 1 / 0
except ZeroDivisionError as e: print(e)
try: 2 ** 10000.0
except OverflowError as e: print(e)
try: [0] * (2 ** 62)
except (MemoryError, OverflowError) as e: print(type(e).__name__)
try: "%d" % None
except TypeError as e: print(e)
try: int(None)
except TypeError as e: print(e)
try: float("x")
except ValueError as e: print(e)
try: {}[[]]
except TypeError as e: print(e)
try: iter(None)
except TypeError as e: print(e)
try: next(iter([]))
except StopIteration as e: print("stop", repr(e))
def rec(n): return rec(n + 1)
try: rec(0)
except RecursionError as e: print(e)
try: assert False
except AssertionError as e: print(repr(e))
try: raise NotImplementedError
except NotImplementedError as e: print(repr(e))
try: object().x = 1
except AttributeError as e: print(e)
try: (1).x = 1
except AttributeError as e: print(e)
try: "abc".x = 1
except AttributeError as e: print(e)
try: setattr(int, "x", 1)
except TypeError as e: print(e)
try: del [1][5]
except IndexError as e: print(e)
try: frozenset().add(1)
except AttributeError as e: print(e)
try: (1, 2).append(3)
except AttributeError as e: print(e)
try: sorted([3, 1], key=lambda: 0)
except TypeError as e: print(e)
try: print(undefined_xyz)
except NameError as e: print(e)
def uses_before():
    print(local_var)
    local_var = 1
try: uses_before()
except UnboundLocalError as e: print(e)
