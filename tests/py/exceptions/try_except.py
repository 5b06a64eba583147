# raise, try/except with "as", tuples of types, bare except, and fall-through.
def risky(kind):
    if kind == "zero":
        return 1 / 0
    if kind == "index":
        return [][0]
    if kind == "key":
        return {}["missing"]
    if kind == "value":
        raise ValueError("bad value")
    if kind == "custom":
        raise RuntimeError("custom failure", 42)
    return "fine"
for kind in ["zero", "index", "key", "value", "custom", "none"]:
    try:
        result = risky(kind)
    except ZeroDivisionError as e:
        print(kind, "-> ZeroDivisionError:", e)
    except (IndexError, KeyError) as e:
        print(kind, "-> lookup:", type(e).__name__, repr(e))
    except ValueError:
        print(kind, "-> ValueError without binding")
    except Exception as e:
        print(kind, "-> generic:", type(e).__name__, e.args, str(e))
    else:
        print(kind, "-> no exception:", result)
try:
    raise TypeError
except TypeError as e:
    print("raised class:", type(e).__name__, repr(e), repr(str(e)), e.args)
try:
    try:
        raise KeyError("inner")
    except ValueError:
        print("not reached")
except KeyError as e:
    print("propagated to outer:", repr(e))
try:
    int("x")
except:
    print("bare except caught it")
e = "rebinding"
try:
    raise ValueError("temp")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("the 'as' name is deleted after the handler:", err)
def catch_in_loop():
    results = []
    for x in [1, 0, 2, 0, 4]:
        try:
            results.append(10 // x)
        except ZeroDivisionError:
            results.append(None)
            continue
        results.append("ok")
    return results
print(catch_in_loop())
