# else and finally run in the documented order, even through return and break.
log = []
def attempt(fail):
    try:
        log.append("try")
        if fail:
            raise ValueError("fail")
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
attempt(False)
print(log)
log.clear()
attempt(True)
print(log)
def returns_in_try():
    try:
        return "from try"
    finally:
        print("finally runs before the return completes")
print(returns_in_try())
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def swallow():
    try:
        raise RuntimeError("lost")
    finally:
        return "finally return swallows the exception"
print(swallow())
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print("finally on iteration", i)
for i in range(3):
    try:
        if i == 0:
            continue
        print("body", i)
    finally:
        print("cleanup", i)
def propagate():
    try:
        raise KeyError("up")
    finally:
        print("cleanup before propagating")
try:
    propagate()
except KeyError as e:
    print("caught", repr(e))
def nested():
    out = []
    try:
        try:
            out.append(1)
            raise ValueError
        finally:
            out.append(2)
    except ValueError:
        out.append(3)
    finally:
        out.append(4)
    return out
print(nested())
counter = 0
def increments():
    global counter
    try:
        counter += 1
        return counter
    finally:
        counter += 10
print(increments(), counter)
